package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.ClaudeSdk;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool result whose call is not in the assistant message just before it, which every vendor
 * refuses, reaches the model as user text that says whose result it is.
 */
class OrphanToolResultsTest {

    private static final String TRIMMED = """
            {"model":"claude-sonnet-4-5","max_tokens":300,
             "tools":[{"name":"get_weather","description":"Weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
             "messages":[
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_gone","content":"Sunny, 21 C"},
                {"type":"text","text":"What should I wear?"}]}]}""";

    @Test
    void aResultWhoseCallWasTrimmedAwayBecomesUserTextForEveryTarget() throws Exception {
        for (String target : List.of("openai:gpt-4o", "openai-responses:gpt-5", "gemini:gemini-2.5-pro",
                "anthropic:claude-sonnet-4-5", "deepseek:deepseek-chat")) {
            Translation t = PromptPort.translate(TRIMMED, Target.of(target));
            assertThat(t.json()).as(target).contains("[Result of the tool call toolu_gone:]", "Sunny, 21 C",
                    "What should I wear?").doesNotContain("tool_call_id", "function_call_output", "functionResponse",
                    "tool_result");
            assertThat(finding(t, "PP204").location().pointer()).isEqualTo("/messages/0/content/0");
            assertThat(finding(t, "PP204").message()).contains("toolu_gone", target);
        }
        OpenAiSpec.require().assertCleanChatRequest(PromptPort.translate(TRIMMED, Target.of("openai:gpt-4o")).json());
        OpenAiSpec.require().assertCleanResponsesRequest(
                PromptPort.translate(TRIMMED, Target.of("openai-responses:gpt-5")).json());
        ClaudeSdk.assertValidRequest(PromptPort.translate(TRIMMED, Target.of("anthropic:claude-sonnet-4-5")).json());
    }

    @Test
    void aChatToolMessageAfterAnAssistantMessageWithoutItsCallBecomesUserTextForClaude() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[
                 {"role":"user","content":"Hi"},
                 {"role":"assistant","content":"Let me check."},
                 {"role":"tool","tool_call_id":"call_gone","content":"Sunny, 21 C"},
                 {"role":"user","content":"What should I wear?"}]}""";
        Translation t = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode last = json(t).at("/messages/2/content");
        assertThat(last.toString()).doesNotContain("tool_result")
                .contains("[Result of the tool call call_gone:]", "Sunny, 21 C", "What should I wear?");
        assertThat(ids(t)).contains("PP204");
    }

    @Test
    void aGeminiFunctionResponseWithoutACallNamesItsFunction() throws Exception {
        String gemini = """
                {"contents":[
                 {"role":"user","parts":[{"text":"Hi"}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"error":"city unknown"}}}]},
                 {"role":"user","parts":[{"text":"What now?"}]}]}""";
        for (String target : List.of("anthropic:claude-sonnet-4-5", "openai:gpt-4o")) {
            Translation t = PromptPort.translate(gemini, InputFormat.GEMINI, Target.of(target), Options.DEFAULT);
            // the user's words keep their order around it
            assertThat(t.json()).as(target).containsSubsequence("Hi", "[Error returned by the tool call get_weather:]",
                    "city unknown", "What now?").doesNotContain("tool_result", "tool_call_id");
            assertThat(ids(t)).as(target).contains("PP204");
        }
    }

    @Test
    void aResultAnsweringACallOfAnEarlierTurnNamesTheToolAndTheId() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[
                 {"role":"user","content":"Weather in Oslo?"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Oslo"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"5 C"}]},
                 {"role":"assistant","content":"It is 5 C."},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"5 C, rain later"},
                   {"type":"text","text":"And later?"}]}]}""";
        Translation t = PromptPort.translate(req, Target.of("openai:gpt-4o"));
        OpenAiSpec.require().assertCleanChatRequest(t.json());
        JsonNode messages = json(t).at("/messages");
        assertThat(messages.get(2).at("/role").asText()).isEqualTo("tool");
        assertThat(messages.get(4).toString()).contains("[Result of the tool call get_weather (id toolu_1):]",
                "5 C, rain later").doesNotContain("tool_call_id");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP204")).hasSize(1);
    }

    @Test
    void resultsThatAnswerTheirCallsStayToolResults() throws Exception {
        // Gemini may split parallel calls over two model turns; both are answered in the next user turn
        String gemini = """
                {"contents":[
                 {"role":"user","parts":[{"text":"Name and feature?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_name","args":{}}}]},
                 {"role":"model","parts":[{"functionCall":{"name":"get_feature","args":{}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"get_name","response":{"result":"Ada"}}},
                   {"functionResponse":{"name":"get_feature","response":{"result":"records"}}}]}]}""";
        Translation t = PromptPort.translate(gemini, InputFormat.GEMINI, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(ids(t)).doesNotContain("PP204");
        assertThat(json(t).at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(json(t).at("/messages/2/content/1/type").asText()).isEqualTo("tool_result");
    }
}
