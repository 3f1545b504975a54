package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The vendor's reason for a refusal, in words, for the {@code explanation} of Anthropic's
 * {@code stop_details} ({@code {"type": "refusal", "category": null, "explanation": …}}). The
 * {@code category} stays {@code null}: Anthropic's categories name Anthropic's own policies
 * (cyber, bio, …), and no vendor's safety category is one of them.
 */
final class RefusalReasons {

    private RefusalReasons() {
    }

    /**
     * Gemini blocked the prompt: "Gemini blocked the prompt (promptFeedback.blockReason SAFETY:
     * the message; blocked for HARM_CATEGORY_HARASSMENT, probability HIGH)".
     */
    static String geminiPrompt(JsonNode promptFeedback) {
        StringBuilder b = new StringBuilder("Gemini blocked the prompt (promptFeedback.blockReason ")
                .append(Json.text(promptFeedback, "blockReason"));
        String message = Json.text(promptFeedback, "blockReasonMessage");
        if (message != null && !message.isBlank()) {
            b.append(": ").append(message.strip());
        }
        blockedRatings(promptFeedback.get("safetyRatings"), b);
        return b.append(')').toString();
    }

    /**
     * Gemini stopped the reply for a refusal reason: "Gemini stopped the reply (finishReason
     * SAFETY; blocked for HARM_CATEGORY_DANGEROUS_CONTENT, probability HIGH; finishMessage: "…")".
     */
    static String geminiFinish(String finishReason, JsonNode safetyRatings, String finishMessage) {
        StringBuilder b = new StringBuilder("Gemini stopped the reply (finishReason ").append(finishReason);
        blockedRatings(safetyRatings, b);
        if (finishMessage != null && !finishMessage.isBlank()) {
            b.append("; finishMessage: \"").append(finishMessage.strip()).append('"');
        }
        return b.append(')').toString();
    }

    /**
     * OpenAI Chat's {@code finish_reason: content_filter}, with what Azure's filter flagged
     * ({@code content_filter_results}) when it says: "the vendor's content filter stopped the
     * reply (finish_reason content_filter; filtered: violence, severity high)".
     */
    static String chatContentFilter(JsonNode filterResults) {
        StringBuilder b = new StringBuilder("the vendor's content filter stopped the reply (finish_reason content_filter");
        if (filtered(filterResults)) {
            b.append("; filtered: ");
            int n = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = filterResults.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("filtered").asBoolean(false)) {
                    String severity = Json.text(e.getValue(), "severity");
                    b.append(n++ == 0 ? "" : ", ").append(e.getKey())
                            .append(severity == null ? "" : " (severity " + severity + ')');
                }
            }
        }
        return b.append(')').toString();
    }

    /** Whether Azure's {@code content_filter_results} says something was filtered. */
    static boolean filtered(JsonNode filterResults) {
        if (filterResults == null || !filterResults.isObject()) {
            return false;
        }
        for (JsonNode v : filterResults) {
            if (v.path("filtered").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** The Responses API's {@code incomplete_details.reason: content_filter}. */
    static String responsesContentFilter() {
        return "OpenAI's content filter stopped the reply (incomplete_details.reason content_filter)";
    }

    /**
     * "; blocked for HARM_CATEGORY_X, probability HIGH" for each rating Gemini marked {@code blocked};
     * when it marked none (older models and Vertex often do not), "; rated HARM_CATEGORY_X,
     * probability MEDIUM" for each rating above LOW, the likely cause.
     */
    private static void blockedRatings(JsonNode ratings, StringBuilder b) {
        if (ratings == null || !ratings.isArray()) {
            return;
        }
        boolean named = false;
        for (JsonNode r : ratings) {
            if (r.path("blocked").asBoolean(false)) {
                named = true;
                String probability = Json.text(r, "probability");
                b.append("; blocked for ").append(Json.text(r, "category"))
                        .append(probability == null ? "" : ", probability " + probability);
            }
        }
        if (named) {
            return;
        }
        for (JsonNode r : ratings) {
            String probability = Json.text(r, "probability");
            if ("MEDIUM".equals(probability) || "HIGH".equals(probability)) {
                b.append("; rated ").append(Json.text(r, "category")).append(", probability ").append(probability);
            }
        }
    }
}
