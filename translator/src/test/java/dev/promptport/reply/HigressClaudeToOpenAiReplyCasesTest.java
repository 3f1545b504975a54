package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Higress's cases for its Claude to OpenAI converter, reply side (alibaba/higress
 * {@code plugins/wasm-go/extensions/ai-proxy/provider/claude_to_openai_test.go}:
 * {@code _ConvertOpenAIResponseToClaude}, {@code _ConvertReasoningResponseToClaude},
 * {@code TestNormalizeFinishReason} and
 * {@code _ConvertOpenAIStreamResponseToClaude_Compatibility}). Higress feeds its converter one
 * chunk at a time and checks the events each gives; here each run of chunks is one stream, and
 * the events are checked in order.
 */
class HigressClaudeToOpenAiReplyCasesTest {

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static String chunk(String delta, String finish, String usage) {
        return "data: {\"id\":\"stream-2\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}],\"created\":1,"
                + "\"model\":\"m\",\"object\":\"chat.completion.chunk\"" + usage + "}\n\n";
    }

    private static String usage(int completion) {
        return ",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + completion + ",\"total_tokens\":" + (10 + completion) + "}";
    }

    private static final String FINAL_USAGE = "data: {\"id\":\"stream-2\",\"choices\":[],\"created\":1,\"model\":\"m\","
            + "\"object\":\"chat.completion.chunk\"" + usage(100) + "}\n\n";

    /** Event names, pings left out. */
    private static List<String> names(List<String> out) {
        return events(out).stream().map(AnthropicShape.Event::name).filter(n -> !n.equals("ping")).toList();
    }

    /**
     * convert_tool_calls_response: OpenRouter's reply (with its own provider,
     * native_finish_reason and a null reasoning) → the text, then the call, stop reason
     * tool_use, the vendor's id and model, and the usage.
     */
    @Test
    void openRoutersToolCallReplyIsTextThenToolUse() {
        JsonNode m = whole("{\"id\":\"gen-1756214072-tVFkPBV6lxee00IqNAC5\",\"provider\":\"Google\",\"model\":\"anthropic/claude-sonnet-4\","
                + "\"object\":\"chat.completion\",\"created\":1756214072,\"choices\":[{\"logprobs\":null,\"finish_reason\":\"tool_calls\","
                + "\"native_finish_reason\":\"tool_calls\",\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"I'll analyze the README file to understand this project's purpose.\",\"refusal\":null,\"reasoning\":null,"
                + "\"tool_calls\":[{\"id\":\"toolu_vrtx_017ijjgx8hpigatPzzPW59Wq\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"Read\","
                + "\"arguments\":\"{\\\"file_path\\\": \\\"/Users/dev/higress/README.md\\\"}\"}}]}}],"
                + "\"usage\":{\"prompt_tokens\":14923,\"completion_tokens\":81,\"total_tokens\":15004}}");
        assertThat(m.path("id").asText()).endsWith("gen-1756214072-tVFkPBV6lxee00IqNAC5");
        assertThat(m.path("model").asText()).isEqualTo("anthropic/claude-sonnet-4");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(14923);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(81);
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I'll analyze the README file to understand this project's purpose.");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("toolu_vrtx_017ijjgx8hpigatPzzPW59Wq");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("Read");
        assertThat(m.at("/content/1/input/file_path").asText()).isEqualTo("/Users/dev/higress/README.md");
    }

    /**
     * ConvertReasoningResponseToClaude: {@code reasoning_content} (DeepSeek, Qwen) and
     * {@code reasoning} (OpenRouter, Ollama) both become a thinking block with an empty
     * signature before the text; without either there is one text block.
     */
    @Test
    void reasoningUnderEitherNameIsAThinkingBlockBeforeTheText() {
        String thought = "Let me think about this step by step:\\n1. The question asks about the meaning of life\\n2. The answer is 42";
        for (String field : new String[] {"reasoning_content", "reasoning"}) {
            JsonNode m = whole("{\"id\":\"chatcmpl-test123\",\"object\":\"chat.completion\",\"created\":1699999999,\"model\":\"gpt-4o\",\"choices\":[{"
                    + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Based on my analysis, the answer is 42.\",\"" + field + "\":\""
                    + thought + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}");
            assertThat(m.path("content")).as(field).hasSize(2);
            assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
            assertThat(m.at("/content/0/signature").asText()).isEmpty();
            assertThat(m.at("/content/0/thinking").asText()).startsWith("Let me think about this step by step");
            assertThat(m.at("/content/1/text").asText()).isEqualTo("Based on my analysis, the answer is 42.");
        }
        JsonNode plain = whole("{\"id\":\"chatcmpl-test456\",\"object\":\"chat.completion\",\"created\":1699999999,\"model\":\"gpt-4o\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"The answer is 42.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":10,\"total_tokens\":15}}");
        assertThat(plain.path("content")).hasSize(1);
        assertThat(plain.at("/content/0/text").asText()).isEqualTo("The answer is 42.");
    }

    /**
     * _Compatibility "finish_reason empty string should not stop stream" and
     * TestNormalizeFinishReason: an empty, blank or "null" finish reason is no finish, and a
     * chunk's usage before the finish carries no stop reason; the stream goes on to the real one.
     */
    @Test
    void anEmptyBlankOrNullWordFinishReasonDoesNotEndTheStream() {
        List<String> out = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "\"\"", "")
                + chunk("{\"reasoning_content\":\"Let\"}", "\"\"", usage(1))
                + chunk("{\"reasoning_content\":\" me\"}", "\"null\"", usage(2))
                + chunk("{\"content\":\"Hi\"}", "\"   \"", usage(3))
                + chunk("{\"content\":\" there\"}", "\"NULL\"", usage(4))
                + chunk("{}", "\"length\"", "") + FINAL_USAGE + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hi there");
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(names(out).stream().filter(n -> n.equals("message_delta"))).hasSize(1);
    }

    /**
     * TestNormalizeFinishReason with a tool call: the word "null" as the finish reason of the
     * chunks that carry the arguments. It was read as a finish, which wrote the call with its
     * first argument piece alone and then failed the stream on the next piece; the call is now
     * whole.
     */
    @Test
    void theWordNullAsFinishReasonDoesNotCutAStreamedToolCall() {
        List<String> out = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"loc\"}}]}", "\"null\"", "")
                + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ation\\\":\\\"Paris\\\"}\"}}]}", "\"null\"", usage(7))
                + chunk("{}", "\"tool_calls\"", "") + FINAL_USAGE + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * _Compatibility "usage in every chunk should not trigger early message_stop": usage on every
     * chunk, the finish without usage, then the last usage and a second copy of it after the
     * stream has ended. One message_delta with the last usage and stop reason max_tokens, one
     * message_stop, and nothing after it.
     */
    @Test
    void usageOnEveryChunkAndARepeatedLastUsageEndTheStreamOnce() {
        List<String> out = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null", "")
                + chunk("{\"reasoning_content\":\"Let\"}", "null", usage(1))
                + chunk("{\"reasoning_content\":\" me\"}", "null", usage(2))
                + chunk("{\"content\":\"\",\"reasoning_content\":\"\"}", "\"length\"", "")
                + FINAL_USAGE + FINAL_USAGE + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(names(out)).containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        JsonNode delta = events(out).stream().filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(100);
    }
}
