package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * langchain4j's finish-reason cases for Gemini (langchain4j/langchain4j
 * {@code langchain4j-google-ai-gemini/src/test/java/dev/langchain4j/model/googleai/FinishReasonMapperTest.java}):
 * STOP ends the turn, MAX_TOKENS is the length limit, the safety family is a content filter,
 * and every reason maps to something. Here each is a Gemini reply read into Claude's shape.
 */
class LangChain4jGeminiReplyCasesTest {

    private static JsonNode read(String finishReason) {
        String out = Replies.toAnthropic("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Partial answer\"}]},"
                + "\"finishReason\":\"" + finishReason + "\"}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,"
                + "\"totalTokenCount\":7},\"modelVersion\":\"gemini-2.5-flash\"}", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        return parse(out);
    }

    /** should_map_stop_to_stop and should_map_max_tokens_to_length. */
    @Test
    void stopEndsTheTurnAndMaxTokensIsTheLengthLimit() {
        assertThat(read("STOP").path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(read("MAX_TOKENS").path("stop_reason").asText()).isEqualTo("max_tokens");
    }

    /**
     * should_map_safety_related_reasons_to_content_filter: Claude's counterpart of a content
     * filter is a refusal; the text already given is kept.
     */
    @Test
    void theSafetyFamilyIsARefusalKeepingTheText() {
        for (String reason : new String[] {"BLOCKLIST", "PROHIBITED_CONTENT", "RECITATION", "SPII", "SAFETY"}) {
            JsonNode m = read(reason);
            assertThat(m.path("stop_reason").asText()).as(reason).isEqualTo("refusal");
            assertThat(m.toString()).as(reason).contains("Partial answer");
        }
    }

    /**
     * should_map_every_gemini_finish_reason_to_a_non_null_finish_reason, with the
     * unspecified, malformed-call and other reasons: each is a whole Claude message with a
     * stop reason Claude has, the text kept.
     */
    @Test
    void everyOtherReasonStillGivesAWholeMessageWithAStopReason() {
        for (String reason : new String[] {"MALFORMED_FUNCTION_CALL", "FINISH_REASON_UNSPECIFIED", "OTHER", "LANGUAGE", "IMAGE_SAFETY",
            "UNEXPECTED_TOOL_CALL"}) {
            JsonNode m = read(reason);
            assertThat(m.path("stop_reason").asText()).as(reason)
                    .isIn("end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal", "model_context_window_exceeded");
            assertThat(m.toString()).as(reason).contains("Partial answer");
        }
    }
}
