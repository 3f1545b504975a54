package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** A file of tool definitions translates into the tools of the target's request, with the tools' findings only. */
class ToolFileTranslateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TOOLS = """
            {"tools":[{"name":"crm.lookup","description":"Find a customer.",
                       "input_schema":{"type":"object","properties":{"email":{"type":"string","format":"email"}},
                                       "required":["email"],"additionalProperties":false}},
                      {"type":"text_editor_20250728","name":"str_replace_based_edit_tool"}]}""";

    private static Translation translate(String target) {
        return PromptPort.translate(TOOLS, InputFormat.TOOLS, Target.of(target), Options.DEFAULT);
    }

    @Test
    void toolsBecomeTheToolsOfAnOpenAiRequest() throws Exception {
        Translation t = translate("openai:gpt-4o");
        JsonNode out = JSON.readTree(t.json());
        assertThat(out.fieldNames()).toIterable().containsExactly("tools");
        assertThat(out.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(out.at("/tools/0/function/name").asText()).isEqualTo("crm_lookup");
        assertThat(out.at("/tools/1/function/name").asText()).isEqualTo("str_replace_based_edit_tool");
        assertThat(ids(t)).contains("PP124", "PP176").doesNotContain("PP141", "PP151", "PP116");
    }

    @Test
    void geminiGetsFunctionDeclarationsAndTheSchemaFindings() throws Exception {
        Translation t = translate("gemini:gemini-2.5-pro");
        JsonNode decls = JSON.readTree(t.json()).at("/tools/0/functionDeclarations");
        assertThat(decls).hasSize(2);
        // the schema closes the object (additionalProperties: false), which only plain JSON Schema can say
        assertThat(decls.at("/0/parametersJsonSchema/properties/email/type").asText()).isEqualTo("string");
        assertThat(decls.at("/0/parametersJsonSchema/additionalProperties").asBoolean(true)).isFalse();
        assertThat(ids(t)).doesNotContain("PP141", "PP154");
        JsonNode older = JSON.readTree(translate("gemini:gemini-2.0-flash").json()).at("/tools/0/functionDeclarations");
        assertThat(older.at("/0/parameters/properties/email/type").asText()).isEqualTo("STRING");
    }

    @Test
    void claudeKeepsItsBuiltInToolAndGetsAValidName() throws Exception {
        Translation t = translate("anthropic:claude-sonnet-4-5");
        JsonNode out = JSON.readTree(t.json());
        // Claude's tool names follow the same pattern as OpenAI's
        assertThat(out.at("/tools/0/name").asText()).isEqualTo("crm_lookup");
        assertThat(out.at("/tools/1/type").asText()).isEqualTo("text_editor_20250728");
        assertThat(ids(t)).doesNotContain("PP151");
    }

    @Test
    void schemaFindingsPointAtTheFieldThatHoldsTheSchema() {
        Translation mcp = PromptPort.translate("""
                {"tools":[{"name":"find","inputSchema":{"type":"object","properties":{"q":{"type":"string","const":"x"}},"additionalProperties":false}}]}""",
                InputFormat.TOOLS, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        Translation openAi = PromptPort.translate("""
                [{"type":"function","function":{"name":"find","parameters":{"type":"object","properties":{"q":{"type":"string","const":"x"}},"additionalProperties":false}}}]""",
                InputFormat.TOOLS, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(mcp.findings()).filteredOn(f -> f.id().startsWith("PP15")).extracting(f -> f.location().pointer())
                .containsExactly("/tools/0/inputSchema");
        assertThat(openAi.findings()).filteredOn(f -> f.id().startsWith("PP15")).extracting(f -> f.location().pointer())
                .containsExactly("/0/function/parameters");
    }
}
