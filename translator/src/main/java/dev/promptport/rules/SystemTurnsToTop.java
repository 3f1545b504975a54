package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI takes a system instruction at any place in the conversation, and so do the Claude models
 * that take system messages in {@code messages} (Claude Opus 4.8 and later, {@code takes:
 * [system_messages]} in targets.yaml); the Claude models before them refuse one ("Unexpected role
 * \"system\""), and Gemini takes system text only in {@code systemInstruction}. For a target
 * without such turns, each one's text joins the system text, and the lost place is named: the
 * model reads the instruction as given from the start, not from the point where it came.
 */
final class SystemTurnsToTop implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        String wire = ctx.target().facts().wire();
        boolean anthropic = ctx.target().facts().anthropicWire();
        if (anthropic && ctx.target().facts().takes("system_messages") || wire.equals("openai-chat")
                || wire.equals("openai-responses") || !hasSystemTurn(c.turns())) {
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
                ctx.sink().report("PP214", t.loc(), ctx.targetName(), anthropic ? "the top-level system" : "systemInstruction");
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
