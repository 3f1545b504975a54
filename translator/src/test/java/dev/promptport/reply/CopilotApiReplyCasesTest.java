package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.outline;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * copilot-api's cases for reading OpenAI Chat replies and streams into Claude's shape
 * (ericc-ch/copilot-api {@code tests/anthropic-response.test.ts}, and the behaviour of
 * {@code src/routes/messages/non-stream-translation.ts} and {@code stream-translation.ts} that
 * those tests rest on: cached prompt tokens, usage on the finishing chunk).
 */
class CopilotApiReplyCasesTest {

    private static String reply(String message, String finish, String usage) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1677652288,\"model\":\"gpt-4o-2024-05-13\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":\"" + finish + "\",\"logprobs\":null}],\"usage\":" + usage + "}";
    }

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"cmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1677652288,\"model\":\"gpt-4o-2024-05-13\",\"choices\":"
                + "[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + ",\"logprobs\":null}]" + (usage == null ? "" : ",\"usage\":" + usage)
                + "}\n\n";
    }

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    /** "should translate a simple text response correctly": one text block, end_turn, the reply's id and usage. */
    @Test
    void aTextReplyIsOneTextBlockEndingTheTurn() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hello! How can I help you today?\"}", "stop",
                "{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}"));
        assertThat(m.path("id").asText()).endsWith("chatcmpl-123");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(9);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(12);
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello! How can I help you today?\"}]");
    }

    /** "should translate a response with tool calls": content null, one call, its arguments parsed. */
    @Test
    void aToolCallReplyIsAToolUseBlock() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_current_weather\",\"arguments\":\"{\\\"location\\\": \\\"Boston, MA\\\"}\"}}]}", "tool_calls",
                "{\"prompt_tokens\":30,\"completion_tokens\":20,\"total_tokens\":50}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_abc");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_current_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Boston, MA\"}");
    }

    /** "should translate a response stopped due to length": max_tokens. */
    @Test
    void aReplyCutByLengthStopsAtMaxTokens() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"This is a very long response that was cut off...\"}", "length",
                "{\"prompt_tokens\":10,\"completion_tokens\":2048,\"total_tokens\":2058}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2048);
    }

    /**
     * non-stream-translation.ts: cached prompt tokens are read from the cache, so Claude's
     * input_tokens leaves them out and cache_read_input_tokens holds them.
     */
    @Test
    void cachedPromptTokensAreCacheReads() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hi\"}", "stop",
                "{\"prompt_tokens\":100,\"completion_tokens\":5,\"total_tokens\":105,\"prompt_tokens_details\":{\"cached_tokens\":80}}"));
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(20);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(80);
    }

    /**
     * Both text and a call in one reply: the text block comes before the tool_use block, as
     * copilot-api orders them.
     */
    @Test
    void textThenCallInOneReplyKeepsThatOrder() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Let me look.\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":\"{}\"}}]}", "tool_calls", "{\"prompt_tokens\":5,\"completion_tokens\":5,\"total_tokens\":10}"));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Let me look.");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("lookup");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** "should translate a simple text stream correctly": role chunk, two pieces, stop; one text block. */
    @Test
    void aTextStreamIsOneTextBlock() {
        List<String> out = stream(chunk("{\"role\":\"assistant\"}", "null", null) + chunk("{\"content\":\"Hello\"}", "null", null)
                + chunk("{\"content\":\" there\"}", "null", null) + chunk("{}", "\"stop\"", null) + "data: [DONE]\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello there\"}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * "should translate a stream with tool calls": the call opens with empty arguments and its
     * JSON comes in pieces; the block's input is the whole of it.
     */
    @Test
    void aStreamedCallsArgumentsArriveInPieces() {
        List<String> out = stream(chunk("{\"role\":\"assistant\"}", "null", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_xyz\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}",
                        "null", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"loc\"}}]}", "null", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ation\\\": \\\"Paris\\\"}\"}}]}", "null", null)
                + chunk("{}", "\"tool_calls\"", null) + "data: [DONE]\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_xyz");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * stream-translation.ts: text then two calls; the text block closes before the first tool
     * block opens, and each call is its own block in order.
     */
    @Test
    void textThenTwoStreamedCallsAreThreeBlocksInOrder() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Checking.\"}", "null", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"a\",\"arguments\":\"{}\"}}]}", "null", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"b\",\"arguments\":\"{\\\"x\\\":1}\"}}]}",
                        "null", null)
                + chunk("{}", "\"tool_calls\"", null) + "data: [DONE]\n\n");
        assertThat(outline(out)).containsSubsequence("start:text:0", "stop:0", "start:tool_use:1", "stop:1", "start:tool_use:2", "stop:2");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/2/input").toString()).isEqualTo("{\"x\":1}");
    }

    /**
     * stream-translation.ts: GitHub Copilot puts usage on the finishing chunk, with cached
     * tokens; the final usage counts them as cache reads, as in a whole reply.
     */
    @Test
    void usageOnTheFinishingChunkCountsCachedTokensAsCacheReads() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null", null)
                + chunk("{}", "\"stop\"", "{\"prompt_tokens\":100,\"completion_tokens\":7,\"total_tokens\":107,\"prompt_tokens_details\":{\"cached_tokens\":80}}")
                + "data: [DONE]\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(7);
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(20);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(80);
    }

    /**
     * utils.ts maps content_filter to end_turn. Deliberate difference: promptport says the
     * reply was refused (Claude's refusal), so a client does not take a cut reply as complete.
     */
    @Test
    void aFilteredReplyIsARefusal() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"\"}", "content_filter", "{\"prompt_tokens\":5,\"completion_tokens\":0,\"total_tokens\":5}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
    }
}
