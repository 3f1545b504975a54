package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Claude continues a request's final assistant turn as the start of its reply, and refuses
 * the request when that turn ends in whitespace ("final assistant content cannot end with
 * trailing whitespace"). OpenAI answers after such a turn whatever it ends with, so the
 * whitespace goes, as LiteLLM does for Claude too.
 */
final class TrimPrefill implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (!ctx.target().facts().anthropicWire() || !ctx.target().facts().prefill() || c.turns().isEmpty()
                || c.turns().get(c.turns().size() - 1).role() != Role.ASSISTANT) {
            // most requests end with the user: nothing to trim, nothing copied
            return c;
        }
        List<Turn> turns = new ArrayList<>(c.turns());
        boolean changed = false;
        // a text or turn left empty goes, and what came before it is final then
        while (!turns.isEmpty() && turns.get(turns.size() - 1).role() == Role.ASSISTANT) {
            Turn last = turns.get(turns.size() - 1);
            List<Part> parts = last.parts();
            if (parts.isEmpty() || !(parts.get(parts.size() - 1) instanceof Part.Text t)
                    || t.text().equals(t.text().stripTrailing())) {
                break;
            }
            String kept = t.text().stripTrailing();
            int removed = t.text().length() - kept.length();
            List<Part> rest = new ArrayList<>(parts.subList(0, parts.size() - 1));
            if (kept.isEmpty()) {
                ctx.sink().report("PP195", t.loc(), ctx.targetName(), removed,
                        "the text held nothing else, so it was left out");
            } else {
                rest.add(t.withText(kept, null));
                ctx.sink().report("PP195", t.loc(), ctx.targetName(), removed, "the reply continues from \""
                        + ConvertPrefill.abbreviate(kept) + "\" and may begin with a space or line break of its own");
            }
            changed = true;
            if (rest.isEmpty()) {
                turns.remove(turns.size() - 1);
            } else {
                turns.set(turns.size() - 1, last.withParts(rest));
                if (!kept.isEmpty()) {
                    break;
                }
            }
        }
        return changed ? c.withTurns(turns) : c;
    }
}
