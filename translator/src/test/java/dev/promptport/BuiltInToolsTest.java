package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude's built-in tools that the caller's code runs (bash, the text editor, memory) reach other
 * vendors as function tools with the same name and input fields, so the calls keep the shape the
 * caller already handles; computer use stays out.
 */
class BuiltInToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":1024,
             "tools":[{"type":"bash_20250124","name":"bash"},{"type":"%s","name":"%s"},
                      {"type":"memory_20250818","name":"memory"},
                      {"type":"computer_20250124","name":"computer","display_width_px":1024,"display_height_px":768}],
             "messages":[{"role":"user","content":"Fix the failing test."},
               {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"%2$s",
                 "input":{"command":"view","path":"/repo/tests/test_app.py"}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"1: assert 1 == 2"}]}]}""";

    private static Translation translate(String editorType, String editorName, String target) {
        return PromptPort.translate(REQUEST.formatted(editorType, editorName), Target.of(target));
    }

    private static List<String> names(JsonNode tools) {
        List<String> out = new ArrayList<>();
        tools.forEach(t -> out.add(t.at("/function/name").asText()));
        return out;
    }

    @Test
    void bashEditorAndMemoryBecomeFunctionToolsWithClaudesInputFields() throws Exception {
        Translation t = translate("text_editor_20250728", "str_replace_based_edit_tool", "openai:gpt-4o");
        JsonNode out = JSON.readTree(t.json());
        assertThat(names(out.path("tools"))).containsExactly("bash", "str_replace_based_edit_tool", "memory");
        JsonNode editor = out.at("/tools/1/function/parameters");
        assertThat(editor.at("/properties/command/enum").toString()).isEqualTo("[\"view\",\"create\",\"str_replace\",\"insert\"]");
        assertThat(editor.path("properties").fieldNames()).toIterable()
                .containsExactly("command", "path", "file_text", "old_str", "new_str", "insert_line", "view_range");
        assertThat(out.at("/tools/0/function/parameters/properties").fieldNames()).toIterable().containsExactly("command", "restart");
        assertThat(out.at("/tools/2/function/parameters/properties/insert_text/type").asText()).isEqualTo("string");
        // the history's call names the same function, with Claude's input as its arguments
        assertThat(out.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("str_replace_based_edit_tool");
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP176")).count()).isEqualTo(3);
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void computerUseStaysOutAsABlocker() {
        Translation t = translate("text_editor_20250728", "str_replace_based_edit_tool", "openai:gpt-4o");
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP119");
            assertThat(f.location().pointer()).isEqualTo("/tools/3");
            assertThat(f.severity()).isEqualTo(Severity.BLOCKER);
        });
        assertThat(t.json()).doesNotContain("\"computer\"");
    }

    @Test
    void theOlderEditorKeepsItsUndoCommand() throws Exception {
        JsonNode out = JSON.readTree(translate("text_editor_20250124", "str_replace_editor", "openai-responses:gpt-4o").json());
        JsonNode editor = out.at("/tools/1");
        assertThat(editor.path("name").asText()).isEqualTo("str_replace_editor");
        assertThat(editor.at("/parameters/properties/command/enum").toString()).contains("\"undo_edit\"");
        assertThat(editor.path("description").asText()).contains("undo_edit");
        OpenAiSpec.require().assertCleanResponsesRequest(out.toString());
    }

    @Test
    void claudeKeepsItsBuiltInToolsAsTheyAre() throws Exception {
        Translation t = translate("text_editor_20250728", "str_replace_based_edit_tool", "anthropic:claude-sonnet-4-5");
        JsonNode tools = JSON.readTree(t.json()).path("tools");
        assertThat(tools.get(0).path("type").asText()).isEqualTo("bash_20250124");
        assertThat(tools.get(3).path("display_width_px").asInt()).isEqualTo(1024);
        assertThat(t.findings()).noneSatisfy(f -> assertThat(f.id()).isIn("PP176", "PP119"));
    }

    @Test
    void geminiTakesTheFunctionsWithoutSchemaChanges() throws Exception {
        Translation t = translate("text_editor_20250728", "str_replace_based_edit_tool", "gemini:gemini-2.5-pro");
        JsonNode decls = JSON.readTree(t.json()).at("/tools/0/functionDeclarations");
        assertThat(decls).hasSize(3);
        assertThat(decls.get(1).at("/parameters/properties/view_range/items/type").asText()).isEqualTo("INTEGER");
        assertThat(t.findings()).noneSatisfy(f -> assertThat(f.id()).isIn("PP154", "PP155"));
    }
}
