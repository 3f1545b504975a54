package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool call with no result in the messages after it gets a result that says so, for every
 * target (PP220): the malformed histories of OpenHands' API compliance patterns (a01 a call then
 * a user message, a06 a second call answered with the first call's id, a07 one of three parallel
 * calls unanswered), which Claude, OpenAI and Gemini refuse.
 */
class MissingToolResultsTest {

    private static final String TOOLS = "\"tools\":[{\"name\":\"terminal\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"command\":{\"type\":\"string\"}}}}]";

    /** a07: three parallel calls, two answered, then the user asks about the third. */
    private static final String PARALLEL_ONE_MISSING = """
            {"model":"claude-sonnet-4-5","max_tokens":100,%s,
             "messages":[{"role":"user","content":"Weather in San Francisco, Tokyo and Paris?"},
              {"role":"assistant","content":[{"type":"text","text":"Checking all three."},
                {"type":"tool_use","id":"call_sf","name":"terminal","input":{"command":"weather sf"}},
                {"type":"tool_use","id":"call_tokyo","name":"terminal","input":{"command":"weather tokyo"}},
                {"type":"tool_use","id":"call_paris","name":"terminal","input":{"command":"weather paris"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_sf","content":"San Francisco: 18 C"},
                {"type":"tool_result","tool_use_id":"call_tokyo","content":"Tokyo: 22 C"},
                {"type":"text","text":"What about Paris?"}]}]}
            """.formatted(TOOLS);

    /** a01: a call, then a user message with no result at all. */
    private static final String CALL_THEN_USER_TEXT = """
            {"model":"claude-sonnet-4-5","max_tokens":100,%s,
             "messages":[{"role":"user","content":"List the files."},
              {"role":"assistant","content":[{"type":"tool_use","id":"call_ls","name":"terminal","input":{"command":"ls"}}]},
              {"role":"user","content":"What was the result?"}]}
            """.formatted(TOOLS);

    private static Translation translate(String request, String target) {
        return PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), Options.DEFAULT);
    }

    @Test
    void openAiChatAnswersTheUnansweredParallelCallBeforeTheUsersText() throws Exception {
        Translation t = translate(PARALLEL_ONE_MISSING, "openai:gpt-4o");
        JsonNode messages = json(t).path("messages");
        assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "tool", "tool", "user");
        assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("call_paris");
        assertThat(messages.get(4).path("content").asText()).contains("No result was returned for this tool call.");
        assertThat(messages.get(5).path("content").asText()).isEqualTo("What about Paris?");
        assertThat(finding(t, "PP220").message()).contains("terminal (id call_paris)", "openai:gpt-4o");
        assertThat(finding(t, "PP220").location().pointer()).isEqualTo("/messages/1/content/3");
        assertThat(ids(t).stream().filter("PP220"::equals)).hasSize(1);
    }

    @Test
    void claudeGetsAnErrorResultForTheCallAfterTheOthers() throws Exception {
        JsonNode content = json(translate(PARALLEL_ONE_MISSING, "anthropic:claude-sonnet-4-5")).at("/messages/2/content");
        assertThat(content.findValuesAsText("tool_use_id")).containsExactly("call_sf", "call_tokyo", "call_paris");
        assertThat(content.get(2).path("is_error").asBoolean()).isTrue();
        assertThat(content.get(3).path("text").asText()).isEqualTo("What about Paris?");
    }

    @Test
    void geminiAndResponsesAnswerEveryCall() throws Exception {
        JsonNode contents = json(translate(CALL_THEN_USER_TEXT, "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.findValues("functionCall")).hasSize(1);
        assertThat(contents.findValues("functionResponse")).hasSize(1);
        assertThat(contents.findValue("functionResponse").at("/response/error").asText())
                .isEqualTo("No result was returned for this tool call.");
        JsonNode input = json(translate(CALL_THEN_USER_TEXT, "openai-responses:gpt-4o")).path("input");
        assertThat(input.findValuesAsText("type")).containsSubsequence("function_call", "function_call_output");
        JsonNode output = null;
        for (JsonNode item : input) {
            if (item.path("type").asText().equals("function_call_output")) {
                output = item;
            }
        }
        assertThat(output.path("call_id").asText()).isEqualTo("call_ls");
    }

    @Test
    void aSecondCallAnsweredWithTheFirstCallsIdIsAnsweredAndTheStrayResultBecomesText() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,%s,
                 "messages":[{"role":"user","content":"Run ls and pwd."},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call_a","name":"terminal","input":{"command":"ls"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_a","content":"a.txt"}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call_b","name":"terminal","input":{"command":"pwd"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_a","content":"/home/user"}]}]}
                """.formatted(TOOLS);
        Translation t = translate(request, "openai:gpt-4o");
        JsonNode messages = json(t).path("messages");
        assertThat(messages.findValuesAsText("tool_call_id")).containsExactly("call_a", "call_b");
        assertThat(messages.toString()).contains("/home/user");
        assertThat(ids(t)).contains("PP204", "PP220");
    }

    @Test
    void callsThatEndTheConversationAreLeftAsTheyAre() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,%s,
                 "messages":[{"role":"user","content":"List the files."},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call_ls","name":"terminal","input":{"command":"ls"}}]}]}
                """.formatted(TOOLS);
        Translation t = translate(request, "openai:gpt-4o");
        assertThat(json(t).path("messages").findValuesAsText("role")).containsExactly("user", "assistant");
        assertThat(ids(t)).doesNotContain("PP220");
    }

    @Test
    void answeredCallsGetNoFindingAndNoChange() throws Exception {
        for (String target : List.of("openai:gpt-4o", "anthropic:claude-sonnet-4-5", "gemini:gemini-2.5-flash")) {
            String answered = PARALLEL_ONE_MISSING.replace("{\"type\":\"text\",\"text\":\"What about Paris?\"}",
                    "{\"type\":\"tool_result\",\"tool_use_id\":\"call_paris\",\"content\":\"Paris: 12 C\"}");
            Translation t = translate(answered, target);
            assertThat(ids(t)).doesNotContain("PP220");
            assertThat(json(t).toString()).doesNotContain("No result was returned");
        }
    }
}
