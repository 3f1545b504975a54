package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * Vendor error replies → Anthropic error JSON
 * <code>{"type":"error","error":{"type":…,"message":…}}</code>.
 *
 * <p>The type follows the HTTP status as Anthropic's API uses it: 400 {@code invalid_request_error},
 * 401 {@code authentication_error}, 402 {@code billing_error}, 403 {@code permission_error},
 * 404 {@code not_found_error}, 413 {@code request_too_large}, 429 {@code rate_limit_error},
 * 503 and 529 {@code overloaded_error} (OpenAI and Gemini say 503 when the model is
 * overloaded), 504 {@code timeout_error}, any other 5xx {@code api_error}, any other 4xx
 * {@code invalid_request_error}. The body refines it where the status misleads: OpenAI's 429
 * {@code insufficient_quota} is a billing problem, not a rate limit (retrying does not help).
 * Without a usable status (0, or an error inside a 200 body) the type comes from the body:
 * Gemini's {@code error.status} (RESOURCE_EXHAUSTED, UNAVAILABLE, …) or numeric
 * {@code error.code}, OpenAI's {@code error.code} / {@code error.type}.
 *
 * <p>The message is the vendor's ({@code error.message}; Gemini also {@code error.status}),
 * prefixed with the format and status so a log shows which fallback answered:
 * {@code "gemini 429 RESOURCE_EXHAUSTED: Quota exceeded …"}. An error sent as server-sent events
 * is read from its first {@code data:} line. A body that is not JSON (a proxy's HTML page) gives
 * its first 200 characters.
 *
 * <p>A Gemini reply with HTTP 200 whose first candidate's turn failed ({@code MALFORMED_FUNCTION_CALL},
 * {@code UNEXPECTED_TOOL_CALL}, {@code TOO_MANY_TOOL_CALLS}, {@code OTHER}, …; see
 * {@link GeminiFinish}) gives an {@code api_error} that names the reason and quotes the
 * {@code finishMessage}, as {@link Replies} reports it when the reply holds nothing else.
 *
 * <p>A Gemini reply whose prompt was blocked ({@code promptFeedback.blockReason}, no
 * candidates) is not an error here: it arrives with HTTP 200 and {@link Replies} turns it into a
 * {@code Message} with {@code stop_reason: "refusal"} and no content, which is how Claude's API
 * reports a request it declines (an application already handles it, whereas an error would
 * make it retry or fail over a request that every vendor will refuse).
 */
public final class AnthropicErrors {

    static final int SNIPPET = 200;

    private AnthropicErrors() {
    }

    /**
     * The Anthropic error JSON for a vendor's error reply. Never throws: any body, even empty or
     * not JSON, gives an error.
     *
     * @param httpStatus the vendor's HTTP status, or 0 when unknown
     * @param body the vendor's response body (may be null); mask any secret in it before this
     *     call, not in the result: a body that is not JSON is quoted clipped, and a secret cut
     *     in two is no longer recognisable
     * @param format the vendor's wire format (names the vendor in the message)
     */
    public static String fromVendor(int httpStatus, String body, ReplyFormat format) {
        JsonNode root = parseQuietly(body);
        if (root != null && root.isArray() && !root.isEmpty()) {
            // Gemini sends errors as a one-element array on some paths, and a streamed array ends
            // in one after the chunks it got through: the item that holds the error says it
            JsonNode item = root.get(0);
            for (JsonNode x : root) {
                if (x.isObject() && x.has("error")) {
                    item = x;
                    break;
                }
            }
            root = item;
        }
        JsonNode err = root == null ? null : root.get("error");
        String message = null;
        String vendorStatus = null;
        String code = null;
        String vendorType = null;
        int bodyCode = 0;
        if (err != null && err.isObject()) {
            message = Json.text(err, "message");
            vendorStatus = Json.text(err, "status");
            vendorType = Json.text(err, "type");
            JsonNode c = err.get("code");
            if (c != null && c.isTextual()) {
                code = c.textValue();
            } else if (c != null && c.isInt()) {
                bodyCode = c.intValue();
            }
        } else if (err != null && err.isTextual()) {
            message = err.textValue();
        } else if (root != null && root.isObject()) {
            String dropped = GeminiFinish.failureOf(root);
            if (dropped != null) {
                return of("api_error", dropped);
            }
            message = Json.text(root, "message");
            if (message == null) {
                message = Json.text(root, "detail");
            }
        }
        String type = badKey(err) ? "authentication_error" : type(httpStatus, bodyCode, vendorStatus, code, vendorType);
        StringBuilder m = new StringBuilder(format == null ? "vendor" : format.id());
        if (httpStatus > 0) {
            m.append(' ').append(httpStatus);
        }
        if (vendorStatus != null) {
            m.append(' ').append(vendorStatus);
        }
        m.append(": ");
        if (message != null && !message.isBlank()) {
            m.append(message.strip());
        } else if (code != null) {
            m.append(code);
        } else if (body == null || body.isBlank()) {
            m.append("empty error response");
        } else {
            m.append(snippet(body));
        }
        return of(type, m.toString());
    }

    /** Anthropic error JSON with the given type and message. */
    public static String of(String type, String message) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("type", "error");
            g.writeObjectFieldStart("error");
            g.writeStringField("type", type);
            g.writeStringField("message", message == null ? "" : message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** The Anthropic error type for an HTTP status (see the class comment); {@code api_error} for anything unexpected. */
    public static String typeForStatus(int status) {
        return switch (status) {
            case 400, 422 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            case 504 -> "timeout_error";
            default -> status >= 400 && status < 500 ? "invalid_request_error" : "api_error";
        };
    }

    /** The HTTP status Claude's API uses for an error type (500 for types it does not know). */
    public static int httpStatus(String type) {
        if (type == null) {
            return 500;
        }
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    /** The type for an error a vendor reported inside a 200 reply or a stream. */
    static String typeOfErrorObject(JsonNode err) {
        if (err == null || !err.isObject()) {
            return "api_error";
        }
        if (badKey(err)) {
            return "authentication_error";
        }
        JsonNode c = err.get("code");
        return type(0, c != null && c.isInt() ? c.intValue() : 0, Json.text(err, "status"),
                c != null && c.isTextual() ? c.textValue() : null, Json.text(err, "type"));
    }

    /**
     * Whether a Google error names a bad API key: Gemini answers one with 400 INVALID_ARGUMENT
     * and says so only in an {@code ErrorInfo} detail ({@code reason: API_KEY_INVALID}), so the
     * status alone would blame the request, and a failover would never count the endpoint's
     * key against it.
     */
    private static boolean badKey(JsonNode err) {
        JsonNode details = err == null ? null : err.get("details");
        if (details == null || !details.isArray()) {
            return false;
        }
        for (JsonNode d : details) {
            if ("API_KEY_INVALID".equals(Json.text(d, "reason"))) {
                return true;
            }
        }
        return false;
    }

    static String type(int httpStatus, int bodyCode, String vendorStatus, String code, String vendorType) {
        String lowerCode = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String lowerType = vendorType == null ? "" : vendorType.toLowerCase(Locale.ROOT);
        if (lowerCode.equals("insufficient_quota") || lowerType.equals("insufficient_quota")) {
            return "billing_error";
        }
        if (httpStatus >= 400) {
            return typeForStatus(httpStatus);
        }
        if (vendorStatus != null) {
            String t = typeForGrpcStatus(vendorStatus);
            if (t != null) {
                return t;
            }
        }
        if (bodyCode >= 400) {
            return typeForStatus(bodyCode);
        }
        String t = typeForOpenAiWord(lowerCode);
        if (t == null) {
            t = typeForOpenAiWord(lowerType);
        }
        return t != null ? t : "api_error";
    }

    private static String typeForGrpcStatus(String s) {
        return switch (s) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> "invalid_request_error";
            case "UNAUTHENTICATED" -> "authentication_error";
            case "PERMISSION_DENIED" -> "permission_error";
            case "NOT_FOUND" -> "not_found_error";
            case "RESOURCE_EXHAUSTED" -> "rate_limit_error";
            case "UNAVAILABLE" -> "overloaded_error";
            case "DEADLINE_EXCEEDED" -> "timeout_error";
            case "INTERNAL", "UNKNOWN", "DATA_LOSS", "ABORTED", "CANCELLED", "UNIMPLEMENTED" -> "api_error";
            default -> null;
        };
    }

    private static String typeForOpenAiWord(String w) {
        return switch (w) {
            case "invalid_request_error", "invalid_prompt", "context_length_exceeded", "invalid_image",
                 "invalid_image_format", "invalid_base64_image", "invalid_image_url", "image_too_large",
                 "image_too_small", "unsupported_image_media_type", "invalid_value" -> "invalid_request_error";
            case "authentication_error", "invalid_api_key" -> "authentication_error";
            case "permission_error", "permission_denied" -> "permission_error";
            case "not_found_error", "model_not_found" -> "not_found_error";
            case "rate_limit_exceeded", "rate_limit_error", "tokens", "requests" -> "rate_limit_error";
            case "server_error", "api_error", "internal_error" -> "api_error";
            case "overloaded", "overloaded_error", "server_overloaded", "insufficient_system_resource" -> "overloaded_error";
            default -> null;
        };
    }

    private static JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.read(body);
        } catch (Exception e) {
            return firstEventData(body);
        }
    }

    /** The JSON of the first {@code data:} line, for an error sent as server-sent events. */
    private static JsonNode firstEventData(String body) {
        for (String line : body.split("\r?\n", 20)) {
            if (line.startsWith("data:")) {
                try {
                    return Json.read(line.substring(5).strip());
                } catch (Exception e) {
                    return null;
                }
            }
        }
        return null;
    }

    static String snippet(String body) {
        String s = body.strip().replaceAll("\\s+", " ");
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
    }
}
