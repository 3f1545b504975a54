package dev.promptport.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Tool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files of tool definitions in the shapes agents and MCP servers keep them. */
class ToolFileReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Conversation read(String json) {
        return ToolFileReader.read(json, Limits.DEFAULTS);
    }

    private static Tool.Function function(Conversation c, int i) {
        return (Tool.Function) c.tools().get(i);
    }

    @Test
    void aListOfAnthropicToolsKeepsNamesDescriptionsSchemasAndPlaces() {
        Conversation c = read("""
                [{"name":"get_weather","description":"Weather now.","input_schema":{"type":"object","properties":{"city":{"type":"string"}}},
                  "cache_control":{"type":"ephemeral"}},
                 {"type":"bash_20250124","name":"bash"}]""");
        assertThat(c.source()).isEqualTo(SourceKind.TOOL_FILE);
        assertThat(c.turns()).isEmpty();
        assertThat(function(c, 0).name()).isEqualTo("get_weather");
        assertThat(function(c, 0).schema().json()).contains("\"city\"");
        assertThat(function(c, 0).cache().type()).isEqualTo("ephemeral");
        assertThat(function(c, 0).loc().pointer()).isEqualTo("/0");
        assertThat(c.tools().get(1)).isInstanceOfSatisfying(Tool.Hosted.class,
                h -> assertThat(h.kind()).isEqualTo(Tool.HostedKind.BASH));
        assertThat(c.extras()).isEmpty();
    }

    @Test
    void openAiAndMcpShapesUnderToolsAreRead() {
        Conversation c = read("""
                {"tools":[{"type":"function","function":{"name":"view","parameters":{"type":"object"},"strict":true}},
                          {"name":"search","description":"Search the docs.","inputSchema":{"type":"object","properties":{"q":{"type":"string"}}},
                           "annotations":{"readOnlyHint":true}}],
                 "nextCursor":null}""");
        assertThat(function(c, 0).name()).isEqualTo("view");
        assertThat(function(c, 0).strict()).isTrue();
        assertThat(function(c, 0).loc().pointer()).isEqualTo("/tools/0/function");
        assertThat(function(c, 1).schema().json()).contains("\"q\"");
        assertThat(c.extras()).extracting(e -> e.loc().pointer()).containsExactly("/tools/1/annotations", "/nextCursor");
    }

    @Test
    void anObjectOfDefinitionsByNameNamesEachToolByItsKey() {
        Conversation c = read("""
                {"lov-add-dependency":{"description":"Add an npm package.","parameters":{"type":"object","properties":{"package":{"type":"string"}}}},
                 "todo_write":{"description":"Keep a task list."}}""");
        assertThat(c.tools()).extracting(Tool::name).containsExactly("lov-add-dependency", "todo_write");
        assertThat(function(c, 1).schema().json()).isEqualTo("{\"type\":\"object\",\"properties\":{}}");
        assertThat(function(c, 0).loc().pointer()).isEqualTo("/lov-add-dependency");
    }

    @Test
    void aToolWithoutANameIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> read("{\"tools\":[{\"type\":\"function\",\"function\":{\"parameters\":{}}}]}"))
                .isInstanceOfSatisfying(PromptPortException.class,
                        e -> assertThat(e.location().pointer()).isEqualTo("/tools/0/function"))
                .hasMessageContaining("no \"name\"");
    }

    @Test
    void aRequestIsNotAToolFileAndSaysSo() throws Exception {
        assertThat(ToolFileReader.looksLikeToolFile(JSON.readTree("{\"messages\":[],\"tools\":[]}"))).isFalse();
        assertThat(ToolFileReader.looksLikeToolFile(JSON.readTree("{\"model\":\"x\",\"max_tokens\":5}"))).isFalse();
        assertThat(ToolFileReader.looksLikeToolFile(JSON.readTree("[1, 2]"))).isFalse();
        assertThat(ToolFileReader.looksLikeToolFile(JSON.readTree("[{\"name\":\"a\"}]"))).isTrue();
        assertThatThrownBy(() -> read("{\"model\":\"x\"}")).isInstanceOf(PromptPortException.class)
                .hasMessageContaining("expected a list of tools");
        assertThatThrownBy(() -> read("[1]")).isInstanceOfSatisfying(PromptPortException.class,
                e -> assertThat(e.location().pointer()).isEqualTo("/0"));
    }

    @Test
    void aToolFileWithTwoToolsOfOneNameIsRefusedAsARequestWouldBe() {
        assertThatThrownBy(() -> read("""
                {"tools":[{"name":"lookup","input_schema":{"type":"object"}},
                          {"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}]}"""))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/tools/1/function");
                    assertThat(e.getMessage()).contains("two tools are named \"lookup\"", "/tools/0");
                });
    }

    @Test
    void aToolDefinedByNameAndAgainInsideAnotherDefinitionIsRefused() {
        assertThatThrownBy(() -> read("""
                {"search":{"description":"Finds pages.","inputSchema":{"type":"object"}},
                 "search_v2":{"name":"search","description":"Finds pages, newer.","inputSchema":{"type":"object"}}}"""))
                .isInstanceOfSatisfying(PromptPortException.class,
                        e -> assertThat(e.location().pointer()).isEqualTo("/search_v2"));
    }
}
