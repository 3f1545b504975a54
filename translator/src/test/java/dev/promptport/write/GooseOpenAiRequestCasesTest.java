package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goose's cases for writing OpenAI Chat Completions requests (block/goose
 * {@code crates/goose/src/providers/formats/openai.rs}, its test module: "test_format_messages*",
 * "test_format_tools*", "test_validate_tool_schemas", "test_create_request_*"). Goose writes
 * from its own message type; each case here starts from the Claude request that says the same.
 */
class GooseOpenAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GPT = "openai:gpt-4o";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":" + messages
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String tool(String name, String schema) {
        return "{\"name\":\"" + name + "\",\"description\":\"A test tool\",\"input_schema\":" + schema + "}";
    }

    /** test_format_messages: one user text is one user message with that text. */
    @Test
    void oneUserTextIsOneUserMessage() {
        JsonNode b = json(PEER.translate("hello", request("[{\"role\":\"user\",\"content\":\"Hello\"}]", ""), GPT));
        assertThat(b.path("messages")).hasSize(1);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("Hello");
    }

    /** test_format_tools: a tool is a function tool of the same name with its schema. */
    @Test
    void aToolIsAFunctionToolWithItsSchema() {
        JsonNode b = json(PEER.translate("tools", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"tools\":[" + tool("test_tool",
                "{\"type\":\"object\",\"properties\":{\"input\":{\"type\":\"string\",\"description\":\"Test parameter\"}},"
                + "\"required\":[\"input\"]}") + "]"), GPT));
        assertThat(b.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(b.at("/tools/0/function/name").asText()).isEqualTo("test_tool");
        assertThat(b.at("/tools/0/function/description").asText()).isEqualTo("A test tool");
        assertThat(b.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("input");
    }

    /**
     * test_validate_tool_schemas, cases 1 and 3: an object schema with no properties still reaches
     * OpenAI as an object schema, and a complete schema is passed on unchanged.
     */
    @Test
    void aBareObjectSchemaStaysAnObjectAndACompleteSchemaIsUnchanged() {
        String complete = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"City and country\"}},"
                + "\"required\":[\"location\"]}";
        JsonNode b = json(PEER.translate("schemas", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"tools\":["
                + tool("bare", "{\"type\":\"object\"}") + "," + tool("full", complete) + "]"), GPT));
        assertThat(b.at("/tools/0/function/parameters/type").asText()).isEqualTo("object");
        assertThat(b.at("/tools/1/function/parameters").toString()).isEqualTo(complete);
    }

    /**
     * test_format_messages_complex and _multiple_content: text turns, a call and its result; the
     * result is a tool message whose id is the call's.
     */
    @Test
    void aCallAndItsResultBecomeToolCallsAndAToolMessageWithTheSameId() {
        JsonNode b = json(PEER.translate("complex", request("[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello!\"},{\"role\":\"user\",\"content\":\"How are you?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tool1\",\"name\":\"example\",\"input\":{\"param1\":\"value1\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tool1\",\"content\":\"Result\"}]}]", ""), GPT));
        JsonNode m = b.path("messages");
        assertThat(m).hasSize(5);
        assertThat(m.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(m.at("/1/content").asText()).isEqualTo("Hello!");
        assertThat(m.at("/3/tool_calls/0/function/name").asText()).isEqualTo("example");
        assertThat(m.at("/3/tool_calls/0/function/arguments").asText()).isEqualTo("{\"param1\":\"value1\"}");
        assertThat(m.at("/4/role").asText()).isEqualTo("tool");
        assertThat(m.at("/4/content").asText()).isEqualTo("Result");
        assertThat(m.at("/4/tool_call_id").asText()).isEqualTo(m.at("/3/tool_calls/0/id").asText());
    }

    /**
     * test_create_request_* for reasoning models: the system prompt is a developer message, the
     * limit is max_completion_tokens, and no temperature is sent (o-series models refuse one).
     * Goose sends the limit as it is; an o-series model spends part of it on hidden reasoning, so
     * promptport adds reasoning room above Claude's max_tokens and the answer keeps its 1,024.
     */
    @Test
    void aReasoningModelGetsADeveloperMessageAndMaxCompletionTokens() {
        Translation t = PEER.translate("o3", request("[{\"role\":\"user\",\"content\":\"Hi\"}]",
                "\"system\":\"system\",\"temperature\":0.7"), "openai:o3");
        JsonNode b = json(t);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("developer");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("system");
        assertThat(b.path("max_completion_tokens").asInt()).isGreaterThan(1024);
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(b.has("temperature")).isFalse();
    }

    /** test_create_request_* for gpt-4o: system message, max_tokens-style limit, the temperature kept. */
    @Test
    void aChatModelKeepsTheSystemMessageAndTemperature() {
        JsonNode b = json(PEER.translate("gpt-4o", request("[{\"role\":\"user\",\"content\":\"Hi\"}]",
                "\"system\":\"system\",\"temperature\":0.7"), GPT));
        assertThat(b.at("/messages/0/role").asText()).isIn("system", "developer");
        assertThat(b.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(b.has("max_completion_tokens") || b.has("max_tokens")).isTrue();
    }

    /** create_request for streaming: a streamed request asks for the usage chunk. */
    @Test
    void aStreamedRequestAsksForUsage() {
        JsonNode b = json(PEER.translate("stream", request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"stream\":true"), GPT));
        assertThat(b.path("stream").asBoolean()).isTrue();
        assertThat(b.at("/stream_options/include_usage").asBoolean()).isTrue();
    }
}
