package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Objects nested {@code levels} deep, the root counting as the first. */
    private static JsonNode nested(int levels) {
        ObjectNode leaf = JSON.createObjectNode().put("type", "string");
        JsonNode inner = leaf;
        for (int i = 0; i < levels; i++) {
            ObjectNode o = JSON.createObjectNode().put("type", "object");
            o.putObject("properties").set("n", inner);
            o.putArray("required").add("n");
            o.put("additionalProperties", false);
            inner = o;
        }
        return inner;
    }

    @Test
    void tenLevelsOfNestingPassAndElevenDoNot() {
        assertThat(StrictLimits.exceeded(nested(10))).isEmpty();
        assertThat(StrictLimits.exceeded(nested(11))).singleElement().asString()
                .startsWith("more than 10 levels of nesting (at /properties/n/properties/n");
    }

    @Test
    void arraysCountAsLevelsAndReferencesAreFollowedWhereUsed() throws Exception {
        JsonNode viaArrays = JSON.readTree("""
                {"type":"object","properties":{"a":{"type":"array","items":{"$ref":"#/$defs/deep"}}},
                 "$defs":{"deep":%s}}""".formatted(nested(9)));
        assertThat(StrictLimits.exceeded(viaArrays)).singleElement().asString().contains("(at /properties/a/items");
        JsonNode recursive = JSON.readTree("""
                {"type":"object","properties":{"next":{"$ref":"#"}},"required":["next"],"additionalProperties":false}""");
        assertThat(StrictLimits.exceeded(recursive)).isEmpty();
    }

    @Test
    void propertiesEnumValuesAndNamesAreCountedOverTheWholeSchema() {
        ObjectNode props = JSON.createObjectNode();
        for (int i = 0; i < 5001; i++) {
            props.putObject("p" + i).put("type", "string");
        }
        ObjectNode many = JSON.createObjectNode().put("type", "object");
        many.set("properties", props);
        assertThat(StrictLimits.exceeded(many)).containsExactly("more than 5,000 object properties in all (5,001)");

        ObjectNode longNames = JSON.createObjectNode().put("type", "object");
        ObjectNode lp = longNames.putObject("properties");
        for (int i = 0; i < 121; i++) {
            lp.putObject(String.format("%04d", i) + "x".repeat(996)).put("type", "string");
        }
        assertThat(StrictLimits.exceeded(longNames)).containsExactly("more than 120,000 characters of property names,"
                + " definition names and enum values in all (121,000)");
    }

    @Test
    void aLongEnumOfLongValuesIsNamed() {
        ObjectNode s = JSON.createObjectNode().put("type", "object");
        ObjectNode e = s.putObject("properties").putObject("e").put("type", "string");
        for (int i = 0; i < 251; i++) {
            e.withArray("enum").add(String.format("%03d", i) + "y".repeat(57));
        }
        assertThat(StrictLimits.exceeded(s)).containsExactly("an enum of 251 values whose text is over 15,000 characters"
                + " (more than 250 values may have 15,000 characters in all)");
    }
}
