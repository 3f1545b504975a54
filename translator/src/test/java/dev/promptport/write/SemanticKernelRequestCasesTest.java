package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semantic Kernel's Claude conversations (microsoft/semantic-kernel
 * {@code python/tests/unit/connectors/ai/anthropic/conftest.py} and
 * {@code services/test_anthropic_chat_completion.py}): plugin functions named "plugin-function"
 * ("math-Add"), an assistant text beside the call, one and two calls answered in the next turn.
 * Restated as the Claude requests Semantic Kernel sends, translated to each target.
 */
class SemanticKernelRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String[] TARGETS = {"openai:gpt-4.1", "openai-responses:gpt-4.1", "gemini:gemini-2.5-flash"};

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String tool(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"" + name + " two numbers\",\"input_schema\":{\"type\":\"object\",\"properties\":"
                + "{\"input\":{\"type\":\"integer\"},\"amount\":{\"type\":\"integer\"}},\"required\":[\"input\",\"amount\"]}}";
    }

    private static String request(String messages) {
        return "{\"model\":\"claude-3-opus-20240229\",\"max_tokens\":1024,\"system\":\"You are a math assistant.\",\"tools\":[" + tool("math-Add") + ","
                + tool("math-Subtract") + "],\"messages\":" + messages + "}";
    }

    /**
     * mock_tool_calls_message then mock_tool_call_result_message: "&lt;thinking&gt;&lt;/thinking&gt;" as text,
     * the call to "math-Add", and the result 6. The hyphenated name reaches every target as is
     * (each allows "-"), in the tool list and in the call, and the result answers that call.
     */
    @Test
    void aHyphenatedPluginFunctionKeepsItsNameInTheListTheCallAndTheResult() {
        String req = request("[{\"role\":\"user\",\"content\":\"What is 3 + 3?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"<thinking></thinking>\"},{\"type\":\"tool_use\",\"id\":\"test_function_call_content\",\"name\":\"math-Add\","
                + "\"input\":{\"input\":3,\"amount\":3}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"test_function_call_content\",\"content\":\"6\"}]}]");
        JsonNode chat = json(PEER.translate("sk one chat", req, TARGETS[0]));
        assertThat(chat.at("/tools/0/function/name").asText()).isEqualTo("math-Add");
        assertThat(chat.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(chat.at("/messages/2/tool_calls/0/function/name").asText()).isEqualTo("math-Add");
        assertThat(chat.at("/messages/3/tool_call_id").asText()).isEqualTo("test_function_call_content");
        assertThat(chat.at("/messages/3/content").asText()).isEqualTo("6");
        JsonNode responses = json(PEER.translate("sk one responses", req, TARGETS[1]));
        assertThat(responses.path("instructions").asText()).isEqualTo("You are a math assistant.");
        assertThat(responses.findValuesAsText("name")).contains("math-Add");
        JsonNode gemini = json(PEER.translate("sk one gemini", req, TARGETS[2]));
        assertThat(gemini.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You are a math assistant.");
        assertThat(gemini.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("math-Add");
        assertThat(gemini.findValue("functionCall").path("name").asText()).isEqualTo("math-Add");
        assertThat(gemini.findValue("functionResponse").path("name").asText()).isEqualTo("math-Add");
        assertThat(gemini.findValue("functionResponse").toString()).contains("6");
    }

    /**
     * mock_parallel_tool_calls_message then mock_parallel_tool_call_result_message: "math-Add"
     * and "math-Subtract" in one turn, results 6 and 3 in the next. Each result is paired with
     * its own call, by id for OpenAI and by name for Gemini.
     */
    @Test
    void twoDifferentPluginFunctionsInOneTurnPairWithTheirResults() {
        String req = request("[{\"role\":\"user\",\"content\":\"3 + 3, then 6 - 3\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"<thinking></thinking>\"},{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"math-Add\",\"input\":{\"input\":3,\"amount\":3}},"
                + "{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"math-Subtract\",\"input\":{\"input\":6,\"amount\":3}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"6\"},{\"type\":\"tool_result\",\"tool_use_id\":\"call_2\",\"content\":\"3\"}]}]");
        JsonNode chat = json(PEER.translate("sk two chat", req, TARGETS[0])).path("messages");
        assertThat(chat.at("/2/tool_calls/1/function/name").asText()).isEqualTo("math-Subtract");
        assertThat(chat.at("/4/tool_call_id").asText()).isEqualTo("call_2");
        assertThat(chat.at("/4/content").asText()).isEqualTo("3");
        JsonNode input = json(PEER.translate("sk two responses", req, TARGETS[1])).path("input");
        int outputs = 0;
        for (JsonNode item : input) {
            if (item.path("type").asText().equals("function_call_output")) {
                assertThat(item.path("output").asText()).isEqualTo(item.path("call_id").asText().equals("call_1") ? "6" : "3");
                outputs++;
            }
        }
        assertThat(outputs).isEqualTo(2);
        JsonNode results = json(PEER.translate("sk two gemini", req, TARGETS[2])).at("/contents/2/parts");
        assertThat(results.at("/0/functionResponse/name").asText()).isEqualTo("math-Add");
        assertThat(results.at("/1/functionResponse/name").asText()).isEqualTo("math-Subtract");
        assertThat(results.at("/1/functionResponse").toString()).contains("3");
    }

    /** mock_chat_message_response's request: a system prompt and one user turn, settings left at their defaults, on every target. */
    @Test
    void aPlainConversationKeepsItsSystemPromptOnEveryTarget() {
        String req = "{\"model\":\"claude-3-opus-20240229\",\"max_tokens\":1024,\"system\":[{\"type\":\"text\",\"text\":\"Be kind.\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        for (String target : TARGETS) {
            String body = PEER.translate("sk plain " + target, req, target).json();
            assertThat(body).as(target).contains("Be kind.").contains("Hello");
        }
    }
}
