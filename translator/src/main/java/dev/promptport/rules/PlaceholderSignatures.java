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
        List<Turn> out = new ArrayList<>(turns.size());
        int signed = 0;
        Part.ToolCall first = null;
        // Gemini checks only the turn in progress: what follows the last user turn that is not tool results
        int start = inProgress(turns);
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            boolean stepStart = i == 0 || turns.get(i - 1).role() != Role.ASSISTANT;
            Part.ToolCall call = i >= start && t.role() == Role.ASSISTANT && stepStart ? unsignedFirstCall(turns, i) : null;
            if (call == null) {
                out.add(t);
                continue;
            }
            // the call is in this turn or in a later assistant turn of the same step
            int j = i;
            while (!turns.get(j).parts().contains(call)) {
                out.add(turns.get(j));
                j++;
            }
            List<Part> parts = new ArrayList<>(turns.get(j).parts());
            parts.add(parts.indexOf(call), new Part.Reasoning("", ReasoningSignature.gemini(PLACEHOLDER), false, null, call.loc()));
            out.add(turns.get(j).withParts(parts));
            i = j;
            signed++;
            first = first == null ? call : first;
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

    /** The first call of the step starting at {@code from} when no signature comes right before it. */
    private static Part.ToolCall unsignedFirstCall(List<Turn> turns, int from) {
        Part before = null;
        for (int i = from; i < turns.size() && turns.get(i).role() == Role.ASSISTANT; i++) {
            for (Part p : turns.get(i).parts()) {
                if (p instanceof Part.ToolCall call) {
                    return before instanceof Part.Reasoning ? null : call;
                }
                before = p;
            }
        }
        return null;
    }
}
