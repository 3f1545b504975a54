package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;

/**
 * Thinking blocks from earlier replies are Claude's own, signed reasoning: another vendor
 * cannot verify or use them, and sending them as visible text would put the reasoning into
 * the conversation. They are dropped, each with a finding.
 */
final class DropThinkingHistory implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        boolean keepSigned = ctx.target().facts().anthropicWire();
        return Parts.map(c, p -> {
            // a model that continues replies (Claude) can take its own signed reasoning back;
            // reasoning another vendor produced has no signature it could verify
            if (p instanceof Part.Reasoning r && !(keepSigned && (r.signature() != null || r.data() != null))) {
                ctx.sink().report("PP110", r.loc(), r.redacted() ? "redacted_thinking" : "thinking");
                return null;
            }
            return p;
        });
    }
}
