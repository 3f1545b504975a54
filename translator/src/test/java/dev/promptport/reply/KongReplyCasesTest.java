package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kong's ai-proxy reply fixtures (Kong/kong
 * {@code spec/fixtures/ai-proxy/gemini|openai/llm-v1-chat/responses/}). Kong turns them into OpenAI Chat;
 * here they become Claude's shape.
 */
class KongReplyCasesTest {

    private static JsonNode whole(String json) {
        String out = Replies.toAnthropic(json, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(out);
        return parse(out);
    }

    /** {@code good-gemini-2.0-flash.json}: avgLogprobs and modelVersion ride along without harm. */
    @Test
    void aPlainGeminiTwoFlashReplyIsOneTextBlockEndingTheTurn() {
        JsonNode m = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Everything is okay.\"}]},"
                + "\"finishReason\":\"STOP\",\"avgLogprobs\":-0.013348851691592823}],"
                + "\"usageMetadata\":{\"promptTokenCount\":2,\"candidatesTokenCount\":11,\"totalTokenCount\":13},"
                + "\"modelVersion\":\"gemini-2.0-flash-079\"}");
        assertThat(m.at("/content").size()).isEqualTo(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Everything is okay.");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(2);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(11);
    }

    /**
     * {@code fails-model-armor-floor.json}: a prompt blocked by Model Armor has no candidates and
     * usage without token counts; Kong fails the request. Here it is Claude's refusal, carrying
     * Gemini's reason, with zero usage.
     */
    @Test
    void aPromptBlockedByModelArmorIsARefusalNamingTheReason() {
        JsonNode m = parse(Replies.toAnthropic("{\"usageMetadata\":{\"trafficType\":\"ON_DEMAND\"},\"createTime\":\"2025-09-13T22:15:16.223845Z\","
                + "\"promptFeedback\":{\"blockReasonMessage\":\"Blocked by Model Armor Floor Setting: The prompt violated Responsible AI Safety "
                + "settings (Harassment), Prompt Injection and Jailbreak filters.\",\"blockReason\":\"MODEL_ARMOR\"},"
                + "\"responseId\":\"9OzFaOXUDdyZgLUPmd2_sA0\",\"modelVersion\":\"gemini-2.5-flash\"}", ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(m.at("/content").size()).isZero();
        assertThat(m.at("/stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/stop_details/explanation").asText()).contains("MODEL_ARMOR").contains("Prompt Injection and Jailbreak filters");
        assertThat(m.at("/usage/input_tokens").asInt()).isZero();
        assertThat(m.at("/usage/output_tokens").asInt()).isZero();
    }

    /** Kong's {@code openai/llm-v1-chat/responses/good.json}: system_fingerprint null is no trouble. */
    @Test
    void kongsPlainOpenAiChatReplyIsOneTextBlockWithItsUsage() {
        String out = Replies.toAnthropic("{\"choices\":[{\"finish_reason\":\"stop\",\"index\":0,\"message\":{\"content\":\"The sum of 1 + 1 is 2.\","
                + "\"role\":\"assistant\"}}],\"created\":1701947430,\"id\":\"chatcmpl-8T6YwgvjQVVnGbJ2w8hpOA17SeNy2\",\"model\":\"gpt-3.5-turbo-0613\","
                + "\"object\":\"chat.completion\",\"system_fingerprint\":null,\"usage\":{\"completion_tokens\":12,\"prompt_tokens\":25,\"total_tokens\":37}}",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("The sum of 1 + 1 is 2.");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/model").asText()).isEqualTo("gpt-3.5-turbo-0613");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(25);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(12);
    }
}
