package dev.promptport.tree;

/** A field the reader did not understand, kept as written so no writer loses it silently. */
public record Extra(String name, RawJson value, Loc loc) {
}
