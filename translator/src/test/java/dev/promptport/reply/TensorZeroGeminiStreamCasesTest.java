package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TensorZero's cases for reading Gemini stream chunks (tensorzero/tensorzero
 * {@code crates/tensorzero-core/src/providers/google_ai_studio_gemini.rs}: {@code test_try_from_with_empty_text_chunks},
 * {@code _with_function_call}, {@code _without_content}, {@code _with_various_finish_reasons},
 * {@code test_convert_unknown_content_block_warn}). TensorZero reads them into its own chunks;
 * here each is one chunk of a stream that it ends, read as Claude's events.
 */
class TensorZeroGeminiStreamCasesTest {

    private static List<String> chunk(String candidate, String usage) {
        List<String> out = StreamTranslator.translateAll("data: {\"candidates\":[" + candidate + "],\"usageMetadata\":" + usage + "}\n\n",
                ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    /** empty_text_chunks: an empty text part beside a real one adds nothing; the text is one block. */
    @Test
    void anEmptyTextPartAddsNothing() {
        List<String> out = chunk("{\"content\":{\"parts\":[{\"text\":\"\"},{\"text\":\"Non-empty text\"}]},\"finishReason\":\"STOP\"}",
                "{\"promptTokenCount\":5,\"candidatesTokenCount\":3}");
        assertThat(parse(replay(out)).path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Non-empty text\"}]");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    /**
     * with_function_call: a call in a chunk that also ends the candidate is a tool_use block
     * with the arguments whole. The recording's finish reason is RECITATION, which TensorZero
     * reads as a tool call; Gemini gives it when it stopped the candidate for reciting its
     * sources, so promptport ends the turn as a refusal that names it, the call still shown.
     */
    @Test
    void aCallEndingForRecitationIsShownAndTheTurnIsARefusal() {
        List<String> out = chunk("{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"location\":\"New York\",\"unit\":\"celsius\"}}}]},"
                + "\"finishReason\":\"RECITATION\"}", "{\"promptTokenCount\":15,\"candidatesTokenCount\":10}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/unit").asText()).isEqualTo("celsius");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("refusal");
        assertThat(lastDelta(out).at("/delta/stop_details/explanation").asText()).contains("RECITATION");
        List<String> stop = chunk("{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"location\":\"New York\"}}}]},"
                + "\"finishReason\":\"STOP\"}", "{\"promptTokenCount\":15,\"candidatesTokenCount\":10}");
        assertThat(lastDelta(stop).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /** without_content: a candidate blocked for safety, with no content and no output count, is a refusal with no block and input 8. */
    @Test
    void aSafetyStopWithoutContentIsARefusalWithNoBlock() {
        List<String> out = chunk("{\"finishReason\":\"SAFETY\"}", "{\"promptTokenCount\":8}");
        assertThat(names(out)).doesNotContain("content_block_start");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("refusal");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(8);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isZero();
    }

    /**
     * various_finish_reasons, on a text reply: STOP ends the turn, MAX_TOKENS is max_tokens,
     * the safety family is a refusal. OTHER, unspecified and a failed call end the turn with the
     * text kept (TensorZero: unknown, tool call).
     */
    @Test
    void geminisFinishReasonsBecomeClaudesStopReasons() {
        Map<String, String> expected = Map.of("STOP", "end_turn", "MAX_TOKENS", "max_tokens", "SAFETY", "refusal", "BLOCKLIST", "refusal",
                "PROHIBITED_CONTENT", "refusal", "SPII", "refusal", "OTHER", "end_turn", "MALFORMED_FUNCTION_CALL", "end_turn",
                "FINISH_REASON_UNSPECIFIED", "end_turn");
        expected.forEach((gemini, claude) -> {
            List<String> out = chunk("{\"content\":{\"parts\":[{\"text\":\"Test\"}]},\"finishReason\":\"" + gemini + "\"}",
                    "{\"promptTokenCount\":1,\"candidatesTokenCount\":1}");
            assertThat(lastDelta(out).at("/delta/stop_reason").asText()).as(gemini).isEqualTo(claude);
            assertThat(parse(replay(out)).at("/content/0/text").asText()).as(gemini).isEqualTo("Test");
        });
    }

    /** convert_unknown_content_block: a part of no known kind is left out and named (TensorZero logs and drops it). */
    @Test
    void aPartOfNoKnownKindIsNamed() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = t.acceptAll("data: {\"candidates\":[{\"content\":{\"parts\":[{\"unknown_field\":\"unknown_value\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5}}\n\n");
        out = new java.util.ArrayList<>(out);
        out.addAll(t.finish());
        assertCompleteStream(out);
        assertThat(names(out)).doesNotContain("content_block_start");
        assertThat(t.leftOut()).containsExactly(LeftOut.kind("unknown_field", "part"));
    }
}
