package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AutoGen's cases for reading OpenAI Chat replies and streams (microsoft/autogen
 * {@code python/packages/autogen-ext/tests/models/test_openai_model_client.py}:
 * "test_r1_reasoning_content", "..._streaming", "test_r1_think_field" and "test_tool_calling").
 * AutoGen builds them with the OpenAI SDK's types; here they are restated as JSON and read into
 * Claude's shape.
 */
class AutogenOpenAiReplyCasesTest {

    private static JsonNode whole(String message, String finish) {
        ReplyTranslation t = Replies.translate("{\"id\":\"id1\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"gpt-4.1-nano-2025-04-14\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"" + finish + "\",\"message\":" + message + "}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":0}}", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        return parse(t.json());
    }

    private static String call(String id, String name) {
        return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"{\\\"input\\\": \\\"task\\\"}\"}}";
    }

    private static String r1Chunk(String content, String reasoning, String finish) {
        return "data: {\"id\":\"id\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"r1\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + ",\"delta\":{\"role\":\"assistant\",\"content\":"
                + (content == null ? "null" : "\"" + content + "\"") + ",\"reasoning_content\":" + (reasoning == null ? "null" : "\"" + reasoning + "\"")
                + "}}],\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}}\n\n";
    }

    /** "test_r1_reasoning_content": reasoning_content beside the content is a thinking block before the text. */
    @Test
    void reasoningContentIsThinkingBeforeTheText() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"This is the main content\",\"reasoning_content\":\"This is the reasoning content\"}",
                "stop");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("This is the reasoning content");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("This is the main content");
    }

    /**
     * "test_r1_reasoning_content_streaming": two reasoning pieces, then the content. The thinking
     * block is both pieces run together, as AutoGen's thought is; the text follows. (AutoGen
     * streams &lt;think&gt; tags around the pieces as text; Claude's shape has a thinking block.)
     */
    @Test
    void streamedReasoningContentIsOneThinkingBlock() {
        List<String> out = StreamTranslator.translateAll(r1Chunk(null, "This is the reasoning content 1", null)
                + r1Chunk(null, "This is the reasoning content 2", null) + r1Chunk("This is the main content", null, "stop"),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("This is the reasoning content 1This is the reasoning content 2");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("This is the main content");
    }

    /**
     * "test_r1_think_field": the reasoning inline as "&lt;think&gt; Hello&lt;/think&gt; Another Hello...".
     * AutoGen takes the tags apart for an R1 model it was told about; promptport reads the
     * vendors' reasoning fields, not tags in the text, so the text arrives as the model wrote it.
     */
    @Test
    void thinkTagsInTheContentStayText() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"<think> Hello</think> Another Hello Yet Another Hello\"}", "stop");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("<think> Hello</think> Another Hello Yet Another Hello");
    }

    /** "test_tool_calling", parallel tool calls: three calls are three tool_use blocks in order, with their ids. */
    @Test
    void threeCallsAreThreeToolUses() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call("1", "_pass_function") + ","
                + call("2", "_fail_function") + "," + call("3", "_echo_function") + "]}", "tool_calls");
        assertThat(m.path("content")).hasSize(3);
        assertThat(m.at("/content/1/id").asText()).isEqualTo("2");
        assertThat(m.at("/content/2/name").asText()).isEqualTo("_echo_function");
        assertThat(m.at("/content/2/input/input").asText()).isEqualTo("task");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * "test_tool_calling", "Thought field is populated when content is not None": the text
     * beside a call comes first, then the call.
     */
    @Test
    void textBesideACallComesFirst() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"I should make a tool call.\",\"tool_calls\":[" + call("1", "_pass_function") + "]}",
                "tool_calls");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I should make a tool call.");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
    }

    /** "test_tool_calling", "Should not be returning tool calls when the tool_calls are empty": the text alone, end_turn. */
    @Test
    void anEmptyToolCallListIsNoCall() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"I should make a tool call.\",\"tool_calls\":[]}", "stop");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * "test_tool_calling", "Should raise warning when function arguments is not a string": the
     * arguments as an object, not JSON text (some OpenAI-compatible servers send them so). The
     * object is the call's input.
     */
    @Test
    void argumentsGivenAsAnObjectAreTheInput() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"1\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"_pass_function\",\"arguments\":{\"input\":\"task\"}}}]}", "tool_calls");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"input\":\"task\"}");
    }
}
