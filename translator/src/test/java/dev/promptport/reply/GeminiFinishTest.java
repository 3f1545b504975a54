package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.QuirkFixtures.GEMINI_MALFORMED_FUNCTION_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gemini's finish reasons for a failed turn (a dropped tool call, too many tool calls, no reason given), and its finish messages. */
class GeminiFinishTest {

    private static final String MESSAGE = "Malformed function call: print(default_api.get_weather(location=\"Paris\", unit=celsius))";
    private static final String ERROR = "gemini MALFORMED_FUNCTION_CALL: the model wrote a function call Gemini could not parse"
            + " (finishMessage: \"" + MESSAGE + "\")";

    private static String asStream(String json) {
        return "data: " + json.strip().replace("\n", "") + "\r\n\r\n";
    }

    /** A reply with some text, ended by {@code reason} with a finish message. */
    private static String withText(String reason) {
        return ReplyFixtures.geminiFinish(reason, "Let me look that up.")
                .replace("\"index\":0,", "\"finishMessage\":\"Malformed function call: print(x)\",\"index\":0,");
    }

    @Test
    void aDroppedToolCallWithNothingElseIsAnApiErrorNamingTheReasonAndQuotingTheFinishMessage() {
        assertThatThrownBy(() -> Replies.toAnthropic(GEMINI_MALFORMED_FUNCTION_CALL, ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/error");
                    assertThat(e.getMessage()).contains("(api_error)").contains(ERROR);
                });
        JsonNode err = parse(AnthropicErrors.fromVendor(0, GEMINI_MALFORMED_FUNCTION_CALL, ReplyFormat.GEMINI));
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).isEqualTo(ERROR);
    }

    @Test
    void aStreamWhoseToolCallWasDroppedEndsWithTheSameApiError() {
        List<String> out = StreamTranslator.translateAll(asStream(GEMINI_MALFORMED_FUNCTION_CALL), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertFailedStream(out);
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).isEqualTo(ERROR);
    }

    @Test
    void anUnexpectedToolCallIsAnApiErrorToo() {
        String json = GEMINI_MALFORMED_FUNCTION_CALL.replace("MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL");
        assertThatThrownBy(() -> Replies.toAnthropic(json, ReplyFormat.GEMINI, ReplyContext.NONE))
                .hasMessageContaining("gemini UNEXPECTED_TOOL_CALL: the model called a tool though the request enabled none");
    }

    @Test
    void aDroppedToolCallAfterTextKeepsTheTextAndNamesTheLostCallWithTheFinishMessage() {
        ReplyTranslation t = Replies.translate(withText("MALFORMED_FUNCTION_CALL"), ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("Let me look that up.");
        assertThat(t.leftOut()).containsExactly("a tool call the model made, which Gemini dropped (finishReason"
                + " MALFORMED_FUNCTION_CALL: the model wrote a function call Gemini could not parse;"
                + " finishMessage: \"Malformed function call: print(x)\")");
        StreamTranslator s = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = s.acceptAll(asStream(withText("MALFORMED_FUNCTION_CALL")));
        assertCompleteStream(out);
        assertThat(parse(replay(out)).path("content")).isEqualTo(parse(t.json()).path("content"));
        assertThat(s.leftOut()).isEqualTo(t.leftOut());
    }

    @Test
    void theFinishMessageOfAnyOtherReasonButStopIsLeftOutByName() {
        ReplyTranslation t = Replies.translate(withText("MAX_TOKENS"), ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(t.leftOut()).containsExactly("Gemini's finish message (finishReason MAX_TOKENS): \"Malformed function call: print(x)\"");
        assertThat(Replies.translate(withText("STOP"), ReplyFormat.GEMINI, ReplyContext.NONE, null).leftOut()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAFETY", "RECITATION"})
    void theFinishMessageOfARefusalIsItsExplanationInStopDetails(String reason) {
        ReplyTranslation t = Replies.translate(withText(reason), ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(t.leftOut()).isEmpty();
        assertThat(parse(t.json()).at("/stop_details/explanation").asText())
                .isEqualTo("Gemini stopped the reply (finishReason " + reason
                        + "; rated HARM_CATEGORY_DANGEROUS_CONTENT, probability MEDIUM; finishMessage: \"Malformed function call: print(x)\")");
    }

    /** A reply of nothing but {@code reason}, as Gemini sends it. */
    private static String nothingBut(String reason) {
        return "{\"candidates\":[{\"finishReason\":\"" + reason + "\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"TOO_MANY_TOOL_CALLS", "OTHER", "IMAGE_OTHER", "NO_IMAGE", "A_REASON_ADDED_LATER"})
    void aFailedTurnWithNothingInItIsAnApiErrorWholeAndStreamed(String reason) {
        assertThatThrownBy(() -> Replies.toAnthropic(nothingBut(reason), ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOfSatisfying(PromptPortException.class, e ->
                        assertThat(e.getMessage()).contains("(api_error)").contains("gemini " + reason + ": "));
        List<String> out = StreamTranslator.translateAll(asStream(nothingBut(reason)), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertFailedStream(out);
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).startsWith("gemini " + reason + ": ");
        assertThat(parse(AnthropicErrors.fromVendor(0, nothingBut(reason), ReplyFormat.GEMINI)).at("/error/message"))
                .isEqualTo(err.at("/error/message"));
    }

    @Test
    void tooManyToolCallsSaysWhyInItsError() {
        assertThatThrownBy(() -> Replies.toAnthropic(nothingBut("TOO_MANY_TOOL_CALLS"), ReplyFormat.GEMINI, ReplyContext.NONE))
                .hasMessageContaining("gemini TOO_MANY_TOOL_CALLS: the model called tools too many times in a row and Gemini stopped it");
    }

    @Test
    void aFailedTurnThatWroteSomethingKeepsItAndNamesWhatWasLost() {
        ReplyTranslation t = Replies.translate(withText("TOO_MANY_TOOL_CALLS"), ReplyFormat.GEMINI, ReplyContext.NONE, null);
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Let me look that up.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(t.leftOut()).containsExactly("the rest of the reply, which Gemini cut short (finishReason TOO_MANY_TOOL_CALLS:"
                + " the model called tools too many times in a row and Gemini stopped it;"
                + " finishMessage: \"Malformed function call: print(x)\")");
        StreamTranslator s = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(s.acceptAll(asStream(withText("TOO_MANY_TOOL_CALLS"))));
        assertThat(s.leftOut()).isEqualTo(t.leftOut());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAFETY", "RECITATION", "LANGUAGE", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY"})
    void aRefusalWithNothingInItStaysARefusalNotAnError(String reason) {
        ReplyTranslation t = Replies.translate(nothingBut(reason), ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(parse(t.json()).path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(parse(t.json()).path("content")).isEmpty();
        assertThat(t.leftOut()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "MAX_TOKENS", "FINISH_REASON_UNSPECIFIED"})
    void aNormalEndWithNothingInItIsNoError(String reason) {
        assertThat(Replies.translate(nothingBut(reason), ReplyFormat.GEMINI, ReplyContext.NONE, null).leftOut()).isEmpty();
    }
}
