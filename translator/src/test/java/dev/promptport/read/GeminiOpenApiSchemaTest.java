package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiOpenApiSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String convert(String schema) throws Exception {
        return GeminiOpenApiSchema.toJsonSchema(JSON.readTree(schema)).toString();
    }

    @Test
    void nullableBecomesATypeUnionAndOrderingAndTheEnumFormatGo() throws Exception {
        assertThat(convert("""
                {"type":"ARRAY","items":{"type":"OBJECT","properties":{
                  "calories":{"type":"INTEGER","nullable":true},
                  "kind":{"type":"STRING","enum":["soft","crisp"],"format":"enum"}},
                 "required":["calories"],"propertyOrdering":["calories","kind"]}}"""))
                .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
                        + "\"calories\":{\"type\":[\"integer\",\"null\"]},"
                        + "\"kind\":{\"type\":\"string\",\"enum\":[\"soft\",\"crisp\"]}},"
                        + "\"required\":[\"calories\"]}}");
    }

    @Test
    void thePropertyOrderingBecomesThePropertiesOwnOrderTheRestAfterThem() throws Exception {
        assertThat(convert("""
                {"type":"OBJECT","properties":{"a":{"type":"STRING"},"b":{"type":"STRING"},"c":{"type":"STRING"}},
                 "propertyOrdering":["c","a","missing"]}"""))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"string\"},"
                        + "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}");
        // in either spelling, and wherever the keyword stands beside the properties
        assertThat(convert("{\"property_ordering\":[\"y\",\"x\"],\"type\":\"OBJECT\",\"properties\":"
                + "{\"x\":{\"type\":\"STRING\"},\"y\":{\"type\":\"STRING\"}}}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"y\":{\"type\":\"string\"},\"x\":{\"type\":\"string\"}}}");
    }

    @Test
    void aNullableEnumTakesNullAndANullableUnionGetsANullBranch() throws Exception {
        assertThat(convert("{\"type\":\"STRING\",\"enum\":[\"a\"],\"nullable\":true}"))
                .isEqualTo("{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",null]}");
        assertThat(convert("{\"any_of\":[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}],\"nullable\":true}"))
                .isEqualTo("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"null\"}]}");
    }

    @Test
    void snakeCaseKeywordsTakeTheirJsonSchemaNamesButPropertyNamesStayAsWritten() throws Exception {
        assertThat(convert("{\"type\":\"OBJECT\",\"properties\":{\"max_items\":{\"type\":\"ARRAY\",\"max_items\":3,"
                + "\"items\":{\"type\":\"STRING\"}}},\"property_ordering\":[\"max_items\"]}"))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"max_items\":{\"type\":\"array\",\"maxItems\":3,"
                        + "\"items\":{\"type\":\"string\"}}}}");
    }

    @Test
    void aJsonSchemaPassesUnchanged() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"d\":{\"type\":\"string\",\"format\":\"date\"}}}";
        assertThat(convert(schema)).isEqualTo(schema);
    }
}
