package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roo Code's cases for reading OpenAI Responses streams (RooCodeInc/Roo-Code
 * {@code src/api/transform/__tests__/responses-api-stream.spec.ts}: processResponsesApiStream and
 * createUsageNormalizer). Roo's events are bare; here each sits in a whole stream (created,
 * the events, completed), read into Claude's shape.
 */
class RooCodeResponsesStreamCasesTest {

    private static final String CREATED = rev("response.created", 0, "\"response\":{\"id\":\"resp_roo\",\"object\":\"response\",\"created_at\":1759221000,"
            + "\"status\":\"in_progress\",\"model\":\"gpt-5\",\"output\":[],\"usage\":null}");

    private static String completed(int seq, String usage) {
        return rev("response.completed", seq, "\"response\":{\"id\":\"resp_roo\",\"object\":\"response\",\"created_at\":1759221000,\"status\":\"completed\","
                + "\"model\":\"gpt-5\",\"output\":[],\"usage\":" + usage + "}");
    }

    private static final String USAGE = "{\"input_tokens\":50,\"output_tokens\":30,\"total_tokens\":80}";

    private static JsonNode read(String events) {
        List<String> out = StreamTranslator.translateAll(CREATED + events, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    private static String textDelta(int seq, String delta) {
        return rev("response.output_text.delta", seq, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"" + delta + "\"");
    }

    /**
     * "should handle a complete stream with reasoning, text, and usage": the reasoning deltas are
     * one thinking block before the text, and the completed response gives the usage.
     */
    @Test
    void reasoningThenTextThenUsageIsThinkingAndText() {
        JsonNode m = read(rev("response.reasoning_text.delta", 1, "\"item_id\":\"rs_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Thinking...\"")
                + rev("response.reasoning_text.delta", 2, "\"item_id\":\"rs_1\",\"output_index\":0,\"content_index\":0,\"delta\":\" done.\"")
                + textDelta(3, "The answer is ") + textDelta(4, "42.") + completed(5, USAGE));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Thinking... done.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("The answer is 42.");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(50);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(30);
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /** "should yield reasoning chunk for response.reasoning_summary_text.delta": a summary is thinking too. */
    @Test
    void aReasoningSummaryDeltaIsThinking() {
        JsonNode m = read(rev("response.reasoning_summary_text.delta", 1, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"Summary\"")
                + textDelta(2, "Hi") + completed(3, USAGE));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Summary");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hi");
    }

    /** "should skip text delta with empty delta": an empty piece adds nothing and opens no empty block. */
    @Test
    void anEmptyTextDeltaAddsNothing() {
        JsonNode m = read(textDelta(1, "") + textDelta(2, "Hello world") + completed(3, USAGE));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello world\"}]");
    }

    /**
     * "should yield tool_call for function_call in output_item.done": a call that comes only as
     * its finished item, with no added event or argument pieces, is still a tool_use.
     */
    @Test
    void aCallThatComesOnlyAsItsDoneItemIsAToolUse() {
        JsonNode m = read(rev("response.output_item.done", 1, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_123\","
                + "\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\":\\\"/tmp/test.txt\\\"}\",\"status\":\"completed\"}") + completed(2, USAGE));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_123");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("read_file");
        assertThat(m.at("/content/0/input/path").asText()).isEqualTo("/tmp/test.txt");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** "should silently ignore unknown event types": in_progress, a message item and a content part add nothing. */
    @Test
    void eventsThatCarryNoContentAddNothing() {
        JsonNode m = read(rev("response.in_progress", 1, "\"response\":{\"id\":\"resp_roo\",\"object\":\"response\",\"status\":\"in_progress\","
                + "\"model\":\"gpt-5\",\"output\":[]}")
                + rev("response.output_item.added", 2, "\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")
                + rev("response.content_part.added", 3, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\","
                        + "\"text\":\"\",\"annotations\":[]}")
                + rev("response.output_text.delta", 4, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"")
                + completed(5, USAGE));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hi\"}]");
    }

    /**
     * createUsageNormalizer "should extract cached tokens from input_tokens_details": Responses
     * counts cached tokens inside input_tokens; Claude's input_tokens leaves them out and
     * cache_read_input_tokens holds them.
     */
    @Test
    void cachedInputTokensAreCacheReads() {
        JsonNode m = read(textDelta(1, "Hi") + completed(2, "{\"input_tokens\":100,\"input_tokens_details\":{\"cached_tokens\":30},\"output_tokens\":50,"
                + "\"output_tokens_details\":{\"reasoning_tokens\":20},\"total_tokens\":150}"));
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(70);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(50);
    }
}
