package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LlamaIndex's cases for OpenAI Chat messages (run-llama/llama_index
 * {@code llama-index-integrations/llms/llama-index-llms-openai/tests/test_openai_utils.py}):
 * the message dicts its {@code to_openai_message_dicts} writes, read here as promptport's
 * OpenAI Chat input and translated for Claude, Gemini and Responses, each checked against the
 * vendor's spec.
 */
class LlamaIndexRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String target) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + "}", InputFormat.OPENAI_CHAT, target);
    }

    /**
     * "openai_message_dicts_with_function_calling": a deprecated function_call (which has no
     * id) answered by a tool message whose tool_call_id is the function's name, as LlamaIndex
     * writes it. The result answers that call, on Claude and on Gemini, as a function message
     * naming the function would; before, it was taken for the answer to no call (PP204) and
     * sent as user text.
     */
    @Test
    void aToolMessageNamingADeprecatedFunctionCallAnswersIt() {
        String messages = "[{\"role\":\"user\",\"content\":\"test question with functions\"},{\"role\":\"assistant\",\"content\":null,"
                + "\"function_call\":{\"name\":\"get_current_weather\",\"arguments\":\"{ \\\"location\\\": \\\"Boston, MA\\\"}\"}},"
                + "{\"role\":\"tool\",\"content\":\"{\\\"temperature\\\": \\\"22\\\", \\\"unit\\\": \\\"celsius\\\", \\\"description\\\": \\\"Sunny\\\"}\","
                + "\"tool_call_id\":\"get_current_weather\"}]";
        Translation claude = chat("function-call claude", messages, "anthropic:claude-sonnet-4-5");
        JsonNode m = json(claude).path("messages");
        String id = m.at("/1/content/0/id").asText();
        assertThat(m.at("/1/content/0/name").asText()).isEqualTo("get_current_weather");
        assertThat(m.at("/1/content/0/input/location").asText()).isEqualTo("Boston, MA");
        assertThat(m.at("/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(m.at("/2/content/0/tool_use_id").asText()).isEqualTo(id);
        assertThat(m.at("/2/content/0/content").toString()).contains("Sunny");
        assertThat(ids(claude)).doesNotContain("PP204");

        Translation gemini = chat("function-call gemini", messages, "gemini:gemini-2.5-flash");
        JsonNode response = json(gemini).at("/contents/2/parts/0/functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("get_current_weather");
        assertThat(response.path("id").asText()).isEqualTo(json(gemini).at("/contents/1/parts/0/functionCall/id").asText());
        assertThat(ids(gemini)).doesNotContain("PP204");
    }

    /**
     * "test_to_openai_message_dicts_with_content_blocks_with_detail": text and an image by
     * address with detail "high". Responses keeps the detail; Claude has no setting for it, so
     * the image goes without and that is named (PP192).
     */
    @Test
    void anImageWithDetailKeepsItForResponsesAndNamesItForClaude() {
        String messages = "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"test question\"},{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"https://example.com/image.jpg\",\"detail\":\"high\"}}]}]";
        JsonNode image = json(chat("detail responses", messages, "openai-responses:gpt-4.1")).at("/input/0/content/1");
        assertThat(image.path("type").asText()).isEqualTo("input_image");
        assertThat(image.path("image_url").asText()).isEqualTo("https://example.com/image.jpg");
        assertThat(image.path("detail").asText()).isEqualTo("high");
        Translation claude = chat("detail claude", messages, "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/messages/0/content/1").toString())
                .isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/image.jpg\"}}");
        assertThat(ids(claude)).contains("PP192");
    }

    /**
     * "test_to_openai_message_dicts_empty_content": LlamaIndex sends an empty assistant message
     * as content "". Gemini refuses an empty text part, so the turn is dropped and named
     * (PP133), and the user's two turns around it become one.
     */
    @Test
    void anEmptyAssistantMessageIsDroppedForGemini() {
        Translation t = chat("empty-assistant", "[{\"role\":\"user\",\"content\":\"test question\"},{\"role\":\"assistant\",\"content\":\"\"},"
                + "{\"role\":\"user\",\"content\":\"again\"}]", "gemini:gemini-2.5-flash");
        JsonNode contents = json(t).path("contents");
        assertThat(contents).hasSize(1);
        assertThat(contents.at("/0/parts/0/text").asText()).isEqualTo("test question");
        assertThat(contents.at("/0/parts/1/text").asText()).isEqualTo("again");
        assertThat(ids(t)).contains("PP133");
    }
}
