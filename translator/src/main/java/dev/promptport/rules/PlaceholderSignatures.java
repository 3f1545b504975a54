package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningSignature;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Gemini 3 refuses a request when a function call of the turn in progress lacks the thought
 * signature Gemini gave it, which every call another model made lacks: a failover in the middle
 * of a tool loop would fail on every request. Google documents a placeholder signature for
 * calls no Gemini model made; each step's first call without a signature of its own gets it.
 */
final class PlaceholderSignatures implements RewriteStep {

    /** Google's documented stand-in for a signature, for calls that Gemini did not make. */
    static final String PLACEHOLDER = "skip_thought_signature_validator";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (!ctx.target().facts().rejectsParameter("unsigned_tool_calls")) {
            return c;
        }
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        int signed = 0;
        Part.ToolCall first = null;
        // a step is a run of assistant turns; only its first call carries the signature
        boolean stepHasCall = false;
        Part before = null;
        // Gemini checks only the turn in progress: what follows the last user turn that is not tool results
        for (int i = inProgress(turns); i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (t.role() != Role.ASSISTANT) {
                stepHasCall = false;
                before = null;
                continue;
            }
            List<Part> parts = t.parts();
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                if (p instanceof Part.ToolCall call && !stepHasCall) {
                    stepHasCall = true;
                    if (!(before instanceof Part.Reasoning)) {
                        List<Part> signedParts = new ArrayList<>(parts);
                        signedParts.add(k, new Part.Reasoning("", ReasoningSignature.gemini(PLACEHOLDER), false, null,
                                call.loc()));
                        if (out == null) {
                            out = new ArrayList<>(turns);
                        }
                        out.set(i, t.withParts(signedParts));
                        signed++;
                        first = first == null ? call : first;
                    }
                }
                before = p;
            }
        }
        if (signed == 0) {
            return c;
        }
        ctx.sink().report("PP187", first.loc(), signed, ctx.targetName());
        return c.withTurns(out);
    }

    private static int inProgress(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                for (Part p : turns.get(i).parts()) {
                    if (!(p instanceof Part.ToolResult)) {
                        return i + 1;
                    }
                }
            }
        }
        return 0;
    }
}
