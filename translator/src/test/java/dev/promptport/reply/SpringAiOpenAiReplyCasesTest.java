package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's cases for reading OpenAI Chat replies and streams (spring-projects/spring-ai
 * {@code models/spring-ai-openai/src/test/java/org/springframework/ai/openai/}:
 * {@code OpenAiChatModelChunkMergerTests.java}, here MERGER, and {@code OpenAiChatModelTests.java},
 * here MODEL). Spring AI builds its chunks with the OpenAI Java SDK; here they are restated as
 * the stream's JSON and read into Claude's shape.
 */
class SpringAiOpenAiReplyCasesTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-stream-test\",\"object\":\"chat.completion.chunk\",\"created\":1777799928,\"model\":\"test-model\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static String call(int index, String id, String name, String args) {
        return "{\"index\":" + index + (id == null ? "" : ",\"id\":\"" + id + "\",\"type\":\"function\"") + ",\"function\":{"
                + (name == null ? "" : "\"name\":\"" + name + "\"" + (args == null ? "" : ","))
                + (args == null ? "" : "\"arguments\":\"" + args.replace("\"", "\\\"") + "\"") + "}}";
    }

    private static String calls(String... calls) {
        return "{\"tool_calls\":[" + String.join(",", calls) + "]}";
    }

    private static final String FINISH_CALLS = chunk("{}", "tool_calls");

    private static JsonNode stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    private static List<String> types(JsonNode m) {
        return m.path("content").findValuesAsText("type").stream().toList();
    }

    /** MERGER "mergeToolCallDeltasWithAbsentContinuationIds": the pieces after the first carry no id or name and make one call. */
    @Test
    void piecesWithoutIdOrNameContinueTheCall() {
        JsonNode m = stream(chunk(calls(call(0, "call_1", "get_weather", "")), null), chunk(calls(call(0, null, null, "{\"city\": ")), null),
                chunk(calls(call(0, null, null, "\"Seoul\"}")), null), FINISH_CALLS);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Seoul");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * MERGER "mergeToolCallDeltasWithEmptyContinuationIds" (spring-ai gh-6374): some servers send
     * the pieces after the first with id "" and name ""; they continue the call, which keeps its
     * id and name.
     */
    @Test
    void piecesWithAnEmptyIdAndNameContinueTheCall() {
        JsonNode m = stream(chunk(calls(call(0, "call_1d70a7ee", "show_options", "")), null),
                chunk(calls(call(0, "", "", "{\"options\": [\"a\"")), null), chunk(calls(call(0, "", "", ", \"b\"]}")), null), FINISH_CALLS);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1d70a7ee");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("show_options");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"options\":[\"a\",\"b\"]}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** MERGER "mergeParallelToolCallDeltasByIndex": pieces of two calls interleaved are put together by index. */
    @Test
    void interleavedPiecesOfTwoCallsArePutTogetherByIndex() {
        JsonNode m = stream(chunk(calls(call(0, "call_a", "tool_a", "")), null), chunk(calls(call(1, "call_b", "tool_b", "")), null),
                chunk(calls(call(0, null, null, "{\"a\": 1}")), null), chunk(calls(call(1, null, null, "{\"b\": 2}")), null), FINISH_CALLS);
        assertThat(types(m)).containsExactly("tool_use", "tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"a\":1}");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_b");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"b\":2}");
    }

    /** MERGER "mergeMultipleToolCallDeltasInSingleChunk": two calls' pieces in each chunk. */
    @Test
    void twoCallsPiecesInEachChunkAreTwoCalls() {
        JsonNode m = stream(chunk(calls(call(0, "call_a", "tool_a", ""), call(1, "call_b", "tool_b", "")), null),
                chunk(calls(call(0, null, null, "{\"a\": 1}"), call(1, null, null, "{\"b\": 2}")), null), FINISH_CALLS);
        assertThat(types(m)).containsExactly("tool_use", "tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("tool_a");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"a\":1}");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("tool_b");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"b\":2}");
    }

    /**
     * MERGER "chunkToChatCompletionRequiresToolCallId": Spring AI refuses a call without an id.
     * promptport gives it one of Claude's shape, so the caller can still answer the call (the
     * id only has to pair the call with its result).
     */
    @Test
    void aCallWithoutAnIdGetsOne() {
        JsonNode m = stream(chunk(calls(call(0, null, "get_weather", "{\"city\":\"Seoul\"}")), "tool_calls"));
        assertThat(m.at("/content/0/id").asText()).startsWith("toolu_");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Seoul");
    }

    /** MERGER "chunkToChatCompletionUsesEmptyDefaultForMissingArguments": a call without arguments has input {}. */
    @Test
    void aCallWithoutArgumentsHasAnEmptyInput() {
        JsonNode m = stream(chunk(calls(call(0, "call_1", "get_weather", null)), "tool_calls"));
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{}");
    }

    /** MODEL "mergeStreamToolCallWhenIdNameAndArgumentsArriveInSeparateChunks": id, then name, then arguments, each in a chunk of its own. */
    @Test
    void idNameAndArgumentsInChunksOfTheirOwnAreOneCall() {
        JsonNode m = stream(chunk(calls("{\"index\":0,\"id\":\"call_1\"}"), null), chunk(calls(call(0, null, "get_current_weather", null)), null),
                chunk(calls(call(0, null, null, "{\"location\":\"Seoul\"}")), null), FINISH_CALLS);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_current_weather");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("Seoul");
    }

    private static String whole(String extra) {
        return "{\"id\":\"gen-1888888888-XYZabc123NewId\",\"object\":\"chat.completion\",\"created\":1777799928,\"model\":\"deepseek-reasoner\","
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2},\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,"
                + "\"logprobs\":null,\"message\":{\"content\":\"hello\",\"refusal\":null,\"role\":\"assistant\",\"annotations\":[],\"tool_calls\":[]"
                + extra + "}}]}";
    }

    /**
     * MODEL "reasoningContentFromReasoningContentProperty", "...FromReasoningProperty" and
     * "...EmptyWhenNeitherPropertyPresent": DeepSeek's reasoning_content and OpenRouter's
     * reasoning are a thinking block before the text; without either there is no thinking block.
     */
    @Test
    void reasoningUnderEitherNameIsAThinkingBlockAndNoneIsNone() {
        for (String key : new String[] {"reasoning_content", "reasoning"}) {
            String out = Replies.toAnthropic(whole(",\"" + key + "\":\"Test reasoning content\""), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
            assertMessage(out);
            JsonNode m = parse(out);
            assertThat(types(m)).as(key).containsExactly("thinking", "text");
            assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Test reasoning content");
            assertThat(m.at("/content/1/text").asText()).isEqualTo("hello");
        }
        JsonNode plain = parse(Replies.toAnthropic(whole(""), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE));
        assertThat(types(plain)).containsExactly("text");
    }

    /**
     * MODEL "streamingReasoningContentSurvivesAggregationWithToolCalls" (both keys): reasoning,
     * a call in two pieces, and one more piece of reasoning that arrives beside the call's
     * arguments. Claude's stream has the thinking before the call, so all of it is one thinking
     * block ("Think step one. Now call the tool. One more thought."), then the call.
     */
    @Test
    void reasoningThatArrivesBesideACallStaysInTheThinkingBeforeIt() {
        for (String key : new String[] {"reasoning_content", "reasoning"}) {
            JsonNode m = stream(chunk("{\"role\":\"assistant\",\"" + key + "\":\"Think step one. \"}", null),
                    chunk("{\"" + key + "\":\"Now call the tool.\"}", null), chunk(calls(call(0, "call_1", "getWeather", "{\"city\":")), null),
                    chunk("{\"tool_calls\":[" + call(0, null, null, "\"Seoul\"}") + "],\"" + key + "\":\" One more thought.\"}", null), FINISH_CALLS);
            assertThat(types(m)).as(key).containsExactly("thinking", "tool_use");
            assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Think step one. Now call the tool. One more thought.");
            assertThat(m.at("/content/1/name").asText()).isEqualTo("getWeather");
            assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"city\":\"Seoul\"}");
            assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        }
    }

    /** MODEL "streamingReasoningContentSurvivesAggregationWithoutToolCalls": reasoning then text, the finish on the last text piece. */
    @Test
    void streamedReasoningThenTextIsThinkingThenText() {
        JsonNode m = stream(chunk("{\"role\":\"assistant\",\"reasoning_content\":\"Quick thought. \"}", null),
                chunk("{\"reasoning_content\":\"Another thought.\"}", null), chunk("{\"content\":\"Hello\"}", null), chunk("{\"content\":\"!\"}", "stop"));
        assertThat(types(m)).containsExactly("thinking", "text");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Quick thought. Another thought.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hello!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * MODEL "intermediateStreamingChunksHaveNullFinishReason": only the last chunk's finish
     * ends the turn; the message_delta with the stop reason comes once, after all the text.
     */
    @Test
    void onlyTheLastChunksFinishEndsTheTurn() {
        List<String> out = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"content\":\"Hello\"}", null) + chunk("{\"content\":\", \"}", null)
                + chunk("{\"content\":\"world!\"}", "stop") + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(events(out).stream().filter(e -> e.name().equals("message_delta"))).hasSize(1);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello, world!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }
}
