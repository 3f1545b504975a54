package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * new-api's cases for its Claude Messages to OpenAI Chat request converter
 * (QuantumNous/new-api {@code service/convert_test.go} and the tool-choice tests beside
 * {@code ClaudeToOpenAIRequest}; for Gemini {@code relay/channel/gemini/*_test.go}), each request
 * translated by promptport and checked against the target's spec.
 */
class NewApiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String withChoice(String choice) {
        return "{\"model\":\"glm-5.2\",\"max_tokens\":100,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"tools\":[{\"name\":\"Bash\",\"input_schema\":{\"type\":\"object\"}}],\"tool_choice\":" + choice + "}";
    }

    /** TestClaudeToOpenAIRequestToolChoice: auto, any, none, one tool, and parallel calls switched off. */
    @Test
    void eachToolChoiceBecomesChatsOwn() {
        assertThat(json(PEER.translate("auto", withChoice("{\"type\":\"auto\"}"), "openai:gpt-4o")).path("tool_choice").asText())
                .isEqualTo("auto");
        assertThat(json(PEER.translate("any", withChoice("{\"type\":\"any\"}"), "openai:gpt-4o")).path("tool_choice").asText())
                .isEqualTo("required");
        assertThat(json(PEER.translate("none", withChoice("{\"type\":\"none\"}"), "openai:gpt-4o")).path("tool_choice").asText())
                .isEqualTo("none");
        JsonNode one = json(PEER.translate("tool", withChoice("{\"type\":\"tool\",\"name\":\"Bash\"}"), "openai:gpt-4o"));
        assertThat(one.at("/tool_choice/type").asText()).isEqualTo("function");
        assertThat(one.at("/tool_choice/function/name").asText()).isEqualTo("Bash");
        JsonNode serial = json(PEER.translate("serial", withChoice("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"), "openai:gpt-4o"));
        assertThat(serial.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(serial.path("parallel_tool_calls").isBoolean()).isTrue();
        assertThat(serial.path("parallel_tool_calls").asBoolean()).isFalse();
    }

    /**
     * TestClaudeToOpenAIRequestPreservesThinkingForDeepSeekV4: DeepSeek's thinking mode wants the
     * reasoning of a tool-call turn sent back as reasoning_content, so unsigned thinking text goes
     * there beside the text and the call.
     */
    @Test
    void deepSeekGetsTheThinkingOfAToolCallTurnBackAsReasoningContent() {
        String req = "{\"model\":\"deepseek-reasoner\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"search deepseek\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"checked context\"},"
                + "{\"type\":\"text\",\"text\":\"I will call the tool.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"search\",\"input\":{\"query\":\"deepseek\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"found\"}]}],"
                + "\"tools\":[{\"name\":\"search\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}}}}]}";
        JsonNode assistant = json(PEER.translate("deepseek-thinking", req, "deepseek:deepseek-reasoner")).at("/messages/1");
        assertThat(assistant.path("reasoning_content").asText()).isEqualTo("checked context");
        assertThat(assistant.path("content").asText()).isEqualTo("I will call the tool.");
        assertThat(assistant.path("tool_calls")).hasSize(1);
    }

    /** TestClaudeToOpenAIRequestDropsThinkingForOtherModels: the text stays, the thinking goes, named (PP110). */
    @Test
    void otherModelsGetTheTextWithoutTheThinking() {
        String req = "{\"model\":\"gpt-4.1\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"internal reasoning\"},"
                + "{\"type\":\"text\",\"text\":\"visible answer\"}]},{\"role\":\"user\",\"content\":\"ok\"}]}";
        Translation t = PEER.translate("drop-thinking", req, "openai:gpt-4.1");
        assertThat(json(t).at("/messages/1/content").asText()).isEqualTo("visible answer");
        assertThat(t.json()).doesNotContain("internal reasoning");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * relay/channel/gemini/schema_test.go TestCleanFunctionParametersInfersMissingGeminiSchemaTypes:
     * Gemini's schema requires a type on every node, so one is added where the schema leaves it
     * out, from what the node holds (properties: OBJECT, items: ARRAY, an enum of strings:
     * STRING), and named (PP155).
     */
    @Test
    void geminiGetsATypeOnEveryNodeThatLeavesItOut() {
        String req = "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"edit\"}],"
                + "\"tools\":[{\"name\":\"edit\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"edits\":{\"properties\":{"
                + "\"lines\":{\"items\":{\"properties\":{\"line\":{\"type\":\"integer\"}}}},\"mode\":{\"enum\":[\"replace\",\"insert\"]}}}}}}]}";
        Translation t = PEER.translate("gemini-types", req, "gemini:gemini-2.5-flash");
        JsonNode edits = json(t).at("/tools/0/functionDeclarations/0/parameters/properties/edits");
        assertThat(edits.path("type").asText()).isEqualTo("OBJECT");
        assertThat(edits.at("/properties/lines/type").asText()).isEqualTo("ARRAY");
        assertThat(edits.at("/properties/lines/items/type").asText()).isEqualTo("OBJECT");
        assertThat(edits.at("/properties/lines/items/properties/line/type").asText()).isEqualTo("INTEGER");
        assertThat(edits.at("/properties/mode/type").asText()).isEqualTo("STRING");
        assertThat(ids(t)).contains("PP155");
    }

    /**
     * relay/channel/gemini/adaptor_turn_boundary_test.go: a tool's result and the user's text
     * after it in one turn go to Gemini as two user contents, the function response alone first.
     */
    @Test
    void aResultAndTheTextAfterItAreTwoGeminiContents() {
        String req = "{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"查询北京天气\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"get_weather\",\"input\":{\"city\":\"北京\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"22°C\"},"
                + "{\"type\":\"text\",\"text\":\"请逆序排列文字\"}]}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}";
        JsonNode contents = json(PEER.translate("turn-boundary", req, "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents).hasSize(4);
        assertThat(contents.at("/2/role").asText()).isEqualTo("user");
        assertThat(contents.at("/2/parts")).hasSize(1);
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
        assertThat(contents.at("/3/role").asText()).isEqualTo("user");
        assertThat(contents.at("/3/parts")).hasSize(1);
        assertThat(contents.at("/3/parts/0/text").asText()).isEqualTo("请逆序排列文字");
    }
}
