package dev.promptport.tree;

/**
 * Extended reasoning asked for by the request.
 *
 * @param budgetTokens the token budget, or {@code null}
 * @param effort a named effort level (low, medium, high, …), or {@code null}
 * @param shown whether the request asks for the reasoning's text in the reply, as its own
 *     vendor decides it: Claude's thinking on and {@code display} not {@code "omitted"}, Gemini's
 *     {@code includeThoughts: true}, OpenAI's {@code reasoning.summary}
 */
public record ReasoningConfig(Mode mode, Integer budgetTokens, String effort, Loc loc, boolean shown) {

    public enum Mode {
        ENABLED,
        DISABLED,
        ADAPTIVE,
        /** No thinking asked for, only an effort level ({@code output_config.effort}). */
        EFFORT
    }

    public boolean enabled() {
        return mode != Mode.DISABLED;
    }

    /** Whether the model thinks before it answers (on, or adaptive), not only at an effort level. */
    public boolean thinks() {
        return mode == Mode.ENABLED || mode == Mode.ADAPTIVE;
    }
}
