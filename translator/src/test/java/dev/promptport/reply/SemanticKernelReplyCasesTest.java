package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantic Kernel's tool-call replies (microsoft/semantic-kernel
 * {@code python/tests/unit/connectors/ai/anthropic/conftest.py}: mock_tool_calls_message and
 * mock_parallel_tool_calls_message, an assistant turn of "&lt;thinking&gt;&lt;/thinking&gt;" text and
 * calls to "math-Add" / "math-Subtract"). Here the same turn comes from OpenAI Chat and from
 * Gemini and is read back into the Claude reply Semantic Kernel's Anthropic connector expects.
 */
class SemanticKernelReplyCasesTest {

    private static JsonNode read(String json, ReplyFormat format) {
        return AnthropicShape.message(json, format);
    }

    /** A Chat reply with text and two tool calls: a text block, then two tool_use blocks with their ids and parsed input, stopping for tool use. */
    @Test
    void aChatReplyWithTextAndTwoCallsIsTextThenTwoToolUses() {
        JsonNode m = read("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"tool_calls\",\"message\":{\"role\":\"assistant\",\"content\":\"<thinking></thinking>\",\"tool_calls\":["
                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"math-Add\",\"arguments\":\"{\\\"input\\\": 3, \\\"amount\\\": 3}\"}},"
                + "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"math-Subtract\",\"arguments\":\"{\\\"input\\\": 6, \\\"amount\\\": 3}\"}}]}}],"
                + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":100,\"total_tokens\":200}}", ReplyFormat.OPENAI_CHAT);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("<thinking></thinking>");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("math-Add");
        assertThat(m.at("/content/1/input/amount").asInt()).isEqualTo(3);
        assertThat(m.at("/content/2/id").asText()).isEqualTo("call_2");
        assertThat(m.at("/content/2/input/input").asInt()).isEqualTo(6);
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(100);
    }

    /** The same turn from Gemini: a text part and two functionCall parts are a text block and two tool_use blocks, each with an id, stopping for tool use. */
    @Test
    void aGeminiReplyWithTextAndTwoCallsIsTextThenTwoToolUses() {
        JsonNode m = read("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"<thinking></thinking>\"},"
                + "{\"functionCall\":{\"name\":\"math-Add\",\"args\":{\"input\":3,\"amount\":3}}},{\"functionCall\":{\"name\":\"math-Subtract\","
                + "\"args\":{\"input\":6,\"amount\":3}}}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":100,"
                + "\"candidatesTokenCount\":100,\"totalTokenCount\":200},\"modelVersion\":\"gemini-2.5-flash\"}", ReplyFormat.GEMINI);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("<thinking></thinking>");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("math-Add");
        assertThat(m.at("/content/2/name").asText()).isEqualTo("math-Subtract");
        assertThat(m.at("/content/2/input/input").asInt()).isEqualTo(6);
        assertThat(m.at("/content/1/id").asText()).isNotEmpty().isNotEqualTo(m.at("/content/2/id").asText());
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
    }
}
