package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goose's cases for writing Gemini requests (block/goose
 * {@code crates/goose/src/providers/formats/google.rs}, its test module:
 * "test_message_to_google_spec_*", "test_tools_to_google_spec_*"). Goose writes from its own
 * message type; here each case starts from the Claude request that says the same, and every
 * body is checked against Gemini's spec.
 */
class GooseGoogleRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GEMINI = "gemini:gemini-2.5-pro";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":" + messages
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static final String CALL = "{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
            + "\"id\":\"toolu_1\",\"name\":\"tool_name\",\"input\":{\"param1\":\"value1\"}}]}";

    private static String resultTurn(String content) {
        return "[" + CALL + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":"
                + content + "}]}]";
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** test_message_to_google_spec_text_message: the assistant's turn is the model's. */
    @Test
    void userAndAssistantTextBecomeUserAndModelContents() {
        JsonNode b = json(PEER.translate("text", request("[{\"role\":\"user\",\"content\":\"Hello\"},"
                + "{\"role\":\"assistant\",\"content\":\"World\"},{\"role\":\"user\",\"content\":\"Again\"}]", ""), GEMINI));
        assertThat(b.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/contents/0/parts/0/text").asText()).isEqualTo("Hello");
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(b.at("/contents/1/parts/0/text").asText()).isEqualTo("World");
    }

    /** test_message_to_google_spec_tool_request_message: the call's arguments arrive as given. */
    @Test
    void aToolCallsArgumentsAreTheFunctionCallsArgs() {
        JsonNode b = json(PEER.translate("call", request(resultTurn("\"ok\""), ""), GEMINI));
        JsonNode call = b.at("/contents/1/parts/0/functionCall");
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(call.path("name").asText()).isEqualTo("tool_name");
        assertThat(call.path("args").toString()).isEqualTo("{\"param1\":\"value1\"}");
    }

    /**
     * test_message_to_google_spec_tool_result_message. Goose names the response after the call's
     * id; Gemini matches a functionResponse to its functionCall by name, so promptport names it
     * after the tool the id points to.
     */
    @Test
    void aToolResultIsAFunctionResponseNamedAfterItsTool() {
        JsonNode b = json(PEER.translate("result", request(resultTurn("\"Hello\""), ""), GEMINI));
        JsonNode response = b.at("/contents/2/parts/0/functionResponse");
        assertThat(b.at("/contents/2/role").asText()).isEqualTo("user");
        assertThat(response.path("name").asText()).isEqualTo("tool_name");
        assertThat(response.path("response").toString()).contains("Hello");
    }

    /** test_message_to_google_spec_tool_result_multiple_texts: every text block reaches the response. */
    @Test
    void everyTextBlockOfAToolResultReachesTheFunctionResponse() {
        JsonNode b = json(PEER.translate("result-texts", request(resultTurn("[{\"type\":\"text\",\"text\":\"Hello\"},"
                + "{\"type\":\"text\",\"text\":\"World\"},{\"type\":\"text\",\"text\":\"This is a test.\"}]"), ""), GEMINI));
        String response = b.at("/contents/2/parts/0/functionResponse/response").toString();
        assertThat(response).contains("Hello").contains("World").contains("This is a test.");
    }

    /** test_tools_to_google_spec_with_valid_tools: name, description and the parameter schema. */
    @Test
    void aToolBecomesAFunctionDeclarationWithItsSchema() {
        Translation t = PEER.translate("tools", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"tools\":[{\"name\":\"tool1\","
                + "\"description\":\"description1\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"param1\":"
                + "{\"type\":\"string\",\"description\":\"A parameter\"}}}}]"), GEMINI);
        JsonNode f = json(t).at("/tools/0/functionDeclarations/0");
        assertThat(f.path("name").asText()).isEqualTo("tool1");
        assertThat(f.path("description").asText()).isEqualTo("description1");
        JsonNode schema = f.has("parametersJsonSchema") ? f.path("parametersJsonSchema") : f.path("parameters");
        assertThat(schema.at("/properties/param1/description").asText()).isEqualTo("A parameter");
    }

    /** test_tools_to_google_spec_with_empty_properties: a tool without parameters is still declared. */
    @Test
    void aToolWithNoPropertiesIsStillDeclared() {
        JsonNode f = json(PEER.translate("tools-empty", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"tools\":[{\"name\":\"tool1\","
                + "\"description\":\"description1\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]"), GEMINI))
                .at("/tools/0/functionDeclarations/0");
        assertThat(f.path("name").asText()).isEqualTo("tool1");
        assertThat(f.path("description").asText()).isEqualTo("description1");
    }

    /**
     * create_request: the system prompt, temperature and max tokens reach their Gemini fields.
     * Gemini 2.0 Flash does not think, so max_tokens is the limit as given (for 2.5 Pro, which
     * always thinks, promptport adds the thinking budget to it so the answer keeps its room).
     */
    @Test
    void systemTemperatureAndMaxTokensReachTheirGeminiFields() {
        JsonNode b = json(PEER.translate("config", request("[{\"role\":\"user\",\"content\":\"Hi\"}]",
                "\"system\":\"Be brief.\",\"temperature\":0.5"), "gemini:gemini-2.0-flash"));
        assertThat(b.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
        assertThat(b.at("/generationConfig/temperature").asDouble()).isEqualTo(0.5);
        assertThat(b.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(1024);
    }

    /**
     * test_response_to_message_with_empty_content: a tool result with no content still answers
     * its call (Goose fills in a fixed sentence); Gemini needs a response object either way.
     */
    @Test
    void aToolResultWithNoContentStillAnswersItsCall() {
        JsonNode b = json(PEER.translate("result-empty", request(resultTurn("[]"), ""), GEMINI));
        JsonNode response = b.at("/contents/2/parts/0/functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("tool_name");
        assertThat(response.path("response").isObject()).isTrue();
    }

    /**
     * test_format_tools_uses_parameters_json_schema and test_tools_uses_parameters_json_schema: a
     * schema with $defs and $ref, or a nullable type array, reaches Gemini in a form it accepts
     * (checked against its spec after the class) and keeps what the referenced type says.
     */
    @Test
    void aSchemaWithReferencesOrNullableTypesKeepsWhatItSays() {
        JsonNode f = json(PEER.translate("tools-ref", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"tools\":[{\"name\":\"test_tool\","
                + "\"description\":\"Test tool with $ref\",\"input_schema\":{\"type\":\"object\",\"$defs\":{\"MyType\":{\"type\":\"string\","
                + "\"description\":\"A custom type\"}},\"properties\":{\"field\":{\"$ref\":\"#/$defs/MyType\"},"
                + "\"other\":{\"type\":[\"string\",\"null\"],\"description\":\"A field\"}}}}]"), GEMINI))
                .at("/tools/0/functionDeclarations/0");
        assertThat(f.path("description").asText()).isEqualTo("Test tool with $ref");
        String schema = (f.has("parametersJsonSchema") ? f.path("parametersJsonSchema") : f.path("parameters")).toString();
        assertThat(schema).contains("A custom type").contains("A field");
    }
}
