package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.List;

/**
 * An image or document in an assistant turn, which a Gemini conversation may hold (a model turn's
 * inlineData). Claude, OpenAI Chat and Responses take them only from the user, and Claude refuses
 * the request over one, so each is left out and named (PP121); a turn left with nothing goes too.
 */
final class AssistantMedia {

    private AssistantMedia() {
    }

    /** {@code c} itself when no assistant turn holds an image or document (nothing is copied). */
    static Conversation out(Conversation c, StepContext ctx) {
        if (!any(c.turns())) {
            return c;
        }
        List<Turn> turns = Parts.mapList(c.turns(), t -> {
            if (t.role() != Role.ASSISTANT) {
                return t;
            }
            List<Part> parts = Parts.mapList(t.parts(), p -> {
                if (!(p instanceof Part.Image || p instanceof Part.Document)) {
                    return p;
                }
                String what = p instanceof Part.Image ? "image" : "document";
                ctx.sink().report("PP121", p.loc(), "The " + what
                        + " in an earlier reply (an assistant turn) cannot be sent: " + ctx.targetName()
                        + " takes images and documents only from the user, so it was left out.");
                return null;
            });
            return parts == t.parts() ? t : parts.isEmpty() ? null : t.withParts(parts);
        });
        return Parts.with(c, c.system(), turns);
    }

    /** A loop, not a stream: this runs on every request for these targets. */
    private static boolean any(List<Turn> turns) {
        for (Turn t : turns) {
            if (t.role() == Role.ASSISTANT) {
                for (Part p : t.parts()) {
                    if (p instanceof Part.Image || p instanceof Part.Document) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
