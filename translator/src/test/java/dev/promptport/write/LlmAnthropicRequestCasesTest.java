package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Claude requests simonw/llm-anthropic's tests send ({@code tests/test_anthropic.py}: prefill
 * with stop sequences, a reply schema, a thinking turn replayed before a tool result, an
 * attachment with no prompt, adaptive thinking with effort "max"), translated to OpenAI Chat,
 * Responses and Gemini and checked against each vendor's spec.
 */
class LlmAnthropicRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4.1";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * {@code test_prompt_with_prefill_and_stop_sequences}: the reply starts with "```python" and
     * stops at "```". The stop sequence is Chat's stop and Gemini's stopSequences; the prefill
     * becomes an instruction, named (PP107), as neither can continue a partial reply.
     */
    @Test
    void prefillWithAStopSequenceKeepsTheStopAndNamesThePrefill() {
        String req = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":200,\"stop_sequences\":[\"```\"],\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Very short function describing a pelican\"},{\"role\":\"assistant\",\"content\":\"```python\"}]}";
        Translation chat = PEER.translate("prefill chat", req, CHAT);
        assertThat(json(chat).path("stop").toString()).contains("```");
        assertThat(chat.json()).contains("```python");
        assertThat(ids(chat)).contains("PP107");
        Translation gemini = PEER.translate("prefill gemini", req, GEMINI);
        assertThat(json(gemini).at("/generationConfig/stopSequences/0").asText()).isEqualTo("```");
        assertThat(gemini.json()).contains("```python");
        assertThat(ids(gemini)).contains("PP107");
    }

    /**
     * {@code test_schema_prompt}: llm sends the Dog model as Claude's output_config format. Chat
     * gets it as a json_schema response_format, Gemini as its response schema with JSON out.
     */
    @Test
    void aReplySchemaIsEachTargetsStructuredOutput() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Invent a good dog\"}],"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"age\":{\"type\":\"integer\"},\"bio\":{\"type\":\"string\"}},\"required\":[\"name\",\"age\",\"bio\"],\"additionalProperties\":false}}}}";
        JsonNode format = json(PEER.translate("schema chat", req, CHAT)).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/schema/required").toString()).isEqualTo("[\"name\",\"age\",\"bio\"]");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        JsonNode config = json(PEER.translate("schema gemini", req, GEMINI)).path("generationConfig");
        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(config.toString()).contains("\"bio\"").contains("\"age\"");
    }

    /**
     * {@code test_fixed_version_tool_chain_with_thinking_display_regression}: the second request
     * holds the signed thinking, then the call, then its result. Gemini gets the call and the
     * result paired by name; the thinking, which Gemini cannot take back, does not stop it.
     */
    @Test
    void signedThinkingBeforeACallReplaysWithTheCallAndItsResult() {
        String req = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":2000,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + "\"tools\":[{\"name\":\"fixed_version\",\"description\":\"Return a fixed test version string\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{}}}],\"messages\":[{\"role\":\"user\",\"content\":\"Use the fixed_version tool. Then tell me the version.\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"I should call the tool.\",\"signature\":\"RXVnU2ln\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"fixed_version\",\"input\":{}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01\",\"content\":\"0.32a0\"}]}]}";
        JsonNode contents = json(PEER.translate("thinking-tool gemini", req, GEMINI)).path("contents");
        assertThat(contents.toString()).contains("\"functionCall\"").contains("0.32a0");
        assertThat(contents.findValue("functionResponse").path("name").asText()).isEqualTo("fixed_version");
        JsonNode chat = json(PEER.translate("thinking-tool chat", req, "openai:o4-mini")).path("messages");
        assertThat(chat.at("/1/tool_calls/0/id").asText()).isEqualTo("toolu_01");
        assertThat(chat.at("/2/content").asText()).isEqualTo("0.32a0");
    }

    /** {@code test_image_with_no_prompt}: a user turn that is only a PNG is a turn of one image part. */
    @Test
    void anImageWithNoPromptIsATurnOfOneImage() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":"
                + "{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]}]}";
        JsonNode chat = json(PEER.translate("image-only chat", req, CHAT)).at("/messages/0/content");
        assertThat(chat).hasSize(1);
        assertThat(chat.at("/0/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        JsonNode gemini = json(PEER.translate("image-only gemini", req, GEMINI)).at("/contents/0/parts");
        assertThat(gemini).hasSize(1);
        assertThat(gemini.at("/0/inlineData/mimeType").asText()).isEqualTo("image/png");
    }

    /**
     * {@code test_opus_5_kwargs}: adaptive thinking with effort "max". A reasoning model on
     * Responses gets the highest effort it takes; the thinking asked for is not dropped silently.
     */
    @Test
    void adaptiveThinkingAtMaxEffortIsTheHighestReasoningEffort() {
        String req = "{\"model\":\"claude-opus-4-5\",\"max_tokens\":128000,\"thinking\":{\"type\":\"adaptive\"},\"output_config\":{\"effort\":\"max\"},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        Translation t = PEER.translate("effort responses", req, "openai-responses:o3");
        assertThat(json(t).at("/reasoning/effort").asText()).isEqualTo("high");
    }

    /** {@code test_url_prompt}: an image by URL after the text reaches Gemini as a file it fetches by its URI. */
    @Test
    void anImageByUrlReachesGeminiAsAFileByUri() {
        String url = "https://static.simonwillison.net/static/2024/pelican.jpg";
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"describe image\"},{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"" + url + "\"}}]}]}";
        JsonNode parts = json(PEER.translate("image-url gemini", req, GEMINI)).at("/contents/0/parts");
        assertThat(parts.at("/0/text").asText()).isEqualTo("describe image");
        // Gemini fetches a file by its URI: the image goes as fileData, its type told from the name
        assertThat(parts.at("/1/fileData/fileUri").asText()).isEqualTo(url);
        assertThat(parts.at("/1/fileData/mimeType").asText()).isEqualTo("image/jpeg");
    }
}
