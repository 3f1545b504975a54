package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portkey's cases for its Messages API adapter, reply side: a Chat Completions reply or stream
 * back in Claude's shape (Portkey-AI/gateway {@code src/adapters/__tests__/messages-adapter.test.ts}:
 * "Chat Completions → Messages Response Transform", "Stream Transform" and the round trip's
 * "response maintains structure"). Portkey's fixtures are the Chat JSON and SSE lines themselves.
 */
class PortkeyMessagesAdapterReplyCasesTest {

    private static String reply(String message, String finish, String usage) {
        return "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}],\"usage\":" + usage + "}";
    }

    private static JsonNode whole(String json) {
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        return parse(out);
    }

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static String chunk(String id, String delta, String finish, String more) {
        return "data: {\"id\":\"" + id + "\",\"model\":\"gpt-4\",\"choices\":[{\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + more + "}\n\n";
    }

    /**
     * "simple text response", "maps usage correctly" and "response maintains structure through
     * transform": an assistant message whose one block is the text, the model as the reply named
     * it, end_turn, and the token counts.
     */
    @Test
    void aTextReplyIsATextBlockWithTheModelAndUsage() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"}", "stop",
                "{\"prompt_tokens\":10,\"completion_tokens\":8,\"total_tokens\":18}"));
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("role").asText()).isEqualTo("assistant");
        assertThat(m.path("model").asText()).isEqualTo("gpt-4");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello! How can I help?");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(8);
    }

    /**
     * "with thinking response": Portkey puts the thinking in its own {@code message.content_blocks},
     * which no other gateway sends; the reply's text is read and the field is named as left out,
     * while a gateway's field that holds nothing (LiteLLM's {@code provider_specific_fields} of
     * nulls, Mistral's {@code prefix: false}) is not.
     */
    @Test
    void aGatewaysOwnMessageFieldIsNamedAsLeftOutUnlessItHoldsNothing() {
        String json = reply("{\"role\":\"assistant\",\"content\":\"The answer is 4.\",\"content_blocks\":[{\"type\":\"thinking\","
                + "\"thinking\":\"2+2 is 4\",\"signature\":\"sig\"},{\"type\":\"text\",\"text\":\"The answer is 4.\"}],"
                + "\"provider_specific_fields\":{\"refusal\":null,\"citations\":[]},\"prefix\":false}", "stop",
                "{\"prompt_tokens\":10,\"completion_tokens\":8,\"total_tokens\":18}");
        ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("The answer is 4.");
        assertThat(t.leftOut()).singleElement().asString().contains("\"content_blocks\"");
        String plain = reply("{\"role\":\"assistant\",\"content\":\"Hi\",\"refusal\":null,\"annotations\":[],\"prefix\":false}", "stop",
                "{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}");
        assertThat(Replies.translate(plain, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS).leftOut()).isEmpty();
    }

    /** "tool calls response": a call with null content is one tool_use block with its arguments parsed, stop reason tool_use. */
    @Test
    void aToolCallReplyIsAToolUseBlock() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_abc\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}}]}", "tool_calls",
                "{\"prompt_tokens\":15,\"completion_tokens\":20,\"total_tokens\":35}"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_abc");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** "max tokens response": finish_reason length is stop reason max_tokens, the text kept. */
    @Test
    void lengthIsMaxTokens() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Truncated...\"}", "length",
                "{\"prompt_tokens\":10,\"completion_tokens\":100,\"total_tokens\":110}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Truncated...");
    }

    /** "passes through errors": an OpenAI error body is Claude's error of the matching type, its message kept. */
    @Test
    void anOpenAiErrorBodyIsClaudesError() {
        String out = AnthropicErrors.fromVendor(400, "{\"error\":{\"message\":\"Bad request\",\"type\":\"invalid_request_error\"}}",
                ReplyFormat.OPENAI_CHAT);
        assertError(out, "invalid_request_error");
        assertThat(parse(out).at("/error/message").asText()).contains("Bad request");
    }

    /**
     * "emits correct event sequence for text": message_start, one text block with its deltas,
     * message_delta with end_turn and the usage of the last chunk, message_stop.
     */
    @Test
    void aTextStreamIsClaudesEventSequence() {
        List<String> out = stream(chunk("chatcmpl-stream", "{\"role\":\"assistant\"}", "null", "")
                + chunk("chatcmpl-stream", "{\"content\":\"Hello\"}", "null", "")
                + chunk("chatcmpl-stream", "{\"content\":\"!\"}", "null", "")
                + chunk("chatcmpl-stream", "{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}")
                + "data: [DONE]\n\n");
        List<String> names = events(out).stream().map(AnthropicShape.Event::name).filter(n -> !n.equals("ping")).toList();
        assertThat(names).containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(events(out).get(0).data().at("/message/model").asText()).isEqualTo("gpt-4");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(2);
    }

    /**
     * "emits correct events for tool calls": a tool_use block, an input_json_delta and stop reason
     * tool_use. Portkey's stream ends with the arguments cut off ({@code {"q":}); the block's one
     * delta is still one JSON object, the cut text kept under {@code _raw}, rather than half an object.
     */
    @Test
    void aStreamedCallCutOffIsAToolUseWithItsTextKept() {
        List<String> out = stream(chunk("chatcmpl-tc", "{\"role\":\"assistant\"}", "null", "")
                + chunk("chatcmpl-tc", "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"\"}}]}", "null", "")
                + chunk("chatcmpl-tc", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":\"}}]}", "null", "")
                + chunk("chatcmpl-tc", "{}", "\"tool_calls\"", "")
                + "data: [DONE]\n\n");
        assertThat(String.join("", out)).contains("input_json_delta").contains("\"stop_reason\":\"tool_use\"");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("search");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1");
        assertThat(m.at("/content/0/input/_raw").asText()).isEqualTo("{\"q\":");
    }

    /** "skips ping chunks": a gateway's comment line before the reply adds nothing to it. */
    @Test
    void aCommentLineIsSkipped() {
        List<String> out = stream(": ping\n\n" + chunk("chatcmpl-stream", "{\"role\":\"assistant\",\"content\":\"Hi\"}", "null", "")
                + chunk("chatcmpl-stream", "{}", "\"stop\"", "") + "data: [DONE]\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hi");
    }
}
