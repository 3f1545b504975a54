package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI Agents SDK's cases for reading a Chat message as output (openai/openai-agents-python
 * {@code tests/models/test_openai_chatcompletions_converter.py}, {@code message_to_output_items}).
 * The SDK builds Responses items; here the same Chat replies are read into Claude's shape.
 */
class OpenAiAgentsReplyCasesTest {

    private static ReplyTranslation translate(String message, String finish) {
        String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"finish_reason\":\"" + finish + "\",\"message\":" + message + "}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
                + "\"total_tokens\":7}}";
        ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        return t;
    }

    /** "test_message_to_output_items_with_text_only": one text block. */
    @Test
    void aTextMessageIsOneTextBlock() {
        JsonNode m = parse(translate("{\"role\":\"assistant\",\"content\":\"Hello\"}", "stop").json());
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello\"}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * "test_message_to_output_items_rejects_audio": the SDK fails on audio output. promptport
     * keeps the transcript as the reply's text and names the audio it left out.
     */
    @Test
    void anAudioReplyBecomesItsTranscriptWithTheAudioNamed() {
        ReplyTranslation t = translate("{\"role\":\"assistant\",\"content\":null,\"audio\":{\"id\":\"audio-1\",\"data\":\"AAA=\",\"expires_at\":1,"
                + "\"transcript\":\"hi\"}}", "stop");
        assertThat(parse(t.json()).path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"hi\"}]");
        assertThat(t.leftOut()).singleElement().asString().contains("audio-1");
    }

    /**
     * "test_message_to_output_items_keeps_url_citation_annotations": the SDK keeps the citation
     * as an annotation. Claude's web citations need the cited text's encrypted index, which an
     * OpenAI reply has not got, so the text stays and the citation's address is named.
     */
    @Test
    void aUrlCitationIsNamedBesideTheText() {
        ReplyTranslation t = translate("{\"role\":\"assistant\",\"content\":\"It will rain tomorrow.\",\"annotations\":[{\"type\":\"url_citation\","
                + "\"url_citation\":{\"start_index\":0,\"end_index\":22,\"url\":\"https://example.com/weather\",\"title\":\"Weather\"}}]}", "stop");
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("It will rain tomorrow.");
        assertThat(t.leftOut()).singleElement().asString().contains("https://example.com/weather");
    }

    /** "test_message_to_output_items_with_refusal": the refusal is the text, and the reply stops as a refusal. */
    @Test
    void aRefusalIsTextWithARefusalStop() {
        JsonNode m = parse(translate("{\"role\":\"assistant\",\"refusal\":\"I'm sorry\"}", "stop").json());
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"I'm sorry\"}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
    }

    /** "test_message_to_output_items_with_tool_call": the text, then the call with its id, name and parsed arguments. */
    @Test
    void aToolCallFollowsTheText() {
        JsonNode m = parse(translate("{\"role\":\"assistant\",\"content\":\"Hi\",\"tool_calls\":[{\"id\":\"tool1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"myfn\",\"arguments\":\"{\\\"x\\\":1}\"}}]}", "tool_calls").json());
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":\"tool_use\",\"id\":\"tool1\","
                + "\"name\":\"myfn\",\"input\":{\"x\":1}}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "test_message_to_output_items_with_custom_tool_call_keeps_default_compatibility": the SDK
     * drops a custom tool call. promptport keeps it as a tool call whose text input is under
     * "input", the shape its request side writes for a custom tool.
     */
    @Test
    void aCustomToolCallIsKeptWithItsTextInput() {
        JsonNode m = parse(translate("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"tool1\",\"type\":\"custom\","
                + "\"custom\":{\"name\":\"raw_tool\",\"input\":\"payload\"}}]}", "tool_calls").json());
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"tool1\",\"name\":\"raw_tool\",\"input\":{\"input\":\"payload\"}}]");
    }
}
