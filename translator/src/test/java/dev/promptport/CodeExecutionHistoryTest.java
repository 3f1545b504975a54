package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code that ran on the vendor's side earlier in a conversation: Claude's Python runs reach
 * Gemini as Gemini's own code execution parts, Gemini's own parts go back to Gemini as they came,
 * and every other vendor is told what it cannot see.
 */
class CodeExecutionHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLAUDE_RUN = """
            {"model":"claude-sonnet-4-5","max_tokens":1024,"tools":[{"type":"code_execution_20250522","name":"code_execution"}],
             "messages":[{"role":"user","content":"What is 2^100?"},
              {"role":"assistant","content":[{"type":"text","text":"Let me compute."},
               {"type":"server_tool_use","id":"srvtoolu_1","name":"code_execution","input":{"code":"print(2**100)"}},
               {"type":"code_execution_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"code_execution_result",
                "stdout":"1267650600228229401496703205376\\n","stderr":"","return_code":0,"content":[]}},
               {"type":"text","text":"It is 1267650600228229401496703205376."}]},
              {"role":"user","content":"And 2^200?"}]}""";

    @Test
    void claudesPythonRunsReachGeminiAsItsOwnCodeExecutionParts() throws Exception {
        Translation t = PromptPort.translate(CLAUDE_RUN, Target.of("gemini:gemini-2.5-pro"));
        JsonNode parts = JSON.readTree(t.json()).at("/contents/1/parts");
        assertThat(parts.at("/1/executableCode/code").asText()).isEqualTo("print(2**100)");
        assertThat(parts.at("/1/executableCode/language").asText()).isEqualTo("PYTHON");
        assertThat(parts.at("/2/codeExecutionResult/outcome").asText()).isEqualTo("OUTCOME_OK");
        assertThat(parts.at("/2/codeExecutionResult/output").asText()).isEqualTo("1267650600228229401496703205376\n");
        assertThat(t.findings()).noneSatisfy(f -> assertThat(f.id()).isIn("PP164", "PP129"));
    }

    @Test
    void otherVendorsAreToldWhatTheyCannotSee() {
        Translation t = PromptPort.translate(CLAUDE_RUN, Target.of("openai:gpt-4o"));
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP164")).map(f -> f.location().pointer()))
                .containsExactly("/messages/1/content/1", "/messages/1/content/2");
        assertThat(t.json()).doesNotContain("print(2**100)");
    }

    @Test
    void claudeGetsItsOwnBlocksBackAsTheyCame() throws Exception {
        Translation t = PromptPort.translate(CLAUDE_RUN, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(JSON.readTree(t.json()).at("/messages/1/content/2/content/stdout").asText())
                .isEqualTo("1267650600228229401496703205376\n");
        ClaudeSdk.assertValidRequest(t.json());
    }

    @Test
    void geminisOwnCodeRunsGoBackToGeminiAsTheyCame() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"What is 2^100?"}]},
                  {"role":"model","parts":[{"executableCode":{"language":"PYTHON","code":"print(2**100)"}},
                    {"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"1267650600228229401496703205376\\n"}},
                    {"text":"It is 1267650600228229401496703205376."}]},
                  {"role":"user","parts":[{"text":"And 2^200?"}]}],
                 "tools":[{"codeExecution":{}}]}""", InputFormat.GEMINI, Target.of("gemini:gemini-2.5-flash"), Options.DEFAULT);
        JsonNode parts = JSON.readTree(t.json()).at("/contents/1/parts");
        assertThat(parts.at("/0/executableCode/code").asText()).isEqualTo("print(2**100)");
        assertThat(parts.at("/1/codeExecutionResult/output").asText()).startsWith("1267650600228229401496703205376");
        assertThat(t.findings()).noneSatisfy(f -> assertThat(f.id()).isEqualTo("PP129"));
    }

    @Test
    void aToolSearchReferenceInAToolResultIsSentAsTextAndNamed() {
        Translation t = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"name":"look","input_schema":{"type":"object"}}],"messages":[
                 {"role":"user","content":"Look."},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t2","name":"look","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t2","content":[{"type":"tool_reference","tool_name":"look"}]}]}]}""",
                Target.of("openai:gpt-4o"));
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP216");
            assertThat(f.location().pointer()).isEqualTo("/messages/2/content/0/content/0");
        });
        assertThat(t.json()).contains("\"tool_call_id\":\"t2\"", "[Tool available: look]");
    }
}
