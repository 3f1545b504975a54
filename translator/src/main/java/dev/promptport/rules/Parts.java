package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Walks and maps the parts of a conversation, including those nested in tool results. */
final class Parts {

    private Parts() {
    }

    /**
     * Maps every part of the system content and of every turn; a mapper returns {@code null}
     * to remove a part. Turns left without parts are removed.
     */
    static Conversation map(Conversation c, Function<Part, Part> mapper) {
        List<Part> system = mapList(c.system(), mapper);
        List<Turn> turns = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            List<Part> parts = mapList(t.parts(), mapper);
            if (!parts.isEmpty()) {
                turns.add(parts == t.parts() ? t : t.withParts(parts));
            }
        }
        return c.withSystem(system).withTurns(turns);
    }

    /** Like {@link #map} but only over turns, with the turn at hand. */
    static List<Part> mapList(List<Part> parts, Function<Part, Part> mapper) {
        List<Part> out = null;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            Part q = mapper.apply(p);
            if (q != p && out == null) {
                out = new ArrayList<>(parts.subList(0, i));
            }
            if (out != null && q != null) {
                out.add(q);
            }
        }
        return out == null ? parts : out;
    }

    /** Visits every part, nested tool-result content included. */
    static void forEach(Conversation c, Consumer<Part> visitor) {
        c.system().forEach(p -> visit(p, visitor));
        for (Turn t : c.turns()) {
            t.parts().forEach(p -> visit(p, visitor));
        }
    }

    private static void visit(Part p, Consumer<Part> visitor) {
        visitor.accept(p);
        if (p instanceof Part.ToolResult r) {
            r.content().forEach(q -> visit(q, visitor));
        }
    }
}
