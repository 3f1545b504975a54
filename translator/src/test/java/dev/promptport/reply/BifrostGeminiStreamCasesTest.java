package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bifrost's cases for reading Gemini's stream (maximhq/bifrost
 * {@code core/providers/gemini/process_gemini_stream_chunk_test.go}): what one event's data may
 * hold, each turned here into a Claude stream.
 */
class BifrostGeminiStreamCasesTest {

    private static final String HI = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},\"index\":0}],"
            + "\"modelVersion\":\"gemini-array-test\"}";
    private static final String THERE = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\" there\"}]},"
            + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":2,"
            + "\"totalTokenCount\":5},\"modelVersion\":\"gemini-array-test\"}";

    private static List<String> stream(String... data) {
        StringBuilder sse = new StringBuilder();
        for (String d : data) {
            sse.append("data: ").append(d).append("\r\n\r\n");
        }
        return StreamTranslator.translateAll(sse.toString(), ReplyFormat.GEMINI, ReplyContext.NONE);
    }

    private static JsonNode last(List<String> out) {
        List<AnthropicShape.Event> ev = events(out);
        return ev.get(ev.size() - 1).data();
    }

    /**
     * "healthy object", "array-wrapped success object" and "array skips non-object elements": an
     * event whose data is an array of chunks (as streamGenerateContent sends them without
     * ?alt=sse) is read chunk by chunk, items that are no chunk skipped.
     */
    @Test
    void chunksBatchedInOneEventAreReadInTurn() {
        List<String> out = stream("[null,\"message\"," + HI + "]", "[" + THERE + "]");
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("model").asText()).isEqualTo("gemini-array-test");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hi there");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2);
        JsonNode separate = parse(replay(stream(HI, THERE)));
        assertThat(m.path("content")).isEqualTo(separate.path("content"));
        assertThat(m.path("usage")).isEqualTo(separate.path("usage"));
    }

    /** "array-wrapped error object" and "object with error key": Gemini's error ends the stream as Claude's error, its status's type. */
    @Test
    void anErrorInTheStreamEndsItAsClaudesError() {
        for (String data : new String[] {"[{\"error\":{\"code\":429,\"message\":\"rate limited\",\"status\":\"RESOURCE_EXHAUSTED\"}}]",
                "{\"error\":{\"code\":429,\"message\":\"rate limited\",\"status\":\"RESOURCE_EXHAUSTED\"}}"}) {
            List<String> out = stream(data);
            assertFailedStream(out);
            assertThat(last(out).at("/error/type").asText()).as(data).isEqualTo("rate_limit_error");
            assertThat(last(out).at("/error/message").asText()).as(data).contains("rate limited");
        }
        assertThat(last(stream("{\"error\":{\"code\":400,\"message\":\"bad request\",\"status\":\"INVALID_ARGUMENT\"}}"))
                .at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    /**
     * "bare JSON string/number/boolean/null", "array without object elements" and "empty
     * payload": data that holds no chunk starts no reply; a stream of nothing else ends with an
     * error, as one cut off would.
     */
    @Test
    void dataThatHoldsNoChunkStartsNoReply() {
        for (String data : new String[] {"\"message\"", "42", "true", "null", "[null,\"message\",42]", " "}) {
            List<String> out = stream(data);
            assertFailedStream(out);
            assertThat(events(out).stream().map(AnthropicShape.Event::name)).as(data).doesNotContain("content_block_start");
            assertThat(last(out).path("type").asText()).as(data).isEqualTo("error");
        }
    }
}
