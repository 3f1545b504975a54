package dev.promptport.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaudeSchemaRefsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String problem(String schema) throws Exception {
        return ClaudeSchemaRefs.problem(JSON.readTree(schema));
    }

    @Test
    void aTreeWhoseChildrenReferToTheRootIsNamedWhereTheLoopStarts() throws Exception {
        assertThat(problem("""
                {"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}}}"""))
                .isEqualTo("a schema that refers to itself at /properties/children/items");
    }

    @Test
    void definitionsThatReferToEachOtherInALoopAreRecursive() throws Exception {
        assertThat(problem("""
                {"type":"object","properties":{"a":{"$ref":"#/$defs/A"}},
                 "$defs":{"A":{"type":"object","properties":{"b":{"$ref":"#/$defs/B"}}},
                          "B":{"type":"object","properties":{"a":{"$ref":"#/$defs/A"}}}}}"""))
                .isEqualTo("a schema that refers to itself at /properties/a");
    }

    @Test
    void aDefinitionUsedTwiceIsNotALoop() throws Exception {
        assertThat(problem("""
                {"type":"object","properties":{"home":{"$ref":"#/$defs/addr"},"work":{"$ref":"#/$defs/addr"},
                  "both":{"type":"array","items":{"$ref":"#/$defs/addr"}}},
                 "$defs":{"addr":{"type":"object","properties":{"geo":{"$ref":"#/$defs/geo"}}},"geo":{"type":"number"}}}"""))
                .isNull();
    }

    @Test
    void aReferenceToAnotherDocumentIsNamed() throws Exception {
        assertThat(problem("""
                {"type":"object","properties":{"a":{"$ref":"https://example.com/a.json"}}}"""))
                .isEqualTo("a reference to another document, \"https://example.com/a.json\", at /properties/a");
    }

    @Test
    void aPropertyNamedRefIsNotAReference() throws Exception {
        assertThat(problem("""
                {"type":"object","properties":{"$ref":{"type":"string"}},"enum":[{"$ref":"#"}]}""")).isNull();
    }
}
