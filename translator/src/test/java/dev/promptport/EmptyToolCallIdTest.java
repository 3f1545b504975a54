package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Some OpenAI-compatible servers give a tool call the id {@code ""}, and a history that went
 * through them carries it. An empty id still pairs a call with its result; each target gets an
 * id it takes: OpenAI's Responses API refuses an empty call_id (minLength 1), Claude an empty
 * tool_use id (pattern {@code ^[a-zA-Z0-9_-]+$}), and Gemini's id is optional, so it is left out.
 */
class EmptyToolCallIdTest {
    private static final String REQUEST = """
            {"model":"claude-sonnet-4-5","max_tokens":100,
             "tools":[{"name":"get","input_schema":{"type":"object"}}],
             "messages":[{"role":"user","content":"Hi"},
              {"role":"assistant","content":[{"type":"tool_use","id":"","name":"get","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"","content":"ok"}]}]}""";

    @Test
    void anEmptyCallIdBecomesOneTheResponsesApiTakesForTheCallAndItsResult() throws Exception {
        Translation t = PromptPort.translate(REQUEST, Target.of("openai-responses:gpt-4o"));
        JsonNode input = json(t).path("input");
        assertThat(input.at("/1/call_id").asText()).isEqualTo("call_none");
        assertThat(input.at("/2/call_id").asText()).isEqualTo("call_none");
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
    }

    @Test
    void anEmptyCallIdPairsInChatUnderTheSameStandIn() throws Exception {
        JsonNode out = json(PromptPort.translate(REQUEST, Target.of("openai:gpt-4o")));
        assertThat(out.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("call_none");
        assertThat(out.at("/messages/2/tool_call_id").asText()).isEqualTo("call_none");
    }

    @Test
    void geminiGetsNoIdForAnEmptyOneAndPairsTheResponseByName() throws Exception {
        JsonNode out = json(PromptPort.translate(REQUEST, Target.of("gemini:gemini-2.5-pro")));
        assertThat(out.at("/contents/1/parts/0/functionCall").has("id")).isFalse();
        assertThat(out.at("/contents/2/parts/0/functionResponse").has("id")).isFalse();
        assertThat(out.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("get");
    }

    @Test
    void claudeGetsAValidIdForAnEmptyOne() throws Exception {
        JsonNode out = json(PromptPort.translate(REQUEST, Target.of("anthropic:claude-sonnet-4-5")));
        assertThat(out.at("/messages/1/content/0/id").asText()).isEqualTo("toolu_none");
        assertThat(out.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("toolu_none");
    }

    @Test
    void anEmptyResultIdWithNoCallOfItBecomesTextThatSaysItHadNoId() {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Hi"},
                 {"role":"assistant","content":[{"type":"tool_use","id":"a1","name":"get","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"a1","content":"ok"},
                  {"type":"tool_result","tool_use_id":"","content":"stray"}]}]}""", Target.of("openai:gpt-4o"));
        assertThat(finding(t, "PP204").message()).contains("\"[Result of the tool call without an id:]\"");
    }
}
