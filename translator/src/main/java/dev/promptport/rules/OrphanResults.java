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
 * A tool result must answer a call of the assistant turn just before it: Claude refuses a
 * {@code tool_result} without its {@code tool_use} in the previous message, OpenAI a {@code tool}
 * message that does not follow the assistant message with its {@code tool_call_id}, Gemini a
 * function response turn that does not come right after the function call turn. A result whose
 * call is gone (a trimmed history, say) becomes user text that says whose result it is, so the
 * model still reads what the tool returned and the request is not refused. LiteLLM leaves such a
 * result out instead (with modify_params), which loses what the tool said; the Vercel AI SDK
 * sends it on, and the vendor refuses the request.
 */
final class OrphanResults implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        List<Turn> turns = c.turns();
        List<Turn> out = null;
        // the assistant turns just before the user turns being read: writers send each run as one message
        int runStart = -1;
        int runEnd = -1;
        // the ids those turns call when they call many, and every call's tool by id once a result has none
        Set<String> runIds = null;
        int idsOf = -2;
        Map<String, String> names = null;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            if (t.role() == Role.ASSISTANT) {
                if (runEnd != i) {
                    runStart = i;
                }
                runEnd = i + 1;
                continue;
            }
            List<Part> parts = t.parts();
            List<Part> fixed = null;
            for (int k = 0; k < parts.size(); k++) {
                Part p = parts.get(k);
                if (p instanceof Part.ToolResult && idsOf != runStart) {
                    idsOf = runStart;
                    runIds = manyIds(turns, runStart, runEnd);
                }
                if (p instanceof Part.ToolResult r && !(runIds != null ? runIds.contains(r.callId())
                        : called(turns, runStart, runEnd, r.callId()))) {
                    if (fixed == null) {
                        fixed = new ArrayList<>(parts.subList(0, k));
                    }
                    if (names == null) {
                        names = toolNames(turns);
                    }
                    asText(r, names.get(r.callId()), fixed, ctx);
                } else if (fixed != null) {
                    fixed.add(p);
                }
            }
            if (fixed != null) {
                if (out == null) {
                    out = new ArrayList<>(turns);
                }
                out.set(i, t.withParts(fixed));
            }
        }
        return out == null ? c : c.withTurns(out);
    }

    /** Calls searched in place; more go into a set, so many results for many calls cost no product of the two. */
    private static final int FEW = 16;

    /** The ids the assistant turns {@code [start, end)} call, when they make more than a few calls; else null. */
    private static Set<String> manyIds(List<Turn> turns, int start, int end) {
        int calls = 0;
        for (int i = Math.max(start, 0); i < end; i++) {
            for (Part p : turns.get(i).parts()) {
                if (p instanceof Part.ToolCall) {
                    calls++;
                }
            }
        }
        if (calls <= FEW) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (int i = Math.max(start, 0); i < end; i++) {
            for (Part p : turns.get(i).parts()) {
                if (p instanceof Part.ToolCall call && call.id() != null) {
                    ids.add(call.id());
                }
            }
        }
        return ids;
    }

    /** Whether a call of the assistant turns {@code [start, end)} has the id. */
    private static boolean called(List<Turn> turns, int start, int end, String id) {
        if (id == null) {
            return false;
        }
        for (int i = Math.max(start, 0); i < end; i++) {
            for (Part p : turns.get(i).parts()) {
                if (p instanceof Part.ToolCall call && id.equals(call.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The result as a note naming its call, followed by what the tool returned. */
    /**
     * @param name the tool called with the result's id anywhere in the conversation, or null
     */
    private static void asText(Part.ToolResult r, String name, List<Part> into, StepContext ctx) {
        String call = r.callId() == null || r.callId().isEmpty() ? "without an id"
                : name == null || name.equals(r.callId()) ? r.callId() : name + " (id " + r.callId() + ")";
        String note = "[" + (r.error() ? "Error returned by" : "Result of") + " the tool call " + call
                + (r.content().isEmpty() ? ", which returned nothing.]" : ":]");
        ctx.sink().report("PP204", r.loc(), call, ctx.targetName(), note);
        List<Part> content = r.content();
        CacheHint cache = r.cache();
        into.add(new Part.Text(note, null, content.isEmpty() ? cache : null, r.loc()));
        for (int i = 0; i < content.size(); i++) {
            Part p = content.get(i);
            // the cache mark stays at the end of what the result held
            if (cache != null && i == content.size() - 1 && p instanceof Part.Text t && t.cache() == null) {
                p = new Part.Text(t.text(), t.markup(), cache, t.loc(), t.citations());
            }
            into.add(p);
        }
    }

    /** The tool each call id names, the first call with it anywhere in the conversation. */
    private static Map<String, String> toolNames(List<Turn> turns) {
        Map<String, String> names = new HashMap<>();
        for (Turn t : turns) {
            for (Part p : t.parts()) {
                if (p instanceof Part.ToolCall call && call.id() != null) {
                    names.putIfAbsent(call.id(), call.name());
                }
            }
        }
        return names;
    }
}
