package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicErrorsTest {

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({"400,invalid_request_error", "401,authentication_error", "402,billing_error", "403,permission_error",
        "404,not_found_error", "409,invalid_request_error", "413,request_too_large", "422,invalid_request_error",
        "429,rate_limit_error", "500,api_error", "502,api_error", "503,overloaded_error", "504,timeout_error",
        "529,overloaded_error", "599,api_error"})
    void httpStatusGivesTheAnthropicErrorType(int status, String type) {
        String json = AnthropicErrors.fromVendor(status, "{\"error\":{\"message\":\"boom\",\"type\":\"x\",\"param\":null,\"code\":null}}",
                ReplyFormat.OPENAI_CHAT);
        assertError(json, type);
        assertThat(AnthropicErrors.typeForStatus(status)).isEqualTo(type);
    }

    @Test
    void openAiMessageIsKeptAndNamesTheVendorAndStatus() {
        String json = AnthropicErrors.fromVendor(429, ReplyFixtures.CHAT_ERROR_429, ReplyFormat.OPENAI_CHAT);
        assertError(json, "rate_limit_error");
        assertThat(parse(json).at("/error/message").asText())
                .startsWith("openai-chat 429: Rate limit reached for gpt-4o in organization org-q7Ls2");
    }

    @Test
    void anErrorSentAsServerSentEventsIsReadFromItsFirstDataLine() {
        String sse = "data: {\"error\": {\"code\": 429, \"message\": \"Resource exhausted\", \"status\": \"RESOURCE_EXHAUSTED\"}}\r\n\r\n";
        String json = AnthropicErrors.fromVendor(0, sse, ReplyFormat.GEMINI);
        assertError(json, "rate_limit_error");
        assertThat(parse(json).at("/error/message").asText()).isEqualTo("gemini RESOURCE_EXHAUSTED: Resource exhausted");
    }

    @Test
    void openAiQuotaExhaustionIsABillingErrorNotARateLimit() {
        assertError(AnthropicErrors.fromVendor(429, ReplyFixtures.CHAT_ERROR_QUOTA, ReplyFormat.OPENAI_CHAT), "billing_error");
    }

    @Test
    void geminiStatusIsNamedInTheMessage() {
        String json = AnthropicErrors.fromVendor(429, ReplyFixtures.GEMINI_ERROR_429, ReplyFormat.GEMINI);
        assertError(json, "rate_limit_error");
        assertThat(parse(json).at("/error/message").asText()).startsWith("gemini 429 RESOURCE_EXHAUSTED: You exceeded your current quota");
    }

    @Test
    void geminiOverloadedIsOverloaded() {
        assertError(AnthropicErrors.fromVendor(503, ReplyFixtures.GEMINI_ERROR_503, ReplyFormat.GEMINI), "overloaded_error");
    }

    @Test
    void geminiErrorsSentAsAnArrayAreRead() {
        String json = AnthropicErrors.fromVendor(400, "[" + ReplyFixtures.GEMINI_ERROR_429.replace("429", "400")
                .replace("RESOURCE_EXHAUSTED", "INVALID_ARGUMENT") + "]", ReplyFormat.GEMINI);
        assertError(json, "invalid_request_error");
        assertThat(parse(json).at("/error/message").asText()).contains("INVALID_ARGUMENT");
    }

    @ParameterizedTest(name = "no status, Gemini {0} → {1}")
    @CsvSource({"INVALID_ARGUMENT,invalid_request_error", "FAILED_PRECONDITION,invalid_request_error",
        "UNAUTHENTICATED,authentication_error", "PERMISSION_DENIED,permission_error", "NOT_FOUND,not_found_error",
        "RESOURCE_EXHAUSTED,rate_limit_error", "UNAVAILABLE,overloaded_error", "DEADLINE_EXCEEDED,timeout_error",
        "INTERNAL,api_error"})
    void withoutAStatusTheTypeComesFromGeminisStatus(String grpc, String type) {
        assertError(AnthropicErrors.fromVendor(0, "{\"error\":{\"message\":\"m\",\"status\":\"" + grpc + "\"}}", ReplyFormat.GEMINI), type);
    }

    @ParameterizedTest(name = "no status, OpenAI code {0} → {1}")
    @CsvSource({"rate_limit_exceeded,rate_limit_error", "invalid_api_key,authentication_error", "model_not_found,not_found_error",
        "context_length_exceeded,invalid_request_error", "server_error,api_error", "insufficient_quota,billing_error",
        "something_else,api_error"})
    void withoutAStatusTheTypeComesFromOpenAisCode(String code, String type) {
        assertError(AnthropicErrors.fromVendor(0, "{\"error\":{\"message\":\"m\",\"type\":null,\"code\":\"" + code + "\"}}",
                ReplyFormat.OPENAI_RESPONSES), type);
    }

    @Test
    void aBodyThatIsNotJsonGivesItsFirstCharacters() {
        String html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(500) + "</body></html>";
        JsonNode e = parse(AnthropicErrors.fromVendor(502, html, ReplyFormat.OPENAI_CHAT));
        assertThat(e.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(e.at("/error/message").asText()).startsWith("openai-chat 502: <html> <head><title>502 Bad Gateway</title>")
                .endsWith("…").hasSizeLessThan(230);
    }

    @Test
    void emptyBodiesAndOtherErrorShapesStillGiveAnError() {
        assertThat(parse(AnthropicErrors.fromVendor(500, "", ReplyFormat.GEMINI)).at("/error/message").asText())
                .isEqualTo("gemini 500: empty error response");
        assertThat(parse(AnthropicErrors.fromVendor(500, null, ReplyFormat.GEMINI)).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(parse(AnthropicErrors.fromVendor(400, "{\"error\":\"model is required\"}", ReplyFormat.OPENAI_CHAT))
                .at("/error/message").asText()).isEqualTo("openai-chat 400: model is required");
        assertThat(parse(AnthropicErrors.fromVendor(422, "{\"detail\":\"Field required\"}", ReplyFormat.OPENAI_CHAT))
                .at("/error/message").asText()).isEqualTo("openai-chat 422: Field required");
    }

    @Test
    void aFailedResponsesObjectGivesItsErrorMessage() {
        JsonNode e = parse(AnthropicErrors.fromVendor(0, ReplyFixtures.RESPONSES_FAILED, ReplyFormat.OPENAI_RESPONSES));
        assertThat(e.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(e.at("/error/message").asText()).isEqualTo("openai-responses: The model failed to generate a response.");
    }

    @Test
    void neverThrowsWhateverTheBody() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            char[] cs = new char[r.nextInt(40)];
            for (int j = 0; j < cs.length; j++) {
                String alphabet = "{}[]\":,error message code 0x\\";
                cs[j] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            String body = new String(cs);
            int status = r.nextInt(700);
            String json = AnthropicErrors.fromVendor(status, body, ReplyFormat.values()[r.nextInt(3)]);
            assertThat(parse(json).path("type").asText()).isEqualTo("error");
            assertThat(AnthropicShape.ERROR_TYPES).contains(parse(json).at("/error/type").asText());
        }
    }

    @Test
    void httpStatusForEachTypeIsClaudesOwn() {
        for (String type : AnthropicShape.ERROR_TYPES) {
            int status = AnthropicErrors.httpStatus(type);
            assertThat(AnthropicErrors.typeForStatus(status)).isEqualTo(type);
        }
        assertThat(AnthropicErrors.httpStatus("overloaded_error")).isEqualTo(529);
        assertThat(AnthropicErrors.httpStatus("nonsense")).isEqualTo(500);
    }

    @Test
    void ofWritesAnthropicsErrorShapeWithEscaping() {
        String json = AnthropicErrors.of("api_error", "a \"quoted\"\nline");
        assertError(json, "api_error");
        assertThat(parse(json).at("/error/message").asText()).isEqualTo("a \"quoted\"\nline");
    }
}
