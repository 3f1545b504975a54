package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;

import java.util.List;

/**
 * OpenAI answers a request that holds only system text; Claude and Gemini refuse a request
 * without a message. Such a request gets one user turn that asks the model to do what the
 * system text says, and the turn is named.
 */
final class AddMissingUserTurn implements RewriteStep {

    static final String TEXT = "Please respond to the instructions above.";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        String wire = ctx.target().facts().wire();
        boolean needsTurn = wire.equals("anthropic") || wire.equals("gemini");
        // a prompt file is written back as a prompt, where the caller adds the messages
        if (!needsTurn || c.source() != SourceKind.REQUEST || !c.turns().isEmpty() || c.system().isEmpty()) {
            return c;
        }
        ctx.sink().report("PP185", c.system().get(0).loc(), ctx.targetName(), TEXT);
        return c.withTurns(List.of(new Turn(Role.USER, List.of(new Part.Text(TEXT, null, null,
                c.system().get(c.system().size() - 1).loc())), c.system().get(0).loc())));
    }
}
