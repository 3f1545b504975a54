package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;
import dev.promptport.write.ChatDialect;

import java.util.ArrayList;
import java.util.List;

/**
 * A model that takes no system text at all ({@code system_role: user}): OpenAI's o1-mini refuses
 * both a system and a developer message (400 "'messages[0].role' does not support 'system' with
 * this model"), and a Gemma model on the Gemini API a {@code systemInstruction} (400 "Developer
 * instruction is not enabled for models/gemma-3-27b-it"). In a request, the system text becomes
 * a user message where it stood, so none of it is lost. A prompt file keeps its system text,
 * since a prompt returned as text or written back leaves its placing to the caller; a request
 * written from it sends the text with the user role
 * ({@link dev.promptport.write.ChatDialect#systemRole}), and the finding says both. Runs last,
 * after every step that may add to the system text.
 */
final class SystemAsUser implements RewriteStep {

    static final String BEFORE = "the system text was sent as a user message before the conversation";
    static final String IN_PLACE = "this system message was sent as a user message where it stood";
    static final String PROMPT = "this system text must reach it as a user message (a request written from"
            + " this prompt sends it as one; code that places the text itself must send it as the first user message)";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        if (!"user".equals(ctx.target().facts().systemRole())) {
            return c;
        }
        if (c.source() != SourceKind.REQUEST) {
            if (!c.system().isEmpty()) {
                ctx.sink().report("PP131", c.system().get(0).loc(), ctx.targetName(), PROMPT, refusal(ctx));
            }
            return c;
        }
        List<Turn> turns = new ArrayList<>(c.turns().size() + 1);
        boolean moved = !c.system().isEmpty();
        if (moved) {
            Loc at = c.system().get(0).loc();
            ctx.sink().report("PP131", at, ctx.targetName(), BEFORE, refusal(ctx));
            turns.add(new Turn(Role.USER, c.system(), at));
        }
        for (Turn t : c.turns()) {
            if (t.role() == Role.SYSTEM) {
                ctx.sink().report("PP131", t.loc(), ctx.targetName(), IN_PLACE, refusal(ctx));
                turns.add(new Turn(Role.USER, t.parts(), t.loc()));
                moved = true;
            } else {
                turns.add(t);
            }
        }
        return moved ? Parts.with(c, List.<Part>of(), turns) : c;
    }

    /** What the target's API refuses, in its own terms. */
    private static String refusal(StepContext ctx) {
        String wire = ctx.target().facts().wire();
        if (wire.equals("gemini")) {
            return "the Gemini API refuses a request with a systemInstruction for it";
        }
        if (wire.equals("openai-responses") || wire.equals("openai-chat") && ctx.chatDialect() == ChatDialect.OPENAI) {
            return "OpenAI refuses a request with a system or developer message for it";
        }
        return "its API refuses a request that has one";
    }
}
