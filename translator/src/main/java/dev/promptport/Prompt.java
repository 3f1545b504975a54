package dev.promptport;

import java.util.Objects;

/**
 * A prompt written as text (a {@code .txt}, {@code .md} or {@code .xml} file): a system
 * prompt, or with {@code userTurn} the user's turn.
 */
public record Prompt(String text, boolean userTurn) {

    public Prompt {
        Objects.requireNonNull(text, "text");
    }

    /** The text as a system prompt. */
    public static Prompt system(String text) {
        return new Prompt(text, false);
    }

    /** The text as the user's turn. */
    public static Prompt user(String text) {
        return new Prompt(text, true);
    }
}
