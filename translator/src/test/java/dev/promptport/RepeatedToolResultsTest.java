package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Two tool results for one call id become one result, in order, for every target (PP210). */
class RepeatedToolResultsTest {

    private static final String TWICE_IN_ONE_MESSAGE = """
            {"model":"claude-sonnet-4-5","max_tokens":100,"tools":[{"name":"weather","input_schema":{"type":"object"}}],
             "messages":[{"role":"user","content":"Weather in Paris?"},
              {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"weather","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"timed out","is_error":true},
                {"type":"tool_result","tool_use_id":"call_1","content":[{"type":"text","text":"18 C, sunny"}]},
                {"type":"text","text":"And tomorrow?"}]}]}
            """;

    private static final String TWICE_IN_TWO_MESSAGES = """
            {"model":"claude-sonnet-4-5","max_tokens":100,"tools":[{"name":"weather","input_schema":{"type":"object"}}],
             "messages":[{"role":"user","content":"Weather in Paris?"},
              {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"weather","input":{}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18 C"}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"sunny"}]}]}
            """;

    private static Translation translate(String request, String target) {
        return PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), Options.DEFAULT);
    }

    @Test
    void openAiChatGetsOneToolMessageHoldingBothResultsInOrder() throws Exception {
        Translation t = translate(TWICE_IN_ONE_MESSAGE, "openai:gpt-4o");
        JsonNode messages = json(t).path("messages");
        assertThat(messages.findValues("tool_call_id")).hasSize(1);
        assertThat(messages.get(2).path("content").asText()).isEqualTo("timed out\n\n18 C, sunny");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("And tomorrow?");
        assertThat(finding(t, "PP210").message()).contains("call_1", "openai:gpt-4o");
    }

    @Test
    void responsesGetsOneFunctionCallOutput() throws Exception {
        JsonNode input = json(translate(TWICE_IN_ONE_MESSAGE, "openai-responses:gpt-4o")).path("input");
        assertThat(input.findValues("output")).hasSize(1);
        assertThat(input.get(2).path("output").asText()).isEqualTo("timed out\n\n18 C, sunny");
    }

    @Test
    void geminiGetsOneFunctionResponseThatIsNotAnError() throws Exception {
        JsonNode contents = json(translate(TWICE_IN_ONE_MESSAGE, "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.findValues("functionResponse")).hasSize(1);
        assertThat(contents.findValue("functionResponse").at("/response/result").asText()).isEqualTo("timed out\n\n18 C, sunny");
    }

    @Test
    void claudeGetsOneToolResultBlockWithBothContents() throws Exception {
        Translation t = translate(TWICE_IN_ONE_MESSAGE, "anthropic:claude-sonnet-4-5");
        JsonNode user = json(t).at("/messages/2/content");
        assertThat(user).hasSize(2);
        assertThat(user.get(0).path("content").toString())
                .isEqualTo("[{\"type\":\"text\",\"text\":\"timed out\"},{\"type\":\"text\",\"text\":\"18 C, sunny\"}]");
        assertThat(user.get(0).has("is_error")).isFalse();
        assertThat(ids(t)).contains("PP210");
    }

    @Test
    void aSecondResultInTheNextUserMessageJoinsTheFirst() throws Exception {
        Translation t = translate(TWICE_IN_TWO_MESSAGES, "openai:gpt-4o");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2).path("content").asText()).isEqualTo("18 C\n\nsunny");
        assertThat(ids(t)).containsOnlyOnce("PP210");
    }

    @Test
    void resultsForTheSameIdAfterAnotherCallAreLeftToTheOrphanRule() {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"tools":[{"name":"weather","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Weather?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"weather","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_1","content":"18 C"}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"call_2","name":"weather","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"call_2","content":"19 C"}]}]}
                """;
        assertThat(ids(translate(request, "openai:gpt-4o"))).doesNotContain("PP210");
    }
    /**
     * A request of many results, all for one call or each for its own: worked out in steps that
     * grow with the results, not with their square (a quadratic search of 40,000 results would
     * take minutes; the limit only catches such a hang and measures nothing).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
    void manyResultsForOneCallOrForManyAreWorkedOutInLinearSteps() throws Exception {
        int n = 40_000;
        StringBuilder same = new StringBuilder();
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < n; i++) {
            same.append(i == 0 ? "" : ",").append("{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"r").append(i).append("\"}");
            distinct.append(i == 0 ? "" : ",").append("{\"type\":\"tool_result\",\"tool_use_id\":\"c").append(i).append("\",\"content\":\"r\"}");
        }
        String head = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Go\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"t\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[";
        Translation one = translate(head + same + "]}]}", "openai:gpt-4o");
        assertThat(json(one).path("messages").findValues("tool_call_id")).hasSize(1);
        assertThat(one.findings().stream().filter(f -> f.id().equals("PP210")).count()).isEqualTo(n - 1);
        Translation many = translate(head + distinct + "]}]}", "openai:gpt-4o");
        assertThat(ids(many)).doesNotContain("PP210");
    }
}
