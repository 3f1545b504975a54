package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.spec.ClaudeSdk;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.finding;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings of Claude's own on tools (input_examples, defer_loading, allowed_callers,
 * eager_input_streaming) and on the request (context_management): kept for Claude, carried
 * into the target's own form where it has one, and named where it has none.
 */
class ClaudeOnlySettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TOOL = """
            {"model":"claude-sonnet-4-5","max_tokens":400,
             "tools":[{"name":"get_weather","description":"Current weather for a city.",
                       "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}%s}],
             "messages":[{"role":"user","content":"Weather in Lyon?"}]}""";

    private static final String EDITS = """
            {"model":"claude-sonnet-4-5","max_tokens":400,
             "context_management":{"edits":[%s]},
             "messages":[{"role":"user","content":"Weather in Lyon?"}]}""";

    @Test
    void toolExamplesMoveIntoTheDescriptionWhereTheModelStillReadsThem() throws Exception {
        Translation t = PromptPort.translate(TOOL.formatted(
                ",\"input_examples\":[{\"city\":\"Paris\"},{\"city\":\"São Paulo\",\"note\":\"a \\\"quoted\\\" word\"}]"),
                Target.of("openai:gpt-4o"));
        JsonNode out = JSON.readTree(t.json());
        assertThat(out.at("/tools/0/function/description").asText()).isEqualTo("""
                Current weather for a city.

                Example inputs:
                {"city":"Paris"}
                {"city":"São Paulo","note":"a \\"quoted\\" word"}""");
        assertThat(out.at("/tools/0/function").has("input_examples")).isFalse();
        assertThat(finding(t, "PP166").location().pointer()).isEqualTo("/tools/0/input_examples");
        assertThat(finding(t, "PP166").message()).contains("\"get_weather\"", "2 example input(s)");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void howClaudesThinkingIsShownIsKeptForClaudeAndNamedElsewhere() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":4000,
                 "thinking":{"type":"enabled","budget_tokens":2048,"display":"omitted"},
                 "messages":[{"role":"user","content":"Hi"}]}""";
        Translation claude = PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode out = JSON.readTree(claude.json());
        assertThat(out.at("/thinking/display").asText()).isEqualTo("omitted");
        assertThat(out.at("/thinking/budget_tokens").asInt()).isEqualTo(2048);
        assertThat(out.has("display")).isFalse();
        assertThat(ids(claude)).doesNotContain("PP115", "PP160");
        ClaudeSdk.assertValidRequest(claude.json());

        Translation gpt = PromptPort.translate(req, Target.of("openai:o3"));
        assertThat(gpt.json()).doesNotContain("display");
        assertThat(finding(gpt, "PP160").location().pointer()).isEqualTo("/thinking/display");
    }

    @Test
    void aToolWithoutDescriptionGetsTheExamplesAsItsDescription() throws Exception {
        Translation t = PromptPort.translate(TOOL.formatted(",\"input_examples\":[{\"city\":\"Oslo\"}]")
                .replace("\"description\":\"Current weather for a city.\",", ""), Target.of("gemini:gemini-2.5-pro"));
        assertThat(JSON.readTree(t.json()).at("/tools/0/functionDeclarations/0/description").asText())
                .isEqualTo("Example input:\n{\"city\":\"Oslo\"}");
    }

    @Test
    void claudeOnlyToolSettingsAreNamedForOtherVendorsAndKeptForClaude() throws Exception {
        String req = TOOL.formatted(",\"defer_loading\":true,\"allowed_callers\":[\"code_execution_20250825\"],"
                + "\"eager_input_streaming\":true,\"input_examples\":[{\"city\":\"Oslo\"}]");
        Translation gpt = PromptPort.translate(req, Target.of("openai-responses:gpt-4o"));
        assertThat(ids(gpt)).contains("PP166", "PP167", "PP168", "PP169").doesNotContain("PP115");
        assertThat(finding(gpt, "PP168").message()).contains("code_execution_20250825");
        JsonNode tool = JSON.readTree(gpt.json()).at("/tools/0");
        assertThat(tool.has("defer_loading") || tool.has("allowed_callers") || tool.has("eager_input_streaming")).isFalse();
        OpenAiSpec.require().assertCleanResponsesRequest(gpt.json());

        Translation claude = PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode kept = JSON.readTree(claude.json()).at("/tools/0");
        assertThat(kept.at("/defer_loading").asBoolean()).isTrue();
        assertThat(kept.at("/allowed_callers/0").asText()).isEqualTo("code_execution_20250825");
        assertThat(kept.at("/eager_input_streaming").asBoolean()).isTrue();
        assertThat(kept.at("/input_examples/0/city").asText()).isEqualTo("Oslo");
        assertThat(kept.at("/description").asText()).isEqualTo("Current weather for a city.");
        assertThat(ids(claude)).doesNotContain("PP115", "PP166", "PP167", "PP168", "PP169");
        ClaudeSdk.assertValidRequest(claude.json());
    }

    @Test
    void toolSettingsThatChangeNothingElsewhereAreDroppedWithoutAFinding() {
        Translation t = PromptPort.translate(TOOL.formatted(
                ",\"defer_loading\":false,\"allowed_callers\":[\"direct\"],\"eager_input_streaming\":false"),
                Target.of("openai:gpt-4o"));
        assertThat(ids(t)).doesNotContain("PP115", "PP167", "PP168", "PP169");
        assertThat(t.json()).doesNotContain("defer_loading", "allowed_callers", "eager_input_streaming");
    }

    @Test
    void compactionBecomesTheResponsesApisCompactionAtTheSameThreshold() throws Exception {
        Translation t = PromptPort.translate(EDITS.formatted(
                "{\"type\":\"compact_20260112\",\"trigger\":{\"type\":\"input_tokens\",\"value\":120000},"
                        + "\"instructions\":\"Keep every order number.\"}"), Target.of("openai-responses:gpt-4o"));
        JsonNode out = JSON.readTree(t.json());
        assertThat(out.at("/context_management/0/type").asText()).isEqualTo("compaction");
        assertThat(out.at("/context_management/0/compact_threshold").asInt()).isEqualTo(120000);
        assertThat(finding(t, "PP171").message()).contains("120000", "\"Keep every order number.\"");
        assertThat(ids(t)).doesNotContain("PP170", "PP115");
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
    }

    @Test
    void compactionWithoutATriggerUsesAnthropicsDefaultThreshold() throws Exception {
        Translation t = PromptPort.translate(EDITS.formatted("{\"type\":\"compact_20260112\"}"),
                Target.of("openai-responses:gpt-4o"));
        assertThat(JSON.readTree(t.json()).at("/context_management/0/compact_threshold").asInt()).isEqualTo(150000);
    }

    @Test
    void contextEditsTheTargetCannotMakeAreNamedInOneFinding() {
        Translation t = PromptPort.translate(EDITS.formatted(
                "{\"type\":\"clear_thinking_20251015\"},"
                        + "{\"type\":\"clear_tool_uses_20250919\",\"trigger\":{\"type\":\"tool_uses\",\"value\":8}},"
                        + "{\"type\":\"compact_20260112\",\"trigger\":{\"type\":\"input_tokens\",\"value\":90000}}"),
                Target.of("openai:gpt-4o"));
        assertThat(t.json()).doesNotContain("context_management");
        Finding f = finding(t, "PP170");
        assertThat(f.location().pointer()).isEqualTo("/context_management");
        assertThat(f.message()).contains("drop earlier turns' thinking", "clear old tool results after 8 tool uses",
                "once the input passes 90000 tokens");
        assertThat(ids(t)).doesNotContain("PP115", "PP171");
    }

    @Test
    void contextManagementReachesClaudeAsWritten() throws Exception {
        Translation t = PromptPort.translate(EDITS.formatted("{\"type\":\"clear_tool_uses_20250919\"}"),
                Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(JSON.readTree(t.json()).at("/context_management/edits/0/type").asText())
                .isEqualTo("clear_tool_uses_20250919");
        assertThat(ids(t)).doesNotContain("PP115", "PP170");
    }

    @Test
    void mcpServersAreNamedByNameAndAddressNeverByTheirToken() {
        Translation t = PromptPort.translate("""
                {"max_tokens":400,"mcp_servers":[{"type":"url","url":"https://mcp.example.com/sse","name":"crm",
                  "authorization_token":"secret-token-123"}],
                 "messages":[{"role":"user","content":"Log my call."}]}""", Target.of("openai:gpt-4o"));
        Finding f = finding(t, "PP172");
        assertThat(f.message()).contains("\"crm\" (https://mcp.example.com/sse)").doesNotContain("secret-token-123");
        assertThat(t.json()).doesNotContain("mcp_servers", "secret-token-123");
    }
}
