package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Claude and OpenAI take a system instruction at any place in the conversation; Gemini takes
 * system text only in {@code systemInstruction}. For a target without such turns, each one's text
 * joins the system text, and the lost place is named: the model reads the instruction as given
 * from the start, not from the point where it came.
 */
final class SystemTurnsToTop implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        String wire = ctx.target().facts().wire();
        if (ctx.target().facts().anthropicWire() || wire.equals("openai-chat") || wire.equals("openai-responses")
                || !hasSystemTurn(c.turns())) {
            return c;
        }
        List<Part> system = new ArrayList<>(c.system());
        List<Turn> turns = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            if (t.role() != Role.SYSTEM) {
                turns.add(t);
                continue;
            }
            system.addAll(t.parts());
            // before any message the system text is where it was
            if (!turns.isEmpty()) {
                ctx.sink().report("PP214", t.loc(), ctx.targetName());
            }
        }
        return Parts.with(c, system, turns);
    }

    /** A loop, not a stream: this runs on every request. */
    private static boolean hasSystemTurn(List<Turn> turns) {
        for (Turn t : turns) {
            if (t.role() == Role.SYSTEM) {
                return true;
            }
        }
        return false;
    }
}
