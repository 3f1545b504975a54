package dev.promptport.tree;

import java.util.List;

/**
 * How the model must use tools.
 *
 * @param name the tool that must be called when {@code mode} is {@link Mode#TOOL}
 * @param parallel whether several calls may come in one turn; {@code null} when unspecified
 * @param allowed the names of the only tools the model may call (OpenAI's {@code allowed_tools},
 *        Gemini's {@code allowedFunctionNames}), or {@code null} when every tool is allowed
 * @param parallelAt where the request set {@code parallel}: Anthropic's
 *        {@code /tool_choice/disable_parallel_tool_use} unless a reader says otherwise (OpenAI's
 *        {@code /parallel_tool_calls})
 */
public record ToolChoice(Mode mode, String name, Boolean parallel, Loc loc, List<String> allowed, Loc parallelAt) {

    private static final String ANTHROPIC_PARALLEL = "disable_parallel_tool_use";

    public ToolChoice {
        allowed = allowed == null ? null : List.copyOf(allowed);
        if (parallelAt == null && loc != null) {
            parallelAt = loc.child(ANTHROPIC_PARALLEL);
        }
    }

    public ToolChoice(Mode mode, String name, Boolean parallel, Loc loc, List<String> allowed) {
        this(mode, name, parallel, loc, allowed, null);
    }

    public ToolChoice(Mode mode, String name, Boolean parallel, Loc loc) {
        this(mode, name, parallel, loc, null, null);
    }

    /** The same setting with another mode and tool name (and no allowed list), {@code parallel} kept where it was set. */
    public ToolChoice with(Mode mode, String name) {
        return new ToolChoice(mode, name, parallel, loc, null, parallelAt);
    }

    /** Whether {@code parallel} was set as Anthropic spells it, {@code disable_parallel_tool_use}. */
    public boolean parallelSetByAnthropic() {
        String pointer = parallelAt == null ? null : parallelAt.pointer();
        return pointer != null && pointer.endsWith(ANTHROPIC_PARALLEL);
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
