package dev.promptport.tree;

/**
 * A field the reader did not understand, kept as written so no writer loses it silently; or,
 * once fitted to a target, a setting of the target's own that the request carried (its seed, say),
 * named as the target's field.
 */
public record Extra(String name, RawJson value, Loc loc) {

    /** The start of a carried setting's name that goes inside Gemini's {@code generationConfig}. */
    public static final String GENERATION_CONFIG = "generationConfig/";
    /** The start of a carried setting's name that goes inside Gemini's {@code toolConfig}. */
    public static final String TOOL_CONFIG = "toolConfig/";
    /**
     * Claude's {@code output_config.effort} beside thinking that is off or names its own effort:
     * kept as written for Claude, which takes both, and named for any other target.
     */
    public static final String OUTPUT_EFFORT = "output_config/effort";
    /** Claude's {@code thinking.display}: written back inside {@code thinking} for Claude, named for any other target. */
    public static final String THINKING_DISPLAY = "thinking/display";
    /** OpenAI's {@code reasoning.summary}, kept for a Responses target that came asked for it. */
    public static final String REASONING_SUMMARY = "reasoning/summary";
}
