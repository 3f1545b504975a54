package dev.promptport;

import java.util.Objects;

/**
 * A prompt written as text (a {@code .txt}, {@code .md} or {@code .xml} file): a system
 * prompt, or with {@code userTurn} the user's turn.
 */
public record Prompt(String text, boolean userTurn, dev.promptport.tree.PromptFileFormat flavor) {

    public Prompt {
        Objects.requireNonNull(text, "text");
    }

    public Prompt(String text, boolean userTurn) {
        this(text, userTurn, null);
    }

    /** A Dotprompt file ({@code .prompt}): YAML front matter and a Handlebars body. */
    public static Prompt dotprompt(String text) {
        return new Prompt(text, false, dev.promptport.tree.PromptFileFormat.DOTPROMPT);
    }

    /** A Prompty file ({@code .prompty}): YAML front matter and role sections. */
    public static Prompt prompty(String text) {
        return new Prompt(text, false, dev.promptport.tree.PromptFileFormat.PROMPTY);
    }

    /** A GitHub Models prompt file ({@code .prompt.yml}): model settings and a list of messages. */
    public static Prompt promptYaml(String text) {
        return new Prompt(text, false, dev.promptport.tree.PromptFileFormat.PROMPT_YAML);
    }

    /**
     * A prompt file told by its name: {@code .prompt} (Dotprompt), {@code .prompty},
     * {@code .prompt.yml} / {@code .prompt.yaml} (GitHub Models), else the text as a system prompt.
     */
    public static Prompt ofFile(String fileName, String text) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".prompty") ? prompty(text)
                : n.endsWith(".prompt") ? dotprompt(text)
                : dev.promptport.read.PromptYaml.isPromptYaml(n) ? promptYaml(text)
                : system(text);
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
