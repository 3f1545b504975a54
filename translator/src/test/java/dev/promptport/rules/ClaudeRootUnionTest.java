package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Claude refuses a tool schema with anyOf, oneOf or allOf at its root; folded, the request goes through. */
class ClaudeRootUnionTest {

    private static String folded(String schema) {
        return ClaudeRootUnion.of(schema).schema().json();
    }

    @Test
    void aRootAnyOfFromAnOpenAiRequestBecomesOneObjectClaudeTakes() {
        String request = """
                {"model":"gpt-4o","messages":[{"role":"user","content":"Find it."}],
                 "tools":[{"type":"function","function":{"name":"find","parameters":{"anyOf":[
                   {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]},
                   {"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}]}}}]}
                """;
        Translation t = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        assertThat(t.json()).contains("\"input_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                + "\"path\":{\"type\":\"string\"}},\"description\":\"Give at least one of: id; or path.\"}")
                .doesNotContain("anyOf");
        assertThat(t.findings()).extracting(Finding::id).contains("PP154");
    }

    @Test
    void alternativesThatOnlyRequireFieldsLeaveTheRootsPropertiesAndNameTheChoice() {
        ClaudeRootUnion.Fold fold = ClaudeRootUnion.of("""
                {"type":"object","description":"Look up an issue.","properties":{"id":{"type":"string"},"key":{"type":"string"}},
                 "oneOf":[{"required":["id"]},{"required":["key"]}]}""");
        assertThat(fold.schema().json()).isEqualTo("{\"type\":\"object\",\"description\":\"Look up an issue. Give exactly one of: "
                + "id; or key.\",\"properties\":{\"id\":{\"type\":\"string\"},\"key\":{\"type\":\"string\"}}}");
        assertThat(fold.lossy()).isTrue();
    }

    @Test
    void aRootAllOfOfPlainObjectsFoldsWithoutLoss() {
        ClaudeRootUnion.Fold fold = ClaudeRootUnion.of("""
                {"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},
                          {"properties":{"b":{"type":"integer"}},"required":["b"]}]}""");
        assertThat(fold.schema().json()).isEqualTo("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
                + "\"b\":{\"type\":\"integer\"}},\"required\":[\"a\",\"b\"]}");
        assertThat(fold.lossy()).isFalse();
    }

    @Test
    void aPropertyTwoAlternativesDefineDifferentlyTakesBoth() {
        assertThat(folded("""
                {"anyOf":[{"properties":{"n":{"type":"string"}},"required":["n"]},
                          {"properties":{"n":{"type":"integer"}},"required":["n"]}]}"""))
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"n\":{\"anyOf\":[{\"type\":\"string\"},"
                        + "{\"type\":\"integer\"}]}},\"required\":[\"n\"]}");
    }

    @Test
    void aLocalReferenceIsFollowedAndAPartThatIsNoObjectIsLeftOut() {
        assertThat(folded("""
                {"$defs":{"ById":{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}},
                 "anyOf":[{"$ref":"#/$defs/ById"},{"type":"string"}]}"""))
                .isEqualTo("{\"type\":\"object\",\"$defs\":{\"ById\":{\"type\":\"object\",\"properties\":{\"id\":"
                        + "{\"type\":\"string\"}},\"required\":[\"id\"]}},\"properties\":{\"id\":{\"type\":\"string\"}},"
                        + "\"required\":[\"id\"]}");
    }

    @Test
    void aSchemaWithUnionsOnlyBelowTheRootIsLeftAsWritten() {
        assertThat(ClaudeRootUnion.of("{\"type\":\"object\",\"properties\":{\"v\":{\"anyOf\":[{\"type\":\"string\"},"
                + "{\"type\":\"null\"}]}}}")).isNull();
        assertThat(ClaudeRootUnion.of("{\"type\":\"array\",\"anyOf\":[]}")).isNull();
    }
}
