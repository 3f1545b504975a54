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
        return with(c, mapList(c.system(), mapper), mapList(c.turns(), t -> {
            List<Part> parts = mapList(t.parts(), mapper);
            return parts.isEmpty() ? null : parts == t.parts() ? t : t.withParts(parts);
        }));
    }

    /** {@code c} with this system content and these turns; {@code c} itself when they are its own. */
    static Conversation with(Conversation c, List<Part> system, List<Turn> turns) {
        Conversation out = system == c.system() ? c : c.withSystem(system);
        return turns == c.turns() ? out : out.withTurns(turns);
    }

    /**
     * Maps each item of a list (parts, or turns); a mapper returns {@code null} to remove one.
     * The same list when nothing changed, so an unchanged conversation is not copied.
     */
    static <T> List<T> mapList(List<T> items, Function<T, T> mapper) {
        List<T> out = null;
        for (int i = 0; i < items.size(); i++) {
            T p = items.get(i);
            T q = mapper.apply(p);
            if (q != p && out == null) {
                out = new ArrayList<>(items.subList(0, i));
            }
            if (out != null && q != null) {
                out.add(q);
            }
        }
        return out == null ? items : out;
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
