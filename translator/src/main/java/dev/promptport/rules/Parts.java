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
        return with(c, mapList(c.system(), mapper), mapTurns(c.turns(), t -> {
            List<Part> parts = mapList(t.parts(), mapper);
            return parts.isEmpty() ? null : parts == t.parts() ? t : t.withParts(parts);
        }));
    }

    /** Maps turns as {@link #mapList} maps parts: the same list when nothing changed. */
    static List<Turn> mapTurns(List<Turn> turns, Function<Turn, Turn> mapper) {
        List<Turn> out = null;
        for (int i = 0; i < turns.size(); i++) {
            Turn t = turns.get(i);
            Turn u = mapper.apply(t);
            if (u != t && out == null) {
                out = new ArrayList<>(turns.subList(0, i));
            }
            if (out != null && u != null) {
                out.add(u);
            }
        }
        return out == null ? turns : out;
    }

    /** {@code c} with this system content and these turns; {@code c} itself when they are its own. */
    static Conversation with(Conversation c, List<Part> system, List<Turn> turns) {
        Conversation out = system == c.system() ? c : c.withSystem(system);
        return turns == c.turns() ? out : out.withTurns(turns);
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
