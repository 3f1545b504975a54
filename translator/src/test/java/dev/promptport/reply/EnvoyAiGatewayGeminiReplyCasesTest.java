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
 * Envoy AI Gateway's cases for reading Gemini (Vertex AI) replies and streams
 * (envoyproxy/ai-gateway {@code internal/translator/openai_gcpvertexai_test.go}:
 * {@code _ResponseBody} thought cases, {@code _StreamingParallelToolIndex},
 * {@code _StreamingToolCallWithSignature}, {@code _StreamingToolCallSplitFinishReason},
 * {@code _parseGCPStreamingChunks} delimiters, {@code _StreamingResponseBody} MAX_TOKENS).
 * Envoy turns them into OpenAI Chat; here they become Claude's shape.
 */
class EnvoyAiGatewayGeminiReplyCasesTest {

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static List<String> blockTypes(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().at("/content_block/type").asText()).toList();
    }

    private static JsonNode lastMessageDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    /**
     * "response with thought summary": the thought is a thinking block before the text; the
     * prompt was all cached, so the input count is 0 and the cache read 10; output counts the
     * thoughts (15 + 10), as Claude's output_tokens holds its thinking.
     */
    @Test
    void aThoughtSummaryIsAThinkingBlockAndItsTokensAreOutput() {
        String out = Replies.toAnthropic("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Let me think step by step.\",\"thought\":true},"
                + "{\"text\":\"AI Gateways act as intermediaries between clients and LLM services.\"}]},\"finishReason\":\"STOP\",\"safetyRatings\":[]}],"
                + "\"promptFeedback\":{\"safetyRatings\":[]},\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":15,\"totalTokenCount\":35,"
                + "\"cachedContentTokenCount\":10,\"thoughtsTokenCount\":10}}", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think step by step.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("AI Gateways act as intermediaries between clients and LLM services.");
        assertThat(m.at("/usage/input_tokens").asInt()).isZero();
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(25);
    }

    /**
     * "stream chunks with thought signature on text part": a thought, then text carrying the
     * signature. The thinking block comes first; the signature, which only Gemini can read back,
     * is kept in promptport's marked form for the next request to Gemini.
     */
    @Test
    void aThoughtThenSignedTextStreamIsThinkingThenText() {
        List<String> out = stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"let me think about this.\",\"thought\":true}]}}]}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"The answer is 42.\",\"thoughtSignature\":\"dGVzdHNpZ25hdHVyZQ==\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":8,\"totalTokenCount\":33,"
                + "\"thoughtsTokenCount\":15}}\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("let me think about this.");
        assertThat(m.toString()).contains("dGVzdHNpZ25hdHVyZQ==");
        assertThat(m.path("content")).filteredOn(b -> b.path("type").asText().equals("text"))
                .extracting(b -> b.path("text").asText()).containsExactly("The answer is 42.");
        assertThat(lastMessageDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(23);
    }

    /** StreamingParallelToolIndex: a call in each of two chunks is two tool_use blocks, in order, with ids of their own. */
    @Test
    void callsInSeparateChunksAreSeparateToolUseBlocks() {
        List<String> out = stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":"
                + "{\"location\":\"New York City\"}}}],\"role\":\"model\"}}]}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"location\":\"Shang Hai\"}}}],"
                + "\"role\":\"model\"},\"finishReason\":\"STOP\"}]}\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).extracting(b -> b.at("/input/location").asText()).containsExactly("New York City", "Shang Hai");
        assertThat(m.at("/content/0/id").asText()).isNotEqualTo(m.at("/content/1/id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * StreamingToolCallWithSignature and StreamingToolCallSplitFinishReason (Gemini 3.5 Flash
     * sends the call and the STOP in separate chunks, the STOP with an empty text part): the
     * turn ends for tool_use either way, and no empty text block is made. Envoy adds the 8
     * thought tokens to the 10 candidate tokens; the fixture's total (15 + 10 = 25) says the
     * thoughts are already inside the 10, as some Vertex models count them, so output is 10
     * (LiteLlmGeminiReplyCasesTest has both ways of counting).
     */
    @Test
    void aCallWhoseStopComesInALaterChunkStillEndsForToolUse() {
        String call = "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"location\":\"Paris\"}},\"thoughtSignature\":\"dG9vbGNhbGxzaWduYXR1cmU=\"}";
        List<String> split = stream("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + call + "]}}],"
                + "\"usageMetadata\":{\"trafficType\":\"ON_DEMAND\"}}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":15,\"candidatesTokenCount\":10,\"totalTokenCount\":25,\"thoughtsTokenCount\":8}}\n\n");
        assertThat(blockTypes(split)).doesNotContain("text").contains("tool_use");
        assertThat(lastMessageDelta(split).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastMessageDelta(split).at("/usage/input_tokens").asInt()).isEqualTo(15);
        assertThat(lastMessageDelta(split).at("/usage/output_tokens").asInt()).isEqualTo(10);
        List<String> together = stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"let me think about this.\",\"thought\":true}]}}]}\n\n"
                + "data: {\"candidates\":[{\"content\":{\"parts\":[" + call + "]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":15,\"candidatesTokenCount\":10,\"totalTokenCount\":25}}\n\n");
        assertThat(blockTypes(together)).containsExactly("thinking", "tool_use");
        assertThat(parse(replay(together)).at("/content/1/input/location").asText()).isEqualTo("Paris");
        assertThat(lastMessageDelta(together).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /** parseGCPStreamingChunks "CRLF CRLF delimiter" and "CR CR delimiter": events end at either. */
    @Test
    void eventsSeparatedByCrlfOrCrAreRead() {
        for (String sep : new String[] {"\r\n\r\n", "\r\r"}) {
            List<String> out = stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello\"}]}}]}" + sep
                    + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" World\"}]},\"finishReason\":\"STOP\"}]}" + sep);
            assertThat(parse(replay(out)).at("/content/0/text").asText()).as(sep.length() + " chars").isEqualTo("Hello World");
        }
    }

    /** StreamingResponseBody "finish reason without content (MAX_TOKENS)": the last chunk holds only the finish and usage. */
    @Test
    void aMaxTokensFinishWithoutContentEndsForMaxTokens() {
        List<String> out = stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"partial\"}],\"role\":\"model\"}}]}\n\n"
                + "data: {\"candidates\":[{\"finishReason\":\"MAX_TOKENS\"}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":100,"
                + "\"totalTokenCount\":105}}\n\n");
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("partial");
        assertThat(lastMessageDelta(out).at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(lastMessageDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(100);
    }
}
