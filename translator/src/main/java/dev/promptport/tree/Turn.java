package dev.promptport.tree;

import java.util.List;

/** One message of the conversation. */
public record Turn(Role role, List<Part> parts, Loc loc) {
    public Turn {
        parts = List.copyOf(parts);
    }

    public Turn withParts(List<Part> newParts) {
        return new Turn(role, newParts, loc);
    }
}
