package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude's newer blocks (compaction, container_upload, tool_reference, tool_removal,
 * tool_addition) reach another vendor as text where text can say what they said, and each is
 * named for what it is rather than as a block promptport does not know.
 */
class ClaudeNewerBlocksTest {

    private static final List<String> TARGETS = List.of("openai:gpt-4o", "openai-responses:gpt-5", "gemini:gemini-2.5-pro");

    private static final String COMPACTION = """
            {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[
             {"role":"user","content":"Hi"},
             {"role":"assistant","content":[{"type":"compaction","content":"Summary: the user likes cats.",
               "encrypted_content":"Zm9v"},{"type":"text","text":"Sure."}]},
             {"role":"user","content":"What do I like?"}]}""";

    @Test
    void aCompactionSummaryReachesEveryOtherTargetAsTextAndIsNamed() throws Exception {
        for (String target : TARGETS) {
            Translation t = PromptPort.translate(COMPACTION, Target.of(target));
            assertThat(t.json()).as(target).contains("[Summary of the earlier conversation:]\\nSummary: the user likes cats.")
                    .doesNotContain("Zm9v");
            assertThat(ids(t)).as(target).contains("PP215").doesNotContain("PP129");
            assertThat(finding(t, "PP215").location().pointer()).isEqualTo("/messages/1/content/0");
            assertThat(finding(t, "PP215").message()).contains("encrypted_content", target);
        }
        OpenAiSpec.require().assertCleanChatRequest(PromptPort.translate(COMPACTION, Target.of("openai:gpt-4o")).json());
        Translation claude = PromptPort.translate(COMPACTION, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).at("/messages/1/content/0/type").asText()).isEqualTo("compaction");
        assertThat(ids(claude)).doesNotContain("PP215");
    }

    @Test
    void aContainerUploadIsNamedAsAFileOnlyAnthropicHolds() throws Exception {
        String upload = """
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":[
                 {"type":"text","text":"Analyze this file"},{"type":"container_upload","file_id":"file_011csv"}]}]}""";
        for (String target : TARGETS) {
            Translation t = PromptPort.translate(upload, Target.of(target));
            assertThat(ids(t)).as(target).contains("PP121").doesNotContain("PP129");
            assertThat(finding(t, "PP121").message()).contains("file_011csv", "container");
            assertThat(t.json()).doesNotContain("file_011csv");
        }
    }

    @Test
    void aToolReferenceInAToolResultIsSentAsTextNotAsAnEmptyResult() throws Exception {
        String ref = """
                {"model":"claude-sonnet-4-5","max_tokens":300,
                 "tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                 "messages":[{"role":"user","content":"Weather?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_01","name":"get_weather","input":{"city":"Paris"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_01",
                    "content":[{"type":"tool_reference","tool_name":"get_weather"}]}]}]}""";
        Translation t = PromptPort.translate(ref, Target.of("openai:gpt-4o"));
        JsonNode tool = json(t).at("/messages/2");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("content").asText()).isEqualTo("[Tool available: get_weather]");
        assertThat(ids(t)).contains("PP216").doesNotContain("PP164", "PP129");
        assertThat(finding(t, "PP216").location().pointer()).isEqualTo("/messages/2/content/0/content/0");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void toolRemovalAndAdditionAreSentAsTextAndNamed() throws Exception {
        String change = """
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":[
                 {"type":"tool_removal","tool":{"type":"tool_reference","name":"get_weather"}},
                 {"type":"tool_addition","tool":{"type":"mcp_toolset_reference","server_name":"calendar"}},
                 {"type":"text","text":"hi"}]}]}""";
        for (String target : TARGETS) {
            Translation t = PromptPort.translate(change, Target.of(target));
            assertThat(t.json()).as(target).contains("[The tool get_weather is no longer available; do not call it.]",
                    "[The tool calendar is available from here on.]", "hi");
            assertThat(t.findings().stream().filter(f -> f.id().equals("PP216")).count()).as(target).isEqualTo(2);
            assertThat(ids(t)).doesNotContain("PP129");
        }
    }
}
