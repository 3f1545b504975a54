package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * rust-genai's cases for fitting a tool's JSON Schema to Gemini (jeremychone/rust-genai
 * {@code src/adapter/adapters/gemini/openapi_schema.rs}, its test module). rust-genai rewrites
 * the schema into Gemini's OpenAPI subset; each case here is a Claude tool with that schema,
 * checked for what it must still say once on Gemini, and every body against Gemini's spec.
 */
class RustGenaiGeminiSchemaCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static JsonNode schema(String name, String inputSchema) {
        JsonNode f = json(PEER.translate(name, "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}],\"tools\":[{\"name\":\"t\",\"description\":\"d\",\"input_schema\":" + inputSchema + "}]}",
                "gemini:gemini-2.5-flash")).at("/tools/0/functionDeclarations/0");
        return f.has("parametersJsonSchema") ? f.path("parametersJsonSchema") : f.path("parameters");
    }

    /** test_passthrough_clean_schema. */
    @Test
    void aCleanSchemaKeepsItsPropertiesAndRequired() {
        JsonNode s = schema("clean", "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}");
        assertThat(s.at("/properties/name/type").asText().toLowerCase()).isEqualTo("string");
        assertThat(s.at("/required/0").asText()).isEqualTo("name");
    }

    /** test_nullable_array_type and _null_first: the non-null type survives. */
    @Test
    void aNullableTypeArrayKeepsItsRealType() {
        JsonNode s = schema("nullable", "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":[\"string\",\"null\"]},"
                + "\"count\":{\"type\":[\"null\",\"integer\"]}}}");
        assertThat(s.at("/properties/name").toString().toLowerCase()).contains("string");
        assertThat(s.at("/properties/count").toString().toLowerCase()).contains("integer");
    }

    /** test_nullable_anyof_schemars_pattern and test_nullable_oneof. */
    @Test
    void anOptionalValueWrittenAsAnyOfWithNullKeepsItsType() {
        JsonNode s = schema("anyof-null", "{\"type\":\"object\",\"properties\":{\"label\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},"
                + "\"value\":{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"null\"}]}}}");
        assertThat(s.at("/properties/label").toString().toLowerCase()).contains("string");
        assertThat(s.at("/properties/value").toString().toLowerCase()).contains("integer");
    }

    /** test_ref_resolution_and_defs_removal, test_nested_ref_chain and test_complex_schemars_schema. */
    @Test
    void referencedDefinitionsStillDescribeTheirFields() {
        JsonNode s = schema("refs", "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\"},\"address\":{\"anyOf\":[{\"$ref\":\"#/$defs/Address\"},{\"type\":\"null\"}]},"
                + "\"a\":{\"$ref\":\"#/$defs/A\"}},\"required\":[\"name\"],\"additionalProperties\":false,\"$defs\":{"
                + "\"Address\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"type\":[\"string\",\"null\"]}},"
                + "\"required\":[\"street\"],\"additionalProperties\":false},"
                + "\"A\":{\"type\":\"object\",\"properties\":{\"b\":{\"$ref\":\"#/$defs/B\"}}},"
                + "\"B\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"string\"}},\"additionalProperties\":false}}}");
        assertThat(s.toString()).contains("street").contains("zip").contains("value");
        assertThat(s.at("/required/0").asText()).isEqualTo("name");
    }

    /** test_cycle_detection: a definition that refers to itself ends, and the field is still there. */
    @Test
    void aSelfReferencingDefinitionDoesNotLoop() {
        JsonNode s = schema("cycle", "{\"type\":\"object\",\"properties\":{\"node\":{\"$ref\":\"#/$defs/Node\"}},"
                + "\"$defs\":{\"Node\":{\"type\":\"object\",\"properties\":{\"child\":{\"$ref\":\"#/$defs/Node\"}}}}}");
        assertThat(s.path("properties").has("node")).isTrue();
    }

    /** test_multi_variant_composite_preserved: two real alternatives stay two. */
    @Test
    void twoRealAlternativesStayAlternatives() {
        JsonNode s = schema("oneof", "{\"type\":\"object\",\"properties\":{\"data\":{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}}");
        JsonNode data = s.at("/properties/data");
        JsonNode variants = data.has("anyOf") ? data.path("anyOf") : data.path("oneOf");
        assertThat(variants).hasSize(2);
    }

    /** test_nested_recursive_simplification: nullable types inside array items keep their type. */
    @Test
    void aNullableTypeInsideArrayItemsKeepsItsType() {
        JsonNode s = schema("nested", "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
                + "\"properties\":{\"value\":{\"type\":[\"number\",\"null\"]}},\"additionalProperties\":false}}}}");
        assertThat(s.at("/properties/items/items/properties/value").toString().toLowerCase()).contains("number");
    }
}
