package dev.promptport.tree;

import java.util.List;

/**
 * Generation options. Every field is {@code null} when the request did not set it.
 *
 * @param user an opaque id of the end user, for the vendor's abuse monitoring
 * @param format the structured output the reply must follow, or {@code null}
 * @param compactAt the input size, in tokens, past which the vendor condenses the conversation
 *        on its side, or {@code null}
 * @param at where the request set the options, for findings; never {@code null}
 */
public record Generation(Integer maxTokens, Double temperature, Double topP, Integer topK,
                         List<String> stop, Boolean stream, String user, String serviceTier, OutputFormat format,
                         Integer compactAt, GenerationLocs at) {

    public static final Generation NONE = new Generation(null, null, null, null, null, null, null, null, null, null);

    public Generation {
        stop = stop == null ? null : List.copyOf(stop);
        at = at == null ? GenerationLocs.ANTHROPIC : at;
    }

    public Generation(Integer maxTokens, Double temperature, Double topP, Integer topK,
                      List<String> stop, Boolean stream, String user, String serviceTier, OutputFormat format,
                      Integer compactAt) {
        this(maxTokens, temperature, topP, topK, stop, stream, user, serviceTier, format, compactAt, null);
    }

    public Generation(Integer maxTokens, Double temperature, Double topP, Integer topK,
                      List<String> stop, Boolean stream, String user, String serviceTier, OutputFormat format) {
        this(maxTokens, temperature, topP, topK, stop, stream, user, serviceTier, format, null);
    }

    /** Options without a structured output. */
    public Generation(Integer maxTokens, Double temperature, Double topP, Integer topK,
                      List<String> stop, Boolean stream, String user, String serviceTier) {
        this(maxTokens, temperature, topP, topK, stop, stream, user, serviceTier, null, null);
    }

    public Generation withStop(List<String> newStop) {
        return new Generation(maxTokens, temperature, topP, topK, newStop, stream, user, serviceTier, format, compactAt, at);
    }

    public Generation withMaxTokens(Integer newMaxTokens) {
        return new Generation(newMaxTokens, temperature, topP, topK, stop, stream, user, serviceTier, format, compactAt, at);
    }

    public Generation withFormat(OutputFormat newFormat) {
        return new Generation(maxTokens, temperature, topP, topK, stop, stream, user, serviceTier, newFormat, compactAt, at);
    }
}
