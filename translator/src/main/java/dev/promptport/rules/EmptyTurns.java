package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * What is left of the turns once {@link FitContent} has fitted their parts: empty text blocks go,
 * and a user turn left with nothing keeps a note saying so, rather than vanish or go empty.
 */
final class EmptyTurns {

    /** What a user turn says when none of what it held could be sent. */
    static final String LEFT_OUT_NOTE = "[The attachment sent here could not be included for this model.]";

    /** What a user turn says that was sent empty, for a target that refuses empty text. */
    static final String EMPTY_NOTE = "[The user sent an empty message.]";

    /** What a user turn says when none of what it held, other than attachments, could be sent. */
    static final String CONTENT_NOTE = "[What the user sent here could not be included for this model.]";

    /**
     * {@code c} with each part fitted by {@code fit}, empty text dropped ({@link #dropEmptyTexts}),
     * and a user turn left with nothing before the last one, or before a prefill, kept as a note
     * ({@link #userTurnsKept}); the caller then hands the result to {@link #lastUserTurnKept}.
     */
    static Conversation kept(Conversation c, java.util.function.Function<Part, Part> fit, StepContext ctx) {
        return dropEmptyTexts(userTurnsKept(c, fit, ctx), ctx);
    }

    /**
     * {@link Parts#map}, except that a user turn left with nothing keeps a note saying so:
     * dropping it would leave the request starting on the assistant, or join the assistant turns
     * on either side into one, and the model would not know the user sent anything there. So
     * for the last user turn when a prefill follows it; otherwise it is {@link #lastUserTurnKept}'s.
     */
    private static Conversation userTurnsKept(Conversation c, java.util.function.Function<Part, Part> fit, StepContext ctx) {
        List<Turn> turns = c.turns();
        return Parts.with(c, Parts.mapList(c.system(), fit), Parts.mapList(turns, t -> {
            List<Part> parts = Parts.mapList(t.parts(), fit);
            if (!parts.isEmpty()) {
                return parts == t.parts() ? t : t.withParts(parts);
            }
            // looked for only when a turn is left empty, which almost no request has; the last
            // user turn is lastUserTurnKept's, unless a reply follows it (a prefill), which would
            // then be sent with no user message before it
            if (t.role() != Role.USER || t == lastUserTurn(turns) && !textAfter(turns, t)) {
                return null;
            }
            String note = attachments(t, ctx) ? LEFT_OUT_NOTE : CONTENT_NOTE;
            ctx.sink().report("PP211", t.loc(), ctx.targetName(), note);
            return new Turn(Role.USER, List.of(new Part.Text(note, null, null, t.loc())), t.loc());
        }));
    }

    /**
     * When everything the last user turn held was left out, the request would end on the
     * assistant: a prefill to continue for Claude, a request Mistral and DeepSeek refuse. A user
     * turn that says so takes its place. The same when nothing at all is left of a request that
     * had a user turn, which every API refuses. It compares with the request as read, since an
     * earlier step may have emptied the turn (reasoning a user turn held, dropped from history).
     */
    static Conversation lastUserTurnKept(Conversation in, Conversation out, StepContext ctx) {
        List<Turn> before = ctx.read() != null ? ctx.read().turns() : in.turns();
        List<Turn> after = out.turns();
        if (before.isEmpty() || !after.isEmpty() && after.get(after.size() - 1).role() == Role.USER) {
            return out;
        }
        Turn last = before.get(before.size() - 1);
        boolean nothingLeft = after.isEmpty() && out.system().isEmpty();
        if (last.role() != Role.USER) {
            last = nothingLeft ? lastUserTurn(before) : null;
            if (last == null) {
                return out;
            }
        }
        boolean sentEmpty = last.parts().stream().allMatch(p -> p instanceof Part.Text t && empty(t, ctx));
        String note = sentEmpty ? EMPTY_NOTE : attachments(last, ctx) ? LEFT_OUT_NOTE : CONTENT_NOTE;
        List<Turn> turns = new ArrayList<>(after);
        turns.add(new Turn(Role.USER, List.of(new Part.Text(note, null, null, last.loc())), last.loc()));
        if (sentEmpty) {
            ctx.sink().report("PP194", last.loc(), ctx.targetName(), note);
        } else {
            ctx.sink().report("PP190", last.loc(), ctx.targetName(), note, after.isEmpty()
                    ? "left the request without any message" : "ended the request on the assistant's turn");
        }
        return out.withTurns(turns);
    }

    /** Whether a turn after {@code t} holds anything but empty text. */
    private static boolean textAfter(List<Turn> turns, Turn t) {
        for (int i = turns.size() - 1; i >= 0 && turns.get(i) != t; i--) {
            for (Part p : turns.get(i).parts()) {
                if (!(p instanceof Part.Text text) || !text.text().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Turn lastUserTurn(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role() == Role.USER) {
                return turns.get(i);
            }
        }
        return null;
    }

    /** Whether what {@code turn} held, empty text aside, was images and documents. */
    private static boolean attachments(Turn turn, StepContext ctx) {
        boolean any = false;
        for (Part p : turn.parts()) {
            if (p instanceof Part.Image || p instanceof Part.Document) {
                any = true;
            } else if (!(p instanceof Part.Text t && empty(t, ctx))) {
                return false;
            }
        }
        return any;
    }

    /**
     * Empty text blocks go. A user turn's only one stays where the target takes it: without it
     * the turn, and perhaps the whole request, would be gone. Claude and Gemini refuse it even
     * there, and an empty turn next to another user turn would be merged into it, so it goes
     * too; a last user turn left with nothing gets a note (lastUserTurnKept).
     */
    private static Conversation dropEmptyTexts(Conversation c, StepContext ctx) {
        boolean claude = ctx.target().facts().anthropicWire();
        boolean keepOnlyText = !claude && !ctx.target().facts().wire().equals("gemini");
        return Parts.with(c, withoutEmptyTexts(c.system(), false, ctx), Parts.mapList(c.turns(), t -> {
            // an assistant turn of empty text says nothing, and vendors refuse it (Gemini an empty
            // part, Mistral and DeepSeek a request that ends on the assistant, Claude one not last);
            // nor does a system message of empty text, which would only add a stray paragraph
            // break to the system text it is joined with
            List<Part> parts = withoutEmptyTexts(t.parts(), keepOnlyText && t.role() == Role.USER, ctx);
            if (claude) {
                // Claude refuses an empty text block inside a tool result as well
                parts = Parts.mapList(parts, p -> p instanceof Part.ToolResult r ? withoutEmptyResultTexts(r, ctx) : p);
            }
            return parts.isEmpty() ? null : parts == t.parts() ? t : t.withParts(parts);
        }));
    }

    private static Part withoutEmptyResultTexts(Part.ToolResult r, StepContext ctx) {
        List<Part> content = withoutEmptyTexts(r.content(), false, ctx);
        return content == r.content() ? r : new Part.ToolResult(r.callId(), content, r.error(), r.cache(), r.loc());
    }

    /** Claude refuses a text block of whitespace alone too ("must contain non-whitespace text"). */
    private static boolean empty(Part.Text t, StepContext ctx) {
        return ctx.target().facts().anthropicWire() ? t.isBlank() : t.isEmpty();
    }

    private static List<Part> withoutEmptyTexts(List<Part> parts, boolean keepLast, StepContext ctx) {
        boolean anyEmpty = false;
        boolean onlyEmpty = true;
        for (int i = 0; i < parts.size(); i++) {
            boolean empty = parts.get(i) instanceof Part.Text t && empty(t, ctx);
            anyEmpty |= empty;
            onlyEmpty &= empty;
        }
        if (!anyEmpty) {
            return parts;
        }
        if (onlyEmpty && keepLast && !parts.isEmpty()) {
            for (Part extra : parts.subList(1, parts.size())) {
                ctx.sink().report("PP133", extra.loc(), ctx.targetName());
            }
            return parts.size() == 1 ? parts : List.of(parts.get(0));
        }
        return Parts.mapList(parts, p -> {
            if (p instanceof Part.Text t && empty(t, ctx)) {
                ctx.sink().report("PP133", t.loc(), ctx.targetName());
                return null;
            }
            return p;
        });
    }

    private EmptyTurns() {
    }
}
