package dev.promptport.tree;

import java.util.List;

/**
 * How the model must use tools.
 *
 * @param name the tool that must be called when {@code mode} is {@link Mode#TOOL}
 * @param parallel whether several calls may come in one turn; {@code null} when unspecified
 * @param allowed the names of the only tools the model may call (OpenAI's {@code allowed_tools},
 *        Gemini's {@code allowedFunctionNames}), or {@code null} when every tool is allowed
 */
public record ToolChoice(Mode mode, String name, Boolean parallel, Loc loc, List<String> allowed) {

    public ToolChoice {
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    public ToolChoice(Mode mode, String name, Boolean parallel, Loc loc) {
        this(mode, name, parallel, loc, null);
    }

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
