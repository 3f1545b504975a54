package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.outline;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * new-api's cases for its OpenAI Chat to Claude reply and stream converters
 * ({@code ResponseOpenAI2Claude}, {@code StreamResponseOpenAI2Claude}: QuantumNous/new-api
 * {@code service/convert_test.go}, {@code service/openai_to_claude_usage_test.go} and the
 * {@code oaichat} package's {@code *_test.go}), and its Gemini reply usage
 * ({@code relay/channel/gemini/relay_gemini_usage_test.go}). new-api's tests call its converter one chunk at a
 * time with shared state; here each run of chunks is one stream, as a client receives it.
 */
class NewApiReplyCasesTest {

    private static String reply(String arguments) {
        return "{\"id\":\"chatcmpl_1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup\",\"arguments\":" + arguments + "}}]},\"finish_reason\":\"tool_calls\"}]}";
    }

    private static JsonNode input(String arguments) {
        String out = Replies.toAnthropic(reply(arguments), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        return m.at("/content/0/input");
    }

    private static String chunk(String choices, String more) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"minimax-m3\",\"choices\":[" + choices + "]"
                + more + "}\n\n";
    }

    private static String delta(String delta, String finish) {
        return chunk("{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}", "");
    }

    private static String usageOnly(int prompt, int completion) {
        return chunk("", ",\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + "}");
    }

    private static List<String> translate(String... chunks) {
        return StreamTranslator.translateAll(String.join("", chunks), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
    }

    private static JsonNode messageDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
    }

    /**
     * TestResponseOpenAI2ClaudeToolUseInputIsObject. Valid and empty arguments agree: an object,
     * and {} for none. For arguments that are no JSON object ("{", "null", ["x"], "x") new-api
     * sends {}; promptport keeps the text under "_raw", since Claude's input must be an object and
     * throwing the arguments away would hide what the model wrote.
     */
    @Test
    void toolArgumentsBecomeAnObjectInputAndBrokenOnesAreKeptAsText() {
        assertThat(input("\"{\\\"q\\\":\\\"x\\\"}\"").path("q").asText()).isEqualTo("x");
        assertThat(input("\"\"").toString()).isEqualTo("{}");
        for (String broken : new String[] {"{", "null", "[\\\"x\\\"]", "\\\"x\\\""}) {
            JsonNode in = input("\"" + broken + "\"");
            assertThat(in.isObject()).as(broken).isTrue();
            assertThat(in.path("_raw").asText()).as(broken).isEqualTo(broken.replace("\\\"", "\""));
        }
    }

    /**
     * TestBuildClaudeUsageFromOpenAICacheWriteUsage: cache reads and writes that overlap the
     * prompt count leave no uncached input, clamped at 0, and keep their own counts.
     */
    @Test
    void overlappingCacheCountsLeaveNoUncachedInput() {
        String json = "{\"id\":\"chatcmpl_1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3619,"
                + "\"completion_tokens\":36,\"total_tokens\":3655,\"prompt_tokens_details\":{\"cached_tokens\":2921,\"cache_write_tokens\":3616}}}";
        JsonNode u = parse(Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).path("usage");
        assertThat(u.path("input_tokens").asInt()).isZero();
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(2921);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(3616);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(36);
    }

    /** TestStreamResponseOpenAI2ClaudeClosesTextThinkingAndToolBlocks: each new kind of delta closes the block before it. */
    @Test
    void textThenThinkingThenACallAreThreeBlocksEachClosedInTurn() {
        List<String> out = translate(delta("{\"content\":\"hello\"}", "null"), delta("{\"reasoning_content\":\"thinking\"}", "null"),
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"lookup\","
                        + "\"arguments\":\"{\\\"q\\\":\\\"x\\\"}\"}}]}", "null"),
                chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}", ",\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,"
                        + "\"total_tokens\":10}"), "data: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "stop:0", "start:thinking:1", "delta:1",
                "stop:1", "start:tool_use:2", "delta:2", "stop:2", "message_delta", "message_stop");
        assertThat(messageDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(messageDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(7);
        assertThat(messageDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    /**
     * TestStreamResponseOpenAI2ClaudeToolCallsFinishReasonDeferredUsage and
     * ..._ParallelToolCallsDeferredUsage (minimax): the calls arrive in the finish chunk, the usage
     * in a later chunk with no choices. Both calls are blocks, both closed, and the usage counts.
     */
    @Test
    void callsInTheFinishChunkAreKeptAndTheLaterUsageCounts() {
        List<String> out = translate(delta("{\"role\":\"assistant\"}", "null"),
                delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"alpha\",\"arguments\":\"{\\\"x\\\":1}\"}},"
                        + "{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"beta\",\"arguments\":\"{\\\"y\\\":2}\"}}]}",
                        "\"tool_calls\""), usageOnly(1, 2), "data: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(outline(out)).containsExactly("message_start", "start:tool_use:0", "delta:0", "stop:0", "start:tool_use:1", "delta:1",
                "stop:1", "message_delta", "message_stop");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/input/x").asInt()).isEqualTo(1);
        assertThat(m.at("/content/1/input/y").asInt()).isEqualTo(2);
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2);
    }

    /** ..._DeferredFinishPreservesTrailingText and ..._DeferredFinishPreservesTrailingReasoning: a delta in the finish chunk is kept. */
    @Test
    void textAndReasoningInTheFinishChunkAreKept() {
        List<String> text = translate(delta("{\"content\":\"hello\"}", "null"), delta("{\"content\":\" world\"}", "\"stop\""),
                usageOnly(1, 1), "data: [DONE]\n\n");
        assertCompleteStream(text);
        assertThat(parse(replay(text)).at("/content/0/text").asText()).isEqualTo("hello world");
        assertThat(parse(replay(text)).path("stop_reason").asText()).isEqualTo("end_turn");
        List<String> reasoning = translate(delta("{\"reasoning_content\":\"step1\"}", "null"),
                delta("{\"reasoning_content\":\" step2\"}", "\"stop\""), usageOnly(1, 1), "data: [DONE]\n\n");
        assertCompleteStream(reasoning);
        assertThat(parse(replay(reasoning)).at("/content/0/thinking").asText()).isEqualTo("step1 step2");
    }

    /** TestStreamResponseOpenAI2ClaudeSingleChunkToolCall: the whole call, the finish and the usage in the first chunk. */
    @Test
    void aWholeCallInTheFirstChunkIsACompleteStream() {
        List<String> out = translate(chunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Beijing\\\"}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}", ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}"),
                "data: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(outline(out)).containsExactly("message_start", "start:tool_use:0", "delta:0", "stop:0", "message_delta", "message_stop");
        assertThat(parse(replay(out)).at("/content/0/name").asText()).isEqualTo("get_weather");
    }

    /**
     * TestStreamTerminalEmittedWhenUsageFrameCarriesUsage, TestFinalizeClosesStreamAfterDeferredTerminal
     * and the DashScope trailing chunk: one message_delta and one message_stop, whether the usage
     * comes after the finish, never comes, or a silent chunk follows the finish. new-api holds the
     * stream open until its relay loop finalizes it; promptport closes it when the upstream ends.
     */
    @Test
    void aFinishedStreamClosesOnceWithOrWithoutUsage() {
        String text = delta("{\"role\":\"assistant\",\"content\":\"hi\"}", "null");
        String finish = delta("{}", "\"stop\"");
        String silent = chunk("{\"index\":0,\"delta\":{}}", "");
        for (List<String> out : List.of(translate(text, finish, usageOnly(12, 34)), translate(text, finish), translate(text, finish, silent))) {
            assertCompleteStream(out);
            List<String> names = outline(out);
            assertThat(names.stream().filter("message_delta"::equals)).hasSize(1);
            assertThat(names.get(names.size() - 1)).isEqualTo("message_stop");
        }
        assertThat(messageDelta(translate(text, finish, usageOnly(12, 34))).at("/usage/output_tokens").asInt()).isEqualTo(34);
    }

    /** TestStreamResponseOpenAI2ClaudeUsageWithoutFinishReasonStaysIncomplete: usage alone does not finish a reply. */
    @Test
    void usageWithoutAFinishIsAnIncompleteStream() {
        List<String> out = translate(delta("{\"role\":\"assistant\",\"reasoning_content\":\"thinking\"}", "null"), usageOnly(0, 54));
        assertFailedStream(out);
        assertThat(outline(out)).doesNotContain("message_stop");
        assertThat(outline(out).get(outline(out).size() - 1)).isEqualTo("error");
    }

    /**
     * relay/channel/gemini/relay_gemini_usage_test.go: Gemini's prompt count leaves out the
     * tokens of its tool-use prompt and the output count the thoughts; Claude's input counts the
     * first and its output the second, whole reply and stream alike.
     */
    @Test
    void geminiToolUsePromptAndThoughtsAreCountedInInputAndOutput() {
        String usage = "\"usageMetadata\":{\"promptTokenCount\":151,\"toolUsePromptTokenCount\":18329,\"candidatesTokenCount\":1089,"
                + "\"thoughtsTokenCount\":1120,\"totalTokenCount\":20689}";
        String whole = Replies.toAnthropic("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},"
                + "\"finishReason\":\"STOP\",\"index\":0}]," + usage + ",\"modelVersion\":\"gemini-3-flash-preview\"}",
                ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(whole);
        assertThat(parse(whole).at("/usage/input_tokens").asInt()).isEqualTo(18480);
        assertThat(parse(whole).at("/usage/output_tokens").asInt()).isEqualTo(2209);
        List<String> out = StreamTranslator.translateAll("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                + "\"partial\"}]},\"index\":0}]," + usage + "}\r\n\r\ndata: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":"
                + "[{\"text\":\"\"}]},\"finishReason\":\"STOP\",\"index\":0}]," + usage + "}\r\n\r\n", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(messageDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(18480);
        assertThat(messageDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(2209);
    }
}
