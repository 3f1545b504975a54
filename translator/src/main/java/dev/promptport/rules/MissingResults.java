package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every tool call must be answered in the messages right after it: OpenAI refuses an assistant
 * message whose {@code tool_calls} are not each followed by a tool message ("must be followed by
 * tool messages responding to each 'tool_call_id'"), the Responses API a {@code function_call}
 * without its output, Gemini a function call turn without as many responses, and Claude a
 * {@code tool_use} without its {@code tool_result} ("tool_use ids were found without
 * tool_result blocks immediately after"). An agent leaves a call unanswered when the user
 * interrupts the tool, when the reply to it was lost, or when a history is trimmed; and
 * {@link OrphanResults} leaves one when a call's result came too late and became text. Each such
 * call gets a result that says none was returned, marked as an error, so the request is not
 * refused and the model does not read the silence as success. Calls that end the conversation
 * are left as they are: the request is the model's own turn, sent back to go on from, and the
 * gateways (LiteLLM, CLIProxyAPI) pass it on as it is.
 */
final class MissingResults implements RewriteStep {

    /** The result an unanswered call is given. */
    static final String TEXT = "No result was returned for this tool call.";

    /** Results searched in place; more go into a set, so many calls and results cost no product of the two. */
    private static final int FEW = 16;

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        List<Turn> turns = c.turns();
        List<Fix> fixes = null;
        // the calls of the current run of assistant turns, and the results the turns after it give:
        // made at the first call, as most requests make none
        List<Part.ToolCall> calls = null;
        List<String> answered = null;
        // the first turn after the run, and the first user turn after it: -1 while there is none
        int after = -1;
        int user = -1;
        for (int i = 0; i <= turns.size(); i++) {
            Turn t = i < turns.size() ? turns.get(i) : null;
            if (t == null || t.role() == Role.ASSISTANT) {
                if (after >= 0) {
                    if (calls != null && !calls.isEmpty()) {
                        // the run and the turns that answer it are over: what is still unanswered gets its result
                        List<Part.ToolCall> missing = unanswered(calls, answered);
                        if (!missing.isEmpty()) {
                            if (fixes == null) {
                                fixes = new ArrayList<>();
                            }
                            fixes.add(new Fix(after, user, missing));
                        }
                        calls.clear();
                        answered.clear();
                    }
                    after = -1;
                    user = -1;
                }
                if (t != null) {
                    for (Part p : t.parts()) {
                        if (p instanceof Part.ToolCall call && call.id() != null) {
                            if (calls == null) {
                                calls = new ArrayList<>();
                                answered = new ArrayList<>();
                            }
                            calls.add(call);
                        }
                    }
                }
                continue;
            }
            if (after < 0) {
                after = i;
            }
            if (user < 0 && t.role() == Role.USER) {
                user = i;
            }
            if (calls != null && !calls.isEmpty()) {
                for (Part p : t.parts()) {
                    if (p instanceof Part.ToolResult r && r.callId() != null) {
                        answered.add(r.callId());
                    }
                }
            }
        }
        return fixes == null ? c : c.withTurns(fixed(turns, fixes, ctx));
    }

    /**
     * Calls left unanswered by the turns after their run: the results go into the first user
     * turn there ({@code user}), or, when those turns are system text only, into a user turn of
     * their own at {@code after}, right after the calls.
     */
    private record Fix(int after, int user, List<Part.ToolCall> missing) {
    }

    private static List<Turn> fixed(List<Turn> turns, List<Fix> fixes, StepContext ctx) {
        List<Turn> out = new ArrayList<>(turns.size() + fixes.size());
        int next = 0;
        for (Fix fix : fixes) {
            int to = fix.user() >= 0 ? fix.user() : fix.after();
            out.addAll(turns.subList(next, to));
            List<Part> results = results(fix.missing(), ctx);
            if (fix.user() < 0) {
                out.add(new Turn(Role.USER, results, fix.missing().get(fix.missing().size() - 1).loc()));
                next = to;
                continue;
            }
            Turn turn = turns.get(to);
            List<Part> parts = new ArrayList<>(turn.parts().size() + results.size());
            // after the results the turn holds: a result goes before any text, as the writers send them
            int at = 0;
            for (int k = 0; k < turn.parts().size(); k++) {
                if (turn.parts().get(k) instanceof Part.ToolResult) {
                    at = k + 1;
                }
            }
            parts.addAll(turn.parts().subList(0, at));
            parts.addAll(results);
            parts.addAll(turn.parts().subList(at, turn.parts().size()));
            out.add(turn.withParts(parts));
            next = to + 1;
        }
        out.addAll(turns.subList(next, turns.size()));
        return out;
    }

    private static List<Part> results(List<Part.ToolCall> missing, StepContext ctx) {
        List<Part> results = new ArrayList<>(missing.size());
        for (Part.ToolCall call : missing) {
            ctx.sink().report("PP220", call.loc(), call.name() + " (id " + call.id() + ")", ctx.targetName(), TEXT);
            results.add(new Part.ToolResult(call.id(), List.of(new Part.Text(TEXT, null, null, call.loc())),
                    true, null, call.loc()));
        }
        return results;
    }

    /** The calls none of {@code answered} names, in the order they were made. */
    private static List<Part.ToolCall> unanswered(List<Part.ToolCall> calls, List<String> answered) {
        Set<String> ids = answered.size() > FEW ? new HashSet<>(answered) : null;
        List<Part.ToolCall> missing = List.of();
        for (Part.ToolCall call : calls) {
            if (ids != null ? ids.contains(call.id()) : answered.contains(call.id())) {
                continue;
            }
            if (missing.isEmpty()) {
                missing = new ArrayList<>();
            }
            missing.add(call);
        }
        return missing;
    }
}
