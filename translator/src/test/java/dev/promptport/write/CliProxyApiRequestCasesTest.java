package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CLIProxyAPI's cases for translating Claude requests to OpenAI Chat and Gemini
 * (router-for-me/CLIProxyAPI {@code internal/translator/openai/claude/openai_claude_request_test.go}
 * and {@code internal/translator/gemini/claude/gemini_claude_request_test.go}). Every body is
 * checked against its spec.
 */
class CliProxyApiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GPT = "openai:gpt-4o";
    private static final String GEMINI = "gemini:gemini-3-flash-preview";
    private static final String CALL = "{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\","
            + "\"name\":\"do_work\",\"input\":{\"a\":1}}]}";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-3-opus\",\"max_tokens\":100,\"messages\":[" + messages + "]" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    /**
     * ToolResultOrderAndContent: text, a tool result, text in one user turn. OpenAI needs the
     * tool message right after the call, so the result comes first and the two texts follow
     * in one user message, in their order.
     */
    @Test
    void theToolMessageFollowsTheCallAndTheUsersTextsFollowIt() {
        JsonNode b = json(PEER.translate("order", request(CALL + ",{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"before\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"tool ok\"}]},"
                + "{\"type\":\"text\",\"text\":\"after\"}]}", ""), GPT));
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool", "user");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("call_1");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("tool ok");
        assertThat(b.at("/messages/3/content/0/text").asText()).isEqualTo("before");
        assertThat(b.at("/messages/3/content/1/text").asText()).isEqualTo("after");
    }

    /**
     * ToolResultTextAndImageContent: OpenAI's tool message takes text only, so the text stays
     * there and the image follows in a user message (PP128); CLIProxyAPI puts the image in the
     * tool message, which Chat Completions' schema does not allow.
     */
    @Test
    void aToolResultsImageFollowsInAUserMessage() {
        Translation t = PEER.translate("text and image", request(CALL + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"tool ok\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"iVBORw0KGgoAAAANSUhEUg==\"}}]}]}", ""), GPT);
        JsonNode b = json(t);
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("tool ok");
        assertThat(b.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/3/content/0/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * ToolResultObjectContent and ToolResultURLImageOnly send a tool result's content as one
     * object ({@code {"foo":"bar"}}, or a single image block). Claude's API takes a string or a
     * list of blocks there and refuses the request otherwise; promptport's reader does the same,
     * with a message that says what it expected.
     */
    @Test
    void aToolResultWhoseContentIsAnObjectIsRefusedAsClaudeRefusesIt() {
        for (String content : new String[] {"{\"foo\":\"bar\"}", "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/tool.png\"}}"}) {
            assertThatThrownBy(() -> PEER.translate("object content", request(CALL + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                    + "\"tool_use_id\":\"call_1\",\"content\":" + content + "}]}", ""), GPT))
                    .isInstanceOf(PromptPortException.class).hasMessageContaining("a string or a list of content blocks");
        }
    }

    /**
     * AssistantTextToolUseTextOrder and AssistantThinkingToolUseThinkingSplit: text, a call,
     * text (with thinking between) is one assistant message with both texts and the call. The
     * thinking is dropped and named (PP110): it is signed for Anthropic. Gemini keeps the parts
     * in their order.
     */
    @Test
    void anAssistantTurnsTextsAndCallAreOneMessage() {
        String req = request("{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"t1\"},"
                + "{\"type\":\"text\",\"text\":\"pre\"},{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"do_work\",\"input\":{\"a\":1}},"
                + "{\"type\":\"thinking\",\"thinking\":\"t2\"},{\"type\":\"text\",\"text\":\"post\"}]}", "");
        Translation t = PEER.translate("text call text", req, GPT);
        JsonNode b = json(t);
        assertThat(b.path("messages")).hasSize(2);
        assertThat(b.at("/messages/1/content").asText()).isEqualTo("pre\n\npost");
        assertThat(b.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("call_1");
        assertThat(b.at("/messages/1").has("reasoning_content")).isFalse();
        assertThat(ids(t).stream().filter("PP110"::equals)).hasSize(2);
        JsonNode g = json(PEER.translate("text call text", req, GEMINI));
        assertThat(g.at("/contents/1/parts/0/text").asText()).isEqualTo("pre");
        assertThat(g.at("/contents/1/parts/1/functionCall/name").asText()).isEqualTo("do_work");
        assertThat(g.at("/contents/1/parts/2/text").asText()).isEqualTo("post");
    }

    /** StopSequences: one or more stop sequences are a list. */
    @Test
    void stopSequencesAreAList() {
        assertThat(json(PEER.translate("stop", request("{\"role\":\"user\",\"content\":\"hi\"}", "\"stop_sequences\":[\"</block>\"]"), GPT))
                .path("stop").toString()).isEqualTo("[\"</block>\"]");
        assertThat(json(PEER.translate("stop", request("{\"role\":\"user\",\"content\":\"hi\"}", "\"stop_sequences\":[\"stop1\",\"stop2\"]"), GPT))
                .path("stop").toString()).isEqualTo("[\"stop1\",\"stop2\"]");
    }

    /**
     * SystemMessageScenarios: no system prompt or an empty one makes no system message (the
     * empty one is named, PP133); a string or text blocks make one, the blocks' texts joined.
     */
    @Test
    void aSystemPromptIsOneSystemMessageAndAnEmptyOneNone() {
        String hello = "{\"role\":\"user\",\"content\":\"hello\"}";
        assertThat(json(PEER.translate("no system", request(hello, ""), GPT)).at("/messages/0/role").asText()).isEqualTo("user");
        Translation empty = PEER.translate("empty system", request(hello, "\"system\":\"\""), GPT);
        assertThat(json(empty).at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(ids(empty)).contains("PP133");
        assertThat(json(PEER.translate("system", request(hello, "\"system\":\"Be helpful\""), GPT)).at("/messages/0/content").asText())
                .isEqualTo("Be helpful");
        JsonNode blocks = json(PEER.translate("system blocks", request(hello,
                "\"system\":[{\"type\":\"text\",\"text\":\"Block 1\"},{\"type\":\"text\",\"text\":\"Block 2\"}]"), GPT));
        assertThat(blocks.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(blocks.at("/messages/0").toString()).contains("Block 1").contains("Block 2");
    }

    /**
     * MessageSystemRoleWrapsAsUserReminder and Gemini's ConvertsMessageSystemRoleToUserContent:
     * system messages inside the conversation. CLIProxyAPI wraps them in a user turn as a
     * system reminder; promptport keeps them as instructions: for OpenAI a system (developer)
     * message in place, for Gemini, which takes instructions only at the start, appended to the
     * system instruction, and named (PP214).
     */
    @Test
    void systemMessagesMidConversationStayInstructions() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":[{\"type\":\"text\",\"text\":\"Top-level rules\"}],\"messages\":["
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]},{\"role\":\"system\",\"content\":\"String mid-conversation rule\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hi there\"}]},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Array mid-conversation rule\"}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Follow up\"}]}]}";
        JsonNode b = json(PEER.translate("mid system", req, "openai:gpt-5"));
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("developer", "user", "developer", "assistant", "developer", "user");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("String mid-conversation rule");
        assertThat(b.at("/messages/4/content").asText()).isEqualTo("Array mid-conversation rule");
        Translation g = PEER.translate("mid system", req, GEMINI);
        JsonNode gb = json(g);
        assertThat(gb.toString()).doesNotContain("\"role\":\"system\"");
        assertThat(gb.at("/systemInstruction/parts/0/text").asText()).startsWith("Top-level rules")
                .contains("String mid-conversation rule").contains("Array mid-conversation rule");
        assertThat(ids(g).stream().filter("PP214"::equals)).hasSize(2);
    }

    /**
     * ToolSchemaAddsMissingObjectProperties: an object schema without properties. OpenAI takes
     * it as it is (properties are optional in JSON Schema), so it is sent as written; Gemini's
     * OpenAPI schema refuses such an object, so the schema goes as JSON Schema, and a tool
     * without parameters goes without any.
     */
    @Test
    void anObjectWithoutPropertiesIsSentAsWrittenOrAsGeminisJsonSchema() {
        String req = request("{\"role\":\"user\",\"content\":\"hello\"}", "\"tools\":[{\"name\":\"empty_params\",\"description\":\"No args\","
                + "\"input_schema\":{\"type\":\"object\"}},{\"name\":\"nested_params\",\"description\":\"Nested args\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"nested\":{\"type\":\"object\"},\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}}}}}]");
        JsonNode b = json(PEER.translate("no properties", req, GPT));
        assertThat(b.at("/tools/0/function/parameters").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(b.at("/tools/1/function/parameters/properties/nested").toString()).isEqualTo("{\"type\":\"object\"}");
        Translation g = PEER.translate("no properties", req, GEMINI);
        JsonNode gb = json(g);
        assertThat(gb.at("/tools/0/functionDeclarations/0").has("parameters")).isFalse();
        assertThat(gb.at("/tools/0/functionDeclarations/1/parametersJsonSchema/properties/nested/type").asText()).isEqualTo("object");
        assertThat(ids(g)).contains("PP155");
    }

    /** Gemini ToolChoice_SpecificTool: a named tool is mode ANY with only that function allowed. */
    @Test
    void aNamedToolChoiceIsAnyWithOnlyThatFunction() {
        JsonNode b = json(PEER.translate("tool choice", request("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}",
                "\"tools\":[{\"name\":\"json\",\"description\":\"A JSON tool\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}],"
                        + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"json\"}"), GEMINI));
        assertThat(b.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("ANY");
        assertThat(b.at("/toolConfig/functionCallingConfig/allowedFunctionNames").toString()).isEqualTo("[\"json\"]");
    }

    /** Gemini StringSystemInstruction and ImageContent: the system text has no role, and an image is inline data after the text. */
    @Test
    void aGeminiSystemInstructionHasNoRoleAndAnImageIsInlineData() {
        JsonNode b = json(PEER.translate("system and image", request("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"describe this image\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"aGVsbG8=\"}}]}", "\"system\":\"Be concise\""), GEMINI));
        assertThat(b.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be concise");
        assertThat(b.path("systemInstruction").has("role")).isFalse();
        assertThat(b.has("system_instruction")).isFalse();
        assertThat(b.at("/contents/0/parts/0/text").asText()).isEqualTo("describe this image");
        assertThat(b.at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(b.at("/contents/0/parts/1/inlineData/data").asText()).isEqualTo("aGVsbG8=");
    }

    /** Gemini SkipsEmptyTextParts: empty text blocks around the text are dropped, and named (PP133). */
    @Test
    void emptyTextBlocksAreNotGeminiParts() {
        Translation t = PEER.translate("empty text", request("{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"\"},{\"type\":\"text\",\"text\":\"hello\"},{\"type\":\"text\",\"text\":\"\"}]},"
                + "{\"role\":\"user\",\"content\":\"x\"}", ""), GEMINI);
        assertThat(json(t).at("/contents/1/parts").toString()).isEqualTo("[{\"text\":\"hello\"}]");
        assertThat(ids(t).stream().filter("PP133"::equals)).hasSize(2);
    }

    /**
     * Gemini StructuredToolResult and StringToolResult: the result's text is the response's
     * result, as a string, not JSON text quoted again; an image in the result goes inside the
     * response as inline data, which Gemini 3 takes there (multimodal function responses).
     */
    @Test
    void aGeminiToolResultsTextIsItsResultAndAnImageGoesInsideTheResponse() {
        String call = "{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"json-call-1\",\"name\":\"json\","
                + "\"input\":{\"ok\":true}}]}";
        JsonNode s = json(PEER.translate("string result", request(call + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"json-call-1\","
                + "\"content\":\"alpha\"}]}", ""), GEMINI));
        assertThat(s.at("/contents/2/parts/0/functionResponse/response/result").asText()).isEqualTo("alpha");
        JsonNode st = json(PEER.translate("structured result", request(call + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"json-call-1\",\"content\":[{\"type\":\"text\",\"text\":\"alpha\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"aGVsbG8=\"}}]}]}", ""), GEMINI));
        assertThat(st.at("/contents/2/parts/0/functionResponse/response/result").asText()).isEqualTo("alpha");
        assertThat(st.at("/contents/2/parts/0/functionResponse/parts/0/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(st.at("/contents/2/parts/0/functionResponse/parts/0/inlineData/data").asText()).isEqualTo("aGVsbG8=");
    }
}
