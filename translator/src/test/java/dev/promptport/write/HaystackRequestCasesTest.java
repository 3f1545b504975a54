package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Haystack's cases for writing Claude and Gemini requests (deepset-ai/haystack-core-integrations
 * {@code integrations/anthropic/tests/test_utils.py}, here ANTHROPIC, and
 * {@code integrations/google_genai/tests/test_chat_generator_utils.py}, here GOOGLE). Haystack maps
 * its own ChatMessage; here each is the Claude request that says the same, translated and
 * checked against the target's spec.
 */
class HaystackRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2000,\"messages\":" + messages + more + "}";
    }

    /** The 1-pixel PNG of Haystack's fixtures. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";

    /**
     * ANTHROPIC "test_convert_image_content_to_anthropic_format_with_unsupported_mime_type": PNG
     * bytes declared as image/bmp, which Haystack refuses. Every target goes by the bytes here,
     * and takes PNG: Claude (which checks the two), OpenAI and Gemini (which refuse a BMP) get
     * the image as PNG, named (PP209). Before, OpenAI and Gemini left out an image they read,
     * over its declared type (PP121).
     */
    @Test
    void pngBytesDeclaredAsBmpGoAsPngEverywhere() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is it?\"},{\"type\":\"image\",\"source\":"
                + "{\"type\":\"base64\",\"media_type\":\"image/bmp\",\"data\":\"" + PNG + "\"}}]}]", "");
        Translation claude = PEER.translate("bmp-claude", req, "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/png");
        Translation openAi = PEER.translate("bmp-openai", req, "openai:gpt-4o");
        assertThat(json(openAi).at("/messages/0/content/1/image_url/url").asText()).isEqualTo("data:image/png;base64," + PNG);
        assertThat(ids(openAi)).contains("PP209").doesNotContain("PP121");
        Translation gemini = PEER.translate("bmp-gemini", req, "gemini:gemini-2.5-flash");
        assertThat(json(gemini).at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(ids(gemini)).contains("PP209").doesNotContain("PP121");
    }

    /**
     * An image declared as a type the target reads whose bytes are another it reads stays as
     * declared for OpenAI, which reads the bytes (only Claude compares the two), so nothing
     * changes where nothing would fail.
     */
    @Test
    void aReadableDeclaredTypeStaysForOpenAi() {
        Translation t = PEER.translate("jpeg-openai", request("[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/jpeg\",\"data\":\"" + PNG + "\"}},{\"type\":\"text\",\"text\":\"What is it?\"}]}]", ""), "openai:gpt-4o");
        assertThat(json(t).at("/messages/0/content/0/image_url/url").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(ids(t)).doesNotContain("PP209");
    }

    /**
     * GOOGLE "test_convert_message_to_google_genai_format_image_in_tool_result": a tool's result
     * of text and an image. For Gemini 3 the image goes inside the function response (its
     * parts), beside the text; Haystack also sends the text as an inline text/plain part,
     * promptport as the response's result.
     */
    @Test
    void anImageInAToolResultStaysInGemini3sFunctionResponse() {
        JsonNode contents = json(PEER.translate("result-image", request("[{\"role\":\"user\",\"content\":\"Get the image\"},{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"123\",\"name\":\"image_retriever\",\"input\":{}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"123\",\"content\":[{\"type\":\"text\",\"text\":\"Here is the image\"},{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}]}]}]",
                ",\"tools\":[{\"name\":\"image_retriever\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"), "gemini:gemini-3-pro-preview"))
                .path("contents");
        JsonNode response = contents.at("/2/parts/0/functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("image_retriever");
        assertThat(response.path("response").toString()).contains("Here is the image");
        assertThat(response.at("/parts/0/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(contents.at("/2/parts")).hasSize(1);
    }

    /**
     * GOOGLE "test_sanitize_tool_schema_removes_unsupported_keys" and "..._expands_refs": Haystack
     * drops $schema and additionalProperties and inlines $defs. For Gemini 2.5 the schema goes as
     * JSON Schema, which keeps the object closed (no finding); Gemini 2.0 takes only the subset,
     * where the keyword goes, named (PP154). $schema goes and the reference is inlined on both.
     */
    @Test
    void aClosedToolSchemaStaysClosedForGemini25() {
        String req = request("[{\"role\":\"user\",\"content\":\"hi\"}]", ",\"tools\":[{\"name\":\"named\",\"input_schema\":{\"type\":\"object\","
                + "\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"additionalProperties\":false,\"$defs\":{\"Name\":{\"type\":\"string\"}},"
                + "\"properties\":{\"x\":{\"type\":\"string\"},\"name\":{\"$ref\":\"#/$defs/Name\"}}}}]");
        Translation flash = PEER.translate("closed-25", req, "gemini:gemini-2.5-flash");
        JsonNode schema = json(flash).at("/tools/0/functionDeclarations/0/parametersJsonSchema");
        assertThat(schema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":false}");
        assertThat(ids(flash)).doesNotContain("PP154");
        Translation older = PEER.translate("closed-20", req, "gemini:gemini-2.0-flash");
        JsonNode parameters = json(older).at("/tools/0/functionDeclarations/0/parameters");
        assertThat(parameters.has("additionalProperties")).isFalse();
        assertThat(parameters.toString()).doesNotContain("$schema").doesNotContain("$ref");
        assertThat(ids(older)).contains("PP154");
    }

    /**
     * GOOGLE "test_process_thinking_budget": a budget of 1,024 is Gemini's thinkingBudget, with
     * includeThoughts so the thoughts come back (Claude's thinking is shown by default); thinking
     * off is a budget of 0 without them.
     */
    @Test
    void aThinkingBudgetIsGeminisWithTheThoughtsShown() {
        JsonNode on = json(PEER.translate("budget", request("[{\"role\":\"user\",\"content\":\"hi\"}]",
                ",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}"), "gemini:gemini-2.5-flash"));
        assertThat(on.at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":1024,\"includeThoughts\":true}");
        JsonNode off = json(PEER.translate("budget-off", request("[{\"role\":\"user\",\"content\":\"hi\"}]",
                ",\"thinking\":{\"type\":\"disabled\"}"), "gemini:gemini-2.5-flash"));
        assertThat(off.at("/generationConfig/thinkingConfig").toString()).isEqualTo("{\"thinkingBudget\":0}");
    }
}
