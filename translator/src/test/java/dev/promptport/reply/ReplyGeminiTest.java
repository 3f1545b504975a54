package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.ReplyFixtures.GEMINI_BLOCKED_PROMPT;
import static dev.promptport.reply.ReplyFixtures.GEMINI_SAFETY_NO_CONTENT;
import static dev.promptport.reply.ReplyFixtures.GEMINI_TEXT;
import static dev.promptport.reply.ReplyFixtures.GEMINI_TOOLS;
import static dev.promptport.reply.ReplyFixtures.geminiFinish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyGeminiTest {

    private static JsonNode translate(String json, ReplyContext ctx) {
        String out = Replies.toAnthropic(json, ReplyFormat.GEMINI, ctx);
        assertMessage(out);
        return parse(out);
    }

    private static JsonNode translate(String json) {
        return translate(json, ReplyContext.NONE);
    }

    @Test
    void consecutiveTextPartsJoinOneTextBlock() {
        JsonNode m = translate(GEMINI_TEXT);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Your October invoice was charged twice. A refund is on its way.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.path("id").asText()).isEqualTo("msg_qJ3aaK2xE9-Dz7IPyPSV2Qg");
        assertThat(m.path("model").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void outputTokensCountTheThoughtsAndCachedContentIsACacheRead() {
        JsonNode u = translate(GEMINI_TEXT).path("usage");
        assertThat(u.path("output_tokens").asInt()).isEqualTo(57 + 232);
        assertThat(u.path("input_tokens").asInt()).isEqualTo(812 - 512);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(512);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isZero();
    }

    @Test
    void functionCallsBecomeToolUseWithMadeUpIdsAndStopReasonToolUse() {
        JsonNode m = translate(GEMINI_TOOLS, new ReplyContext(null, null, Map.of("mcp__billing__lookup_invoice", "billing/lookup")));
        JsonNode c = m.path("content");
        assertThat(m.path("stop_reason").asText()).as("Gemini says STOP; Anthropic clients need tool_use").isEqualTo("tool_use");
        assertThat(c).hasSize(3);
        assertThat(c.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(c.get(0).path("thinking").asText()).startsWith("**Planning the lookups**");
        assertThat(c.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(c.get(1).path("id").asText()).startsWith("toolu_");
        assertThat(c.get(1).path("name").asText()).isEqualTo("get_weather");
        assertThat(c.get(1).path("input")).isEqualTo(parse("{\"city\":\"Lisbon\",\"unit\":\"celsius\",\"days\":3}"));
        assertThat(c.get(2).path("name").asText()).isEqualTo("billing/lookup");
        assertThat(c.get(1).path("id").asText()).isNotEqualTo(c.get(2).path("id").asText());
    }

    @Test
    void argumentNumbersKeepTheirSpelling() {
        String out = Replies.toAnthropic(GEMINI_TOOLS, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertThat(out).contains("\"amount\":1490.10");
    }

    @Test
    void functionCallIdsAreKeptWhenGeminiGivesThem() {
        JsonNode c = translate(GEMINI_TOOLS.replace("{\"name\": \"get_weather\",", "{\"id\": \"fc-7x2\", \"name\": \"get_weather\",")).path("content");
        assertThat(c.get(1).path("id").asText()).isEqualTo("fc-7x2");
    }

    @Test
    void theThoughtSignatureOnAFunctionCallIsKeptInTheThinkingBlockMarkedAsGeminis() {
        JsonNode c = translate(GEMINI_TOOLS).path("content");
        assertThat(c.get(0).path("signature").asText())
                .isEqualTo("promptport:gemini:CiQB0e2Kb5rQ3x7vYy0Zx9mN8pL6kJ4hG2fD1sA0qW9eR8tY7uI=");
    }

    @Test
    void aThoughtSignatureWithoutThoughtsGetsAThinkingBlockOfItsOwn() {
        String json = GEMINI_TOOLS.replace("{\"text\": \"**Planning the lookups**\\nBoth cities are needed.\", \"thought\": true},", "");
        JsonNode c = translate(json).path("content");
        assertThat(c.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(c.get(0).path("thinking").asText()).isEmpty();
        assertThat(c.get(0).path("signature").asText()).startsWith("promptport:gemini:CiQB");
        assertThat(c.get(1).path("type").asText()).isEqualTo("tool_use");
    }

    @ParameterizedTest(name = "finishReason {0} → {1}")
    @CsvSource({"STOP,end_turn", "MAX_TOKENS,max_tokens", "SAFETY,refusal", "RECITATION,refusal", "BLOCKLIST,refusal",
        "PROHIBITED_CONTENT,refusal", "SPII,refusal", "LANGUAGE,refusal", "IMAGE_SAFETY,refusal", "OTHER,end_turn",
        "MALFORMED_FUNCTION_CALL,end_turn", "FINISH_REASON_UNSPECIFIED,end_turn", "A_REASON_ADDED_LATER,end_turn"})
    void finishReasonsMapToStopReasons(String finish, String stop) {
        JsonNode m = translate(geminiFinish(finish, "Partial"));
        assertThat(m.path("stop_reason").asText()).isEqualTo(stop);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Partial");
    }

    @Test
    void safetyWithNoContentIsARefusalWithEmptyContent() {
        JsonNode m = translate(GEMINI_SAFETY_NO_CONTENT);
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.path("content")).isEmpty();
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(41);
    }

    @Test
    void aBlockedPromptIsAMessageWithStopReasonRefusalNotAnError() {
        JsonNode m = translate(GEMINI_BLOCKED_PROMPT);
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.path("content")).isEmpty();
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(97);
        assertThat(m.at("/usage/output_tokens").asInt()).isZero();
    }

    @Test
    void prefillIsRestoredOnceInGeminiTextToo() {
        String repeated = geminiFinish("STOP", "{\\\"ok\\\": true}");
        String notRepeated = geminiFinish("STOP", "\\\"ok\\\": true}");
        ReplyContext ctx = new ReplyContext(null, "{", Map.of());
        assertThat(translate(repeated, ctx).at("/content/0/text").asText()).isEqualTo("{\"ok\": true}");
        assertThat(translate(notRepeated, ctx).at("/content/0/text").asText()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void partsWithoutAnAnthropicBlockAreLeftOut() {
        String json = GEMINI_TEXT.replace("{\"text\": \"A refund is on its way.\"}",
                "{\"inlineData\": {\"mimeType\": \"image/png\", \"data\": \"iVBORw0KGgo=\"}}, {\"text\": \"A refund is on its way.\"}");
        JsonNode m = translate(json);
        assertThat(m.path("content")).hasSize(1);
    }

    @Test
    void anErrorBodyIsAPromptPortExceptionAtError() {
        assertThatThrownBy(() -> Replies.toAnthropic(ReplyFixtures.GEMINI_ERROR_429, ReplyFormat.GEMINI, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/error");
                    assertThat(e.getMessage()).contains("rate_limit_error");
                });
    }

    @Test
    void jsonWithoutCandidatesIsNotAGeminiReply() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"usageMetadata\":{}}", ReplyFormat.GEMINI, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.location().pointer()).isEqualTo("/candidates"));
    }

    @Test
    void aBlockedPromptCarriesGeminisReasonInStopDetails() {
        JsonNode m = translate("""
                {"promptFeedback":{"blockReason":"OTHER","blockReasonMessage":"The prompt may violate the terms of service.",
                   "safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"HIGH","blocked":true},
                                    {"category":"HARM_CATEGORY_HATE_SPEECH","probability":"NEGLIGIBLE"}]},
                 "usageMetadata":{"promptTokenCount":10,"totalTokenCount":10},"modelVersion":"gemini-2.5-pro","responseId":"r2"}""");
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.path("stop_details").toString()).isEqualTo("{\"type\":\"refusal\",\"category\":null,\"explanation\":"
                + "\"Gemini blocked the prompt (promptFeedback.blockReason OTHER: The prompt may violate the terms of service.;"
                + " blocked for HARM_CATEGORY_HARASSMENT, probability HIGH)\"}");
    }

    @Test
    void aReplyStoppedForSafetyCarriesTheBlockedCategoryInStopDetails() {
        JsonNode m = translate(GEMINI_SAFETY_NO_CONTENT);
        assertThat(m.at("/stop_details/explanation").asText())
                .isEqualTo("Gemini stopped the reply (finishReason SAFETY; blocked for HARM_CATEGORY_DANGEROUS_CONTENT, probability HIGH)");
        assertThat(translate(geminiFinish("STOP", "Fine")).has("stop_details")).isFalse();
    }

    /** A functionCall part marked as thought (a proxy that flags a whole turn) is still the call, not dropped. */
    @Test
    void aCallMarkedAsThoughtIsStillACall() {
        JsonNode m = translate("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":"
                + "{\"name\":\"get_weather\",\"args\":{\"city\":\"Lisbon\"}},\"thought\":true}]},\"finishReason\":\"STOP\",\"index\":0}]}");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Lisbon");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** streamGenerateContent without ?alt=sse, as louter's test data captured it: one JSON array of chunks. */
    @Test
    void geminisJsonArrayStreamGivenAsAWholeReplyIsPutTogetherAsOneReply() {
        String first = geminiFinish("STOP", "1, 2, 3").replace(",\"finishReason\":\"STOP\"", "");
        JsonNode m = parse(Replies.toAnthropic("[" + first + ",\r\n" + geminiFinish("STOP", ", 4, 5") + "]", ReplyFormat.GEMINI,
                ReplyContext.NONE));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("1, 2, 3, 4, 5");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(9);
        assertThatThrownBy(() -> Replies.toAnthropic("[]", ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("an empty JSON array");
    }

    /**
     * An array whose chunks never say why the reply stopped was cut short, as its stream would
     * be: an error, not half an answer that ends the turn. One that ends in an error chunk is
     * that error, of its type, in Gemini's words.
     */
    @Test
    void geminisJsonArrayWithoutAFinishReasonIsIncompleteAndOneEndingInAnErrorIsThatError() {
        String cut = "[" + geminiFinish("STOP", "The first half of the").replace(",\"finishReason\":\"STOP\"", "") + "]";
        assertThatThrownBy(() -> Replies.toAnthropic(cut, ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("no finishReason");
        String failed = "[" + geminiFinish("STOP", "Start").replace(",\"finishReason\":\"STOP\"", "")
                + ",{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}]";
        JsonNode e = parse(AnthropicErrors.fromVendor(0, failed, ReplyFormat.GEMINI));
        assertThat(e.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(e.at("/error/message").asText()).contains("The model is overloaded.").doesNotContain("candidates");
    }
}
