package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.replayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Goose's cases for reading Gemini replies and streams (block/goose
 * {@code crates/goose/src/providers/formats/google.rs}, its test module: "test_get_usage",
 * "test_response_to_message_*"), read into Claude's shape.
 */
class GooseGoogleReplyCasesTest {

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.GEMINI);
    }

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.GEMINI);
    }

    private static String parts(String parts) {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}}]}";
    }

    /** test_get_usage: prompt and candidate token counts are the input and output. */
    @Test
    void promptAndCandidateCountsAreInputAndOutputTokens() {
        JsonNode u = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":1,\"candidatesTokenCount\":2,\"totalTokenCount\":3}}").path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(1);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(2);
    }

    /**
     * test_response_to_message_with_no_candidates. Goose reads "{}" as an empty assistant message;
     * promptport refuses it, because a body with neither candidates nor a block reason is not a
     * generateContent reply (an error page or a wrong endpoint), and passing it on as an empty
     * answer would hide that.
     */
    @Test
    void aBodyWithNoCandidatesAndNoBlockReasonIsRefused() {
        assertThatThrownBy(() -> Replies.toAnthropic("{}", ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("no candidates array");
    }

    /** test_response_to_message_with_text_part. A candidate without a finishReason still ends the turn. */
    @Test
    void aTextPartIsATextBlock() {
        JsonNode m = whole(parts("{\"text\":\"Hello, world!\"}"));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello, world!");
        assertThat(m.path("content")).hasSize(1);
    }

    /** test_response_to_message_with_valid_function_call. */
    @Test
    void aFunctionCallIsAToolUseWithItsArguments() {
        JsonNode m = whole(parts("{\"functionCall\":{\"name\":\"valid_name\",\"args\":{\"param\":\"value\"}}}"));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("valid_name");
        assertThat(m.at("/content/0/input/param").asText()).isEqualTo("value");
        assertThat(m.at("/content/0/id").asText()).isNotEmpty();
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_response_to_message_with_invalid_function_name. Goose turns a name its tools cannot
     * carry into an error; promptport is a translator, not the tool runner, so it passes the name
     * on as the model gave it and lets the caller's tool lookup refuse it.
     */
    @Test
    void aFunctionCallWithANameNoToolCarriesIsPassedOnAsGiven() {
        JsonNode m = whole(parts("{\"functionCall\":{\"name\":\"invalid name!\",\"args\":{}}}"));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("invalid name!");
        assertThat(m.at("/content/0/input").isObject()).isTrue();
    }

    /** The streaming reader's case: text parts across chunks join, usage from the last chunk. */
    @Test
    void streamedTextPartsJoinAndTheLastUsageCounts() {
        JsonNode m = stream("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hel\"}]}}],"
                + "\"modelVersion\":\"gemini-2.5-flash\"}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"lo\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7},"
                + "\"modelVersion\":\"gemini-2.5-flash\"}\n\n");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2);
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    private static String data(String parts, String more) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}}]" + more + "}\n\n";
    }

    /**
     * Goose's stream fixtures end without a finishReason, and Goose reads them as complete. A
     * real Gemini stream marks its last chunk with one, so the cases below give their last chunk
     * a finishReason; without it promptport ends Claude's stream with an error event, because a
     * body cut off mid-reply must not look like a finished one.
     */
    private static String last(String parts, String usage) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]},\"finishReason\":\"STOP\"}]"
                + ",\"usageMetadata\":" + usage + "}\n\n";
    }

    /** Goose's own fixture, as it is: no finishReason anywhere, so the stream ends in an error event, its text kept. */
    @Test
    void aStreamThatEndsWithoutAFinishReasonEndsInAnErrorEvent() {
        List<String> out = StreamTranslator.translateAll(data("{\"text\":\"Hello\"}", "") + data("{\"text\":\" world\"}", ""),
                ReplyFormat.GEMINI, ReplyContext.NONE);
        String all = String.join("", out);
        assertThat(all).contains("Hello").contains(" world").contains("event: error").contains("no finishReason")
                .doesNotContain("message_stop");
    }

    /** test_streaming_text_response: three text chunks are one text, usage from the last. */
    @Test
    void threeStreamedTextChunksAreOneTextWithTheLastUsage() {
        JsonNode m = stream(data("{\"text\":\"Hello\"}", "") + data("{\"text\":\" world\"}", "")
                + last("{\"text\":\"!\"}", "{\"promptTokenCount\":10,\"candidatesTokenCount\":3,\"totalTokenCount\":13}"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello world!");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    /** test_streaming_function_call: a streamed functionCall is a tool_use and the turn stops for it. */
    @Test
    void aStreamedFunctionCallIsAToolUse() {
        JsonNode m = stream(last("{\"functionCall\":{\"name\":\"test_tool\",\"args\":{\"param\":\"value\"}}}",
                "{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}"));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("test_tool");
        assertThat(m.at("/content/0/input/param").asText()).isEqualTo("value");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** test_streaming_error_response: an error chunk is Claude's error event, with Gemini's status and message. */
    @Test
    void aStreamedErrorIsAnErrorEventWithItsMessage() {
        List<String> out = StreamTranslator.translateAll("data: {\"error\":{\"code\":400,\"message\":\"Invalid request\","
                + "\"status\":\"INVALID_ARGUMENT\"}}\n\n", ReplyFormat.GEMINI, ReplyContext.NONE);
        String all = String.join("", out);
        assertThat(all).contains("event: error").contains("Invalid request").contains("invalid_request_error");
    }

    /** test_streaming_with_sse_event_lines: "event:" lines before the data are skipped. */
    @Test
    void eventLinesInTheStreamAreSkipped() {
        JsonNode m = stream("event: message\n" + data("{\"text\":\"Hello\"}", "") + "event: message\n"
                + last("{\"text\":\" world\"}", "{\"promptTokenCount\":1,\"candidatesTokenCount\":2}"));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello world");
    }
}
