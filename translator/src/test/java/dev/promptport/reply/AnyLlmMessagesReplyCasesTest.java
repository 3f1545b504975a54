package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * any-llm's cases for its Anthropic Messages to OpenAI Chat bridge, reply side
 * (mozilla-ai/any-llm {@code tests/unit/test_messages_compat.py}, the
 * {@code chat_completion_to_message_response} and {@code chat_completion_chunk_to_message_stream_events}
 * tests). any-llm feeds its own parsed objects; here each is the wire JSON an OpenAI-compatible
 * server sends, and a stream case is a whole stream ended by its finish chunk.
 */
class AnyLlmMessagesReplyCasesTest {

    private static String reply(String message, String finish, String usage) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"gpt-4\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":" + finish + "}]" + (usage.isEmpty() ? "" : ",\"usage\":" + usage) + "}";
    }

    private static String usage(int prompt, int completion, String details) {
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion)
                + details + "}";
    }

    private static String cached(int n) {
        return ",\"prompt_tokens_details\":{\"cached_tokens\":" + n + "}";
    }

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static String hi(String usage) {
        return reply("{\"role\":\"assistant\",\"content\":\"hi\"}", "\"stop\"", usage);
    }

    private static String chunk(String delta, String finish) {
        return chunk(delta, finish, "");
    }

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"chunk-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-4\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + (usage.isEmpty() ? "" : ",\"usage\":" + usage) + "}\n\n";
    }

    private static String usageChunk(String usage) {
        return "data: {\"id\":\"chunk-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-4\",\"choices\":[],\"usage\":"
                + usage + "}\n\n";
    }

    private static List<String> stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT,
                ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static String call(int index, String id, String name, String args) {
        return "{\"index\":" + index + (id == null ? "" : ",\"id\":\"" + id + "\",\"type\":\"function\"") + ",\"function\":{"
                + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"arguments\":\"" + args + "\"}}";
    }

    private static String calls(String... calls) {
        return "{\"tool_calls\":[" + String.join(",", calls) + "]}";
    }

    private static List<String> blockStarts(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().at("/content_block/type").asText()).toList();
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    private static JsonNode start(List<String> out) {
        return events(out).get(0).data().at("/message");
    }

    /** test_chat_completion_text_response_to_message. */
    @Test
    void aTextReplyIsOneTextBlock() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hello!\"}", "\"stop\"", usage(10, 5, "")));
        assertThat(m.path("id").asText()).endsWith("chatcmpl-123");
        assertThat(m.path("role").asText()).isEqualTo("assistant");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello!\"}]");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * test_chat_completion_cached_tokens_mapped_disjointly and
     * test_chat_completion_cache_creation_tokens_never_synthesized: OpenAI's prompt count holds its
     * cache reads, Claude's input count does not; the two add up to the prompt again, and no
     * cache write is made up.
     */
    @Test
    void cachedTokensAreCacheReadsOutsideTheInputCount() {
        JsonNode u = whole(hi(usage(10_000, 50, cached(9_600)))).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(400);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(9_600);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(50);
        assertThat(u.path("cache_creation_input_tokens").asInt(0)).isZero();
    }

    /**
     * test_chat_completion_without_prompt_tokens_details_reports_full_input_tokens and
     * _zero_cached_tokens_: without cache reads the input count is the whole prompt.
     */
    @Test
    void withoutCacheReadsTheInputIsTheWholePrompt() {
        for (String details : new String[] {"", cached(0)}) {
            JsonNode u = whole(hi(usage(10_000, 50, details))).path("usage");
            assertThat(u.path("input_tokens").asInt()).as(details).isEqualTo(10_000);
            assertThat(u.path("cache_read_input_tokens").asInt(0)).as(details).isZero();
        }
    }

    /** test_chat_completion_no_usage: a reply without usage counts nothing. */
    @Test
    void aReplyWithoutUsageCountsZero() {
        JsonNode u = whole(hi("")).path("usage");
        assertThat(u.path("input_tokens").asInt()).isZero();
        assertThat(u.path("output_tokens").asInt()).isZero();
    }

    /** test_chat_completion_tool_calls_response_to_message. */
    @Test
    void aToolCallIsAToolUseBlock() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"London\\\"}\"}}]}", "\"tool_calls\"", usage(20, 10, "")));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_abc");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"city\":\"London\"}");
    }

    /**
     * test_chat_completion_tool_calls_invalid_json: any-llm makes the input {} and loses the text;
     * promptport keeps the text under input._raw and names the call (README), so nothing the model
     * wrote is lost. Empty arguments (test_chat_completion_tool_calls_empty_arguments) are {}.
     */
    @Test
    void argumentsThatAreNotJsonAreKeptAsRawText() {
        ReplyTranslation t = Replies.translate(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"fn\",\"arguments\":\"not valid json{\"}}]}", "\"tool_calls\"", ""), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE,
                dev.promptport.Limits.DEFAULTS);
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/input/_raw").asText()).isEqualTo("not valid json{");
        assertThat(t.leftOut()).isNotEmpty();
        JsonNode empty = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"fn\",\"arguments\":\"\"}}]}", "\"tool_calls\"", ""));
        assertThat(empty.at("/content/0/input").toString()).isEqualTo("{}");
    }

    /**
     * test_chat_completion_reasoning_response_to_message: the reasoning comes first as a thinking
     * block, then the answer. any-llm reads its own reasoning object; on the wire OpenAI-compatible
     * servers send reasoning_content (DeepSeek, vLLM) or reasoning (OpenRouter, Ollama).
     */
    @Test
    void reasoningIsAThinkingBlockBeforeTheAnswer() {
        for (String field : new String[] {"reasoning_content", "reasoning"}) {
            JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"The answer is 42.\",\"" + field + "\":\"Let me think about this...\"}",
                    "\"stop\"", usage(15, 20, "")));
            assertThat(m.path("content")).as(field).hasSize(2);
            assertThat(m.at("/content/0/type").asText()).as(field).isEqualTo("thinking");
            assertThat(m.at("/content/0/thinking").asText()).as(field).isEqualTo("Let me think about this...");
            assertThat(m.at("/content/1/text").asText()).as(field).isEqualTo("The answer is 42.");
        }
    }

    /**
     * test_finish_reason_mapping, _content_filter, _unknown_defaults_to_end_turn,
     * _none_maps_to_end_turn. any-llm ends a content_filter stop as end_turn; promptport as a
     * refusal, which is what it is (Claude's stop for a reply its classifiers stopped).
     */
    @Test
    void finishReasonsBecomeStopReasons() {
        Map<String, String> expected = Map.of("\"stop\"", "end_turn", "\"length\"", "max_tokens", "\"tool_calls\"", "tool_use",
                "\"function_call\"", "tool_use", "\"content_filter\"", "refusal", "\"some_unknown_reason\"", "end_turn", "null", "end_turn");
        expected.forEach((finish, stop) -> {
            String message = finish.contains("call")
                    ? "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"fn\","
                            + "\"arguments\":\"{}\"}}]}"
                    : "{\"role\":\"assistant\",\"content\":\"Hi\"}";
            assertThat(whole(reply(message, finish, "")).path("stop_reason").asText()).as(finish).isEqualTo(stop);
        });
    }

    /** test_streaming_text_events and test_streaming_consecutive_text_deltas_no_extra_block_start. */
    @Test
    void streamedTextIsOneTextBlock() {
        List<String> out = stream(chunk("{\"content\":\"Hello\"}", "null"), chunk("{\"content\":\" world\"}", "null"), chunk("{}", "\"stop\""));
        assertThat(blockStarts(out)).containsExactly("text");
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hello world");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
    }

    /** test_streaming_tool_call_events: the block opens with the call's name and its input is the arguments. */
    @Test
    void aStreamedCallIsAToolUseBlock() {
        List<String> out = stream(chunk(calls(call(0, "call_123", "get_weather", "")), "null"),
                chunk(calls(call(0, null, null, "{\\\"city\\\":\\\"London\\\"}")), "null"), chunk("{}", "\"tool_calls\""));
        JsonNode block = events(out).stream().filter(e -> e.name().equals("content_block_start")).findFirst().orElseThrow().data();
        assertThat(block.at("/content_block/type").asText()).isEqualTo("tool_use");
        assertThat(block.at("/content_block/name").asText()).isEqualTo("get_weather");
        assertThat(parse(replay(out)).at("/content/0/input").toString()).isEqualTo("{\"city\":\"London\"}");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_streaming_parallel_tool_calls_route_arguments_by_tool_index and _stop_every_block: two
     * calls announced together, their arguments interleaved, each lands on its own block and both
     * close.
     */
    @Test
    void interleavedArgumentsFollowTheirCallsIndex() {
        List<String> out = stream(chunk(calls(call(0, "call_a", "get_weather", ""), call(1, "call_b", "get_time", "")), "null"),
                chunk(calls(call(1, null, null, "{\\\"tz\\\":")), "null"), chunk(calls(call(0, null, null, "{\\\"city\\\":\\\"Paris\\\"}")), "null"),
                chunk(calls(call(1, null, null, "\\\"UTC\\\"}")), "null"), chunk("{}", "\"tool_calls\""));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("get_time");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"tz\":\"UTC\"}");
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_stop"))).hasSize(2);
    }

    /** test_streaming_tool_call_id_repeated_reuses_the_same_block: an id sent again on each piece opens no second block. */
    @Test
    void anIdRepeatedOnEveryPieceIsOneCall() {
        List<String> out = stream(chunk(calls(call(0, "call_a", "get_weather", "{\\\"city\\\":")), "null"),
                chunk(calls(call(0, "call_a", "get_weather", "\\\"Paris\\\"}")), "null"), chunk("{}", "\"tool_calls\""));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"city\":\"Paris\"}");
    }

    /** test_streaming_reasoning_then_text_transition and _consecutive_thinking_deltas_: one thinking block, then one text block. */
    @Test
    void streamedReasoningThenTextAreTwoBlocks() {
        List<String> out = stream(chunk("{\"reasoning_content\":\"first thought\"}", "null"), chunk("{\"reasoning_content\":\", more thinking\"}", "null"),
                chunk("{\"content\":\"Answer\"}", "null"), chunk("{}", "\"stop\""));
        assertThat(blockStarts(out)).containsExactly("thinking", "text");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("first thought, more thinking");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Answer");
    }

    /** test_streaming_empty_content_no_delta: an empty piece of text adds no delta (nor, here, an empty block). */
    @Test
    void anEmptyTextPieceAddsNoDelta() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"), chunk("{\"content\":\"Hi\"}", "null"),
                chunk("{}", "\"stop\""));
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_delta"))).hasSize(1);
        assertThat(parse(replay(out)).path("content")).hasSize(1);
    }

    /** test_streaming_finish_reason_length. */
    @Test
    void aStreamCutAtItsLengthIsMaxTokens() {
        List<String> out = stream(chunk("{\"content\":\"Hi\"}", "null"), chunk("{}", "\"length\""));
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
    }

    /**
     * test_streaming_usage_tracking, test_streaming_usage_cache_read_from_prompt_tokens_details and
     * test_streaming_message_start_reports_cache_read_disjointly: the usage chunk after the finish
     * gives the counts, cache reads outside the input count.
     */
    @Test
    void theStreamsUsageChunkSplitsCacheReadsOut() {
        List<String> out = stream(chunk("{\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""), usageChunk(usage(100, 20, cached(80))));
        JsonNode u = lastDelta(out).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(20);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(80);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(20);
        List<String> plain = stream(chunk("{\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""), usageChunk(usage(100, 50, "")));
        assertThat(lastDelta(plain).at("/usage/input_tokens").asInt()).isEqualTo(100);
        assertThat(lastDelta(plain).at("/usage/output_tokens").asInt()).isEqualTo(50);
        assertThat(lastDelta(plain).at("/usage/cache_read_input_tokens").asInt(0)).isZero();
    }

    /**
     * test_streaming_message_start_cached_without_prompt_total_is_not_negative: a usage count of
     * cache reads with no prompt total (any-llm's Gemini converter sends one) never makes the
     * input count negative.
     */
    @Test
    void cacheReadsWithoutAPromptTotalNeverGoNegative() {
        List<String> out = stream(chunk("{\"content\":\"Hi\"}", "null", usage(0, 5, cached(800))), chunk("{}", "\"stop\""));
        for (AnthropicShape.Event e : events(out)) {
            assertThat(e.data().findValues("input_tokens")).allSatisfy(n -> assertThat(n.asInt()).isNotNegative());
        }
    }

    /** test_streaming_no_choices_returns_early: a chunk with no choices and no usage, before the reply, adds nothing. */
    @Test
    void aChunkWithoutChoicesAddsNothing() {
        List<String> out = stream("data: {\"id\":\"chunk-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"gpt-4\",\"choices\":[]}\n\n",
                chunk("{\"content\":\"Hi\"}", "null"), chunk("{}", "\"stop\""));
        assertThat(events(out).stream().filter(e -> e.name().equals("message_start"))).hasSize(1);
        assertThat(parse(replay(out)).path("content")).hasSize(1);
        assertThat(start(out).path("model").asText()).isEqualTo("gpt-4");
    }

    /**
     * test_streaming_tool_call_arguments_without_a_known_index_use_the_open_block: arguments alone
     * at an index never announced continue the call before them, where they used to end the
     * stream as a call without a name.
     */
    @Test
    void argumentsAtAnUnannouncedIndexContinueTheOpenCall() {
        List<String> out = stream(chunk(calls(call(0, "call_a", "get_weather", "")), "null"),
                chunk(calls(call(7, null, null, "{\\\"city\\\":\\\"Oslo\\\"}")), "null"), chunk("{}", "\"tool_calls\""));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"city\":\"Oslo\"}");
    }

    /** test_close_open_blocks_closes_every_open_tool_block: a stream that reaches [DONE] without a finish reason still closes both calls. */
    @Test
    void aStreamWithoutAFinishReasonStillClosesEveryCall() {
        List<String> out = stream(chunk(calls(call(0, "call_a", "get_weather", ""), call(1, "call_b", "get_time", "")), "null"));
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_stop"))).hasSize(2);
        assertThat(parse(replay(out)).path("content")).hasSize(2);
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_chat_completion_no_choices: any-llm answers an empty text; promptport refuses a reply
     * without choices, so a failover client takes it as the endpoint's failure instead of an
     * empty answer.
     */
    @Test
    void aReplyWithoutChoicesIsRefused() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"id\":\"test\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"test\",\"choices\":[]}",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).isInstanceOf(PromptPortException.class).hasMessageContaining("no choices");
    }

    /**
     * test_tool_call_without_function_attribute_skipped: any-llm drops a custom tool's call and
     * answers empty text; promptport keeps it as a tool_use whose input holds the free-form text
     * (README), as the request side shapes custom tools.
     */
    @Test
    void aCustomToolCallIsAToolUseOfItsText() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"tc_1\",\"type\":\"custom\","
                + "\"custom\":{\"name\":\"my_tool\",\"input\":\"{}\"}}]}", "\"tool_calls\"", usage(5, 3, "")));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"tc_1\",\"name\":\"my_tool\",\"input\":{\"input\":\"{}\"}}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }
}
