package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AxonHub's cases for turning its OpenAI-shaped stream into Claude's events (looplj/axonhub
 * {@code internal/llm/transformer/anthropic/inbound_stream_test.go},
 * {@code TestInboundTransformer_StreamTransformation_WithTestData}: the "stop", "parallel
 * multiple tool calls" and "thinking content and parallel tool calls" recordings). The chunks
 * here are shorter, in the recordings' shapes: every delta repeats the role; the first call
 * has no index and repeats its id, with an empty name, in every piece; the finish chunk has no
 * delta; usage comes with the first chunk, with the finish, and once more with no choices.
 */
class AxonHubStreamCasesTest {

    private static final String HEAD = "data: {\"id\":\"msg_bdrk_01\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"claude-sonnet-4-20250514\",";

    private static String delta(String d) {
        return HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"," + d + "}}]}\n\n";
    }

    private static String finish(String reason, int in, int out) {
        String usage = "\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + out + ",\"total_tokens\":" + (in + out)
                + ",\"prompt_tokens_details\":null,\"completion_tokens_details\":null}";
        return HEAD + "\"choices\":[{\"index\":0,\"finish_reason\":\"" + reason + "\"}]," + usage + "}\n\n"
                + HEAD + "\"choices\":[]," + usage + "}\n\n";
    }

    private static String piece(String id, String index, String name, String args) {
        return delta("\"content\":null,\"tool_calls\":[{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\""
                + args + "\"}" + index + "}]");
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    /** "stream transformation with stop finish reason": the text is one block; the usage is the last one given. */
    @Test
    void textWithUsageFirstAndLastEndsTheTurnWithTheLastUsage() {
        List<String> out = StreamTranslator.translateAll(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}],"
                + "\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":1,\"total_tokens\":22}}\n\n"
                + delta("\"content\":\"1 2 3 4 5\\n\"") + delta("\"content\":\"6 7 8 9 10\"") + finish("stop", 21, 43) + "data: [DONE]\n\n",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("1 2 3 4 5\n6 7 8 9 10");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(21);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(43);
    }

    /**
     * "thinking content and parallel tool calls": reasoning, text, then two calls, the first
     * without an index. Each becomes its block in order: thinking, text, two tool_use blocks
     * with the vendor's ids and whole arguments; an empty name in a later piece does not
     * rename the call.
     */
    @Test
    void reasoningTextAndTwoCallsTheFirstWithoutAnIndexAreFourBlocks() {
        String first = "toolu_bdrk_01Rj";
        String second = "toolu_bdrk_01E6";
        List<String> out = StreamTranslator.translateAll(delta("\"reasoning_content\":\"The user asks\"") + delta("\"reasoning_content\":\" for weather.\"")
                + delta("\"content\":\"I'll look it up.\"")
                + piece(first, "", "get_coordinates", "") + piece(first, "", "", "") + piece(first, "", "", "{\\\"locatio")
                + piece(first, "", "", "n\\\": \\\"San Francisco, CA\\\"}")
                + piece(second, ",\"index\":1", "get_temperature_unit", "") + piece(second, ",\"index\":1", "", "{\\\"country\\\": \\\"United States\\\"}")
                + finish("tool_calls", 587, 226) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking", "text", "tool_use", "tool_use");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("The user asks for weather.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("I'll look it up.");
        assertThat(m.at("/content/2/id").asText()).isEqualTo(first);
        assertThat(m.at("/content/2/name").asText()).isEqualTo("get_coordinates");
        assertThat(m.at("/content/2/input/location").asText()).isEqualTo("San Francisco, CA");
        assertThat(m.at("/content/3/id").asText()).isEqualTo(second);
        assertThat(m.at("/content/3/name").asText()).isEqualTo("get_temperature_unit");
        assertThat(m.at("/content/3/input/country").asText()).isEqualTo("United States");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(226);
    }

    /** "parallel multiple tool calls": two indexed calls opened one after the other, with OpenAI's ids, are two blocks in order. */
    @Test
    void twoIndexedCallsAreTwoBlocksInOrder() {
        List<String> out = StreamTranslator.translateAll(
                delta("\"tool_calls\":[{\"index\":0,\"id\":\"call_city\",\"type\":\"function\",\"function\":{\"name\":\"get_user_city\",\"arguments\":\"\"}}]")
                        + delta("\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"user_id\\\": \\\"123\\\"}\"}}]")
                        + delta("\"tool_calls\":[{\"index\":1,\"id\":\"call_lang\",\"type\":\"function\",\"function\":{\"name\":\"get_user_language\",\"arguments\":\"\"}}]")
                        + delta("\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"user_id\\\": \\\"123\\\"}\"}}]")
                        + finish("tool_calls", 104, 49) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).extracting(b -> b.path("name").asText() + " " + b.path("id").asText())
                .containsExactly("get_user_city call_city", "get_user_language call_lang");
        assertThat(m.path("content")).allSatisfy(b -> assertThat(b.at("/input/user_id").asText()).isEqualTo("123"));
    }
}
