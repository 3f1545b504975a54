package dev.promptport.rules;

import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        // the first result for each call id of the current run of user turns, and what later ones add to it
        Map<String, Answer> first = new HashMap<>();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            List<Part> kept = new ArrayList<>(turn.parts().size());
            parts.add(kept);
            if (turn.role() == Role.ASSISTANT) {
                first.values().forEach(a -> a.close(parts));
                first.clear();
                kept.addAll(turn.parts());
                continue;
            }
            for (Part p : turn.parts()) {
                if (!(p instanceof Part.ToolResult r) || !hasId(r)) {
                    kept.add(p);
                    continue;
                }
                Answer a = first.get(r.callId());
                if (a == null) {
                    first.put(r.callId(), new Answer(r, i, kept.size()));
                    kept.add(r);
                } else {
                    a.add(r);
                    ctx.sink().report("PP210", r.loc(), r.callId(), ctx.targetName());
                }
            }
        }
        first.values().forEach(a -> a.close(parts));
        List<Turn> out = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            if (!parts.get(i).isEmpty()) {
                out.add(turns.get(i).withParts(parts.get(i)));
            }
        }
        return c.withTurns(out);
    }

    /**
     * A call's first result and the contents of those after it, gathered once and put together
     * at the end of the run, so a call answered many times costs no copy per answer.
     */
    private static final class Answer {
        private final Part.ToolResult first;
        private final int turn;
        private final int part;
        private List<Part> content;
        private boolean error;
        private CacheHint cache;

        Answer(Part.ToolResult first, int turn, int part) {
            this.first = first;
            this.turn = turn;
            this.part = part;
            this.error = first.error();
            this.cache = first.cache();
        }

        void add(Part.ToolResult later) {
            if (content == null) {
                content = new ArrayList<>(first.content());
            }
            content.addAll(later.content());
            // an error only when every result was: a result that succeeded is an answer the model should act on
            error &= later.error();
            cache = later.cache() != null ? later.cache() : cache;
        }

        void close(List<List<Part>> parts) {
            if (content != null) {
                parts.get(turn).set(part, new Part.ToolResult(first.callId(), content, error, cache, first.loc()));
            }
        }
    }

    private static boolean hasId(Part.ToolResult r) {
        return r.callId() != null && !r.callId().isEmpty();
    }

    /**
     * Whether a run of user turns answers one call id twice. A run of a few results is searched
     * in place, which allocates nothing; a longer one through a set of its ids, so that a request
     * of a million results costs a million steps, not a million squared.
     */
    private static boolean anyRepeated(List<Turn> turns) {
        int runStart = 0;
        int results = 0;
        Set<String> ids = null;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (t.role() == Role.ASSISTANT) {
                runStart = i + 1;
                results = 0;
                ids = null;
                continue;
            }
            List<Part> parts = t.parts();
            for (int k = 0; k < parts.size(); k++) {
                if (!(parts.get(k) instanceof Part.ToolResult r) || !hasId(r)) {
                    continue;
                }
                if (++results <= FEW) {
                    if (answeredBefore(turns, runStart, i, k, r.callId())) {
                        return true;
                    }
                    continue;
                }
                if (ids == null) {
                    ids = idsBefore(turns, runStart, i, k);
                }
                if (!ids.add(r.callId())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Results searched in place before a run's ids go into a set. */
    private static final int FEW = 16;

    /** The call ids answered from turn {@code runStart} on, before part {@code k} of turn {@code i}. */
    private static Set<String> idsBefore(List<Turn> turns, int runStart, int i, int k) {
        Set<String> ids = new HashSet<>();
        for (int j = runStart; j <= i; j++) {
            List<Part> parts = turns.get(j).parts();
            int end = j == i ? k : parts.size();
            for (int m = 0; m < end; m++) {
                if (parts.get(m) instanceof Part.ToolResult r && hasId(r)) {
                    ids.add(r.callId());
                }
            }
        }
        return ids;
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
