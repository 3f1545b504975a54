package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeSchemaRewriteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ClaudeSchemaRewrite.Result rewrite(String schema) throws Exception {
        return ClaudeSchemaRewrite.of(JSON.readTree(schema));
    }

    @Test
    void numberAndLengthLimitsMoveIntoTheDescriptionAsTheSdksWriteThem() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","properties":{
                  "score":{"type":"integer","minimum":1,"maximum":5,"description":"1 is worst"},
                  "title":{"type":"string","minLength":1,"maxLength":80}},
                 "required":["score","title"],"additionalProperties":false}""");
        assertThat(r.schema().at("/properties/score").toString())
                .isEqualTo("{\"type\":\"integer\",\"description\":\"1 is worst\\n\\n{minimum: 1, maximum: 5}\"}");
        assertThat(r.schema().at("/properties/title/description").asText()).isEqualTo("{minLength: 1, maxLength: 80}");
        assertThat(r.moved()).containsExactly("minimum", "maximum", "minLength", "maxLength");
        assertThat(r.changes()).containsExactly(
                "minimum, maximum, minLength, maxLength moved into the description (first at /properties/score)");
    }

    @Test
    void everyObjectIsClosedToPropertiesItDoesNotList() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","properties":{"meta":{"type":"object"},
                  "tags":{"type":"object","additionalProperties":{"type":"string"}},
                  "inner":{"properties":{"a":{"type":"string"}},"additionalProperties":true}}}""");
        assertThat(r.schema().at("/additionalProperties").asBoolean(true)).isFalse();
        assertThat(r.schema().at("/properties/meta/additionalProperties").asBoolean(true)).isFalse();
        assertThat(r.schema().at("/properties/tags/additionalProperties").asBoolean(true)).isFalse();
        assertThat(r.schema().at("/properties/inner/additionalProperties").asBoolean(true)).isFalse();
        assertThat(r.moved()).isEmpty();
        assertThat(r.changes()).singleElement().asString().startsWith("objects that allowed properties they do not list")
                .endsWith("at the root");
    }

    @Test
    void formatsClaudeKnowsStayAndOthersMoveIntoTheDescription() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","additionalProperties":false,"properties":{
                  "when":{"type":"string","format":"date-time"},"site":{"type":"string","format":"uri"},
                  "phone":{"type":"string","format":"phone"}}}""");
        assertThat(r.schema().at("/properties/when/format").asText()).isEqualTo("date-time");
        assertThat(r.schema().at("/properties/site/format").asText()).isEqualTo("uri");
        assertThat(r.schema().at("/properties/phone").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"{format: \\\"phone\\\"}\"}");
    }

    @Test
    void minItemsOfZeroOrOneStaysAndEveryOtherArrayLimitMoves() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","additionalProperties":false,"properties":{
                  "one":{"type":"array","items":{"type":"string"},"minItems":1},
                  "three":{"type":"array","items":{"type":"string"},"minItems":3,"maxItems":5,"uniqueItems":true}}}""");
        assertThat(r.schema().at("/properties/one/minItems").asInt()).isEqualTo(1);
        assertThat(r.schema().at("/properties/three").toString()).isEqualTo(
                "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"{minItems: 3, maxItems: 5, uniqueItems: true}\"}");
    }

    @Test
    void aSimplePatternStaysAndOneWithBackreferencesOrLookaroundMoves() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","additionalProperties":false,"properties":{
                  "zip":{"type":"string","pattern":"^\\\\d{5}$"},
                  "pair":{"type":"string","pattern":"^(a+)-\\\\1$"},
                  "word":{"type":"string","pattern":"\\\\bcat\\\\b"},
                  "nota":{"type":"string","pattern":"^(?!admin).*$"}}}""");
        assertThat(r.schema().at("/properties/zip/pattern").asText()).isEqualTo("^\\d{5}$");
        assertThat(r.schema().at("/properties/pair").has("pattern")).isFalse();
        assertThat(r.schema().at("/properties/word").has("pattern")).isFalse();
        assertThat(r.schema().at("/properties/nota/description").asText()).isEqualTo("{pattern: \"^(?!admin).*$\"}");
    }

    @Test
    void oneOfBecomesAnyOfAndNullableBecomesANullType() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","additionalProperties":false,"properties":{
                  "id":{"oneOf":[{"type":"string"},{"type":"integer"}]},
                  "note":{"type":"string","nullable":true}}}""");
        assertThat(r.schema().at("/properties/id").has("anyOf")).isTrue();
        assertThat(r.schema().at("/properties/id").has("oneOf")).isFalse();
        assertThat(r.schema().at("/properties/note").toString()).isEqualTo("{\"type\":[\"string\",\"null\"]}");
        assertThat(r.changes()).anyMatch(c -> c.startsWith("oneOf became anyOf"))
                .anyMatch(c -> c.startsWith("nullable became"));
    }

    @Test
    void aReferenceInsideAllOfBecomesACopyOfItsDefinition() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"type":"object","additionalProperties":false,
                 "$defs":{"addr":{"type":"object","properties":{"city":{"type":"string"}},"additionalProperties":false}},
                 "properties":{"home":{"allOf":[{"$ref":"#/$defs/addr"}]},"work":{"$ref":"#/$defs/addr"}}}""");
        assertThat(r.schema().at("/properties/home/allOf/0/properties/city/type").asText()).isEqualTo("string");
        // a reference alone Claude takes
        assertThat(r.schema().at("/properties/work/$ref").asText()).isEqualTo("#/$defs/addr");
    }

    @Test
    void annotationsAreLeftOutAndExamplesMoveWithTheRest() throws Exception {
        ClaudeSchemaRewrite.Result r = rewrite("""
                {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,
                 "properties":{"tag":{"type":"string","examples":["bug"],"default":"bug","deprecated":true}}}""");
        assertThat(r.schema().has("$schema")).isFalse();
        assertThat(r.schema().at("/properties/tag").toString())
                .isEqualTo("{\"type\":\"string\",\"default\":\"bug\",\"description\":\"{examples: [\\\"bug\\\"]}\"}");
    }

    @Test
    void aSchemaClaudeTakesComesBackAsItWas() throws Exception {
        JsonNode ok = JSON.readTree("""
                {"type":"object","title":"Rating","properties":{
                  "score":{"type":"integer","enum":[1,2,3]},"kind":{"const":"film"},
                  "tags":{"type":"array","items":{"type":"string","format":"email"},"minItems":0},
                  "who":{"anyOf":[{"type":"string"},{"type":"null"}]}},
                 "required":["score"],"additionalProperties":false}""");
        ClaudeSchemaRewrite.Result r = ClaudeSchemaRewrite.of(ok);
        assertThat(r.schema()).isSameAs(ok);
        assertThat(r.changes()).isEmpty();
    }
}
