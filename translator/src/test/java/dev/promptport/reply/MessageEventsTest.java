package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.PromptPortException;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageEventsTest {

    static Stream<Arguments> wholeReplies() {
        return Stream.of(
                Arguments.of(ReplyFormat.OPENAI_CHAT, ReplyFixtures.CHAT_TEXT),
                Arguments.of(ReplyFormat.OPENAI_CHAT, ReplyFixtures.CHAT_TOOLS),
                Arguments.of(ReplyFormat.OPENAI_CHAT, ReplyFixtures.DEEPSEEK_REASONER),
                Arguments.of(ReplyFormat.OPENAI_CHAT, ReplyFixtures.CHAT_REFUSAL),
                Arguments.of(ReplyFormat.OPENAI_RESPONSES, ReplyFixtures.RESPONSES_REASONING_TEXT),
                Arguments.of(ReplyFormat.OPENAI_RESPONSES, ReplyFixtures.RESPONSES_TOOLS),
                Arguments.of(ReplyFormat.OPENAI_RESPONSES, ReplyFixtures.RESPONSES_REFUSAL),
                Arguments.of(ReplyFormat.GEMINI, ReplyFixtures.GEMINI_TEXT),
                Arguments.of(ReplyFormat.GEMINI, ReplyFixtures.GEMINI_TOOLS));
    }

    @ParameterizedTest
    @MethodSource("wholeReplies")
    void aTranslatedWholeReplyBecomesTheStreamAClientAccumulatesBackIntoTheSameMessage(ReplyFormat format, String reply) {
        String message = Replies.toAnthropic(reply, format, ReplyContext.NONE);

        MessageEvents streamed = MessageEvents.of(message);

        assertCompleteStream(streamed.events());
        assertThat(parse(replay(streamed.events()))).isEqualTo(parse(message));
        assertThat(streamed.leftOut()).isEmpty();
        JsonNode start = parse(streamed.events().get(0).substring(streamed.events().get(0).indexOf("data: ") + 6));
        assertThat(start.at("/message/usage/output_tokens").asLong()).isZero();
        assertThat(start.at("/message/usage/input_tokens").asLong()).isEqualTo(parse(message).at("/usage/input_tokens").asLong());
    }

    @Test
    void thinkingTextAndAToolCallAreStreamedInPiecesAsClaudeSendsThem() {
        String message = """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",\
                "content":[{"type":"thinking","thinking":"Look it up.","signature":"EqQBCkYIBxgCKkA"},\
                {"type":"text","text":"Checking the weather."},\
                {"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{"city":"Paris","days":2}}],\
                "stop_reason":"tool_use","stop_sequence":null,\
                "usage":{"input_tokens":40,"cache_creation_input_tokens":0,"cache_read_input_tokens":12,"output_tokens":30}}""";

        MessageEvents streamed = MessageEvents.of(message);

        assertCompleteStream(streamed.events());
        assertThat(names(streamed.events())).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(String.join("", streamed.events())).contains("\"thinking_delta\"", "\"signature_delta\"",
                "\"partial_json\":\"{\\\"city\\\":\\\"Paris\\\",\\\"days\\\":2}\"");
        assertThat(parse(replay(streamed.events()))).isEqualTo(parse(message));
    }

    @Test
    void aClaudeMessageKeepsItsStopSequenceTierAndBlocksTheEmitterDoesNotSplitAndNamesWhatHasNoPlace() {
        String message = """
                {"id":"msg_02","type":"message","role":"assistant","model":"claude-opus-4-1",\
                "content":[{"type":"redacted_thinking","data":"EmwKAhgBEgy3va"},\
                {"type":"text","text":"Paris","citations":[{"type":"web_search_result_location","url":"https://en.wikipedia.org/wiki/Paris",\
                "title":"Paris","encrypted_index":"Eo8BCioIAhgB","cited_text":"Paris is the capital of France."}]},\
                {"type":"text","text":" is the capital.","citations":null}],\
                "stop_reason":"stop_sequence","stop_sequence":"###","container":{"id":"container_1","expires_at":"2025-10-01T00:00:00Z"},\
                "usage":{"input_tokens":9,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":6,\
                "service_tier":"priority","server_tool_use":{"web_search_requests":1}}}""";

        MessageEvents streamed = MessageEvents.of(message);

        ObjectNode back = (ObjectNode) parse(ClaudeSdk.accumulate(streamed.events()));
        JsonNode content = parse(message).path("content");
        assertThat(back.at("/content/0")).isEqualTo(content.get(0));
        assertThat(back.at("/content/1/citations/0/url").asText()).isEqualTo("https://en.wikipedia.org/wiki/Paris");
        assertThat(back.at("/content/2/text").asText()).isEqualTo(" is the capital.");
        JsonNode replayed = parse(replay(streamed.events()));
        assertThat(replayed.path("stop_sequence").asText()).isEqualTo("###");
        assertThat(replayed.at("/usage/service_tier").asText()).isEqualTo("priority");
        assertThat(streamed.leftOut()).hasSize(2);
        assertThat(streamed.leftOut().get(0)).startsWith("the reply's container (").contains("container_1");
        assertThat(streamed.leftOut().get(1)).startsWith("the reply's usage.server_tool_use (");
    }

    @Test
    void aBodyThatIsNotAMessageIsRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> MessageEvents.of("{\"type\":\"completion\",\"completion\":\"Hi\"}"))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("its type is \"completion\", not \"message\"");
        assertThatThrownBy(() -> MessageEvents.of("{\"id\":\"msg_1\",\"role\":\"assistant\"}"))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("no \"content\" array");
        assertThatThrownBy(() -> MessageEvents.of("{\"content\":[\"Hi\"]}"))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("content block 0");
        assertThatThrownBy(() -> MessageEvents.of("[1]")).isInstanceOf(PromptPortException.class)
                .hasMessageContaining("not a JSON object");
    }
}
