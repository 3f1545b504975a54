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
    void keywordsStrictModeDoesNotTakeAreNamedEachAtItsFirstPlace() {
        assertThat(StrictSchema.problems("""
                {"type":"object","properties":{
                  "s":{"type":"string","minLength":2,"maxLength":5},
                  "t":{"type":"array","items":{"type":"string"},"uniqueItems":true},
                  "u":{"type":"string","format":"uri"},
                  "v":{"oneOf":[{"type":"string"},{"type":"string","pattern":"^a"}]},
                  "w":{"not":{"type":"null"}}},
                 "required":["s","t","u","v","w"],"additionalProperties":false}"""))
                .containsExactly("the keyword minLength at /properties/s", "the keyword maxLength at /properties/s",
                        "the keyword uniqueItems at /properties/t", "the string format \"uri\" at /properties/u",
                        "oneOf whose variants can match the same value (strict mode has anyOf only) at /properties/v",
                        "the keyword not at /properties/w");
    }

    @Test
    void keywordsOfOpenAisSupportedListPass() {
        assertThat(StrictSchema.problems("""
                {"type":"object","title":"T","description":"D","$defs":{"d":{"type":"string","format":"date"}},
                 "properties":{
                  "s":{"type":"string","pattern":"^[a-z]+$","format":"email"},
                  "n":{"type":"number","multipleOf":0.5,"minimum":0,"exclusiveMaximum":10},
                  "i":{"type":["integer","null"],"maximum":5,"exclusiveMinimum":0},
                  "a":{"type":"array","items":{"$ref":"#/$defs/d"},"minItems":1,"maxItems":3},
                  "e":{"enum":["x","y"]},
                  "u":{"anyOf":[{"type":"string"},{"type":"null"}]}},
                 "required":["s","n","i","a","e","u"],"additionalProperties":false}""")).isEmpty();
    }

    @Test
    void aRootUnionAndSizesOverOpenAisLimitsAreNamed() {
        assertThat(StrictSchema.problems("""
                {"type":"object","anyOf":[{"properties":{"a":{"type":"string"}}}],"additionalProperties":false}"""))
                .contains("anyOf at the root");
        StringBuilder enumValues = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            enumValues.append(i == 0 ? "" : ",").append('"').append("v").append(i).append('"');
        }
        assertThat(StrictSchema.problems("{\"type\":\"object\",\"properties\":{\"e\":{\"type\":\"string\",\"enum\":["
                + enumValues + "]}},\"required\":[\"e\"],\"additionalProperties\":false}"))
                .containsExactly("more than 1,000 enum values in all (1,001)");
    }

    @Test
    void aRootThatIsNotAnObjectAndTextThatIsNotJsonAreNamed() {
        assertThat(StrictSchema.problems("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"))
                .containsExactly("a root that is not an object");
        assertThat(StrictSchema.problems("{oops")).containsExactly("a schema that is not JSON");
    }
}
