package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kong's ai-proxy reply fixtures (Kong/kong
 * {@code spec/fixtures/ai-proxy/gemini|openai/llm-v1-chat/responses/}). Kong turns them into OpenAI Chat;
 * here they become Claude's shape.
 */
class KongReplyCasesTest {

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.GEMINI);
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

    /**
     * {@code gemini/llm-v1-chat/responses/fails_safety.json}: a candidate stopped for SAFETY with no
     * content and no rating marked blocked. Kong fails the request; here it is Claude's refusal,
     * whose explanation names the rating above LOW (it named only the finish reason).
     */
    @Test
    void aSafetyStopWithoutABlockedRatingNamesTheRatingAboveLow() {
        JsonNode m = whole("{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0,\"safetyRatings\":["
                + "{\"category\":\"HARM_CATEGORY_SEXUALLY_EXPLICIT\",\"probability\":\"NEGLIGIBLE\"},{\"category\":\"HARM_CATEGORY_HATE_SPEECH\",\"probability\":\"NEGLIGIBLE\"},"
                + "{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"NEGLIGIBLE\"},{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\",\"probability\":\"MEDIUM\"}]}],"
                + "\"usageMetadata\":{\"promptTokenCount\":319,\"totalTokenCount\":319}}");
        assertThat(m.at("/content").size()).isZero();
        assertThat(m.at("/stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/stop_details/explanation").asText()).isEqualTo(
                "Gemini stopped the reply (finishReason SAFETY; rated HARM_CATEGORY_DANGEROUS_CONTENT, probability MEDIUM)");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(319);
        assertThat(m.at("/usage/output_tokens").asInt()).isZero();
    }

    /** {@code unit/real-responses/gemini/llm-v1-chat.json}: negligible safety ratings and an index leave the text as it came. */
    @Test
    void aRealGeminiReplyWithNegligibleRatingsKeepsItsTextExactly() {
        String text = "Ah, vous voulez savoir le double de ce r\u00e9sultat ? Eh bien, le double de 2 est **4**. \n";
        JsonNode m = whole("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text.replace("\n", "\\n") + "\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\",\"index\":0,\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_DANGEROUS_CONTENT\",\"probability\":\"NEGLIGIBLE\"}]}],"
                + "\"usageMetadata\":{\"promptTokenCount\":14,\"candidatesTokenCount\":128,\"totalTokenCount\":142}}");
        assertThat(m.at("/content/0/text").asText()).isEqualTo(text);
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(128);
    }

    /** {@code unit/real-stream-frames/openai/llm-v1-chat.txt}: a frame with spaces after the colons and null logprobs is a text delta. */
    @Test
    void kongsOpenAiStreamFrameIsATextDelta() {
        java.util.List<String> out = StreamTranslator.translateAll("data: {\"choices\": [{\"delta\": {\"content\": \"the answer\"},\"finish_reason\": null,"
                + "\"index\": 0,\"logprobs\": null}],\"created\": 1711938086,\"id\": \"chatcmpl-991aYb1iD8OSD54gcxZxv8uazlTZy\",\"model\": \"gpt-4-0613\","
                + "\"object\": \"chat.completion.chunk\",\"system_fingerprint\": null}\n\n"
                + "data: {\"choices\": [{\"delta\": {},\"finish_reason\": \"stop\",\"index\": 0,\"logprobs\": null}],\"id\": \"chatcmpl-991aYb1iD8OSD54gcxZxv8uazlTZy\","
                + "\"model\": \"gpt-4-0613\",\"object\": \"chat.completion.chunk\"}\n\ndata: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        AnthropicShape.assertCompleteStream(out);
        JsonNode m = parse(AnthropicShape.replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("the answer");
        assertThat(m.at("/stop_reason").asText()).isEqualTo("end_turn");
    }
}
