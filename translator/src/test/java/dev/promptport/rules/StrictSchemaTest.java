package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictSchemaTest {

    @Test
    void schemaWithEveryPropertyRequiredAndNoOthersIsStrict() {
        assertThat(StrictSchema.problems("""
                {"type":"object","properties":{"a":{"type":"string"},
                 "b":{"type":"array","items":{"type":"object","properties":{"c":{"type":"integer"}},
                      "required":["c"],"additionalProperties":false}}},
                 "required":["a","b"],"additionalProperties":false}""")).isEmpty();
    }

    @Test
    void eachKindOfProblemIsNamedOnceWithWhereItFirstOccurs() {
        assertThat(StrictSchema.problems("""
                {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"},
                 "n":{"type":"object","properties":{"x":{"type":"string"}}}},"required":["b","n"]}"""))
                .containsExactly("objects that allow properties they do not list at the root",
                        "optional properties at /properties/a");
    }

    @Test
    void definitionsAndAlternativesAreCheckedToo() {
        assertThat(StrictSchema.problems("""
                {"type":"object","properties":{"p":{"$ref":"#/$defs/P"}},"required":["p"],"additionalProperties":false,
                 "$defs":{"P":{"anyOf":[{"type":"null"},{"type":"object","properties":{"q":{"type":"string"}},
                   "additionalProperties":false}]}}}"""))
                .containsExactly("optional properties at /$defs/P/anyOf/1/properties/q");
    }

    @Test
    void aRootThatIsNotAnObjectAndTextThatIsNotJsonAreNamed() {
        assertThat(StrictSchema.problems("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"))
                .containsExactly("a root that is not an object");
        assertThat(StrictSchema.problems("{oops")).containsExactly("a schema that is not JSON");
    }
}
