package dev.promptport.rules;

import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call answered twice (a client that retried a tool and kept both results, or that copied a
 * result into the next message) becomes one result: OpenAI refuses a second tool message for one
 * {@code tool_call_id}, Claude a second {@code tool_result} for one {@code tool_use} ("each
 * tool_use must have a single result"), and Gemini pairs function responses with calls one to
 * one. The results' contents go into the first, in the order they were written, so the model
 * reads everything the tool returned; each later result is named.
 */
final class RepeatedResults implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (!anyRepeated(c.turns())) {
            return c;
        }
        List<Turn> turns = c.turns();
        List<List<Part>> parts = new ArrayList<>(turns.size());
        for (Turn t : turns) {
            parts.add(new ArrayList<>(t.parts()));
        }
        // where the first result for each call id of the current run of user turns sits
        Map<String, int[]> first = new HashMap<>();
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).role() == Role.ASSISTANT) {
                first.clear();
                continue;
            }
            List<Part> list = parts.get(i);
            for (int k = 0; k < list.size(); k++) {
                if (!(list.get(k) instanceof Part.ToolResult r) || !hasId(r)) {
                    continue;
                }
                int[] at = first.get(r.callId());
                if (at == null) {
                    first.put(r.callId(), new int[] {i, k});
                    continue;
                }
                Part.ToolResult kept = (Part.ToolResult) parts.get(at[0]).get(at[1]);
                parts.get(at[0]).set(at[1], merged(kept, r));
                ctx.sink().report("PP210", r.loc(), r.callId(), ctx.targetName());
                list.remove(k--);
            }
        }
        List<Turn> out = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            if (!parts.get(i).isEmpty()) {
                out.add(turns.get(i).withParts(parts.get(i)));
            }
        }
        return c.withTurns(out);
    }

    /**
     * One result holding both contents. It is an error only when both were: a result that
     * succeeded is an answer the model should act on.
     */
    private static Part.ToolResult merged(Part.ToolResult a, Part.ToolResult b) {
        List<Part> content = new ArrayList<>(a.content().size() + b.content().size());
        content.addAll(a.content());
        content.addAll(b.content());
        CacheHint cache = b.cache() != null ? b.cache() : a.cache();
        return new Part.ToolResult(a.callId(), content, a.error() && b.error(), cache, a.loc());
    }

    private static boolean hasId(Part.ToolResult r) {
        return r.callId() != null && !r.callId().isEmpty();
    }

    /** Whether a run of user turns answers one call id twice; it allocates nothing. */
    private static boolean anyRepeated(List<Turn> turns) {
        int runStart = 0;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (t.role() == Role.ASSISTANT) {
                runStart = i + 1;
                continue;
            }
            List<Part> parts = t.parts();
            for (int k = 0; k < parts.size(); k++) {
                if (parts.get(k) instanceof Part.ToolResult r && hasId(r) && answeredBefore(turns, runStart, i, k, r.callId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a result before part {@code k} of turn {@code i}, from turn {@code runStart} on, answers {@code id}. */
    private static boolean answeredBefore(List<Turn> turns, int runStart, int i, int k, String id) {
        for (int j = runStart; j <= i; j++) {
            List<Part> parts = turns.get(j).parts();
            int end = j == i ? k : parts.size();
            for (int m = 0; m < end; m++) {
                if (parts.get(m) instanceof Part.ToolResult r && id.equals(r.callId())) {
                    return true;
                }
            }
        }
        return false;
    }
}
