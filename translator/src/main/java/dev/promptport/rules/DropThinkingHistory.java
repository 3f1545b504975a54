package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.ReasoningSignature.Signer;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.List;

/**
 * Reasoning from earlier replies is signed for the vendor that wrote it: only that vendor can
 * verify or use it, and sending it as visible text would put the reasoning into the
 * conversation. It goes back to the vendor that signed it (Claude's thinking blocks to Claude,
 * Gemini's thought signatures to Gemini, OpenAI's encrypted reasoning to the Responses API;
 * reasoning no vendor signed, as OpenAI-compatible servers return it, to DeepSeek's thinking
 * mode, which wants it back as {@code reasoning_content}) and is dropped, each with a finding,
 * everywhere else. Claude refuses a request whose
 * thinking block carries a signature it did not write, as happens when a failover reply from
 * another vendor comes back in the history.
 */
final class DropThinkingHistory implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (!holdsReasoning(c)) {
            // most requests: nothing to look at, so no callback is made per turn
            return c;
        }
        ModelFacts facts = ctx.target().facts();
        // Gemini and OpenAI take reasoning back only into a model that reasons
        Signer reader = switch (facts.wire()) {
            case "anthropic" -> Signer.CLAUDE;
            case "gemini" -> facts.reasons() ? Signer.GEMINI : null;
            case "openai-responses" -> facts.reasons() ? Signer.OPENAI : null;
            default -> null;
        };
        // DeepSeek's thinking mode wants its reasoning back on tool-call turns, as plain text
        boolean plain = facts.wire().equals("openai-chat") && ctx.chatDialect().reasoningContent();
        List<Part> system = Parts.mapList(c.system(), p -> kept(p, null, reader, plain, ctx));
        List<Turn> turns = Parts.mapList(c.turns(), t -> {
            List<Part> parts = Parts.mapList(t.parts(), p -> kept(p, t.role(), reader, plain, ctx));
            // a turn left without parts goes; FitContent puts a note in place of a last user turn
            return parts == t.parts() ? t : parts.isEmpty() ? null : t.withParts(parts);
        });
        return Parts.with(c, system, turns);
    }

    // by index: an iterator per list would be garbage on every request
    private static boolean holdsReasoning(Conversation c) {
        if (holdsReasoning(c.system())) {
            return true;
        }
        for (int i = 0; i < c.turns().size(); i++) {
            if (holdsReasoning(c.turns().get(i).parts())) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsReasoning(List<Part> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Part.Reasoning) {
                return true;
            }
        }
        return false;
    }

    /** {@code p}, or null when it is reasoning the target cannot take; {@code role} is null in the system text. */
    private static Part kept(Part p, Role role, Signer reader, boolean plain, StepContext ctx) {
        // plain reasoning goes back only where DeepSeek reads it: on the model's own turns
        if (p instanceof Part.Reasoning r && !(readableBy(r, reader) || plain && role == Role.ASSISTANT && plainText(r))) {
            ctx.sink().report("PP110", r.loc(), r.redacted() ? "redacted_thinking" : "thinking",
                    role == Role.ASSISTANT ? "an earlier assistant turn" : role == Role.USER ? "a user message"
                    : role == Role.SYSTEM ? "a system message" : "the system prompt");
            return null;
        }
        return p;
    }

    /**
     * Reasoning no vendor signed, as OpenAI-compatible servers return it ({@code reasoning_content})
     * and promptport gives it back: text any model may read.
     */
    private static boolean plainText(Part.Reasoning r) {
        return r.data() == null && !r.text().isEmpty() && ReasoningSignature.of(r.signature()) == null;
    }

    private static boolean readableBy(Part.Reasoning r, Signer reader) {
        if (reader == null) {
            return false;
        }
        if (r.data() != null) {
            // redacted thinking is encrypted by Claude
            return reader == Signer.CLAUDE;
        }
        ReasoningSignature sig = ReasoningSignature.of(r.signature());
        return sig != null && sig.signer() == reader;
    }
}
