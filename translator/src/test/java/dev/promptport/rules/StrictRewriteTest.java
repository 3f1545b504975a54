package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictRewriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StrictRewrite.Result rewrite(String schema) throws Exception {
        return StrictRewrite.of(JSON.readTree(schema));
    }

    @Test
    void defaultAndExamplesMoveIntoTheDescriptionWhereTheModelStillReadsThem() throws Exception {
        StrictRewrite.Result r = rewrite("""
                {"type":"object","properties":{
                  "status":{"type":"string","enum":["open","closed"],"default":"open","description":"Ticket state"},
                  "tag":{"type":"string","examples":["bug","feature"]}},
                 "required":["status","tag"],"additionalProperties":false}""");
        assertThat(r.schema().at("/properties/status").toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"open\",\"closed\"],\"description\":\"Ticket state. Default: \\\"open\\\".\"}");
        assertThat(r.schema().at("/properties/tag/description").asText()).isEqualTo("Examples: \"bug\", \"feature\".");
        assertThat(r.changes()).containsExactly("default moved into the description at /properties/status",
                "examples moved into the description at /properties/tag");
    }

    @Test
    void annotationsAndUnknownKeywordsAreLeftOutButTitleAndDescriptionStay() throws Exception {
        StrictRewrite.Result r = rewrite("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","title":"T","description":"D",
                 "properties":{"a":{"type":"string","deprecated":true,"x-internal":1}},
                 "required":["a"],"additionalProperties":false}""");
        assertThat(r.schema().toString()).isEqualTo("{\"type\":\"object\",\"title\":\"T\",\"description\":\"D\","
                + "\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"],\"additionalProperties\":false}");
        assertThat(r.changes()).hasSize(3).allSatisfy(c -> assertThat(c).contains("left out"));
    }

    @Test
    void constBecomesAOneValueEnumAndDisjointOneOfBecomesAnyOf() throws Exception {
        StrictRewrite.Result r = rewrite("""
                {"type":"object","properties":{"k":{"const":"person"},
                  "id":{"oneOf":[{"type":"string"},{"type":"integer"}]},
                  "n":{"oneOf":[{"type":"integer"},{"type":"number"}]}}}""");
        assertThat(r.schema().at("/properties/k").toString()).isEqualTo("{\"enum\":[\"person\"]}");
        assertThat(r.schema().at("/properties/id").has("anyOf")).isTrue();
        // 1 is both an integer and a number: oneOf refuses it, anyOf would not
        assertThat(r.schema().at("/properties/n").has("oneOf")).isTrue();
    }

    @Test
    void aReferenceBesideOtherKeywordsBecomesACopyOfItsDefinition() throws Exception {
        StrictRewrite.Result r = rewrite("""
                {"type":"object","properties":{"home":{"$ref":"#/$defs/addr","description":"Home address"},
                  "work":{"allOf":[{"$ref":"#/$defs/addr"}]},
                  "odd":{"$ref":"#/$defs/addr","type":"string"},
                  "me":{"$ref":"#","description":"Again"}},
                 "$defs":{"addr":{"type":"object","description":"An address","properties":{"city":{"type":"string"}},
                   "required":["city"],"additionalProperties":false}}}""");
        assertThat(r.schema().at("/properties/home/description").asText()).isEqualTo("Home address");
        assertThat(r.schema().at("/properties/home/properties/city/type").asText()).isEqualTo("string");
        assertThat(r.schema().at("/properties/home").has("$ref")).isFalse();
        assertThat(r.schema().at("/properties/work").toString()).isEqualTo("{\"$ref\":\"#/$defs/addr\"}");
        // the two disagree on the type: left for StrictSchema to name
        assertThat(r.schema().at("/properties/odd/$ref").asText()).isEqualTo("#/$defs/addr");
        // a copy of the root inside the root is made once, not without end
        assertThat(r.schema().at("/properties/me/properties/me/$ref").asText()).isEqualTo("#");
    }

    @Test
    void aSchemaWithNothingToRewriteIsReturnedAsItIs() throws Exception {
        JsonNode plain = JSON.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"required\":[\"a\"],\"additionalProperties\":false}");
        StrictRewrite.Result r = StrictRewrite.of(plain);
        assertThat(r.schema()).isSameAs(plain);
        assertThat(r.changes()).isEmpty();
    }
}
