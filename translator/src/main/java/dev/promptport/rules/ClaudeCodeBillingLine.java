package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;

import java.util.ArrayList;
import java.util.List;

/**
 * Claude Code puts a billing line in the system prompt
 * ({@code x-anthropic-billing-header: cc_version=…; cc_entrypoint=…; cch=…;}), a block of its
 * own, first. Anthropic's API reads it as attribution, not as an instruction. Another vendor would
 * show it to the model, and its {@code cch} value changes with every request, so at the start of
 * the prompt it stops the vendor's automatic prompt cache from ever matching: every turn pays for
 * the whole prompt again. For such a target the line is dropped and named (PP114, with the line).
 */
final class ClaudeCodeBillingLine implements RewriteStep {

    static final String PREFIX = "x-anthropic-billing-header:";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (ctx.target().facts().anthropicWire() || !holdsLine(c.system())) {
            return c;
        }
        List<Part> system = new ArrayList<>(c.system().size());
        for (Part p : c.system()) {
            if (!(p instanceof Part.Text t) || !t.text().startsWith(PREFIX)) {
                system.add(p);
                continue;
            }
            int end = t.text().indexOf('\n');
            String line = end < 0 ? t.text().strip() : t.text().substring(0, end).strip();
            ctx.sink().report("PP114", t.loc(), "Claude Code's billing line in the system prompt (\"" + line + "\") was dropped:"
                    + " it tells Anthropic's billing which client sent the request and is no instruction to the model, and"
                    + " its cch value changes with every request, which would keep " + ctx.targetName()
                    + " from reusing its cache of the prompt's unchanged start.");
            String rest = end < 0 ? "" : t.text().substring(end + 1).stripLeading();
            if (!rest.isEmpty()) {
                // a client that joined the blocks into one text: the prompt after the line stays
                system.add(t.withText(rest, TagScanner.mayContainTags(rest) ? TagScanner.scan(rest) : null));
            }
        }
        return Parts.with(c, system, c.turns());
    }

    /** A loop, not a stream: this runs on every request. */
    private static boolean holdsLine(List<Part> system) {
        for (Part p : system) {
            if (p instanceof Part.Text t && t.text().startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }
}
