package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Picoschema as google/dotprompt's spec/picoschema.yaml expects it converted. */
class PicoschemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode converted(String yaml) throws Exception {
        return Picoschema.toJsonSchema(YAML.readTree(yaml));
    }

    private static JsonNode json(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void scalarWithADescriptionAfterTheComma() throws Exception {
        assertThat(converted("string")).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(converted("number,    the description, which has, multiple commas"))
                .isEqualTo(json("{\"type\":\"number\",\"description\":\"the description, which has, multiple commas\"}"));
    }

    @Test
    void optionalFieldIsNullableAndNotRequired() throws Exception {
        assertThat(converted("req: string, required field\nnonreq?: boolean, optional field\n")).isEqualTo(json("""
                {"type":"object","additionalProperties":false,"required":["req"],"properties":{
                 "req":{"type":"string","description":"required field"},
                 "nonreq":{"type":["boolean","null"],"description":"optional field"}}}"""));
    }

    @Test
    void arraysAndNestedObjects() throws Exception {
        assertThat(converted("tags(array, list of tags): string, the tag\nvector(array): number\n")).isEqualTo(json("""
                {"type":"object","additionalProperties":false,"required":["tags","vector"],"properties":{
                 "tags":{"type":"array","description":"list of tags","items":{"type":"string","description":"the tag"}},
                 "vector":{"type":"array","items":{"type":"number"}}}}"""));
        assertThat(converted("obj?(object, a nested object):\n  nest1?: string\narr(array, array of objects):\n  nest2?: boolean\n"))
                .isEqualTo(json("""
                {"type":"object","additionalProperties":false,"required":["arr"],"properties":{
                 "obj":{"type":["object","null"],"description":"a nested object","additionalProperties":false,
                        "properties":{"nest1":{"type":["string","null"]}}},
                 "arr":{"type":"array","description":"array of objects","items":{"type":"object",
                        "additionalProperties":false,"properties":{"nest2":{"type":["boolean","null"]}}}}}}"""));
    }

    @Test
    void enumAnyAndWildcard() throws Exception {
        assertThat(converted("color?(enum, the enum): [RED, BLUE, GREEN]\n")).isEqualTo(json("""
                {"type":"object","additionalProperties":false,"properties":{
                 "color":{"description":"the enum","enum":["RED","BLUE","GREEN",null]}}}"""));
        assertThat(converted("first: any\nsecond?: any, could be anything\n")).isEqualTo(json("""
                {"type":"object","additionalProperties":false,"required":["first"],"properties":{
                 "first":{},"second":{"description":"could be anything"}}}"""));
        assertThat(converted("otherField: string, another string\n(*): any, whatever you want\n")).isEqualTo(json("""
                {"type":"object","required":["otherField"],"additionalProperties":{"description":"whatever you want"},
                 "properties":{"otherField":{"type":"string","description":"another string"}}}"""));
    }

    @Test
    void jsonSchemaIsTakenAsItIs() throws Exception {
        assertThat(converted("type: string\n")).isEqualTo(json("{\"type\":\"string\"}"));
        assertThat(converted("properties:\n  foo: {type: string}\n"))
                .isEqualTo(json("{\"type\":\"object\",\"properties\":{\"foo\":{\"type\":\"string\"}}}"));
    }

    @Test
    void schemaRegisteredByNameOrOfAnUnknownKindIsNotConverted() throws Exception {
        assertThat(converted("Foo, an overridden foo")).isNull();
        assertThat(converted("foo: Foo\n")).isNull();
        assertThat(converted("a(list): string\n")).isNull();
        assertThat(converted("a(enum): RED\n")).isNull();
        assertThat(converted("- a\n")).isNull();
    }
}
