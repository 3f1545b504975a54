package dev.promptport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coding agent failing over re-sends long tool descriptions and schemas, every file it wrote
 * (as the call's arguments) and every result it read, with each request. With a memo these are
 * kept as the UTF-8 they are sent as and copied in: the request must be the one a fresh
 * translation writes, byte for byte, for every wire format.
 */
class AgentHistoryMemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAgentsToolsCallsAndResultsKeptInUtf8TranslateAsAFreshRequestDoes() throws Exception {
        TextMemo memo = new TextMemo(1024);
        for (String target : List.of("openai:gpt-4o", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro")) {
            for (int question = 0; question < 4; question++) {
                String request = agentRequest(question);
                Translation fresh = PromptPort.translate(request, Target.of(target));
                Translation remembered = PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target),
                        Options.DEFAULT.withMemo(memo));
                assertThat(remembered.jsonBytes()).as("%s, question %d", target, question).isEqualTo(fresh.jsonBytes());
                assertThat(remembered.findings()).isEqualTo(fresh.findings());
            }
        }
    }

    /** Three long tools, three files written and read back, and a question of its own. */
    private static String agentRequest(int question) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "claude-sonnet-4-5");
        root.put("max_tokens", 4096);
        root.put("system", "You are a coding agent.");
        ArrayNode tools = root.putArray("tools");
        for (int i = 0; i < 3; i++) {
            ObjectNode tool = tools.addObject();
            tool.put("name", "tool_" + i);
            tool.put("description", ("Use tool " + i + " only for its job; read the \"notes\" first – all of them.\n").repeat(12));
            ObjectNode schema = tool.putObject("input_schema");
            schema.put("type", "object");
            ObjectNode props = schema.putObject("properties");
            for (int k = 0; k < 8; k++) {
                props.putObject("param_" + k).put("type", "string").put("description", "What parameter " + k + " names, in full.");
            }
        }
        ArrayNode messages = root.putArray("messages");
        for (int i = 0; i < 3; i++) {
            messages.addObject().put("role", "user").put("content", "Write file " + i + ".");
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            ArrayNode blocks = assistant.putArray("content");
            blocks.addObject().put("type", "text").put("text", "Writing it.");
            ObjectNode call = blocks.addObject().put("type", "tool_use").put("id", "toolu_" + i).put("name", "tool_0");
            call.putObject("input").put("param_0", "/src/mod_" + i + ".py")
                    .put("param_1", ("def f(x):\n    return \"é – 😀\\t\" + str(x)\n").repeat(30));
            ObjectNode user = messages.addObject().put("role", "user");
            user.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", "toolu_" + i)
                    .put("content", ("line " + i + " of the file read back, \"quoted\" – and a tab\t.\n").repeat(20));
        }
        messages.addObject().put("role", "user").put("content", "Now run the tests (question " + question + ").");
        return JSON.writeValueAsString(root);
    }
}
