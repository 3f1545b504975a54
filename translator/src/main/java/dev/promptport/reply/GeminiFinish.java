package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Gemini candidate's {@code finishReason} and {@code finishMessage} say that Anthropic's
 * stop reason cannot. {@code MALFORMED_FUNCTION_CALL} and {@code UNEXPECTED_TOOL_CALL} mean the
 * model tried to call a tool and Gemini threw the call away: with nothing else in the reply,
 * an empty {@code end_turn} would pass for a finished answer, so it is an error that names the
 * reason and quotes Gemini's message.
 */
final class GeminiFinish {

    private GeminiFinish() {
    }

    /** Whether Gemini dropped a tool call the model made. */
    static boolean toolCallFailed(String finishReason) {
        return "MALFORMED_FUNCTION_CALL".equals(finishReason) || "UNEXPECTED_TOOL_CALL".equals(finishReason);
    }

    /** The error message for a reply whose only output was a dropped tool call. */
    static String failure(String finishReason, String finishMessage) {
        String what = "UNEXPECTED_TOOL_CALL".equals(finishReason)
                ? "the model called a tool though the request enabled none"
                : "the model wrote a function call Gemini could not parse";
        return "gemini " + finishReason + ": " + what
                + (blank(finishMessage) ? "" : " (finishMessage: \"" + finishMessage.strip() + "\")");
    }

    /** The failure a whole Gemini reply reports, or {@code null} when its first candidate did not drop a tool call. */
    static String failureOf(JsonNode reply) {
        JsonNode candidate = reply.path("candidates").path(0);
        String reason = Json.text(candidate, "finishReason");
        return toolCallFailed(reason) ? failure(reason, Json.text(candidate, "finishMessage")) : null;
    }

    /**
     * The left-out line for the finish message of a reply that ended for another reason than
     * {@code STOP}, or {@code null} when there is nothing to say.
     */
    static String leftOut(String finishReason, String finishMessage) {
        if (blank(finishMessage) || finishReason == null || "STOP".equals(finishReason)) {
            return null;
        }
        return "Gemini's finish message (finishReason " + finishReason + "): \"" + finishMessage.strip() + "\"";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
