package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Higress's cases for its Claude to OpenAI converter, request side (alibaba/higress
 * {@code plugins/wasm-go/extensions/ai-proxy/provider/claude_to_openai_test.go}:
 * {@code TestClaudeToOpenAIConverter_ConvertClaudeRequestToOpenAI}, {@code _ConvertThinkingConfig},
 * {@code _StripCchFromSystemMessage}). Higress's tool results arrive without the call before
 * them; here each follows its call, since promptport sends a result that answers no call as user
 * text (PP204, see {@link OllamaAnthropicRequestCasesTest}).
 */
class HigressClaudeToOpenAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GPT = "openai:gpt-4o";
    private static final String O3 = "openai:o3";
    private static final String GEMINI = "gemini:gemini-2.5-pro";
    private static final String JPEG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static String request(String messages, String more) {
        return "{\"model\":\"anthropic/claude-sonnet-4\",\"max_tokens\":1000,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String call(String id, String name, String input) {
        return "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"input\":" + input + "}";
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * convert_multiple_text_content_blocks (a Claude Code turn). Higress keeps each block with its
     * cache_control in the OpenAI body; OpenAI's Chat format has no cache_control, so promptport
     * drops the marks and names them (PP113), joins the system blocks into one system message,
     * keeps the user's three blocks as three text parts, and sends the user id as
     * safety_identifier (PP114).
     */
    @Test
    void aClaudeCodeTurnKeepsItsBlocksAndNamesTheCacheMarks() {
        String req = "{\"max_tokens\":32000,\"messages\":[{\"content\":[{\"text\":\"<system-reminder>\\nThe todo list is empty.</system-reminder>\",\"type\":\"text\"},"
                + "{\"text\":\"<system-reminder>\\nyyy</system-reminder>\",\"type\":\"text\"},"
                + "{\"cache_control\":{\"type\":\"ephemeral\"},\"text\":\"你是谁\",\"type\":\"text\"}],\"role\":\"user\"}],"
                + "\"metadata\":{\"user_id\":\"user_dd3c52c1_account__session_b2e14122\"},\"model\":\"anthropic/claude-sonnet-4\",\"stream\":true,"
                + "\"system\":[{\"cache_control\":{\"type\":\"ephemeral\"},\"text\":\"xxx\",\"type\":\"text\"},"
                + "{\"cache_control\":{\"type\":\"ephemeral\"},\"text\":\"yyy\",\"type\":\"text\"}],\"temperature\":1}";
        Translation t = PEER.translate("claude-code-turn", req, GPT);
        JsonNode b = json(t);
        assertThat(b.path("stream").asBoolean()).isTrue();
        assertThat(b.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(b.path("messages")).hasSize(2);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("xxx\n\nyyy");
        JsonNode parts = b.at("/messages/1/content");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).path("text").asText()).contains("The todo list is empty.");
        assertThat(parts.get(1).path("text").asText()).contains("yyy");
        assertThat(parts.get(2).path("text").asText()).isEqualTo("你是谁");
        assertThat(b.toString()).doesNotContain("cache_control");
        assertThat(ids(t)).contains("PP113");
        assertThat(b.path("safety_identifier").asText()).isEqualTo("user_dd3c52c1_account__session_b2e14122");
    }

    /** convert_mixed_content_with_image and convert_simple_string_content. */
    @Test
    void anImageIsADataUrlPartAndPlainTextStaysAString() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What's in this image?\"},{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"" + JPEG + "\"}}]}]", "");
        JsonNode b = json(PEER.translate("image", req, GPT));
        assertThat(b.at("/messages/0/content/0/text").asText()).isEqualTo("What's in this image?");
        assertThat(b.at("/messages/0/content/1/type").asText()).isEqualTo("image_url");
        assertThat(b.at("/messages/0/content/1/image_url/url").asText()).isEqualTo("data:image/jpeg;base64," + JPEG);
        JsonNode s = json(PEER.translate("string", request("[{\"role\":\"user\",\"content\":\"Hello, how are you?\"}]", ""), GPT));
        assertThat(s.at("/messages/0/content").isTextual()).isTrue();
        assertThat(s.at("/messages/0/content").asText()).isEqualTo("Hello, how are you?");
    }

    /**
     * convert_empty_content_array: OpenAI takes an empty message; Gemini refuses a part without
     * text, so there the last user message says it was empty (PP194).
     */
    @Test
    void anEmptyUserMessageStaysEmptyWhereTheTargetTakesIt() {
        String req = request("[{\"role\":\"user\",\"content\":[]}]", "");
        JsonNode b = json(PEER.translate("empty", req, GPT));
        assertThat(b.path("messages")).hasSize(1);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/0/content").asText()).isEmpty();
        assertThat(ids(PEER.translate("empty", req, GEMINI))).contains("PP194");
    }

    /** convert_tool_use_to_tool_calls and convert_mixed_text_and_tool_use: the text is the content, the call a tool call. */
    @Test
    void anAssistantsTextAndCallBecomeContentAndToolCalls() {
        String req = request("[{\"role\":\"user\",\"content\":\"Search for me\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"I'll help you search for information.\"}," + call("toolu_01D7FLrfh4GYq7yT1ULFeyMV", "web_search",
                        "{\"query\":\"Claude AI capabilities\",\"max_results\":5}") + "]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01D7FLrfh4GYq7yT1ULFeyMV\",\"content\":\"done\"}]}]", "");
        JsonNode a = json(PEER.translate("text-and-call", req, GPT)).at("/messages/1");
        assertThat(a.path("role").asText()).isEqualTo("assistant");
        assertThat(a.path("content").asText()).isEqualTo("I'll help you search for information.");
        assertThat(a.path("tool_calls")).hasSize(1);
        assertThat(a.at("/tool_calls/0/id").asText()).isEqualTo("toolu_01D7FLrfh4GYq7yT1ULFeyMV");
        assertThat(a.at("/tool_calls/0/type").asText()).isEqualTo("function");
        assertThat(a.at("/tool_calls/0/function/name").asText()).isEqualTo("web_search");
        JsonNode args = parse(a.at("/tool_calls/0/function/arguments").asText());
        assertThat(args.path("query").asText()).isEqualTo("Claude AI capabilities");
        assertThat(args.path("max_results").asInt()).isEqualTo(5);
    }

    /**
     * convert_tool_result_to_tool_message, convert_tool_result_with_array_content and
     * convert_tool_result_with_actual_error_data (higress issue 3344: the user's text beside the
     * result is kept, after the tool message).
     */
    @Test
    void aResultIsAToolMessageAndTheTextBesideItFollowsAsTheUsers() {
        String id = "toolu_vrtx_01UbCfwoTgoDBqbYEwkVaxd5";
        String result = "\\n  ## 结果 1\\n  - **id**: /websites/threejs\\n  - **title**: three.js\\n";
        String req = request("[{\"role\":\"user\",\"content\":\"Find three.js docs\"},{\"role\":\"assistant\",\"content\":["
                + call(id, "resolve-library-id", "{\"libraryName\":\"three.js\"}") + "]},"
                + "{\"role\":\"user\",\"content\":[{\"content\":[{\"text\":\"" + result + "\",\"type\":\"text\"}],\"tool_use_id\":\"" + id + "\","
                + "\"type\":\"tool_result\"},{\"cache_control\":{\"type\":\"ephemeral\"},\"text\":\"继续\",\"type\":\"text\"}]}]", "");
        JsonNode b = json(PEER.translate("result-and-text", req, GPT));
        assertThat(b.path("messages")).hasSize(4);
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo(id);
        assertThat(b.at("/messages/2/content").asText()).contains("three.js");
        assertThat(b.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/3/content").asText()).isEqualTo("继续");
    }

    /**
     * convert_multiple_tool_calls and convert_multiple_tool_results: an assistant message of calls
     * alone has no content, and each result is a tool message of its own, in order.
     */
    @Test
    void twoCallsAreOneMessageAndTheirResultsTwoToolMessages() {
        String req = request("[{\"role\":\"user\",\"content\":\"Weather and sum\"},{\"role\":\"assistant\",\"content\":["
                + call("toolu_search", "web_search", "{\"query\":\"weather\"}") + "," + call("toolu_calc", "calculate", "{\"expression\":\"2+2\"}") + "]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_search\",\"content\":\"Weather: 25°C sunny\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_calc\",\"content\":\"Result: 4\"}]}]", "");
        JsonNode b = json(PEER.translate("two-calls", req, GPT));
        JsonNode a = b.at("/messages/1");
        assertThat(a.has("content") && !a.path("content").isNull()).isFalse();
        assertThat(a.path("tool_calls")).extracting(c -> c.path("id").asText()).containsExactly("toolu_search", "toolu_calc");
        assertThat(a.path("tool_calls")).extracting(c -> c.at("/function/name").asText()).containsExactly("web_search", "calculate");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("toolu_search");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("Weather: 25°C sunny");
        assertThat(b.at("/messages/3/tool_call_id").asText()).isEqualTo("toolu_calc");
        assertThat(b.at("/messages/3/content").asText()).isEqualTo("Result: 4");
    }

    /**
     * ConvertThinkingConfig: a budget of 2048 is effort low, 8192 medium, 20480 high, and neither
     * {@code thinking} nor a token budget field reaches OpenAI. Higress sends no effort for
     * disabled thinking; o3 always reasons, so promptport sets its lowest effort and says so
     * (PP135).
     */
    @Test
    void aThinkingBudgetBecomesAnEffortLevel() {
        String[][] cases = {{"2048", "low"}, {"8192", "medium"}, {"20480", "high"}};
        for (String[] c : cases) {
            String req = request("[{\"role\":\"user\",\"content\":\"Hello\"}]", "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":" + c[0] + "}")
                    .replace("\"max_tokens\":1000", "\"max_tokens\":32000");
            JsonNode b = json(PEER.translate("thinking-" + c[0], req, O3));
            assertThat(b.path("reasoning_effort").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(b.has("thinking")).isFalse();
            assertThat(b.has("reasoning_max_tokens")).isFalse();
        }
        Translation off = PEER.translate("thinking-off", request("[{\"role\":\"user\",\"content\":\"Hello\"}]",
                "\"thinking\":{\"type\":\"disabled\"}"), O3);
        assertThat(json(off).path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(ids(off)).contains("PP135");
        assertThat(json(PEER.translate("no-thinking", request("[{\"role\":\"user\",\"content\":\"Hello\"}]", ""), GPT))
                .has("reasoning_effort")).isFalse();
    }

    /**
     * StripCchFromSystemMessage and TestStripCchFromBillingHeader: Claude Code's billing line
     * changes its cch value with every request, which keeps the target's prompt cache from
     * matching. Higress cuts the cch value out and sends the rest of the line; the line is no
     * instruction to the model at all, so promptport leaves the whole line out and names it
     * (PP114), whether it is a block of its own or the first line of one. A system prompt without
     * it is sent as it was, and Claude itself still gets the line, which Anthropic's billing reads.
     */
    @Test
    void claudeCodesBillingLineIsLeftOutAndNamed() {
        String line = "x-anthropic-billing-header: cc_version=2.1.37.3a3; cc_entrypoint=claude-vscode; cch=abc123;";
        String req = request("[{\"role\":\"user\",\"content\":\"Hello\"}]", "\"system\":[{\"type\":\"text\",\"text\":\"" + line + "\"},"
                + "{\"type\":\"text\",\"text\":\"You are a helpful assistant.\"}]");
        for (String target : new String[] {GPT, GEMINI, "openai-responses:gpt-5"}) {
            Translation t = PEER.translate("billing-line", req, target);
            assertThat(t.json()).as(target).doesNotContain("x-anthropic-billing-header").doesNotContain("cch=")
                    .contains("You are a helpful assistant.");
            assertThat(finding(t, "PP114").message()).as(target).contains(line).contains(target);
        }
        String joined = request("[{\"role\":\"user\",\"content\":\"Hello\"}]", "\"system\":\"" + line + "\\nYou are a helpful assistant.\"");
        assertThat(json(PEER.translate("billing-line-joined", joined, GPT)).at("/messages/0/content").asText())
                .isEqualTo("You are a helpful assistant.");
        Translation alone = PEER.translate("billing-line-alone", request("[{\"role\":\"user\",\"content\":\"Hello\"}]",
                "\"system\":\"" + line + "\""), GPT);
        assertThat(json(alone).path("messages")).hasSize(1);
        assertThat(ids(alone)).contains("PP114");
        Translation plain = PEER.translate("plain-system", request("[{\"role\":\"user\",\"content\":\"Hello\"}]",
                "\"system\":\"You are a helpful assistant.\""), GPT);
        assertThat(json(plain).at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(ids(plain)).doesNotContain("PP114");
        Translation claude = PEER.translate("billing-line-claude", req, "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/system/0/text").asText()).isEqualTo(line);
        assertThat(ids(claude)).doesNotContain("PP114");
    }
}
