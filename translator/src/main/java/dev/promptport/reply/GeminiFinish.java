package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;

/**
 * What a Gemini candidate's {@code finishReason} and {@code finishMessage} say that Anthropic's
 * stop reason cannot. Besides a normal end ({@code STOP}, {@code MAX_TOKENS}, the unused
 * default {@code FINISH_REASON_UNSPECIFIED}) and a refusal ({@link StopReasons#gemini}), a
 * reason says the model's turn failed: Gemini dropped a tool call the model made
 * ({@code MALFORMED_FUNCTION_CALL}, {@code UNEXPECTED_TOOL_CALL}), stopped a model that called
 * tools too often ({@code TOO_MANY_TOOL_CALLS}), made no image or stopped making one
 * ({@code NO_IMAGE}, {@code IMAGE_OTHER}), or stopped without saying why ({@code OTHER}, and
 * names added later, which say no more). With nothing else in the reply an empty
 * {@code end_turn} would pass for a finished answer, so such a reply is an error that names the
 * reason and quotes Gemini's message, which a failover client retries elsewhere; a reply that
 * holds something keeps it, and what was lost is named among what was left out.
 */
final class GeminiFinish {

    private GeminiFinish() {
    }

    /** Whether the reason says the model's turn failed (see the class comment). */
    static boolean turnFailed(String finishReason) {
        if (finishReason == null) {
            return false;
        }
        return switch (finishReason) {
            case "STOP", "MAX_TOKENS", "FINISH_REASON_UNSPECIFIED" -> false;
            default -> !StopReasons.REFUSAL.equals(StopReasons.gemini(finishReason, false));
        };
    }

    /** The error message for a reply whose turn failed with nothing usable in it. */
    static String failure(String finishReason, String finishMessage) {
        return "gemini " + finishReason + ": " + what(finishReason) + quoted(finishMessage);
    }

    /** The failure a whole Gemini reply reports, or {@code null} when its first candidate's turn did not fail. */
    static String failureOf(JsonNode reply) {
        JsonNode candidate;
        try {
            candidate = GeminiCase.camel(reply).path("candidates").path(0);
        } catch (PromptPortException e) {
            // a body that spells a field twice says nothing sure about how the turn ended
            return null;
        }
        String reason = Json.text(candidate, "finishReason");
        return turnFailed(reason) ? failure(reason, Json.text(candidate, "finishMessage")) : null;
    }

    /**
     * The left-out line for a reply that ended for another reason than {@code STOP}: what a
     * failed turn lost, or the finish message of any other; {@code null} when there is nothing
     * to say.
     */
    static String leftOut(String finishReason, String finishMessage) {
        if (turnFailed(finishReason)) {
            return lost(finishReason) + " (finishReason " + finishReason + ": " + what(finishReason)
                    + (blank(finishMessage) ? "" : "; finishMessage: \"" + finishMessage.strip() + '"') + ')';
        }
        if (blank(finishMessage) || finishReason == null || "STOP".equals(finishReason)) {
            return null;
        }
        return "Gemini's finish message (finishReason " + finishReason + "): \"" + finishMessage.strip() + "\"";
    }

    private static String lost(String finishReason) {
        return switch (finishReason) {
            case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL" -> "a tool call the model made, which Gemini dropped";
            case "NO_IMAGE" -> "the image the model was to make";
            default -> "the rest of the reply, which Gemini cut short";
        };
    }

    private static String what(String finishReason) {
        return switch (finishReason) {
            case "MALFORMED_FUNCTION_CALL" -> "the model wrote a function call Gemini could not parse";
            case "UNEXPECTED_TOOL_CALL" -> "the model called a tool though the request enabled none";
            case "TOO_MANY_TOOL_CALLS" -> "the model called tools too many times in a row and Gemini stopped it";
            case "NO_IMAGE" -> "the model was to make an image and made none";
            case "IMAGE_OTHER" -> "Gemini stopped making the image without saying why";
            case "OTHER" -> "Gemini stopped the reply without saying why";
            default -> "Gemini stopped the reply for a reason promptport does not know";
        };
    }

    private static String quoted(String finishMessage) {
        return blank(finishMessage) ? "" : " (finishMessage: \"" + finishMessage.strip() + "\")";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
