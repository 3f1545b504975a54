package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google ADK's cases for turning Gemini function declarations into Claude tools (google/adk-python
 * {@code tests/unittests/models/test_anthropic_llm.py}, function_declaration_test_cases). ADK
 * converts its own FunctionDeclaration; here each is a Gemini request declaring it, translated for
 * Claude and checked with Anthropic's SDK.
 */
class AdkRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** The input_schema Claude gets for a Gemini request declaring {@code declaration}. */
    private static JsonNode claudeTool(String name, String declaration) {
        String request = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]}],\"systemInstruction\":{\"parts\":[{\"text\":"
                + "\"You are a helpful assistant\"}]},\"generationConfig\":{\"temperature\":0.1,\"maxOutputTokens\":1024},\"tools\":[{\"functionDeclarations\":["
                + declaration + "]}]}";
        return json(PEER.translate(name, request, InputFormat.GEMINI, "anthropic:claude-sonnet-4-5")).at("/tools/0");
    }

    /** "function_with_no_parameters": Claude requires a schema, so the tool takes an empty object. */
    @Test
    void aFunctionWithoutParametersTakesAnEmptyObject() {
        JsonNode tool = claudeTool("no-parameters", "{\"name\":\"get_current_time\",\"description\":\"Gets the current time.\"}");
        assertThat(tool.path("name").asText()).isEqualTo("get_current_time");
        assertThat(tool.path("description").asText()).isEqualTo("Gets the current time.");
        assertThat(tool.path("input_schema").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    /**
     * "function_with_multiple_mixed_parameters": Gemini's upper-case types are JSON Schema's
     * lower-case ones; descriptions and required stay.
     */
    @Test
    void geminisTypesBecomeJsonSchemasWithRequiredKept() {
        JsonNode schema = claudeTool("mixed", "{\"name\":\"submit_order\",\"description\":\"Submits a product order.\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"product_id\":{\"type\":\"STRING\",\"description\":\"The product ID\"},\"quantity\":{\"type\":\"INTEGER\",\"description\":"
                + "\"The order quantity\"},\"notes\":{\"type\":\"STRING\",\"description\":\"Optional order notes\"}},\"required\":[\"product_id\",\"quantity\"]}}")
                .path("input_schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/quantity").toString()).isEqualTo("{\"type\":\"integer\",\"description\":\"The order quantity\"}");
        assertThat(schema.at("/properties/notes/type").asText()).isEqualTo("string");
        assertThat(schema.path("required").toString()).isEqualTo("[\"product_id\",\"quantity\"]");
    }

    /** "function_with_complex_nested_parameter": an array of objects with their own required fields. */
    @Test
    void anArrayOfObjectsKeepsItsItemsSchema() {
        JsonNode songs = claudeTool("nested", "{\"name\":\"create_playlist\",\"description\":\"Creates a playlist from a list of songs.\",\"parameters\":"
                + "{\"type\":\"OBJECT\",\"properties\":{\"playlist_name\":{\"type\":\"STRING\",\"description\":\"The name for the new playlist\"},\"songs\":"
                + "{\"type\":\"ARRAY\",\"description\":\"A list of songs to add to the playlist\",\"items\":{\"type\":\"OBJECT\",\"properties\":{\"title\":"
                + "{\"type\":\"STRING\"},\"artist\":{\"type\":\"STRING\"}},\"required\":[\"title\",\"artist\"]}}},\"required\":[\"playlist_name\",\"songs\"]}}")
                .at("/input_schema/properties/songs");
        assertThat(songs.path("type").asText()).isEqualTo("array");
        assertThat(songs.path("items").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},\"artist\":"
                + "{\"type\":\"string\"}},\"required\":[\"title\",\"artist\"]}");
    }

    /** "function_with_any_of_parameter": anyOf of a string and an integer stays anyOf. */
    @Test
    void anyOfStaysAnyOf() {
        JsonNode value = claudeTool("any-of", "{\"name\":\"set_value\",\"description\":\"Sets a value that can be a string or integer.\",\"parameters\":"
                + "{\"type\":\"OBJECT\",\"properties\":{\"value\":{\"description\":\"A string or integer value\",\"anyOf\":[{\"type\":\"STRING\"},"
                + "{\"type\":\"INTEGER\"}]}},\"required\":[\"value\"]}}").at("/input_schema/properties/value");
        assertThat(value.path("anyOf").toString()).isEqualTo("[{\"type\":\"string\"},{\"type\":\"integer\"}]");
        assertThat(value.path("description").asText()).isEqualTo("A string or integer value");
    }

    /** "function_with_nested_object_parameter": objects inside objects keep their properties and descriptions. */
    @Test
    void nestedObjectsKeepTheirProperties() {
        JsonNode profile = claudeTool("nested-object", "{\"name\":\"update_profile\",\"description\":\"Updates a user profile.\",\"parameters\":"
                + "{\"type\":\"OBJECT\",\"properties\":{\"profile\":{\"type\":\"OBJECT\",\"description\":\"The profile data\",\"properties\":{\"name\":"
                + "{\"type\":\"STRING\",\"description\":\"Full name\"},\"address\":{\"type\":\"OBJECT\",\"description\":\"Mailing address\",\"properties\":"
                + "{\"city\":{\"type\":\"STRING\"},\"state\":{\"type\":\"STRING\"}}}}}},\"required\":[\"profile\"]}}").at("/input_schema/properties/profile");
        assertThat(profile.at("/properties/address/description").asText()).isEqualTo("Mailing address");
        assertThat(profile.at("/properties/address/properties/city/type").asText()).isEqualTo("string");
        assertThat(profile.at("/properties/name/description").asText()).isEqualTo("Full name");
    }

    /**
     * "function_with_parameters_json_schema_combinators": a parametersJsonSchema with oneOf,
     * allOf, not and a tuple's item list, its types written Gemini's way, reaches Claude with
     * JSON Schema's lower-case types and each combinator kept.
     */
    @Test
    void aJsonSchemaWithCombinatorsKeepsThemWithLowerCaseTypes() {
        JsonNode schema = claudeTool("combinators", "{\"name\":\"validate_payload\",\"description\":\"Validates a payload with schema combinators.\","
                + "\"parametersJsonSchema\":{\"type\":\"OBJECT\",\"properties\":{\"choice\":{\"oneOf\":[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]},"
                + "\"config\":{\"allOf\":[{\"type\":\"OBJECT\",\"properties\":{\"enabled\":{\"type\":\"BOOLEAN\"}}}]},\"blocked\":{\"not\":{\"type\":\"NULL\"}},"
                + "\"tuple_value\":{\"type\":\"ARRAY\",\"items\":[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]}},\"required\":[\"choice\"]}}")
                .path("input_schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/choice/oneOf").toString()).isEqualTo("[{\"type\":\"string\"},{\"type\":\"integer\"}]");
        assertThat(schema.at("/properties/config/allOf/0/properties/enabled/type").asText()).isEqualTo("boolean");
        assertThat(schema.at("/properties/blocked/not/type").asText()).isEqualTo("null");
        assertThat(schema.at("/properties/tuple_value/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/tuple_value").toString()).contains("\"string\"").contains("\"integer\"");
        assertThat(schema.path("required").toString()).isEqualTo("[\"choice\"]");
    }

    /** "function_with_parameters_json_schema": a JSON Schema already in JSON Schema's words goes as it is. */
    @Test
    void aJsonSchemaGoesAsItIs() {
        JsonNode schema = claudeTool("json-schema", "{\"name\":\"search_database\",\"description\":\"Searches a database with given criteria.\","
                + "\"parametersJsonSchema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":\"The search query\"},"
                + "\"limit\":{\"type\":\"integer\",\"description\":\"Maximum number of results\"}},\"required\":[\"query\"]}}").path("input_schema");
        assertThat(schema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":\"The search query\"},"
                + "\"limit\":{\"type\":\"integer\",\"description\":\"Maximum number of results\"}},\"required\":[\"query\"]}");
    }

    /** A Gemini conversation where the model called {@code name} (id {@code id}) and the user answered with {@code response}. */
    private static Translation answered(String label, String name, String id, String response) {
        String request = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Go\"}]},{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\""
                + id + "\",\"name\":\"" + name + "\",\"args\":{}}}]},{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"" + id + "\",\"name\":\""
                + name + "\",\"response\":" + response + "}}]}],\"generationConfig\":{\"maxOutputTokens\":1024},\"tools\":[{\"functionDeclarations\":"
                + "[{\"name\":\"" + name + "\"}]}]}";
        return PEER.translate(label, request, InputFormat.GEMINI, "anthropic:claude-sonnet-4-5");
    }

    /**
     * "test_part_to_message_block_with_traditional_result": a response of {"result": text} is a
     * tool_result for the call's id holding the text, not an error.
     */
    @Test
    void aResultResponseIsAToolResultOfItsText() {
        JsonNode block = json(answered("result", "some_tool", "test_id_456", "{\"result\":\"This is the result from the tool\"}"))
                .at("/messages/2/content/0");
        assertThat(block.path("type").asText()).isEqualTo("tool_result");
        assertThat(block.path("tool_use_id").asText()).isEqualTo("test_id_456");
        assertThat(block.path("is_error").asBoolean(false)).isFalse();
        assertThat(block.path("content").toString()).contains("This is the result from the tool");
    }

    /**
     * "test_part_to_message_block_with_content" (an MCP tool's response): the text of its content
     * items reaches the tool_result.
     */
    @Test
    void anMcpContentResponsesTextReachesTheToolResult() {
        JsonNode block = json(answered("mcp", "generate_sample_filesystem", "test_id_123", "{\"content\":[{\"type\":\"text\",\"text\":"
                + "\"{\\\"name\\\":\\\"root\\\",\\\"node_type\\\":\\\"folder\\\",\\\"children\\\":[]}\"}]}")).at("/messages/2/content/0");
        assertThat(block.path("tool_use_id").asText()).isEqualTo("test_id_123");
        assertThat(block.path("content").toString()).contains("node_type").contains("folder");
    }

    /** "test_part_to_message_block_dict_result_serialized_as_json": an object result reaches Claude as JSON text. */
    @Test
    void anObjectResultIsJsonText() {
        JsonNode block = json(answered("dict", "get_topic", "test_id_1", "{\"result\":{\"topic\":\"travel\",\"active\":true}}"))
                .at("/messages/2/content/0");
        assertThat(block.path("content").toString()).contains("travel").contains("active").doesNotContain("'topic'");
    }

    /** "user_role_with_text_and_document": a PDF sent inline is Claude's base64 document block. */
    @Test
    void anInlinePdfIsADocumentBlock() {
        String pdf = "JVBERi0xLjQgZmFrZSBwZGYgY29udGVudA==";
        JsonNode content = json(PEER.translate("pdf", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Summarize this document.\"},"
                + "{\"inlineData\":{\"mimeType\":\"application/pdf\",\"data\":\"" + pdf + "\"}}]}],\"generationConfig\":{\"maxOutputTokens\":1024}}",
                InputFormat.GEMINI, "anthropic:claude-sonnet-4-5")).at("/messages/0/content");
        assertThat(content).hasSize(2);
        assertThat(content.at("/1/type").asText()).isEqualTo("document");
        assertThat(content.at("/1/source/media_type").asText()).isEqualTo("application/pdf");
        assertThat(content.at("/1/source/data").asText()).isEqualTo(pdf);
    }

    /**
     * "model_role_with_text_and_image": Claude refuses an image in an assistant turn, so the one a
     * Gemini model turn carried is left out, named (PP121), as ADK drops it with a log line. OpenAI
     * Chat and Responses take none there either; before, their writers left it out silently.
     * Gemini takes it back as it was.
     */
    @Test
    void anImageInAModelTurnIsLeftOutAndNamedWhereTheTargetTakesNone() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
        String request = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Draw a cat.\"}]},{\"role\":\"model\",\"parts\":[{\"text\":"
                + "\"I see a cat.\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + png + "\"}}]},{\"role\":\"user\",\"parts\":[{\"text\":"
                + "\"Thanks\"}]}],\"generationConfig\":{\"maxOutputTokens\":1024}}";
        Translation claude = PEER.translate("model-image", request, InputFormat.GEMINI, "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/messages/1/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"I see a cat.\"}]");
        assertThat(PeerRequests.finding(claude, "PP121").message()).contains("earlier reply");
        for (String target : new String[] {"openai:gpt-4o", "openai-responses:gpt-4.1"}) {
            Translation t = PEER.translate("model-image " + target, request, InputFormat.GEMINI, target);
            assertThat(t.json()).as(target).contains("I see a cat.").doesNotContain(png);
            assertThat(PeerRequests.ids(t)).as(target).contains("PP121");
        }
        Translation gemini = PEER.translate("model-image-gemini", request, InputFormat.GEMINI, "gemini:gemini-2.5-flash");
        assertThat(json(gemini).at("/contents/1/parts/1/inlineData/data").asText()).isEqualTo(png);
        assertThat(PeerRequests.ids(gemini)).doesNotContain("PP121");
    }

    /** A model turn that held only an image is left out whole, and the user turns either side of it meet. */
    @Test
    void aModelTurnOfOnlyAnImageIsLeftOut() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
        Translation t = PEER.translate("model-only-image", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Draw a cat.\"}]},{\"role\":"
                + "\"model\",\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + png + "\"}}]},{\"role\":\"user\",\"parts\":"
                + "[{\"text\":\"Thanks\"}]}],\"generationConfig\":{\"maxOutputTokens\":1024}}", InputFormat.GEMINI, "anthropic:claude-sonnet-4-5");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/content").toString()).contains("Draw a cat.").contains("Thanks");
        assertThat(PeerRequests.ids(t)).contains("PP121");
    }
}
