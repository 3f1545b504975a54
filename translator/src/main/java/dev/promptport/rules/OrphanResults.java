package dev.promptport.rules;

import dev.promptport.tree.CacheHint;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

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
                if (p instanceof Part.ToolResult r && !called(turns, runStart, runEnd, r.callId())) {
                    if (fixed == null) {
                        fixed = new ArrayList<>(parts.subList(0, k));
                    }
                    asText(r, turns, fixed, ctx);
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
    private static void asText(Part.ToolResult r, List<Turn> turns, List<Part> into, StepContext ctx) {
        String name = toolName(turns, r.callId());
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

    /** The name of the tool called with {@code id} anywhere in the conversation, or {@code null}. */
    private static String toolName(List<Turn> turns, String id) {
        if (id == null) {
            return null;
        }
        for (Turn t : turns) {
            for (Part p : t.parts()) {
                if (p instanceof Part.ToolCall call && id.equals(call.id())) {
                    return call.name();
                }
            }
        }
        return null;
    }
}
