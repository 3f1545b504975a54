package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A content block of a type no vendor knows (a client's own) is left out for every target,
 * Claude included, and named with any text it held (PP129); Claude's own block types go to Claude.
 */
class UnknownBlockTypesTest {

    private static final String REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "messages":[{"role":"user","content":[{"type":"text","text":"hi"},
               {"type":"client_note","text":"remember the blue folder","meta":{"pinned":true}}]},
              {"role":"assistant","content":[{"type":"text","text":"ok"},{"type":"widget_state","data":"abc"}]},
              {"role":"user","content":"go"}]}
            """;

    private static Translation translate(String request, String target) {
        return PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), Options.DEFAULT);
    }

    @Test
    void claudeIsNotSentABlockTypeItWouldRefuse() {
        Translation t = translate(REQUEST, "anthropic:claude-sonnet-4-5");
        assertThat(t.json()).doesNotContain("client_note").doesNotContain("widget_state").contains("\"hi\"", "\"ok\"");
        assertThat(ids(t)).filteredOn("PP129"::equals).hasSize(2);
    }

    @Test
    void theTextAnUnknownBlockHeldIsQuotedInItsFinding() {
        for (String target : new String[] {"anthropic:claude-sonnet-4-5", "openai:gpt-4o", "gemini:gemini-2.5-flash",
                "openai-responses:gpt-4o"}) {
            Translation t = translate(REQUEST, target);
            assertThat(finding(t, "PP129").message()).as(target).contains("\"client_note\"", "remember the blue folder");
            assertThat(t.json()).as(target).doesNotContain("remember the blue folder");
        }
    }

    @Test
    void aBlockWithoutTextIsNamedWithoutAQuote() {
        Translation t = translate(REQUEST, "openai:gpt-4o");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP129") && f.message().contains("widget_state"))
                .singleElement().satisfies(f -> assertThat(f.message()).doesNotContain("text it held"));
    }

    @Test
    void anUnknownBlockInsideAToolResultIsLeftOutForClaude() {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"tools":[{"name":"w","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"hi"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"w","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"text","text":"done"},
                    {"type":"ui_hint","text":"show a spinner"}]}]}]}
                """;
        Translation t = translate(request, "anthropic:claude-sonnet-4-5");
        assertThat(t.json()).doesNotContain("ui_hint").contains("done");
        assertThat(finding(t, "PP129").message()).contains("show a spinner");
    }

    @Test
    void claudesOwnBlockTypesStillReachClaude() {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,
                 "messages":[{"role":"user","content":"Find it"},
                  {"role":"assistant","content":[{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"x"}},
                    {"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[]},{"type":"text","text":"Found."}]},
                  {"role":"user","content":"thanks"}]}
                """;
        Translation t = translate(request, "anthropic:claude-sonnet-4-5");
        assertThat(t.json()).contains("server_tool_use", "web_search_tool_result");
        assertThat(ids(t)).doesNotContain("PP129");
    }
}
