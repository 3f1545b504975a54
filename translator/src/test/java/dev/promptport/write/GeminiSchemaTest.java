package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.write.GeminiWriter.Converted;
import dev.promptport.write.GeminiWriter.SchemaChange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of Gemini's Schema message (content.proto). */
    private static final Set<String> SCHEMA_FIELDS = Set.of("type", "format", "title", "description", "nullable",
            "enum", "items", "minItems", "maxItems", "properties", "required", "minProperties", "maxProperties",
            "minimum", "maximum", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default");
    private static final Set<String> TYPES = Set.of("TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN",
            "ARRAY", "OBJECT", "NULL");

    /** Most of what JSON Schema has and Gemini's schema lacks, in one tool schema. */
    static final String KITCHEN_SINK_SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:example:kitchen-sink",
              "type": "object",
              "additionalProperties": false,
              "$defs": {
                "node": {"type": "object", "properties": {"label": {"type": "string"},
                         "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}, "required": ["label"]},
                "money": {"type": "object", "additionalProperties": false, "required": ["amount"],
                          "properties": {"amount": {"type": "number", "exclusiveMinimum": 0},
                                         "currency": {"const": "EUR"}}}
              },
              "properties": {
                "tree": {"$ref": "#/$defs/node", "description": "A tree of labels."},
                "price": {"anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}], "description": "Price, if known."},
                "note": {"type": ["string", "null"], "maxLength": 200},
                "id": {"oneOf": [{"type": "string", "format": "uuid"}, {"type": "integer", "minimum": 1}]},
                "level": {"type": "integer", "enum": [1, 2, 3], "description": "Severity"},
                "mode": {"const": "fast"},
                "count": {"type": "integer", "exclusiveMaximum": 10},
                "tags": {"type": "array", "uniqueItems": true, "items": {"type": "string"}, "examples": [["a", "b"]]},
                "anything": {},
                "list": {"type": "array"},
                "point": {"type": "array", "prefixItems": [{"type": "number"}, {"type": "number"}]},
                "both": {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
                                   {"properties": {"b": {"type": "boolean"}}, "required": ["b"]}]},
                "meta": {"type": "object", "additionalProperties": {"type": "string"}},
                "when": {"type": "string", "format": "date-time", "deprecated": true, "x-internal": 1},
                "flag": {"type": "boolean", "default": false},
                "either": {"type": ["string", "integer"], "minLength": 1, "minimum": 0}
              },
              "required": ["tree", "ghost"],
              "patternProperties": {"^x-": {"type": "string"}}
            }
            """;

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode converted(String schema) {
        return tree(GeminiWriter.convert(schema).json());
    }

    private static List<String> whats(Converted c) {
        return c.changes().stream().map(SchemaChange::toString).toList();
    }

    // ------------------------------------------------------------------ references

    @Test
    void refToDefsIsInlinedAndReportedAtTheReference() {
        Converted c = GeminiWriter.convert(corpusSchemas().get("11-tools-defs-ref-any/file_motor_claim"));
        JsonNode s = tree(c.json());
        assertThat(c.json()).doesNotContain("$ref").doesNotContain("$defs");
        assertThat(s.at("/properties/location/properties/line1/type").asText()).isEqualTo("STRING");
        assertThat(s.at("/properties/location/required").toString()).isEqualTo("[\"line1\",\"city\"]");
        assertThat(s.at("/properties/insured_vehicle/properties/driver/properties/address/properties/city/type").asText())
                .isEqualTo("STRING");
        assertThat(s.at("/properties/people/items/properties/role/enum")).hasSize(5);
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("/properties/location/$ref");
            assertThat(ch.keyword()).isEqualTo("$ref");
            assertThat(ch.lossy()).isFalse();
        });
        // a reference inside a definition is reported once, at the definition, however often it is inlined
        assertThat(c.changes().stream().filter(ch -> ch.path().equals("/$defs/person/properties/address/$ref"))).hasSize(1);
    }

    @Test
    void recursiveRefIsUnrolledTwiceThenCutToAnObjectWrittenAsJsonText() {
        String schema = """
                {"type":"object","properties":{"root":{"$ref":"#/$defs/node"}},
                 "$defs":{"node":{"type":"object","description":"A node.","properties":{"name":{"type":"string"},
                   "children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}}""";
        Converted c = GeminiWriter.convert(schema);
        JsonNode s = tree(c.json());
        JsonNode level2 = s.at("/properties/root/properties/children/items");
        assertThat(level2.at("/properties/name/type").asText()).isEqualTo("STRING");
        JsonNode cut = level2.at("/properties/children/items");
        assertThat(cut.toString()).isEqualTo("{\"type\":\"STRING\",\"description\":\"A node. " + GeminiSchema.JSON_TEXT + "\"}");
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.what()).contains("recursive $ref \"#/$defs/node\" cut").endsWith("a plain STRING");
            assertThat(ch.lossy()).isTrue();
        });
        Converted json = GeminiWriter.convert(schema, null, true);
        assertThat(json.jsonSchema()).isTrue();
        assertThat(tree(json.json()).at("/properties/root/properties/children/items/properties/children/items").toString())
                .isEqualTo("{\"type\":\"object\",\"description\":\"A node.\"}");
    }

    @Test
    void referenceCyclesWithoutNestingEnd() {
        Converted c = GeminiWriter.convert("""
                {"type":"object","properties":{"a":{"$ref":"#/$defs/a"},"me":{"$ref":"#"}},
                 "$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}""");
        JsonNode s = tree(c.json());
        assertThat(s.at("/properties/a/type").asText()).isEqualTo("STRING");
        assertThat(s.at("/properties/me/properties/me/properties/a/type").asText()).isEqualTo("STRING");
        assertThat(c.lossy()).isTrue();
    }

    @Test
    void unresolvableRefIsDroppedWithALossyChange() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"x\":{\"$ref\":\"https://example.com/s.json\","
                + "\"description\":\"External.\"}}}");
        assertThat(tree(c.json()).at("/properties/x").toString()).isEqualTo("{\"type\":\"STRING\",\"description\":\"External.\"}");
        assertThat(c.changes()).anySatisfy(ch -> assertThat(ch.what()).contains("cannot be resolved"));
    }

    // ------------------------------------------------------------------ null, unions, const

    @Test
    void typeArrayWithNullBecomesNullableType() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":[\"string\",\"null\"],\"maxLength\":5}}}");
        assertThat(tree(c.json()).at("/properties/n").toString())
                .isEqualTo("{\"type\":\"STRING\",\"nullable\":true,\"maxLength\":5}");
        assertThat(whats(c)).containsExactly("/properties/n/type: type [\"string\",\"null\"] became STRING with nullable: true");
        assertThat(c.lossy()).isFalse();
    }

    @Test
    void anyOfOfASchemaAndNullBecomesThatSchemaNullable() {
        JsonNode s = converted(KITCHEN_SINK_SCHEMA);
        JsonNode price = s.at("/properties/price");
        assertThat(price.path("type").asText()).isEqualTo("OBJECT");
        assertThat(price.path("nullable").asBoolean()).isTrue();
        assertThat(price.path("description").asText()).isEqualTo("Price, if known.");
        assertThat(price.at("/properties/currency/enum").toString()).isEqualTo("[\"EUR\"]");
        assertThat(price.has("anyOf")).isFalse();
    }

    @Test
    void constBecomesAOneValueEnum() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"m\":{\"const\":\"fast\"}}}");
        assertThat(tree(c.json()).at("/properties/m").toString()).isEqualTo("{\"type\":\"STRING\",\"enum\":[\"fast\"]}");
        assertThat(whats(c)).contains("/properties/m/const: const \"fast\" became enum [\"fast\"]: Gemini has no const");
    }

    @Test
    void oneOfBecomesAnyOfWithTheTypesInTheVariants() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        JsonNode id = tree(c.json()).at("/properties/id");
        assertThat(id.path("type").asText()).isEqualTo("TYPE_UNSPECIFIED");
        assertThat(id.path("anyOf").toString())
                .isEqualTo("[{\"type\":\"STRING\",\"format\":\"uuid\"},{\"type\":\"INTEGER\",\"minimum\":1}]");
        assertThat(whats(c)).contains("/properties/id/oneOf: oneOf became anyOf (Gemini has no oneOf)");
    }

    @Test
    void anyOfOfOneTypeCarriesThatTypeOnTheUnion() {
        JsonNode s = converted("{\"type\":\"object\",\"properties\":{\"shape\":{\"anyOf\":["
                + "{\"type\":\"object\",\"properties\":{\"r\":{\"type\":\"number\"}}},"
                + "{\"type\":\"object\",\"properties\":{\"w\":{\"type\":\"number\"}}}]}}}");
        assertThat(s.at("/properties/shape/type").asText()).isEqualTo("OBJECT");
        assertThat(s.at("/properties/shape/anyOf")).hasSize(2);
    }

    @Test
    void typeUnionWithoutNullBecomesAnyOfWithEachTypesKeywords() {
        JsonNode either = converted(KITCHEN_SINK_SCHEMA).at("/properties/either");
        assertThat(either.toString()).isEqualTo("{\"type\":\"TYPE_UNSPECIFIED\",\"anyOf\":["
                + "{\"type\":\"STRING\",\"minLength\":1},{\"type\":\"INTEGER\",\"minimum\":0}]}");
    }

    @Test
    void allOfWithOneMemberIsThatMember() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"a\":{\"allOf\":[{\"$ref\":\"#/$defs/s\"}],"
                + "\"description\":\"An s.\"}},\"$defs\":{\"s\":{\"type\":\"string\",\"pattern\":\"^s\"}}}");
        assertThat(tree(c.json()).at("/properties/a").toString())
                .isEqualTo("{\"type\":\"STRING\",\"description\":\"An s.\",\"pattern\":\"^s\"}");
        assertThat(whats(c)).contains("/properties/a/allOf: allOf with one schema replaced by that schema");
    }

    @Test
    void allOfOfSeveralSchemasMergesPropertiesAndRequired() {
        JsonNode both = converted(KITCHEN_SINK_SCHEMA).at("/properties/both");
        assertThat(both.toString()).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"},"
                + "\"b\":{\"type\":\"BOOLEAN\"}},\"required\":[\"a\",\"b\"]}");
    }

    @Test
    void anyOfThatOnlyAddsRequirementsIsDroppedAsLossy() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"},"
                + "\"phone\":{\"type\":\"string\"}},\"anyOf\":[{\"required\":[\"email\"]},{\"required\":[\"phone\"]}]}");
        assertThat(c.json()).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"email\":{\"type\":\"STRING\"},"
                + "\"phone\":{\"type\":\"STRING\"}}}");
        assertThat(c.lossy()).isTrue();
    }

    @Test
    void rootUnionOfObjectShapesBecomesOneObject() {
        Converted c = GeminiWriter.convert("{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                + "\"v\":{\"type\":\"integer\"}},\"required\":[\"id\",\"v\"]},{\"type\":\"object\",\"properties\":{\"id\":"
                + "{\"type\":\"string\"},\"name\":{\"type\":\"string\"}},\"required\":[\"id\"]}]}");
        assertThat(c.json()).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"id\":{\"type\":\"STRING\"},"
                + "\"v\":{\"type\":\"INTEGER\"},\"name\":{\"type\":\"STRING\"}},\"required\":[\"id\"]}");
        assertThat(c.lossy()).isTrue();
    }

    // ------------------------------------------------------------------ dropped keywords

    @Test
    void additionalPropertiesIsDroppedAndTheChangeRecorded() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":false}");
        assertThat(c.json()).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"}}}");
        assertThat(c.changes()).singleElement().satisfies(ch -> {
            assertThat(ch.path()).isEqualTo("/additionalProperties");
            assertThat(ch.keyword()).isEqualTo("additionalProperties");
            assertThat(ch.what()).contains("cannot forbid other keys");
            assertThat(ch.lossy()).isTrue();
        });
        Converted open = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
                + "\"additionalProperties\":true}");
        assertThat(open.changes()).singleElement().satisfies(ch -> assertThat(ch.lossy()).isFalse());
    }

    @Test
    void enumOfNonStringsIsDroppedAndItsValuesGoIntoTheDescription() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        JsonNode level = tree(c.json()).at("/properties/level");
        assertThat(level.toString()).isEqualTo("{\"type\":\"INTEGER\",\"description\":\"Severity. Allowed values: 1, 2, 3.\"}");
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("/properties/level/enum");
            assertThat(ch.lossy()).isTrue();
        });
    }

    @Test
    void exclusiveBoundsBecomeInclusiveOnesExactlyForIntegers() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        JsonNode s = tree(c.json());
        assertThat(s.at("/properties/count").toString()).isEqualTo("{\"type\":\"INTEGER\",\"maximum\":9}");
        assertThat(s.at("/properties/price/properties/amount").toString()).isEqualTo("{\"type\":\"NUMBER\",\"minimum\":0}");
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("/properties/count/exclusiveMaximum");
            assertThat(ch.lossy()).isFalse();
        });
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("/$defs/money/properties/amount/exclusiveMinimum");
            assertThat(ch.lossy()).isTrue();
        });
        JsonNode draft4 = converted("{\"type\":\"object\",\"properties\":{\"p\":{\"type\":\"integer\",\"minimum\":0,"
                + "\"exclusiveMinimum\":true}}}");
        assertThat(draft4.at("/properties/p/minimum").asInt()).isEqualTo(1);
    }

    @Test
    void annotationsAndUnknownKeywordsAreDroppedAndListed() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        JsonNode s = tree(c.json());
        assertThat(s.at("/properties/when").toString()).isEqualTo("{\"type\":\"STRING\",\"format\":\"date-time\"}");
        assertThat(s.at("/properties/tags").toString())
                .isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"example\":[\"a\",\"b\"]}");
        assertThat(s.at("/properties/flag").toString()).isEqualTo("{\"type\":\"BOOLEAN\",\"default\":false}");
        Map<String, Boolean> lossy = new LinkedHashMap<>();
        c.changes().forEach(ch -> lossy.put(ch.path(), ch.lossy()));
        assertThat(lossy).containsEntry("/$schema", false).containsEntry("/$id", false)
                .containsEntry("/properties/when/deprecated", false).containsEntry("/properties/when/x-internal", false)
                .containsEntry("/properties/tags/examples", false).containsEntry("/properties/tags/uniqueItems", true)
                .containsEntry("/patternProperties", true);
    }

    @Test
    void arrayWithoutItemsGetsStringItemsBecauseGeminiRequiresThem() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        assertThat(tree(c.json()).at("/properties/list").toString())
                .isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}}");
        assertThat(c.changes()).anySatisfy(ch -> assertThat(ch.path()).isEqualTo("/properties/list/items"));
    }

    @Test
    void tupleBecomesOneItemSchema() {
        JsonNode point = converted(KITCHEN_SINK_SCHEMA).at("/properties/point");
        assertThat(point.toString()).isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"NUMBER\"}}");
        JsonNode mixed = converted("{\"type\":\"object\",\"properties\":{\"pair\":{\"type\":\"array\","
                + "\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}}}").at("/properties/pair/items");
        assertThat(mixed.toString()).isEqualTo("{\"type\":\"TYPE_UNSPECIFIED\",\"anyOf\":"
                + "[{\"type\":\"STRING\"},{\"type\":\"INTEGER\"}]}");
    }

    @Test
    void schemaThatAcceptsAnythingBecomesStringWithALossyChange() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        assertThat(tree(c.json()).at("/properties/anything").toString()).isEqualTo("{\"type\":\"STRING\"}");
        assertThat(c.changes()).anySatisfy(ch -> {
            assertThat(ch.path()).isEqualTo("/properties/anything");
            assertThat(ch.lossy()).isTrue();
        });
    }

    @Test
    void requiredNamesThatAreNotPropertiesAreDropped() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        assertThat(tree(c.json()).path("required").toString()).isEqualTo("[\"tree\"]");
        assertThat(whats(c)).anySatisfy(w -> assertThat(w).startsWith("/required: required \"ghost\" dropped"));
    }

    @Test
    void missingTypeIsInferredFromTheKeywords() {
        JsonNode s = converted("{\"properties\":{\"o\":{\"properties\":{\"x\":{\"enum\":[\"a\",\"b\"]}}},"
                + "\"l\":{\"items\":{\"type\":\"string\"}},\"n\":{\"minimum\":1}}}");
        assertThat(s.path("type").asText()).isEqualTo("OBJECT");
        assertThat(s.at("/properties/o/type").asText()).isEqualTo("OBJECT");
        assertThat(s.at("/properties/o/properties/x").toString()).isEqualTo("{\"type\":\"STRING\",\"enum\":[\"a\",\"b\"]}");
        assertThat(s.at("/properties/l/type").asText()).isEqualTo("ARRAY");
        assertThat(s.at("/properties/n/type").asText()).isEqualTo("NUMBER");
    }

    @Test
    void objectWithoutPropertiesIsMarkedAsHavingNoParameters() {
        assertThat(GeminiWriter.convert("{\"type\":\"object\",\"properties\":{}}").noParameters()).isTrue();
        assertThat(GeminiWriter.convert("{}").noParameters()).isTrue();
        assertThat(GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}").noParameters())
                .isFalse();
    }

    // ------------------------------------------------------------------ objects without properties

    private static final String OPEN_OBJECTS = """
            {"type":"object","properties":{
              "headers":{"type":"object","description":"Header name to value","additionalProperties":{"type":"string"}},
              "body":{"type":"object"},
              "ops":{"type":"array","items":{"type":"object"}},
              "opt":{"anyOf":[{"type":"object"},{"type":"null"}],"description":"Options"}},
             "required":["headers"],"additionalProperties":false}""";

    @Test
    void objectsWithoutPropertiesBelowTheRootBecomeStringsHoldingJsonText() {
        Converted c = GeminiWriter.convert(OPEN_OBJECTS);
        JsonNode s = tree(c.json());
        assertThat(c.jsonSchema()).isFalse();
        assertThat(s.at("/properties/headers").toString()).isEqualTo("{\"type\":\"STRING\",\"description\":"
                + "\"Header name to value. A JSON object, written as JSON text. Each value is a string.\"}");
        assertThat(s.at("/properties/body").toString())
                .isEqualTo("{\"type\":\"STRING\",\"description\":\"" + GeminiSchema.JSON_TEXT + "\"}");
        assertThat(s.at("/properties/ops/items/type").asText()).isEqualTo("STRING");
        assertThat(s.at("/properties/opt").toString()).isEqualTo("{\"type\":\"STRING\",\"description\":\"Options. "
                + GeminiSchema.JSON_TEXT + "\",\"nullable\":true}");
        assertThat(c.changes().stream().filter(ch -> ch.what().startsWith("an object without listed properties became")))
                .extracting(SchemaChange::path)
                .containsExactly("/properties/headers", "/properties/body", "/properties/ops/items", "/properties/opt/anyOf/0")
                .allSatisfy(p -> assertThat(p).isNotEmpty());
        assertThat(c.changes()).filteredOn(ch -> ch.what().startsWith("an object without listed properties"))
                .allSatisfy(ch -> assertThat(ch.lossy()).isTrue());
        assertGeminiSchema(s, "open objects");
    }

    @Test
    void whereJsonSchemaIsAllowedObjectsWithoutPropertiesStayObjectsAndMapsKeepTheirValues() throws Exception {
        Converted c = GeminiWriter.convert(OPEN_OBJECTS, null, true);
        assertThat(c.jsonSchema()).isTrue();
        assertThat(c.lossy()).isFalse();
        assertThat(c.json()).isEqualTo("{\"type\":\"object\",\"properties\":{"
                + "\"headers\":{\"type\":\"object\",\"description\":\"Header name to value\","
                + "\"additionalProperties\":{\"type\":\"string\"}},"
                + "\"body\":{\"type\":\"object\"},"
                + "\"ops\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},"
                + "\"opt\":{\"description\":\"Options\",\"anyOf\":[{\"type\":\"object\"},{\"type\":\"null\"}]}},"
                + "\"required\":[\"headers\"],\"additionalProperties\":false}");
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(c.json());
        assertThat(schema.validate(tree("{\"headers\":{\"X-A\":\"1\"},\"body\":{\"a\":[1]},\"ops\":[{}],\"opt\":null}")))
                .isEmpty();
        assertThat(schema.validate(tree("{\"headers\":{\"X-A\":1}}"))).isNotEmpty();
        assertThat(schema.validate(tree("{\"headers\":{},\"extra\":1}"))).isNotEmpty();
    }

    private static final String NOT_A_STRING = "{\"type\":\"object\",\"properties\":{\"x\":{\"not\":{\"type\":\"string\"}}}}";

    @Test
    void aValueThatMustNotBeAStringNeverBecomesAStringAndTheDescriptionSaysSo() {
        Converted c = GeminiWriter.convert(NOT_A_STRING);
        JsonNode x = tree(c.json()).at("/properties/x");
        assertThat(x.toString()).isEqualTo("{\"type\":\"NUMBER\",\"description\":\"Must not be a string.\"}");
        assertThat(whats(c)).contains("/properties/x: the schema accepts any value but a string; Gemini's schema needs"
                + " one type, so it became NUMBER, one the original allows")
                .noneMatch(w -> w.contains("accepts any value;") || w.contains("became STRING"));
        assertGeminiSchema(tree(c.json()), "not a string");

        // a not of some values, not a whole type: the values move into the description
        JsonNode notX = converted("{\"type\":\"object\",\"properties\":{\"n\":{\"not\":{\"type\":\"null\"}},"
                + "\"s\":{\"type\":\"string\",\"not\":{\"enum\":[\"x\"]}}}}");
        assertThat(notX.at("/properties/n").toString()).isEqualTo("{\"type\":\"STRING\",\"description\":\"Must not be null.\"}");
        assertThat(notX.at("/properties/s/description").asText())
                .isEqualTo("Must not be a value matching the JSON Schema {\"enum\":[\"x\"]}.");
    }

    @Test
    void whereJsonSchemaIsAllowedANotOfATypeBecomesTheOtherTypesAndAcceptsTheSameValues() {
        Converted c = GeminiWriter.convert(NOT_A_STRING, null, true);
        assertThat(c.jsonSchema()).isTrue();
        assertThat(c.lossy()).isFalse();
        assertThat(tree(c.json()).at("/properties/x/description").asText()).isEqualTo("Must not be a string.");
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(c.json());
        for (String ok : List.of("1", "2.5", "true", "null", "[]", "{}")) {
            assertThat(schema.validate(tree("{\"x\":" + ok + "}"))).as(ok).isEmpty();
        }
        assertThat(schema.validate(tree("{\"x\":\"a\"}"))).isNotEmpty();
    }

    @Test
    void nullableSchemasBecomeAVariantBesideNullInJsonSchema() {
        Converted c = GeminiWriter.convert("{\"type\":\"object\",\"properties\":{\"m\":{\"type\":\"object\"},"
                + "\"s\":{\"type\":[\"string\",\"null\"],\"enum\":[\"a\",\"b\"],\"description\":\"S\"},"
                + "\"u\":{\"type\":[\"string\",\"integer\",\"null\"]}}}", null, true);
        JsonNode s = tree(c.json());
        assertThat(s.at("/properties/s").toString()).isEqualTo("{\"description\":\"S\",\"anyOf\":"
                + "[{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},{\"type\":\"null\"}]}");
        assertThat(s.at("/properties/u").toString())
                .isEqualTo("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"null\"}]}");
    }

    @Test
    void schemasTheSubsetHoldsStayInTheSubsetWhereJsonSchemaIsAllowed() {
        for (Map.Entry<String, String> e : corpusSchemas().entrySet()) {
            Converted subset = GeminiWriter.convert(e.getValue());
            Converted either = GeminiWriter.convert(e.getValue(), null, true);
            if (!subset.json().contains(GeminiSchema.JSON_TEXT)) {
                assertThat(either).as(e.getKey()).isEqualTo(subset);
            }
        }
        String plain = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}";
        assertThat(GeminiWriter.convert(plain, null, true).jsonSchema()).isFalse();
    }

    /**
     * An object closed to other keys: the subset cannot say so (a lossy change), JSON Schema can
     * (Gemini's API reference lists additionalProperties for responseJsonSchema, and its
     * parametersJsonSchema example closes the object), so a model that takes it gets it kept.
     */
    @Test
    void closedObjectGoesAsJsonSchemaWhereAllowed() {
        String closed = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"object\","
                + "\"properties\":{\"c\":{\"type\":\"integer\"}},\"additionalProperties\":false}},\"additionalProperties\":false}";
        Converted json = GeminiWriter.convert(closed, null, true);
        assertThat(json.jsonSchema()).isTrue();
        assertThat(json.lossy()).isFalse();
        assertThat(json.json()).isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"object\","
                + "\"properties\":{\"c\":{\"type\":\"integer\"}},\"additionalProperties\":false}},\"additionalProperties\":false}");
        Converted subset = GeminiWriter.convert(closed, null, false);
        assertThat(subset.jsonSchema()).isFalse();
        assertThat(subset.lossy()).isTrue();
    }

    @Test
    void mapAtTheRootGoesAsJsonSchemaWhereAllowedAndAsNoParametersElsewhere() {
        String map = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}";
        Converted subset = GeminiWriter.convert(map);
        assertThat(subset.noParameters()).isTrue();
        assertThat(subset.lossy()).isTrue();
        Converted json = GeminiWriter.convert(map, null, true);
        assertThat(json.noParameters()).isFalse();
        assertThat(json.json()).isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"}}");
        // an object that says nothing more still means a tool without parameters
        assertThat(GeminiWriter.convert("{\"type\":\"object\"}", null, true).noParameters()).isTrue();
        assertThat(GeminiWriter.convert("{\"type\":\"object\"}", null, true).jsonSchema()).isFalse();
    }

    @Test
    void describeListsLossyChangesFirstAndCountsTheRest() {
        Converted c = GeminiWriter.convert(KITCHEN_SINK_SCHEMA);
        String line = c.describe(2);
        assertThat(line).matches(".+; .+; and \\d+ more");
        assertThat(c.changes().stream().filter(SchemaChange::lossy).map(SchemaChange::toString).toList())
                .startsWith(line.split("; ")[0]);
    }

    // ------------------------------------------------------------------ corpus and invariants

    @Test
    void nestedEnumsAndFormatsOfTheCorpusToolsSurvive() {
        Map<String, String> schemas = corpusSchemas();
        Converted search = GeminiWriter.convert(schemas.get("10-tools-nested-enums-cache/search_orders"));
        assertThat(search.changes()).isEmpty();
        JsonNode s = tree(search.json());
        assertThat(s.at("/properties/statuses/items/enum")).hasSize(7);
        assertThat(s.at("/properties/statuses/minItems").asInt()).isEqualTo(1);
        assertThat(s.at("/properties/customer_email/format").asText()).isEqualTo("email");
        assertThat(s.at("/properties/placed_between/required").toString()).isEqualTo("[\"from\"]");
        Converted ship = GeminiWriter.convert(schemas.get("10-tools-nested-enums-cache/create_shipment"));
        assertThat(ship.changes()).isEmpty();
        assertThat(tree(ship.json()).at("/properties/parcels/items/properties/line_items/items/properties/quantity/minimum")
                .asInt()).isEqualTo(1);
        Converted refund = GeminiWriter.convert(schemas.get("10-tools-nested-enums-cache/refund_order"));
        assertThat(whats(refund)).containsExactly("/properties/amount/exclusiveMinimum: exclusiveMinimum 0 became minimum 0:"
                + " Gemini has no exclusive bounds, so 0 itself is now allowed");
    }

    @Test
    void everyConvertedSchemaUsesOnlyGeminiSchemaFields() {
        Map<String, String> schemas = new LinkedHashMap<>(corpusSchemas());
        schemas.put("kitchen-sink", KITCHEN_SINK_SCHEMA);
        assertThat(schemas).hasSizeGreaterThan(15);
        for (Map.Entry<String, String> e : schemas.entrySet()) {
            assertGeminiSchema(tree(GeminiWriter.convert(e.getValue()).json()), e.getKey());
        }
    }

    @Test
    void convertingAConvertedSchemaChangesNothing() {
        Map<String, String> schemas = new LinkedHashMap<>(corpusSchemas());
        schemas.put("kitchen-sink", KITCHEN_SINK_SCHEMA);
        for (Map.Entry<String, String> e : schemas.entrySet()) {
            Converted once = GeminiWriter.convert(e.getValue());
            Converted twice = GeminiWriter.convert(once.json());
            assertThat(twice.json()).as(e.getKey()).isEqualTo(once.json());
            assertThat(twice.changes()).as(e.getKey()).isEmpty();
        }
    }

    @Test
    void numbersAreKeptAsWritten() {
        JsonNode s = converted("{\"type\":\"object\",\"properties\":{\"t\":{\"type\":\"number\",\"minimum\":0.10,"
                + "\"maximum\":1e3,\"default\":0.5}}}");
        assertThat(s.at("/properties/t/minimum").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(s.at("/properties/t/maximum").decimalValue()).isEqualByComparingTo("1000");
        assertThat(s.at("/properties/t/default").decimalValue()).isEqualByComparingTo("0.5");
    }

    private static void assertGeminiSchema(JsonNode s, String where) {
        assertThat(s.isObject()).as(where).isTrue();
        List<String> unknown = new ArrayList<>();
        s.fieldNames().forEachRemaining(k -> {
            if (!SCHEMA_FIELDS.contains(k)) {
                unknown.add(k);
            }
        });
        assertThat(unknown).as(where).isEmpty();
        assertThat(s.path("type").asText()).as(where + "/type").isIn(TYPES);
        if (s.has("enum")) {
            s.path("enum").forEach(v -> assertThat(v.isTextual()).as(where + "/enum").isTrue());
            assertThat(s.path("type").asText()).isEqualTo("STRING");
        }
        if (s.path("type").asText().equals("ARRAY")) {
            assertThat(s.has("items")).as(where + " array has items").isTrue();
        }
        if (s.has("required")) {
            s.path("required").forEach(r -> assertThat(s.path("properties").has(r.asText())).as(where + "/required").isTrue());
        }
        if (s.has("items")) {
            assertGeminiSchema(s.get("items"), where + "/items");
        }
        s.path("properties").properties().forEach(p -> assertGeminiSchema(p.getValue(), where + "/properties/" + p.getKey()));
        int i = 0;
        for (JsonNode b : s.path("anyOf")) {
            assertGeminiSchema(b, where + "/anyOf/" + (i++));
        }
    }

    /** Every tool input schema in corpus/*&#47;input.json, keyed {@code case/tool}. */
    static Map<String, String> corpusSchemas() {
        Map<String, String> out = new LinkedHashMap<>();
        Path corpus = Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
        try (Stream<Path> dirs = Files.list(corpus)) {
            for (Path dir : dirs.sorted().toList()) {
                Path in = dir.resolve("input.json");
                if (!Files.isRegularFile(in)) {
                    continue;
                }
                JsonNode req = JSON.readTree(Files.readString(in, StandardCharsets.UTF_8));
                for (JsonNode tool : req.path("tools")) {
                    if (tool.has("input_schema")) {
                        out.put(dir.getFileName() + "/" + tool.path("name").asText(), tool.get("input_schema").toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
