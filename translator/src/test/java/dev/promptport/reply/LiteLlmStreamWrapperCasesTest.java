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
 * LiteLLM's cases for its Anthropic stream wrapper not yet ported (BerriAI/litellm
 * {@code tests/test_litellm/llms/anthropic/experimental_pass_through/adapters/}:
 * {@code test_streaming_iterator_combined_chunk.py}, {@code test_streaming_tool_args_same_chunk.py}).
 * Every block's deltas must be of the block's own kind, which {@link AnthropicShape} checks.
 */
class LiteLlmStreamWrapperCasesTest {

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"chatcmpl-1\",\"model\":\"gemma4\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]" + (usage.isEmpty() ? "" : ",\"usage\":" + usage) + "}\n\n";
    }

    private static List<String> stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    /**
     * combined_chunk: fake_stream_content_reaches_anthropic_sse and _usage_preserved. A whole
     * reply collapsed into one chunk, its text, finish and usage together, is a text block and
     * a message_delta with the usage.
     */
    @Test
    void oneChunkHoldingTextFinishAndUsageIsTheWholeReply() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Hello, the answer is 2.\"}", "stop",
                "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}"));
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hello, the answer is 2.");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * combined_chunk: delayed_usage_chunk_preserves_cache_tokens. The usage comes after the
     * finish, with 30 tokens read from the cache and 20 written to it (LiteLLM's
     * cache_creation_tokens): Claude's input counts neither, 120 - 30 - 20 = 70.
     */
    @Test
    void usageAfterTheFinishKeepsItsCacheCounts() {
        List<String> out = stream(chunk("{\"content\":\"Two.\"}", null, ""), chunk("{}", "stop", ""),
                chunk("{}", null, "{\"prompt_tokens\":120,\"completion_tokens\":5,\"total_tokens\":125,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":30,\"cache_creation_tokens\":20}}"));
        JsonNode usage = lastDelta(out).path("usage");
        assertThat(usage.path("input_tokens").asInt()).isEqualTo(70);
        assertThat(usage.path("cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(usage.path("cache_creation_input_tokens").asInt()).isEqualTo(20);
        assertThat(usage.path("output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * combined_chunk: split_separates_reasoning_content_and_finish and
     * boundary_reasoning_content_chunk (vLLM's qwen): reasoning and text in one delta are a
     * thinking block, then a text block; no thinking delta lands in the text block.
     */
    @Test
    void reasoningAndTextInOneDeltaAreThinkingThenText() {
        List<String> together = stream(chunk("{\"reasoning_content\":\"some reasoning\",\"content\":\"hi\"}", "stop", ""));
        JsonNode m = parse(replay(together));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking", "text");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("some reasoning");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("hi");
        List<String> boundary = stream(chunk("{\"reasoning_content\":\"Let me think.\"}", null, ""),
                chunk("{\"reasoning_content\":\"\\n\",\"content\":\"Hi there!\"}", null, ""), chunk("{}", "stop", ""));
        JsonNode b = parse(replay(boundary));
        assertThat(b.at("/content/0/thinking").asText()).isEqualTo("Let me think.\n");
        assertThat(b.at("/content/1/text").asText()).isEqualTo("Hi there!");
    }

    /**
     * tool_args_same_chunk: text, then one chunk with a call's id, name and whole arguments
     * (Gemini through an OpenAI-compatible layer; the call has no index), then the finish.
     * The text stays, and the call's input holds its arguments.
     */
    @Test
    void aCallWhoseNameAndArgumentsComeTogetherKeepsItsArguments() {
        List<String> out = stream(chunk("{\"content\":\"Let me read that file.\"}", null, ""),
                chunk("{\"content\":null,\"tool_calls\":[{\"id\":\"call_abc123\",\"function\":{\"name\":\"Read\","
                        + "\"arguments\":\"{\\\"file_path\\\": \\\"C:\\\\\\\\test.md\\\"}\"}}]}", null, ""),
                chunk("{}", "tool_calls", ""));
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Let me read that file.");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("Read");
        assertThat(m.at("/content/1/input/file_path").asText()).isEqualTo("C:\\test.md");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }
}
