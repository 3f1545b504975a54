package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

/**
 * The most tokens a reply may have, as an OpenAI or Gemini request sets it. A limit below the
 * vendor's own minimum is a request that vendor refuses, so it never ran and promptport cannot
 * tell what was meant, as with Claude's {@code max_tokens} below 1:
 * <ul>
 *   <li>OpenAI Chat {@code max_completion_tokens} and {@code max_tokens}: at least 1 (the API
 *       answers 0 with "Invalid 'max_tokens': integer below minimum value. Expected a value
 *       &gt;= 1, but got 0 instead.", code {@code integer_below_min_value});</li>
 *   <li>OpenAI Responses {@code max_output_tokens}: at least 16 ({@code minimum: 16} in
 *       shared/specs/openai/openapi.yaml, CreateResponse);</li>
 *   <li>Gemini {@code maxOutputTokens}: at least 1 (an int32 in the v1beta protos with no
 *       minimum of its own; Vertex AI documents its range as starting at 1, and no reply fits
 *       in fewer).</li>
 *   <li>a prompt file's {@code maxOutputTokens} or {@code max_tokens}: at least 1, the least of
 *       all of them.</li>
 * </ul>
 */
final class OutputLimit {

    private OutputLimit() {
    }

    static Integer openAiChat(JsonNode n, Loc at, String key) {
        return atLeast(n, at, key, 1, "OpenAI refuses less");
    }

    static Integer responses(JsonNode n, Loc at) {
        return atLeast(n, at, "max_output_tokens", 16, "the Responses API refuses less");
    }

    static Integer gemini(JsonNode n, Loc at, String key) {
        return atLeast(n, at, key, 1, "a reply of no tokens is no reply");
    }

    /**
     * A prompt file's {@code maxOutputTokens} or {@code max_tokens}, at the line and column of its
     * key: no vendor takes less than one token, and no vendor a limit that is not a whole number.
     */
    static Integer promptFile(JsonNode n, Loc at, String key) {
        return atLeast(n, at, key, 1, "no vendor takes less");
    }

    /**
     * A prompt file's output limit under either of its two names ({@code first} as read before
     * {@code second}): the same limit twice is that limit, two different ones an input error, since
     * which one the author meant is unknown.
     */
    static Integer promptFileOnce(JsonNode params, Loc at, String first, String second) {
        JsonNode a = params.get(first);
        JsonNode b = params.get(second);
        Integer one = a == null ? null : promptFile(a, at, first);
        Integer other = b == null ? null : promptFile(b, at, second);
        if (one != null && other != null && !one.equals(other)) {
            throw new PromptPortException("the file sets two output limits, " + first + ": " + one + " and " + second
                    + ": " + other + "; keep the one you mean", at);
        }
        return one != null ? one : other;
    }

    private static Integer atLeast(JsonNode n, Loc at, String key, int minimum, String why) {
        if (n != null && !n.isNull() && !(n.isIntegralNumber() || n.isNumber() && n.asDouble() == Math.rint(n.asDouble()))) {
            // 1.5 or "300": every vendor refuses it rather than round it, so what was meant is unknown
            throw new PromptPortException(key + " must be a whole number of tokens (vendors refuse anything else), not "
                    + (n.isTextual() ? "the text \"" + n.asText() + "\"" : n.toString()), at);
        }
        Integer value = JsonTreeReader.integer(n, at);
        if (value != null && value < minimum) {
            throw new PromptPortException(key + " must be at least " + minimum + " (" + why + "), not " + value
                    + ": it is the most tokens the reply may have", at);
        }
        return value;
    }
}
