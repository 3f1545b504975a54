package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.outline;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * llama.cpp's checks of its Anthropic Messages endpoint (ggml-org/llama.cpp
 * {@code tools/server/tests/unit/test_compat_anthropic.py}), reply side. Its tests run a model;
 * here the model's answer is a llama.cpp server's OpenAI Chat reply or stream (with its
 * {@code timings} and, with {@code --reasoning-format deepseek}, {@code reasoning_content}), and
 * the checks are the ones the tests make on the Claude-shaped result.
 */
class LlamaCppAnthropicReplyCasesTest {

    private static final String HEAD = "data: {\"id\":\"chatcmpl-llama\",\"object\":\"chat.completion.chunk\",\"created\":1740000000,\"model\":\"test\",";
    private static final String TIMINGS = "\"timings\":{\"cache_n\":0,\"prompt_n\":12,\"prompt_ms\":10.5,\"predicted_n\":5,\"predicted_ms\":40.1}";

    private static String delta(String d) {
        return HEAD + "\"choices\":[{\"index\":0,\"finish_reason\":null,\"delta\":{" + d + "}}]}\n\n";
    }

    private static String finish(String reason, int out) {
        return HEAD + "\"choices\":[{\"index\":0,\"finish_reason\":\"" + reason + "\",\"delta\":{}}],\"usage\":{\"completion_tokens\":" + out
                + ",\"prompt_tokens\":12,\"total_tokens\":" + (12 + out) + "}," + TIMINGS + "}\n\ndata: [DONE]\n\n";
    }

    private static JsonNode whole(String message, String finish) {
        String out = Replies.toAnthropic("{\"choices\":[{\"finish_reason\":\"" + finish + "\",\"index\":0,\"message\":" + message + "}],"
                + "\"created\":1740000000,\"model\":\"test\",\"system_fingerprint\":\"b5000\",\"object\":\"chat.completion\","
                + "\"usage\":{\"completion_tokens\":30,\"prompt_tokens\":12,\"total_tokens\":42,\"prompt_tokens_details\":{\"cached_tokens\":4}},"
                + "\"id\":\"chatcmpl-llama\"," + TIMINGS + "}", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        assertThat(out).doesNotContain("timings");
        return parse(out);
    }

    /**
     * test_anthropic_messages_basic: a message of role assistant with a text block, a stop reason of
     * Claude's, whole-number usage with cache_read_input_tokens, and no timings. The cached
     * prompt tokens are read tokens, apart from the input tokens.
     */
    @Test
    void aPlainReplyHasClaudesUsageWithCacheReadsAndNoTimings() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"}", "stop");
        assertThat(m.at("/type").asText()).isEqualTo("message");
        assertThat(m.at("/role").asText()).isEqualTo("assistant");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello! How can I help?");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/cache_read_input_tokens").isInt()).isTrue();
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(4);
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(8);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(30);
    }

    /** A reply cut at max_tokens ("length") is Claude's max_tokens, one of the two reasons the basic test allows. */
    @Test
    void aReplyCutAtTheLimitStopsForMaxTokens() {
        assertThat(whole("{\"role\":\"assistant\",\"content\":\"Hello, I am\"}", "length").at("/stop_reason").asText()).isEqualTo("max_tokens");
    }

    /**
     * test_anthropic_thinking_with_reasoning_model, whole: reasoning_content is a thinking block
     * before the text, with the signature field Claude's shape requires (empty: no vendor
     * signed it, so it is never sent back to Claude as signed).
     */
    @Test
    void reasoningContentIsAThinkingBlockWithASignatureFieldBeforeTheText() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"2 + 2 = 4.\",\"reasoning_content\":\"A simple sum: 2 plus 2 is 4.\"}", "stop");
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking", "text");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("A simple sum: 2 plus 2 is 4.");
        assertThat(m.at("/content/0/signature").isTextual()).isTrue();
        assertThat(m.at("/content/1/text").asText()).isEqualTo("2 + 2 = 4.");
    }

    /** test_anthropic_tool_use_basic: a call is a tool_use with an id, the name and an object input; the turn stops for it. */
    @Test
    void aToolCallIsAToolUseWithObjectInput() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"type\":\"function\",\"id\":\"dYx3kq\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}}]}", "tool_calls");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isNotEmpty();
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Paris\"}");
    }

    /**
     * test_anthropic_messages_streaming: message_start with empty content, a text block at index 0
     * of text_deltas, a stop, message_delta with the stop reason and output tokens, message_stop
     * without timings. llama.cpp puts the prompt's tokens in message_start; a translated stream
     * learns them with the usage at the end, so message_start says 0 and message_delta the count.
     */
    @Test
    void aTextStreamIsClaudesEventsWithUsageInMessageDelta() {
        List<String> out = StreamTranslator.translateAll(delta("\"role\":\"assistant\",\"content\":null") + delta("\"content\":\"Hel\"")
                + delta("\"content\":\"lo\"") + finish("stop", 5), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "delta:0", "stop:0", "message_delta", "message_stop");
        List<AnthropicShape.Event> ev = events(out);
        assertThat(ev.get(0).data().at("/message/content")).isEmpty();
        JsonNode md = ev.stream().filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
        assertThat(md.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(md.at("/usage/output_tokens").asInt()).isEqualTo(5);
        assertThat(md.at("/usage/input_tokens").asInt()).isEqualTo(12);
        assertThat(String.join("", out)).doesNotContain("timings");
    }

    /**
     * test_anthropic_thinking_with_reasoning_model, streamed: the thinking block at index 0 with
     * thinking_deltas, the text at 1. llama.cpp adds a signature_delta (its test calls it an API
     * requirement); with no signature from the model there is none to send, so the block keeps the
     * empty signature it started with.
     */
    @Test
    void streamedReasoningIsAThinkingBlockAtZeroAndTheTextAtOne() {
        List<String> out = StreamTranslator.translateAll(delta("\"role\":\"assistant\",\"content\":null") + delta("\"reasoning_content\":\"Simple\"")
                + delta("\"reasoning_content\":\" sum.\"") + delta("\"content\":\"4\"") + finish("stop", 5), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(outline(out)).containsExactly("message_start", "start:thinking:0", "delta:0", "delta:0", "stop:0", "start:text:1", "delta:1",
                "stop:1", "message_delta", "message_stop");
        assertThat(events(out).get(2).data().at("/content_block/signature").asText()).isEmpty();
        assertThat(String.join("", out)).doesNotContain("signature_delta");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Simple sum.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("4");
    }

    /**
     * test_anthropic_tool_streaming and test_anthropic_streaming_content_block_indices: text then a
     * call streamed in pieces; the blocks' indices run 0, 1 and each stop matches its start; the
     * tool_use start carries the name.
     */
    @Test
    void textThenAStreamedCallAreBlocksZeroAndOne() {
        String call = "\"tool_calls\":[{\"index\":0,%s\"function\":{%s\"arguments\":\"%s\"}}]";
        List<String> out = StreamTranslator.translateAll(delta("\"role\":\"assistant\",\"content\":null") + delta("\"content\":\"Let me calculate.\"")
                + delta(call.formatted("\"id\":\"kq9Zx\",\"type\":\"function\",", "\"name\":\"calculator\",", ""))
                + delta(call.formatted("", "", "{\\\"expression\\\":")) + delta(call.formatted("", "", "\\\"2+2\\\"}"))
                + finish("tool_calls", 20), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        // the arguments go as one input_json_delta when the call ends, checked and repaired as in a whole reply (README)
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "stop:0", "start:tool_use:1", "delta:1",
                "stop:1", "message_delta", "message_stop");
        JsonNode start = events(out).stream().filter(e -> e.data().at("/content_block/type").asText().equals("tool_use")).findFirst().orElseThrow().data();
        assertThat(start.at("/content_block/name").asText()).isEqualTo("calculator");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"expression\":\"2+2\"}");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
    }
}
