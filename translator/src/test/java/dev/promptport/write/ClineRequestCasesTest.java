package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cline's cases for turning Claude messages into Chat and Gemini requests (cline/cline
 * {@code src/core/api/transform/__tests__/openai-format.test.ts}, here OPENAI, and
 * {@code __tests__/gemini-format.test.ts}, here GEMINI), each a whole Claude request here,
 * translated and checked against the target's spec.
 */
class ClineRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String turns) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}," + turns + "],\"tools\":["
                + tool("read_file") + "," + tool("write_file") + "," + tool("run_commands") + "]}";
    }

    private static String tool(String name) {
        return "{\"name\":\"" + name + "\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}";
    }

    private static String call(String id, String name, String path) {
        return "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":{\"path\":\"" + path + "\"}}";
    }

    private static String result(String id, String text) {
        return "{\"type\":\"tool_result\",\"tool_use_id\":\"" + id + "\",\"content\":\"" + text + "\"}";
    }

    /**
     * OPENAI "should allow same tool_use_id across different conversation turns": a client that
     * uses one id in two turns. Cline drops the second result; promptport keeps both, each after
     * its own call, as Chat pairs a tool message with the call just before it.
     */
    @Test
    void anIdUsedInTwoTurnsAnswersEachTurnsCallForChat() {
        JsonNode messages = json(PEER.translate("same-id-chat", request("{\"role\":\"assistant\",\"content\":[" + call("call_same", "read_file", "/a")
                + "]},{\"role\":\"user\",\"content\":[" + result("call_same", "turn 1 result") + "]},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Now doing something else.\"}," + call("call_same", "write_file", "/b") + "]},{\"role\":\"user\",\"content\":["
                + result("call_same", "turn 2 result") + "]}"), "openai:gpt-4o")).path("messages");
        assertThat(messages.at("/2/content").asText()).isEqualTo("turn 1 result");
        assertThat(messages.at("/3/tool_calls/0/function/name").asText()).isEqualTo("write_file");
        assertThat(messages.at("/4/content").asText()).isEqualTo("turn 2 result");
    }

    /**
     * The same conversation for Gemini, which matches a response to its call by name: each
     * response is named after the call in the turn before it. Before, both took the name of the
     * last call with that id, so the first read_file call was answered as write_file.
     */
    @Test
    void anIdUsedInTwoTurnsNamesEachResponseAfterItsOwnCallForGemini() {
        JsonNode contents = json(PEER.translate("same-id-gemini", request("{\"role\":\"assistant\",\"content\":[" + call("call_same", "read_file", "/a")
                + "]},{\"role\":\"user\",\"content\":[" + result("call_same", "turn 1 result") + "]},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Now doing something else.\"}," + call("call_same", "write_file", "/b") + "]},{\"role\":\"user\",\"content\":["
                + result("call_same", "turn 2 result") + "]}"), "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("read_file");
        assertThat(contents.at("/4/parts/0/functionResponse/name").asText()).isEqualTo("write_file");
    }

    /**
     * GEMINI "uses the original tool name for function responses and preserves the tool call
     * id": the call and its response carry the id and the tool's name, the result under result.
     */
    @Test
    void geminisCallAndResponseKeepTheIdAndTheToolsName() {
        JsonNode contents = json(PEER.translate("gemini-id", request("{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"resp_1-tool-0\","
                + "\"name\":\"run_commands\",\"input\":{\"commands\":[\"ls -la /app\"]}}]},{\"role\":\"user\",\"content\":[" + result("resp_1-tool-0", "total 0")
                + "]}"), "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.at("/1/parts/0/functionCall").toString()).isEqualTo("{\"id\":\"resp_1-tool-0\",\"name\":\"run_commands\",\"args\":"
                + "{\"commands\":[\"ls -la /app\"]}}");
        assertThat(contents.at("/2/parts/0/functionResponse").toString()).isEqualTo("{\"id\":\"resp_1-tool-0\",\"name\":\"run_commands\","
                + "\"response\":{\"result\":\"total 0\"}}");
    }

    /**
     * OPENAI "should handle fc_ ID collisions caused by transformToolCallIdForNativeApi
     * truncation": two 53-character ids that share their last 35 characters. Chat takes ids of
     * up to 40 characters; promptport shortens each with a hash of the whole id, so the two stay
     * apart and both results are sent (Cline loses the second).
     */
    @Test
    void twoLongIdsWithOneEndingStayApartWhenShortenedForChat() {
        String tail = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        String one = "fc_123456789012345" + tail;
        String two = "fc_ABCDEFGHIJKLMNO" + tail;
        JsonNode messages = json(PEER.translate("long-ids", request("{\"role\":\"assistant\",\"content\":[" + call(one, "read_file", "/a") + ","
                + call(two, "read_file", "/b") + "]},{\"role\":\"user\",\"content\":[" + result(one, "result 1") + "," + result(two, "result 2") + "]}"),
                "openai:gpt-4o")).path("messages");
        String first = messages.at("/1/tool_calls/0/id").asText();
        String second = messages.at("/1/tool_calls/1/id").asText();
        assertThat(first).hasSizeLessThanOrEqualTo(40).isNotEqualTo(second);
        assertThat(second).hasSizeLessThanOrEqualTo(40);
        assertThat(messages.at("/2/tool_call_id").asText()).isEqualTo(first);
        assertThat(messages.at("/3/tool_call_id").asText()).isEqualTo(second);
        assertThat(messages.at("/3/content").asText()).isEqualTo("result 2");
    }

    /** OPENAI "should preserve unique tool_result blocks for parallel tool calls": three calls, three tool messages in order. */
    @Test
    void parallelCallsGetTheirResultsInOrder() {
        JsonNode messages = json(PEER.translate("parallel", request("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Reading files.\"},"
                + call("call_a", "read_file", "/a") + "," + call("call_b", "read_file", "/b") + "," + call("call_c", "read_file", "/c") + "]},"
                + "{\"role\":\"user\",\"content\":[" + result("call_a", "result A") + "," + result("call_b", "result B") + "," + result("call_c", "result C")
                + "]}"), "openai:gpt-4o")).path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.at("/2/tool_call_id").asText()).isEqualTo("call_a");
        assertThat(messages.at("/3/tool_call_id").asText()).isEqualTo("call_b");
        assertThat(messages.at("/4/tool_call_id").asText()).isEqualTo("call_c");
    }

    /**
     * OPENAI "should skip duplicate tool_result blocks with the same tool_use_id within a single
     * user message". Deliberate difference: Cline keeps the first and drops the second silently;
     * promptport loses no text, so the second's content joins the first, in one tool message
     * (OpenAI refuses a second tool message for one call), named (PP210).
     */
    @Test
    void aRepeatedResultForOneCallJoinsTheFirstAndIsNamed() {
        Translation t = PEER.translate("duplicate", request("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"I'll read two files.\"}," + call("call_abc", "read_file", "/a") + "]},{\"role\":\"user\",\"content\":[" + result("call_abc", "first result")
                + "," + result("call_abc", "duplicate result") + "]}"), "openai:gpt-4o");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/2/content").asText()).isEqualTo("first result\n\nduplicate result");
        assertThat(ids(t)).contains("PP210");
    }

    /** OPENAI "should convert tool use and tool result messages": the text, the call and its tool message. */
    @Test
    void aCallWithTextAndItsResultBecomeChatMessages() {
        JsonNode messages = json(PEER.translate("basic", request("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me read the file.\"},"
                + call("call_xyz", "read_file", "/test.txt") + "]},{\"role\":\"user\",\"content\":[" + result("call_xyz", "file contents here") + "]}"),
                "openai:gpt-4o")).path("messages");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Let me read the file.");
        assertThat(messages.at("/1/tool_calls/0/id").asText()).isEqualTo("call_xyz");
        assertThat(messages.get(2).toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"call_xyz\",\"content\":\"file contents here\"}");
    }
}
