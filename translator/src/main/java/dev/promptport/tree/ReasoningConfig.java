package dev.promptport.tree;

/**
 * Extended reasoning asked for by the request.
 *
 * @param budgetTokens the token budget, or {@code null}
 * @param effort a named effort level (low, medium, high, …), or {@code null}
 */
public record ReasoningConfig(Mode mode, Integer budgetTokens, String effort, Loc loc) {

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
