package dev.promptport.reply;

/**
 * Vendor finish reasons → Anthropic {@code stop_reason}.
 *
 * <p>{@code stop_sequence} is never produced: OpenAI and Gemini report a matched stop sequence
 * as a plain stop without saying which one, so the reply says {@code end_turn} with
 * {@code stop_sequence: null} (as every gateway does). When the reply holds a tool call the
 * stop reason is {@code tool_use} even if the vendor said {@code stop} (Gemini always does;
 * some OpenAI-compatible servers do too), because Anthropic clients run tools on
 * {@code tool_use}.
 */
final class StopReasons {

    static final String END_TURN = "end_turn";
    static final String MAX_TOKENS = "max_tokens";
    static final String TOOL_USE = "tool_use";
    static final String REFUSAL = "refusal";

    private StopReasons() {
    }

    /** OpenAI Chat {@code finish_reason}; {@code refusal}: the message carried a {@code refusal}. */
    static String openAiChat(String finish, boolean toolUse, boolean refusal) {
        if (finish != null) {
            switch (finish) {
                case "length":
                case "model_length": // Mistral: the model's context window is full
                case "max_tokens": // a proxy that passes Anthropic's name on
                    return MAX_TOKENS;
                case "content_filter":
                    return REFUSAL;
                case "tool_calls":
                case "function_call":
                    return toolUse ? TOOL_USE : END_TURN;
                default:
                    break;
            }
        }
        return toolUse ? TOOL_USE : refusal ? REFUSAL : END_TURN;
    }

    /**
     * Responses {@code status} and {@code incomplete_details.reason}. An incomplete reply that is
     * not the content filter's was cut short, whatever reason it gives or lacks: {@code end_turn}
     * would tell the caller the model had finished.
     */
    static String responses(String status, String incompleteReason, boolean toolUse, boolean refusal) {
        if ("incomplete".equals(status)) {
            return "content_filter".equals(incompleteReason) ? REFUSAL : MAX_TOKENS;
        }
        return toolUse ? TOOL_USE : refusal ? REFUSAL : END_TURN;
    }

    /** Gemini {@code Candidate.FinishReason} (proto enum names). */
    static String gemini(String finish, boolean toolUse) {
        if (finish != null) {
            switch (finish) {
                case "MAX_TOKENS":
                    return MAX_TOKENS;
                case "SAFETY":
                case "RECITATION":
                case "LANGUAGE":
                case "BLOCKLIST":
                case "PROHIBITED_CONTENT":
                case "SPII":
                case "IMAGE_SAFETY":
                case "IMAGE_PROHIBITED_CONTENT":
                case "IMAGE_RECITATION":
                    return REFUSAL;
                default:
                    // STOP, OTHER, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS,
                    // NO_IMAGE, IMAGE_OTHER, FINISH_REASON_UNSPECIFIED and names added later; a reply
                    // that holds nothing after a failed turn is an error instead (GeminiFinish)
                    break;
            }
        }
        return toolUse ? TOOL_USE : END_TURN;
    }
}
