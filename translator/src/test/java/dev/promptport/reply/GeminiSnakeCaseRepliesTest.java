package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Gemini replies stored with proto snake_case field names, as Python SDK dumps and gateway logs keep them. */
class GeminiSnakeCaseRepliesTest {

    /** google-genai's {@code response.model_dump(mode="json", exclude_none=True)}. */
    private static final String SNAKE_REPLY = """
            {"candidates": [{"content": {"parts": [
                {"text": "Checking both.", "thought": true},
                {"text": "Lisbon first.", "thought_signature": "c2lnLTE="},
                {"function_call": {"name": "get_weather", "args": {"city_name": "Lisbon", "unit_system": "metric"}}},
                {"inline_data": {"mime_type": "image/png", "data": "iVBORw0KGgo="}}],
              "role": "model"},
              "finish_reason": "STOP", "index": 0}],
             "usage_metadata": {"prompt_token_count": 812, "candidates_token_count": 57,
               "thoughts_token_count": 232, "cached_content_token_count": 512, "total_token_count": 1101},
             "model_version": "gemini-2.5-flash", "response_id": "snAke-1"}
            """;

    @Test
    void snakeCaseReplyKeepsItsTextCallsSignatureAndUsage() {
        ReplyTranslation t = Replies.translate(SNAKE_REPLY, ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertMessage(t.json());
        JsonNode m = parse(t.json());
        JsonNode c = m.path("content");
        assertThat(c.get(0).path("thinking").asText()).isEqualTo("Checking both.");
        assertThat(c.get(1).path("text").asText()).isEqualTo("Lisbon first.");
        assertThat(c.get(0).path("signature").asText()).as("a text part's signature while thinking is open is the thinking's")
                .isEqualTo("promptport:gemini:c2lnLTE=");
        assertThat(c.get(2).path("name").asText()).isEqualTo("get_weather");
        assertThat(c.get(2).path("input")).as("argument names are the model's data, not Gemini's fields")
                .isEqualTo(parse("{\"city_name\":\"Lisbon\",\"unit_system\":\"metric\"}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.path("id").asText()).isEqualTo("msg_snAke-1");
        assertThat(m.path("model").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(812 - 512);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(512);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(57 + 232);
        assertThat(t.leftOut()).singleElement().asString().contains("image/png", "inlineData");
    }

    @Test
    void snakeCaseStreamChunksAreReadLikeCamelCaseOnes() {
        String sse = """
                data: {"candidates": [{"content": {"parts": [{"text": "Hello"}], "role": "model"}, "index": 0}], "usage_metadata": {"prompt_token_count": 20}, "response_id": "r-1"}

                data: {"candidates": [{"content": {"parts": [{"text": " there."}], "role": "model"}, "finish_reason": "MAX_TOKENS", "index": 0}], "usage_metadata": {"prompt_token_count": 20, "candidates_token_count": 3}}

                """;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello there.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void aFieldSpelledBothWaysInOneObjectIsRefusedAtTheSnakeCaseKey() {
        String reply = """
                {"candidates": [{"content": {"parts": [{"text": "kept"}], "role": "model"},
                  "finishReason": "STOP", "finish_reason": "MAX_TOKENS"}]}
                """;
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(e).isNotNull();
        assertThat(e.location().pointer()).isEqualTo("/candidates/0/finish_reason");
        assertThat(e.getMessage()).contains("\"finishReason\" is set twice");
        List<String> out = StreamTranslator.translateAll("data: " + reply.replace("\n", " ") + "\n\n",
                ReplyFormat.GEMINI, ReplyContext.NONE);
        assertFailedStream(out);
        assertThat(String.join("", out)).contains("set twice", "/candidates/0/finish_reason");
    }

    @Test
    void aSnakeCaseReplyWhoseTurnFailedIsAnError() {
        String reply = "{\"candidates\": [{\"content\": {\"parts\": []}, \"finish_reason\": \"MALFORMED_FUNCTION_CALL\"}]}";
        assertThat(AnthropicErrors.fromVendor(200, reply, ReplyFormat.GEMINI)).contains("MALFORMED_FUNCTION_CALL");
    }

    @Test
    void aSnakeCaseBlockedPromptIsARefusalWithItsReason() {
        String reply = """
                {"prompt_feedback": {"block_reason": "PROHIBITED_CONTENT",
                  "block_reason_message": "The prompt was blocked."},
                 "usage_metadata": {"prompt_token_count": 9}}
                """;
        JsonNode m = parse(Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/stop_details/explanation").asText()).contains("PROHIBITED_CONTENT", "The prompt was blocked.");
    }
}
