package dev.promptport.failover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.reply.AnthropicErrors;

/** Anthropic error bodies: {@code {"type":"error","error":{"type":…,"message":…}}}. */
final class ErrorJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorJson() {
    }

    /** The Anthropic error type for an HTTP status, as the reply package maps it. */
    static String typeFor(int status) {
        return AnthropicErrors.typeForStatus(status);
    }

    static String of(String type, String message) {
        return AnthropicErrors.of(type, message);
    }

    /** An SSE {@code error} event carrying {@code errorJson}. */
    static String event(String errorJson) {
        return "event: error\ndata: " + errorJson + "\n\n";
    }

    /**
     * An Anthropic endpoint's error body when it is one (kept as Anthropic wrote it, on one
     * line), otherwise a body built from the status.
     */
    static String fromAnthropic(int status, String body) {
        JsonNode root = parse(body);
        if (root != null && "error".equals(root.path("type").asText()) && root.path("error").isObject()) {
            return body.strip();
        }
        return of(typeFor(status), "HTTP " + status + " from the endpoint" + snippet(body));
    }

    /** Whether {@code body} is an Anthropic error body: {@code type} "error" and an {@code error} object with a type. */
    static boolean isAnthropicError(String body) {
        JsonNode root = parse(body);
        return root != null && "error".equals(root.path("type").asText())
                && root.path("error").path("type").isTextual();
    }

    /** {@code body} as JSON, or {@code null} when it is not JSON. */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The error type inside an Anthropic error body, or {@code ""}. */
    static String errorType(String errorJson) {
        JsonNode root = parse(errorJson);
        return root == null ? "" : root.path("error").path("type").asText("");
    }

    /** The message inside an Anthropic error body, or {@code ""}. */
    static String errorMessage(String errorJson) {
        JsonNode root = parse(errorJson);
        return root == null ? "" : root.path("error").path("message").asText("");
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String one = body.strip().replaceAll("\\s+", " ");
        return ": " + (one.length() > 200 ? one.substring(0, 200) + "…" : one);
    }
}
