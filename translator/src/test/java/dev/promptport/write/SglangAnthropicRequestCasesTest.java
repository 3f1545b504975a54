package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SGLang's checks of its Anthropic Messages endpoint (sgl-project/sglang
 * {@code test/anthropic/tests/test_tool_choice.py}, {@code test_edge_cases.py} and {@code test_tool_calling.py}). They run a
 * model behind SGLang's OpenAI-style serving; here the same requests go to an OpenAI-compatible
 * server (vLLM's), OpenAI, the Responses API and Gemini, and the checks are on what is sent.
 */
class SglangAnthropicRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String LOCAL = "vllm:Qwen/Qwen2.5-72B-Instruct";
    private static final String GPT = "openai:gpt-4o";
    private static final String RESPONSES = "openai-responses:gpt-4o";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    private static final String WEATHER = "{\"name\":\"get_weather\",\"description\":\"Get the current weather for a specific location\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"The city and country, e.g. 'Paris, France'\"}},"
            + "\"required\":[\"location\"]}}";
    private static final String CALCULATE = "{\"name\":\"calculate\",\"description\":\"Perform a mathematical calculation\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"expression\":{\"type\":\"string\",\"description\":\"The mathematical expression to evaluate\"}},\"required\":[\"expression\"]}}";

    private static String request(String messages, String more) {
        return "{\"model\":\"default\",\"max_tokens\":100,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String say(String text) {
        return request("[{\"role\":\"user\",\"content\":" + text + "}]", "");
    }

    private static String withChoice(String choice) {
        return request("[{\"role\":\"user\",\"content\":\"What's the weather in Paris?\"}]", "\"tools\":[" + WEATHER + "," + CALCULATE + "],\"tool_choice\":" + choice);
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** forces_tool_use_when_tool_choice_any: any is Chat's "required", the Responses API's too, and Gemini's ANY. */
    @Test
    void anyIsRequiredOrAny() {
        assertThat(json(PEER.translate("any", withChoice("{\"type\":\"any\"}"), LOCAL)).at("/tool_choice").asText()).isEqualTo("required");
        assertThat(json(PEER.translate("any", withChoice("{\"type\":\"any\"}"), RESPONSES)).at("/tool_choice").asText()).isEqualTo("required");
        JsonNode g = json(PEER.translate("any", withChoice("{\"type\":\"any\"}"), GEMINI));
        assertThat(g.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("ANY");
        assertThat(g.at("/toolConfig/functionCallingConfig").has("allowedFunctionNames")).isFalse();
    }

    /** uses_specified_tool_when_tool_choice_tool: the named tool is Chat's named function and Gemini's ANY with that one name. */
    @Test
    void aNamedToolIsTheNamedFunction() {
        assertThat(json(PEER.translate("tool", withChoice("{\"type\":\"tool\",\"name\":\"calculate\"}"), LOCAL)).at("/tool_choice").toString())
                .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"calculate\"}}");
        JsonNode g = json(PEER.translate("tool", withChoice("{\"type\":\"tool\",\"name\":\"calculate\"}"), GEMINI));
        assertThat(g.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("ANY");
        assertThat(g.at("/toolConfig/functionCallingConfig/allowedFunctionNames").toString()).isEqualTo("[\"calculate\"]");
    }

    /** explicit_auto_same_as_default: an explicit auto sends what no choice sends, or auto itself; the tools go either way. */
    @Test
    void explicitAutoIsTheDefault() {
        JsonNode auto = json(PEER.translate("auto", withChoice("{\"type\":\"auto\"}"), GPT));
        JsonNode none = json(PEER.translate("default", request("[{\"role\":\"user\",\"content\":\"What's the weather in Paris?\"}]",
                "\"tools\":[" + WEATHER + "," + CALCULATE + "]"), GPT));
        assertThat(auto.path("tool_choice").asText("auto")).isEqualTo("auto");
        assertThat(none.path("tool_choice").asText("auto")).isEqualTo("auto");
        assertThat(auto.path("tools")).hasSize(2);
        assertThat(auto.at("/tools/1/function/parameters")).isEqualTo(none.at("/tools/1/function/parameters"));
    }

    /** handles_unicode_content, _emoji_content, _special_characters, _json_in_content, _code_in_content, _newlines: the text arrives as written. */
    @Test
    void unusualTextArrivesExactly() {
        String[] texts = {"Repeat exactly: \u4f60\u597d\u4e16\u754c \ud83c\udf0d \u03a9mega caf\u00e9", "What emojis are these? \ud83c\udf89\ud83d\ude80\ud83d\udcbb\ud83d\udd25\u2728\ud83c\udfa8\ud83c\udf08",
                "Handle these: <script>alert('xss')</script> & \"quotes\" 'apostrophe'", "Parse this JSON: {\"name\": \"test\", \"values\": [1, 2, 3]}",
                "What does this do?\n```python\ndef foo(x):\n    return x * 2\n```", "Line 1\nLine 2\n\nLine 4\n\n\nLine 7"};
        for (String text : texts) {
            String quoted = com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
            assertThat(json(PEER.translate("text", say(quoted), GPT)).at("/messages/0/content").asText()).isEqualTo(text);
            assertThat(json(PEER.translate("text", say(quoted), GEMINI)).at("/contents/0/parts/0/text").asText()).isEqualTo(text);
        }
    }

    /**
     * handles_whitespace_only_content: SGLang answers it. OpenAI-style servers take the text as it
     * is; Claude refuses a message of whitespace, so for a Claude target it is replaced by a
     * message saying it was empty (PP194) rather than ending on nothing.
     */
    @Test
    void aWhitespaceOnlyMessageIsSentAsItIsWhereTheTargetTakesIt() {
        assertThat(json(PEER.translate("blank", say("\"   \\n\\t   \""), LOCAL)).at("/messages/0/content").asText()).isEqualTo("   \n\t   ");
        Translation claude = PEER.translate("blank", say("\"   \\n\\t   \""), "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/messages/0/content/0/text").asText()).isEqualTo("[The user sent an empty message.]");
        assertThat(ids(claude)).contains("PP194");
    }

    /**
     * truncates_when_max_tokens_1: Chat takes a limit of 1; the Responses API refuses less than
     * 16, so there it is raised and named (PP206).
     */
    @Test
    void aLimitOfOneStaysForChatAndIsRaisedForResponses() {
        String req = "{\"model\":\"default\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Say a very long sentence.\"}]}";
        assertThat(json(PEER.translate("one", req, LOCAL)).at("/max_tokens").asInt()).isEqualTo(1);
        assertThat(json(PEER.translate("one", req, GPT)).at("/max_completion_tokens").asInt()).isEqualTo(1);
        Translation r = PEER.translate("one", req, RESPONSES);
        assertThat(json(r).at("/max_output_tokens").asInt()).isEqualTo(16);
        assertThat(ids(r)).contains("PP206");
    }

    /** handles_system_as_content_blocks and _long_system_prompt: the blocks are one system text, paragraphs apart; a long prompt is whole. */
    @Test
    void systemBlocksAreOneSystemTextAndALongPromptIsWhole() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"system\":[{\"type\":\"text\",\"text\":\"You are helpful.\"},{\"type\":\"text\",\"text\":\"Be concise.\"}]");
        assertThat(json(PEER.translate("system-blocks", req, LOCAL)).at("/messages/0/content").asText()).isEqualTo("You are helpful.\n\nBe concise.");
        assertThat(json(PEER.translate("system-blocks", req, RESPONSES)).at("/instructions").asText()).isEqualTo("You are helpful.\n\nBe concise.");
        String longSystem = "You are a helpful assistant. ".repeat(100);
        String big = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"system\":\"" + longSystem + "\"");
        assertThat(json(PEER.translate("long-system", big, GEMINI)).at("/systemInstruction/parts/0/text").asText()).isEqualTo(longSystem);
    }

    /** handles_many_turn_conversation and _repeated_identical_messages: every turn goes, in order, repeats and all. */
    @Test
    void manyTurnsAndRepeatedMessagesAllGoInOrder() {
        StringBuilder turns = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            turns.append("{\"role\":\"user\",\"content\":\"Message ").append(i * 2 + 1).append("\"},{\"role\":\"assistant\",\"content\":\"Response ")
                    .append(i * 2 + 2).append("\"},");
        }
        turns.append("{\"role\":\"user\",\"content\":\"Final question\"}]");
        JsonNode b = json(PEER.translate("many-turns", request(turns.toString(), ""), GEMINI));
        assertThat(b.path("contents")).hasSize(21);
        assertThat(b.at("/contents/19/parts/0/text").asText()).isEqualTo("Response 20");
        assertThat(b.at("/contents/20/parts/0/text").asText()).isEqualTo("Final question");
        JsonNode r = json(PEER.translate("repeated", request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":\"Hello\"}]", ""), LOCAL));
        assertThat(r.path("messages")).extracting(m -> m.path("content").asText()).containsExactly("Hello", "Hi", "Hello", "Hi", "Hello");
    }

    /**
     * test_tool_calling.py, incorporates_tool_result_in_response and
     * generates_tool_use_id_with_correct_format: the server's call comes back as a tool_use, the
     * client sends it back with its result, and the result must answer that call. SGLang makes
     * ids starting "toolu_"; promptport keeps the server's own id (Claude's SDKs take any id of
     * letters, digits, "_" and "-"), so the result names the id the server knows.
     */
    @Test
    void theServersCallIdComesBackAndItsResultAnswersIt() throws Exception {
        String reply = dev.promptport.reply.Replies.toAnthropic("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"default\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9f8e7d\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\": \\\"Paris, France\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":20,\"total_tokens\":70}}",
                dev.promptport.reply.ReplyFormat.OPENAI_CHAT, dev.promptport.reply.ReplyContext.NONE);
        JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply);
        assertThat(m.at("/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_9f8e7d");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("Paris, France");
        String next = request("[{\"role\":\"user\",\"content\":\"What's the weather in Paris, France?\"},{\"role\":\"assistant\",\"content\":"
                + m.get("content") + "},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_9f8e7d\","
                + "\"content\":\"22\u00b0C, partly cloudy\"}]}]", "\"tools\":[" + WEATHER + "]");
        JsonNode b = json(PEER.translate("round-trip", next, LOCAL));
        assertThat(b.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("call_9f8e7d");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("call_9f8e7d");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("22\u00b0C, partly cloudy");
    }

    /** generates_valid_tool_input_for_complex_schema: a schema's default, enum and required reach the server as written. */
    @Test
    void aToolSchemasDefaultEnumAndRequiredArriveAsWritten() {
        String schema = "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":\"Search query\"},"
                + "\"max_results\":{\"type\":\"integer\",\"description\":\"Maximum number of results\",\"default\":10},"
                + "\"category\":{\"type\":\"string\",\"enum\":[\"electronics\",\"clothing\",\"food\"],\"description\":\"Product category\"}},"
                + "\"required\":[\"query\"]}";
        String req = request("[{\"role\":\"user\",\"content\":\"Find me some electronics laptops\"}]",
                "\"tools\":[{\"name\":\"search_products\",\"description\":\"Search for products in the catalog\",\"input_schema\":" + schema + "}]");
        JsonNode params = json(PEER.translate("complex-schema", req, LOCAL)).at("/tools/0/function/parameters");
        assertThat(params.at("/properties/max_results/default").asInt()).isEqualTo(10);
        assertThat(params.at("/properties/category/enum").toString()).isEqualTo("[\"electronics\",\"clothing\",\"food\"]");
        assertThat(params.at("/required").toString()).isEqualTo("[\"query\"]");
    }
}
