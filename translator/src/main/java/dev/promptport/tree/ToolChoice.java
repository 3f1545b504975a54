package dev.promptport.tree;

/**
 * How the model must use tools.
 *
 * @param name the tool that must be called when {@code mode} is {@link Mode#TOOL}
 * @param parallel whether several calls may come in one turn; {@code null} when unspecified
 */
public record ToolChoice(Mode mode, String name, Boolean parallel, Loc loc) {

    public enum Mode {
        /** The model decides. */
        AUTO,
        /** The model must call some tool. */
        ANY,
        /** The model must call the named tool. */
        TOOL,
        /** The model must not call tools. */
        NONE,
        /** Only the parallel setting was given. */
        UNSPECIFIED
    }
}
