package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI's wrapper of parallel calls ({@code multi_tool_use.parallel}, or {@code parallel}),
 * which some models write as a function call, becomes one tool_use per call it wraps, streamed
 * or whole, from Chat Completions and from the Responses API; a tool of the request that has
 * that name is called as any other.
 */
class ParallelWrapperTest {

    private static final String ARGS = "{\"tool_uses\":[{\"recipient_name\":\"functions.weather\",\"parameters\":{\"location\":\"Paris\"}},"
            + "{\"recipient_name\":\"functions.get_time\",\"parameters\":{\"tz\":\"CET\"}}]}";

    private static String chatWhole(String name, String args) {
        return "{\"id\":\"chatcmpl-p\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"call_w\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
                + Json.MAPPER.valueToTree(args) + "}}]},\"finish_reason\":\"tool_calls\"}]}";
    }

    private static String chatStream(String name, String args) {
        String half = args.substring(0, args.length() / 2);
        return ReplyFixtures.deltaChunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_w\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"" + name + "\",\"arguments\":" + Json.MAPPER.valueToTree(half) + "}}]}", null)
                + ReplyFixtures.deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + Json.MAPPER.valueToTree(args.substring(half.length())) + "}}]}", null)
                + ReplyFixtures.deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n";
    }

    private static JsonNode whole(String reply, ReplyFormat format, ReplyContext ctx) {
        String json = Replies.toAnthropic(reply, format, ctx);
        AnthropicShape.assertMessage(json);
        return parse(json);
    }

    private static JsonNode streamed(String sse, ReplyFormat format, ReplyContext ctx) {
        List<String> out = StreamTranslator.translateAll(sse, format, ctx);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    private static void assertUnwrapped(JsonNode m, String wrapperId) {
        JsonNode c = m.path("content");
        assertThat(c).hasSize(2);
        assertThat(c.at("/0/id").asText()).isEqualTo(wrapperId + "_0");
        assertThat(c.at("/0/name").asText()).isEqualTo("weather");
        assertThat(c.at("/0/input")).isEqualTo(parse("{\"location\":\"Paris\"}"));
        assertThat(c.at("/1/id").asText()).isEqualTo(wrapperId + "_1");
        assertThat(c.at("/1/name").asText()).isEqualTo("get_time");
        assertThat(c.at("/1/input")).isEqualTo(parse("{\"tz\":\"CET\"}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void aChatReplyCallingTheWrapperGivesOneToolUsePerWrappedCall() {
        assertUnwrapped(whole(chatWhole("multi_tool_use.parallel", ARGS), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE), "call_w");
    }

    @Test
    void aChatStreamCallingTheWrapperGivesOneToolUsePerWrappedCall() {
        assertUnwrapped(streamed(chatStream("multi_tool_use.parallel", ARGS), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE), "call_w");
        assertUnwrapped(streamed(chatStream("parallel", ARGS), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE), "call_w");
    }

    @Test
    void aResponsesStreamCallingTheWrapperByItsShortNameIsUnwrapped() {
        JsonNode c = streamed(QuirkFixtures.RESPONSES_PARALLEL_WRAPPER_SSE, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE).path("content");
        assertThat(c).hasSize(2);
        assertThat(c.at("/0/id").asText()).isEqualTo("call_parallel_0");
        assertThat(c.at("/0/name").asText()).isEqualTo("weather");
        assertThat(c.at("/0/input")).isEqualTo(parse("{\"location\":\"San Francisco\"}"));
        assertThat(c.at("/1/id").asText()).isEqualTo("call_parallel_1");
        assertThat(c.at("/1/name").asText()).isEqualTo("cityAttractions");
        assertThat(c.at("/1/input")).isEqualTo(parse("{\"city\":\"Rome\"}"));
    }

    @Test
    void aWholeResponsesReplyCallingTheWrapperIsUnwrapped() {
        String reply = "{\"id\":\"resp_p\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-5\",\"output\":[{\"type\":\"function_call\","
                + "\"id\":\"fc_1\",\"call_id\":\"call_w\",\"name\":\"parallel\",\"arguments\":" + Json.MAPPER.valueToTree(ARGS) + "}]}";
        assertUnwrapped(whole(reply, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE), "call_w");
    }

    @Test
    void theWrappedCallsGetTheCallersToolNamesBack() {
        ReplyContext ctx = new ReplyContext(null, null, Map.of("get_time", "clock.get_time"));
        JsonNode m = whole(chatWhole("multi_tool_use.parallel", ARGS), ReplyFormat.OPENAI_CHAT, ctx);
        assertThat(m.at("/content/1/name").asText()).isEqualTo("clock.get_time");
    }

    @Test
    void aToolOfTheRequestNamedParallelIsCalledAsItIs() {
        ReplyContext ctx = new ReplyContext(null, null, Map.of("parallel", "parallel:run"));
        JsonNode m = whole(chatWhole("parallel", ARGS), ReplyFormat.OPENAI_CHAT, ctx);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("parallel:run");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_w");
    }

    @Test
    void aParallelCallWhoseEntriesAreNotFunctionsIsLeftAsItIs() {
        String args = "{\"tool_uses\":[{\"recipient_name\":\"weather\",\"parameters\":{\"location\":\"Paris\"}}]}";
        for (JsonNode m : List.of(whole(chatWhole("parallel", args), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE),
                streamed(chatStream("parallel", args), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE))) {
            assertThat(m.path("content")).hasSize(1);
            assertThat(m.at("/content/0/name").asText()).isEqualTo("parallel");
            assertThat(m.at("/content/0/input")).isEqualTo(parse(args));
        }
        JsonNode plain = whole(chatWhole("parallel", "{\"jobs\":3}"), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertThat(plain.at("/content/0/input")).isEqualTo(parse("{\"jobs\":3}"));
    }
}
