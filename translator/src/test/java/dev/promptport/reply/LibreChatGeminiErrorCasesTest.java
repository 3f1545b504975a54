package dev.promptport.reply;

import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LibreChat's cases for Gemini's errors (danny-avila/LibreChat
 * {@code packages/api/src/endpoints/google/errors.spec.ts}): LibreChat tells the generic
 * "invalid argument" 400 apart from rate limits, overload and a bad key. Here the same errors, as
 * Gemini's REST API sends them, become Claude's error bodies of the matching type.
 */
class LibreChatGeminiErrorCasesTest {

    private static String error(int code, String status, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
    }

    /** "matches the SDK error for a rejected video": the generic 400 is the caller's request, its message kept. */
    @Test
    void anInvalidArgumentIsAnInvalidRequest() {
        String json = AnthropicErrors.fromVendor(400, error(400, "INVALID_ARGUMENT", "Request contains an invalid argument."), ReplyFormat.GEMINI);
        assertError(json, "invalid_request_error");
        assertThat(parse(json).at("/error/message").asText()).contains("Request contains an invalid argument.");
    }

    /** "rejects rate limit and server errors": 429 is a rate limit, 503 an overload, which a client retries. */
    @Test
    void aRateLimitAndAnOverloadKeepTheirKinds() {
        assertError(AnthropicErrors.fromVendor(429, error(429, "RESOURCE_EXHAUSTED", "Resource exhausted"), ReplyFormat.GEMINI), "rate_limit_error");
        assertError(AnthropicErrors.fromVendor(503, error(503, "UNAVAILABLE", "Model is overloaded, try again"), ReplyFormat.GEMINI),
                "overloaded_error");
    }

    /**
     * "defers on a video turn that fails for an unrelated reason": a bad key. Gemini answers it
     * with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID (401 in LibreChat's fixture); either
     * way it is an authentication error, which no retry mends.
     */
    @Test
    void aBadKeyIsAnAuthenticationError() {
        assertError(AnthropicErrors.fromVendor(401, error(401, "UNAUTHENTICATED", "API key not valid"), ReplyFormat.GEMINI),
                "authentication_error");
        String rest = "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                + "\"domain\":\"googleapis.com\"}]}}";
        assertError(AnthropicErrors.fromVendor(400, rest, ReplyFormat.GEMINI), "authentication_error");
    }
}
