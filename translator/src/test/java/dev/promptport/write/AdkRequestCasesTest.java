package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
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
}
