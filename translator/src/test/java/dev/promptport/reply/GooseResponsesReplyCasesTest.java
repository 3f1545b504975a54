package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goose's cases for reading OpenAI Responses replies and streams (block/goose
 * {@code crates/goose/src/providers/formats/openai_responses.rs}, its test module:
 * "test_responses_stream_*", "test_responses_api_to_message_uses_call_id_for_tool_request_id"),
 * read into Claude's shape.
 */
class GooseResponsesReplyCasesTest {

    /** test_responses_stream_ignores_keepalive_event: a keepalive event between deltas changes nothing. */
    @Test
    void aKeepaliveEventInTheStreamIsSkipped() {
        String sse = "data: {\"type\":\"response.created\",\"sequence_number\":1,\"response\":{\"id\":\"resp_1\",\"object\":\"response\","
                + "\"created_at\":1737368310,\"status\":\"in_progress\",\"model\":\"gpt-5.2-pro\",\"output\":[]}}\n\n"
                + "data: {\"type\":\"keepalive\"}\n\n"
                + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":2,\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\"Hello\"}\n\n"
                + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"item_id\":\"msg_1\",\"output_index\":0,"
                + "\"content_index\":0,\"delta\":\" world\"}\n\n"
                + "data: {\"type\":\"response.completed\",\"sequence_number\":4,\"response\":{\"id\":\"resp_1\",\"object\":\"response\","
                + "\"created_at\":1737368310,\"status\":\"completed\",\"model\":\"gpt-5.2-pro\",\"output\":[],"
                + "\"usage\":{\"input_tokens\":10,\"output_tokens\":4,\"total_tokens\":14}}}\n\ndata: [DONE]\n\n";
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello world");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(4);
    }

    /** test_responses_stream_error_event_still_returns_error: an error event is Claude's error event, its message kept. */
    @Test
    void anErrorEventBecomesAnErrorEventWithItsMessage() {
        List<String> out = StreamTranslator.translateAll("data: {\"type\":\"error\",\"error\":{\"message\":\"boom\"}}\n\ndata: [DONE]\n\n",
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        String last = String.join("", out);
        assertThat(last).contains("event: error").contains("boom");
    }

    /** test_responses_api_to_message_uses_call_id_for_tool_request_id: the call_id, not the item id, is the tool_use id. */
    @Test
    void aFunctionCallsCallIdIsTheToolUseId() {
        String out = Replies.toAnthropic("{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":0,\"status\":\"completed\","
                + "\"model\":\"gpt-5.3-codex\",\"output\":[{\"type\":\"function_call\",\"id\":\"fc_123\",\"status\":\"completed\","
                + "\"call_id\":\"call_abc\",\"name\":\"test__get_person_zip_code\",\"arguments\":\"{\\\"name\\\":\\\"Alice Burns\\\"}\"}]}",
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertMessage(out);
        JsonNode m = parse(out);
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_abc");
        assertThat(m.at("/content/0/input/name").asText()).isEqualTo("Alice Burns");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }
}
