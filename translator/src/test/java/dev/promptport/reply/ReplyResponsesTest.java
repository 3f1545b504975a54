package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_FAILED;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_REASONING_TEXT;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_REFUSAL;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_TOOLS;
import static dev.promptport.reply.ReplyFixtures.responsesIncomplete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyResponsesTest {

    private static JsonNode translate(String json, ReplyContext ctx) {
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_RESPONSES, ctx);
        assertMessage(out);
        return parse(out);
    }

    private static JsonNode translate(String json) {
        return translate(json, ReplyContext.NONE);
    }

    @Test
    void theWholeFixturesAreResponsesOpenAisSpecAccepts() {
        OpenAiSpec.load().ifPresent(spec -> {
            for (String f : new String[] {RESPONSES_REASONING_TEXT, RESPONSES_TOOLS}) {
                assertThat(spec.check("Response", f).errors()).as(f).isEmpty();
            }
        });
    }

    @Test
    void reasoningSummaryBecomesAThinkingBlockBeforeTheText() {
        JsonNode m = translate(RESPONSES_REASONING_TEXT);
        JsonNode c = m.path("content");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(c.get(0).path("thinking").asText())
                .isEqualTo("**Classifying the ticket**\n\nDouble charge, refund requested.\n\n**Choosing urgency**\n\nDeadline Friday: urgency 3.");
        assertThat(c.get(1).path("text").asText()).isEqualTo("{\"category\":\"billing\",\"urgency\":3}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.path("id").asText()).isEqualTo("msg_resp_68d5c1e40b7c8190a2f1d3e4b5c6a7d80e1f2a3b4c5d6e7f");
        assertThat(m.path("model").asText()).isEqualTo("o4-mini-2025-04-16");
    }

    @Test
    void encryptedReasoningIsKeptWithItsIdAsTheThinkingSignatureSoItCanBeSentBack() {
        assertThat(translate(RESPONSES_REASONING_TEXT).at("/content/0/signature").asText())
                .isEqualTo("promptport:openai:rs_68d5c1e5a1b08190b3c4d5e6f7a8b9c0:gAAAAABo1cHl9kQ2x_Zc1vR8");
        String plain = RESPONSES_REASONING_TEXT.replace("\"encrypted_content\": \"gAAAAABo1cHl9kQ2x_Zc1vR8\",", "");
        assertThat(translate(plain).at("/content/0/signature").asText()).isEmpty();
    }

    @Test
    void reasoningWithoutSummaryOrEncryptedContentLeavesNoBlock() {
        String json = RESPONSES_REASONING_TEXT.replace("\"encrypted_content\": \"gAAAAABo1cHl9kQ2x_Zc1vR8\",", "")
                .replaceAll("(?s)\"summary\": \\[.*?\\]\\s*\\n\\s*}", "\"summary\": []}");
        JsonNode c = translate(json).path("content");
        assertThat(c).hasSize(1);
        assertThat(c.get(0).path("type").asText()).isEqualTo("text");
    }

    @Test
    void usageSubtractsCachedInputTokens() {
        JsonNode u = translate(RESPONSES_REASONING_TEXT).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(1320 - 1152);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(1152);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(412);
    }

    @Test
    void functionCallsBecomeToolUseWithTheCallIdAndStopReasonToolUse() {
        JsonNode m = translate(RESPONSES_TOOLS, new ReplyContext("claude-opus-4-1", null, Map.of("get_weather", "weather.get")));
        JsonNode c = m.path("content");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).path("id").asText()).isEqualTo("call_k2Lm9Nq4Rs7Tu1Vw3Xy5Za8B");
        assertThat(c.get(0).path("name").asText()).isEqualTo("weather.get");
        assertThat(c.get(0).path("input")).isEqualTo(parse("{\"city\":\"Lisbon\"}"));
        assertThat(c.get(1).path("input")).isEqualTo(parse("{\"city\":\"Porto\"}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.path("model").asText()).isEqualTo("claude-opus-4-1");
    }

    @Test
    void incompleteForTheOutputLimitIsMaxTokens() {
        JsonNode m = translate(responsesIncomplete("max_output_tokens", "The first three steps are"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("The first three steps are");
    }

    /** LiteLLM's case of an incomplete reply that gives no reason: it was cut short all the same. */
    @Test
    void incompleteWithoutAReasonIsMaxTokens() {
        String reply = responsesIncomplete("max_output_tokens", "The first three steps are")
                .replace("\"incomplete_details\":{\"reason\":\"max_output_tokens\"}", "\"incomplete_details\":null");
        assertThat(reply).contains("\"incomplete_details\":null");
        assertThat(translate(reply).path("stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void incompleteForTheContentFilterIsARefusal() {
        assertThat(translate(responsesIncomplete("content_filter", "I")).path("stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void aRefusalPartIsTextWithStopReasonRefusal() {
        JsonNode m = translate(RESPONSES_REFUSAL);
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I can't help with that.");
    }

    @Test
    void prefillIsRestoredInTheFirstTextBlock() {
        String json = RESPONSES_REASONING_TEXT.replace("\"text\": \"{\\\"category\\\"", "\"text\": \"\\\"category\\\"");
        JsonNode c = translate(json, new ReplyContext(null, "{", Map.of())).path("content");
        assertThat(c.get(1).path("text").asText()).isEqualTo("{\"category\":\"billing\",\"urgency\":3}");
        c = translate(RESPONSES_REASONING_TEXT, new ReplyContext(null, "{", Map.of())).path("content");
        assertThat(c.get(1).path("text").asText()).isEqualTo("{\"category\":\"billing\",\"urgency\":3}");
    }

    @Test
    void aFailedResponseIsAPromptPortExceptionAtError() {
        assertThatThrownBy(() -> Replies.toAnthropic(RESPONSES_FAILED, ReplyFormat.OPENAI_RESPONSES, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/error");
                    assertThat(e.getMessage()).contains("The model failed to generate a response.");
                });
    }

    @Test
    void anUnfinishedResponseIsAPromptPortExceptionAtStatus() {
        String queued = RESPONSES_TOOLS.replace("\"status\": \"completed\",\n  \"incomplete_details\"", "\"status\": \"queued\",\n  \"incomplete_details\"");
        assertThatThrownBy(() -> Replies.toAnthropic(queued, ReplyFormat.OPENAI_RESPONSES, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/status");
                    assertThat(e.getMessage()).contains("queued");
                });
    }

    @Test
    void aChatReplyIsNotAResponsesReply() {
        assertThatThrownBy(() -> Replies.toAnthropic(ReplyFixtures.CHAT_TEXT, ReplyFormat.OPENAI_RESPONSES, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.location().pointer()).isEqualTo("/output"));
    }

    @Test
    void customToolCallItemBecomesToolUseWithItsTextAsInput() {
        JsonNode m = translate("""
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-5","output":[
                  {"type":"custom_tool_call","id":"ctc_1","call_id":"call_2","name":"run_sql","input":"SELECT 1","status":"completed"}]}""",
                new ReplyContext(null, null, Map.of("run_sql", "db:run sql")));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_2");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("db:run sql");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"input\":\"SELECT 1\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void contentFilterCarriesItsReasonInStopDetails() {
        JsonNode m = translate(responsesIncomplete("content_filter", "I"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/stop_details/explanation").asText())
                .isEqualTo("OpenAI's content filter stopped the reply (incomplete_details.reason content_filter)");
    }

    @Test
    void aCancelledResponseIsReportedAsCancelledNotAsUnfinished() {
        assertThatThrownBy(() -> translate("""
                {"id":"resp_1","object":"response","status":"cancelled","model":"gpt-5","error":null,"output":[],"usage":null}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("the response was cancelled before it was finished (status cancelled)")
                .hasMessageNotContaining("not finished");
        assertThatThrownBy(() -> translate("""
                {"id":"resp_1","object":"response","status":"in_progress","model":"gpt-5","output":[]}"""))
                .hasMessageContaining("the response is not finished (status in_progress)");
    }

    @Test
    void aStreamEventGivenAsAWholeReplyIsRefusedNotReadAsAnEmptyReply() {
        // found by the reply fuzz: the event's text was dropped without a word when an "output" came beside it
        assertThatThrownBy(() -> translate("""
                {"type":"response.output_text.delta","delta":"b","output":[]}"""))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("one of its stream's events (\"type\": \"response.output_text.delta\")")
                .hasMessageContaining("--stream");
        assertThatThrownBy(() -> translate("""
                {"type":"response.completed","response":{"id":"resp_1","object":"response","status":"completed","output":[]}}"""))
                .hasMessageContaining("\"response.completed\"");
    }

    @Test
    void theServiceTierGoesInTheUsage() {
        // the fixture says service_tier default, Anthropic's standard
        assertThat(translate(RESPONSES_REASONING_TEXT).at("/usage/service_tier").asText()).isEqualTo("standard");
        assertThat(translate(RESPONSES_REASONING_TEXT.replace("\"service_tier\": \"default\"", "\"service_tier\": \"priority\""))
                .at("/usage/service_tier").asText()).isEqualTo("priority");
    }
}
