package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replayed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goose's cases for reading OpenAI Chat Completions replies and streams (block/goose
 * {@code crates/goose/src/providers/formats/openai.rs}, its test module:
 * "test_response_to_message_*", "test_streamed_*"), read into Claude's shape.
 */
class GooseOpenAiReplyCasesTest {

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.OPENAI_CHAT);
    }

    private static String reply(String message, String finish) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":"
                + message + ",\"finish_reason\":\"" + finish + "\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":25,"
                + "\"total_tokens\":35}}";
    }

    /** test_response_to_message_text. */
    @Test
    void aTextReplyIsOneTextBlockWithItsUsage() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hello from John Cena!\"}", "stop"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello from John Cena!");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(25);
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /** test_response_to_message_valid_toolrequest: the arguments string is the tool's input object. */
    @Test
    void aToolCallIsAToolUseWithItsParsedArguments() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"example_fn\",\"arguments\":\"{\\\"param\\\": \\\"value\\\"}\"}}]}", "tool_calls"));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("1");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("example_fn");
        assertThat(m.at("/content/0/input/param").asText()).isEqualTo("value");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_response_to_message_json_decode_error. Goose turns arguments that are not JSON into a
     * tool error; promptport must still give a valid tool_use whose input is an object, and keep
     * what the model wrote rather than drop it.
     */
    @Test
    void argumentsThatAreNotJsonStillGiveAnObjectInputAndKeepTheText() {
        String out = Replies.toAnthropic(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"example_fn\",\"arguments\":\"invalid json {\"}}]}", "tool_calls"),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/input").isObject()).isTrue();
        assertThat(out).contains("invalid json {");
    }

    /** The streaming reader: reasoning_content deltas are thinking, content deltas text, usage from the last chunk. */
    @Test
    void streamedReasoningContentIsThinkingBeforeTheText() {
        JsonNode m = stream(chunk("{\"role\":\"assistant\",\"reasoning_content\":\"Let me think\"}", null)
                + chunk("{\"content\":\"Answer\"}", null) + chunk("{}", "\"stop\"")
                + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":6,\"total_tokens\":10}}\n\ndata: [DONE]\n\n");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Answer");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(6);
    }

    /** test_streamed_multi_tool_response_to_messages: two calls streamed in pieces by index. */
    @Test
    void twoStreamedToolCallsAreTwoToolUsesWithTheirArguments() {
        JsonNode m = stream(chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\","
                + "\"function\":{\"name\":\"read\",\"arguments\":\"\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"path\\\":\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"a.txt\\\"}\"}}]}", null)
                + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"list\","
                + "\"arguments\":\"{}\"}}]}", null)
                + chunk("{}", "\"tool_calls\"") + "data: [DONE]\n\n");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/0/input/path").asText()).isEqualTo("a.txt");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_b");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("list");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }
}
