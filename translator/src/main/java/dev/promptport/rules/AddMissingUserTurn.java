package dev.promptport.rules;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI answers a request that holds only system text or only a prefilled reply; Claude and
 * Gemini refuse a request without a user message (Claude on Bedrock and Vertex says "first message
 * must use the user role"). Such a request gets one user turn that asks the model to do what the
 * system text says, or, with no system text, to continue the prefilled reply, and the turn is
 * named. System turns are system text too: a conversation of them alone, or of them and a
 * prefill, still has no user message. A conversation that has user turns but starts with an
 * assistant turn (a history trimmed from the front) is refused too: Gemini refuses a first
 * function call ("function call turn comes immediately after a user turn or after a function
 * response turn"), Claude on Bedrock and Vertex any first assistant turn; a user turn that says
 * the start is missing goes before it.
 */
final class AddMissingUserTurn implements RewriteStep {

    static final String TEXT = "Please respond to the instructions above.";
    static final String CONTINUE = "Please continue.";
    static final String EARLIER = "[The start of this conversation is not included.]";

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        String wire = ctx.target().facts().wire();
        boolean needsTurn = wire.equals("anthropic") || wire.equals("gemini");
        if (c.turns().isEmpty() && c.system().isEmpty() && c.source() == SourceKind.REQUEST) {
            throw nothingToSend(ctx);
        }
        // a prompt file is written back as a prompt, where the caller adds the messages
        if (!needsTurn || c.source() != SourceKind.REQUEST) {
            return c;
        }
        if (hasUserTurn(c.turns())) {
            return startWithUser(c, ctx);
        }
        Loc first = null;
        Loc last = null;
        if (!c.system().isEmpty()) {
            first = c.system().get(0).loc();
            last = c.system().get(c.system().size() - 1).loc();
        }
        Loc reply = null;
        // the user turn goes before the first reply, so that a prefill stays the final turn
        int at = c.turns().size();
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            if (t.role() == Role.ASSISTANT && at == c.turns().size()) {
                at = i;
                reply = t.loc();
            } else if (t.role() == Role.SYSTEM) {
                first = first == null ? t.loc() : first;
                // the added text asks for what the system text above it says
                last = at == c.turns().size() ? t.loc() : last;
            }
        }
        String text = TEXT;
        String holds = "system text";
        if (first == null) {
            if (reply == null) {
                // no turn at all: nothing says what the added turn would ask for
                return c;
            }
            // only a prefilled reply: the added turn asks for it to go on, and the prefill stays last
            first = reply;
            text = CONTINUE;
            holds = "an assistant turn";
        }
        ctx.sink().report("PP185", first, ctx.targetName(), text, holds);
        List<Turn> turns = new ArrayList<>(c.turns().size() + 1);
        turns.addAll(c.turns());
        turns.add(at, new Turn(Role.USER, List.of(new Part.Text(text, null, null, last == null ? first : last)), first));
        return c.withTurns(turns);
    }

    /** {@code c} with a user turn before its first assistant turn when that comes before every user turn. */
    private static Conversation startWithUser(Conversation c, StepContext ctx) {
        for (int i = 0; i < c.turns().size(); i++) {
            Turn t = c.turns().get(i);
            if (t.role() == Role.USER) {
                return c;
            }
            if (t.role() == Role.ASSISTANT) {
                ctx.sink().report("PP189", t.loc(), ctx.targetName(), EARLIER);
                List<Turn> turns = new ArrayList<>(c.turns().size() + 1);
                turns.addAll(c.turns());
                turns.add(i, new Turn(Role.USER, List.of(new Part.Text(EARLIER, null, null, t.loc())), t.loc()));
                return c.withTurns(turns);
            }
        }
        return c;
    }

    /**
     * No message and no system text is left: the request had no user message (FitContent puts a
     * note in place of one left empty), and its other messages held only what the target cannot
     * take. Every API refuses a request without messages, and no note could say what to ask.
     */
    private static PromptPortException nothingToSend(StepContext ctx) {
        List<Turn> read = ctx.read() == null ? List.of() : ctx.read().turns();
        return new PromptPortException("nothing is left to send to " + ctx.targetName() + ": the request has no user"
                + " message, and its other messages are empty or hold only content " + ctx.targetName()
                + " cannot take (unknown block types, records of tools run on another vendor's side, reasoning)",
                read.isEmpty() ? Loc.NONE : read.get(0).loc());
    }

    /** A loop, not a stream: this runs on every request, and the first turn is the user's in most. */
    private static boolean hasUserTurn(List<Turn> turns) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).role() == Role.USER) {
                return true;
            }
        }
        return false;
    }
}
