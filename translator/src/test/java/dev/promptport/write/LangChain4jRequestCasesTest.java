package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * langchain4j's cases for the Claude message shape (langchain4j/langchain4j
 * {@code langchain4j-anthropic/src/test/java/dev/langchain4j/model/anthropic/AnthropicMapperTest.java},
 * {@code test_toAnthropicMessages}). langchain4j maps its own messages to Claude's; here each
 * expected Claude conversation is the input, translated to OpenAI Chat, Responses and Gemini,
 * and each body is checked against that vendor's spec.
 */
class LangChain4jRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4.1";
    private static final String RESPONSES = "openai-responses:gpt-4.1";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"tools\":[{\"name\":\"calculator\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"first\":{\"type\":\"integer\"},\"second\":{\"type\":\"integer\"}}}}],\"messages\":" + messages + "}";
    }

    private static String call(String id, int n) {
        return "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"calculator\",\"input\":{\"first\":" + n + ",\"second\":" + n + "}}";
    }

    private static String result(String id, String content) {
        return "{\"type\":\"tool_result\",\"tool_use_id\":\"" + id + "\",\"content\":\"" + content + "\"}";
    }

    /**
     * The case with an assistant text ("&lt;thinking&gt;...&lt;/thinking&gt;" written as plain text) before
     * its tool call: the text stays the assistant's content, word for word, beside the call.
     */
    @Test
    void assistantTextBeforeAToolCallStaysBesideTheCall() {
        String req = request("[{\"role\":\"user\",\"content\":\"How much is 2+2?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"<thinking>I need to use the calculator tool</thinking>\"}," + call("12345", 2) + "]},{\"role\":\"user\",\"content\":["
                + result("12345", "4") + "]}]");
        JsonNode chat = json(PEER.translate("text+call chat", req, CHAT)).path("messages");
        assertThat(chat.at("/1/content").toString()).contains("<thinking>I need to use the calculator tool</thinking>");
        assertThat(chat.at("/1/tool_calls/0/id").asText()).isEqualTo("12345");
        assertThat(chat.at("/1/tool_calls/0/function/name").asText()).isEqualTo("calculator");
        assertThat(chat.at("/2/role").asText()).isEqualTo("tool");
        assertThat(chat.at("/2/tool_call_id").asText()).isEqualTo("12345");
        assertThat(chat.at("/2/content").asText()).isEqualTo("4");
        JsonNode gemini = json(PEER.translate("text+call gemini", req, GEMINI)).path("contents");
        assertThat(gemini.at("/1/role").asText()).isEqualTo("model");
        assertThat(gemini.at("/1/parts/0/text").asText()).isEqualTo("<thinking>I need to use the calculator tool</thinking>");
        assertThat(gemini.at("/1/parts/1/functionCall/name").asText()).isEqualTo("calculator");
        assertThat(gemini.at("/1/parts/1/functionCall/args/first").asInt()).isEqualTo(2);
    }

    /** Two calls in one turn, both results in the next: two tool_calls, then two tool messages in the calls' order. */
    @Test
    void twoCallsInOneTurnAnswerInTheirOrder() {
        String req = request("[{\"role\":\"user\",\"content\":\"How much is 2+2 and 3+3?\"},{\"role\":\"assistant\",\"content\":[" + call("12345", 2) + ","
                + call("67890", 3) + "]},{\"role\":\"user\",\"content\":[" + result("12345", "4") + "," + result("67890", "6") + "]}]");
        JsonNode chat = json(PEER.translate("parallel chat", req, CHAT)).path("messages");
        assertThat(chat.at("/1/tool_calls")).hasSize(2);
        assertThat(chat.at("/1/tool_calls/1/function/arguments").asText()).isEqualTo("{\"first\":3,\"second\":3}");
        assertThat(chat.at("/2/tool_call_id").asText() + chat.at("/3/tool_call_id").asText()).isEqualTo("1234567890");
        assertThat(chat.at("/3/content").asText()).isEqualTo("6");
        JsonNode input = json(PEER.translate("parallel responses", req, RESPONSES)).path("input");
        assertThat(input.findValuesAsText("type")).containsSubsequence("function_call", "function_call", "function_call_output", "function_call_output");
        assertThat(input.findValuesAsText("call_id")).containsExactly("12345", "67890", "12345", "67890");
        JsonNode gemini = json(PEER.translate("parallel gemini", req, GEMINI)).path("contents");
        assertThat(gemini.at("/1/parts")).hasSize(2);
        assertThat(gemini.at("/2/parts")).hasSize(2);
        assertThat(gemini.at("/2/parts/1/functionResponse/name").asText()).isEqualTo("calculator");
    }

    /** One call per turn, twice: the turns keep their order, each result right after its call. */
    @Test
    void callsInSuccessiveTurnsKeepTheirOrder() {
        String req = request("[{\"role\":\"user\",\"content\":\"How much is 2+2 and 3+3?\"},{\"role\":\"assistant\",\"content\":[" + call("12345", 2) + "]},"
                + "{\"role\":\"user\",\"content\":[" + result("12345", "4") + "]},{\"role\":\"assistant\",\"content\":[" + call("67890", 3) + "]},"
                + "{\"role\":\"user\",\"content\":[" + result("67890", "6") + "]}]");
        JsonNode chat = json(PEER.translate("sequential chat", req, CHAT)).path("messages");
        assertThat(chat).hasSize(5);
        assertThat(chat.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "assistant", "tool");
        assertThat(chat.at("/4/tool_call_id").asText()).isEqualTo("67890");
        JsonNode gemini = json(PEER.translate("sequential gemini", req, GEMINI)).path("contents");
        assertThat(gemini).hasSize(5);
    }

    /** An image by URL: Chat's image_url with the same URL, Responses' input_image. */
    @Test
    void anImageByUrlKeepsItsUrl() {
        String url = "https://upload.wikimedia.org/wikipedia/commons/4/47/PNG_transparency_demonstration_1.png";
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe this image\"},{\"type\":\"image\",\"source\":"
                + "{\"type\":\"url\",\"url\":\"" + url + "\"}}]}]");
        JsonNode chat = json(PEER.translate("image url chat", req, CHAT)).at("/messages/0/content");
        assertThat(chat.at("/0/text").asText()).isEqualTo("Describe this image");
        assertThat(chat.at("/1/image_url/url").asText()).isEqualTo(url);
        JsonNode responses = json(PEER.translate("image url responses", req, RESPONSES)).at("/input/0/content/1");
        assertThat(responses.path("type").asText()).isEqualTo("input_image");
        assertThat(responses.path("image_url").asText()).isEqualTo(url);
    }

    /** A base64 JPEG: a data URL for OpenAI, inline data with its media type for Gemini. */
    @Test
    void aBase64ImageIsADataUrlOrInlineData() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\","
                + "\"data\":\"YmFzZTY0ZGF0YQ==\"}}]}]");
        assertThat(json(PEER.translate("b64 chat", req, CHAT)).at("/messages/0/content/0/image_url/url").asText())
                .isEqualTo("data:image/jpeg;base64,YmFzZTY0ZGF0YQ==");
        JsonNode inline = json(PEER.translate("b64 gemini", req, GEMINI)).at("/contents/0/parts/0/inlineData");
        assertThat(inline.path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(inline.path("data").asText()).isEqualTo("YmFzZTY0ZGF0YQ==");
    }

    /** A base64 PDF after a text: Responses' input_file with a data URL, Gemini's inline application/pdf. */
    @Test
    void aBase64PdfIsAFileForOpenAiAndInlineDataForGemini() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Analyze this document\"},{\"type\":\"document\",\"source\":"
                + "{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0xLjc=\"}}]}]");
        JsonNode file = json(PEER.translate("pdf responses", req, RESPONSES)).at("/input/0/content/1");
        assertThat(file.path("type").asText()).isEqualTo("input_file");
        assertThat(file.path("file_data").asText()).isEqualTo("data:application/pdf;base64,JVBERi0xLjc=");
        JsonNode parts = json(PEER.translate("pdf gemini", req, GEMINI)).at("/contents/0/parts");
        assertThat(parts.at("/0/text").asText()).isEqualTo("Analyze this document");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("application/pdf");
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("JVBERi0xLjc=");
    }

    /**
     * A PDF by URL: Responses takes it as an input_file by URL; Chat Completions takes no file by
     * URL, so there it is left out and named.
     */
    @Test
    void aPdfByUrlIsAFileByUrlForResponses() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/document.pdf\"}}]}]");
        JsonNode file = json(PEER.translate("pdf url responses", req, RESPONSES)).at("/input/0/content/0");
        assertThat(file.path("type").asText()).isEqualTo("input_file");
        assertThat(file.path("file_url").asText()).isEqualTo("https://example.com/document.pdf");
        // Chat Completions takes no file by URL: the document is left out, named with its address
        // (PP121), and the emptied message says so (PP190) rather than vanishing
        Translation chat = PEER.translate("pdf url chat", req, CHAT);
        assertThat(chat.json()).doesNotContain("example.com");
        assertThat(chat.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP121");
            assertThat(f.message()).contains("https://example.com/document.pdf");
        });
        assertThat(chat.findings()).extracting(f -> f.id()).contains("PP190");
    }

    private static String withTools(String tools) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"tools\":" + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    }

    /**
     * {@code test_toAnthropicTool_with_definitions}: a parameter given by "$ref" to "$defs". Chat
     * and Gemini both get the definition (Gemini's parametersJsonSchema or the reference resolved),
     * so the tool's "foo" still says it needs a name.
     */
    @Test
    void aToolParameterByReferenceKeepsItsDefinition() {
        String req = withTools("[{\"name\":\"tool\",\"description\":\"description\",\"input_schema\":{\"type\":\"object\",\"properties\":"
                + "{\"foo\":{\"$ref\":\"#/$defs/Foo\"}},\"required\":[\"foo\"],\"$defs\":{\"Foo\":{\"type\":\"object\",\"properties\":"
                + "{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"]}}}}]");
        JsonNode function = json(PEER.translate("defs chat", req, CHAT)).at("/tools/0/function");
        assertThat(function.at("/parameters/$defs/Foo/required/0").asText()).isEqualTo("name");
        assertThat(function.at("/parameters/properties/foo/$ref").asText()).isEqualTo("#/$defs/Foo");
        JsonNode gemini = json(PEER.translate("defs gemini", req, GEMINI)).at("/tools/0/functionDeclarations/0");
        assertThat(gemini.path("name").asText()).isEqualTo("tool");
        assertThat(gemini.toString()).contains("\"name\"").contains("\"required\"");
    }

    /** The tool with a name and nothing else (an empty object schema): every target takes it with no parameters asked. */
    @Test
    void aToolWithoutParametersIsStillATool() {
        String req = withTools("[{\"name\":\"tool\",\"input_schema\":{\"type\":\"object\",\"properties\":{},\"required\":[]}}]");
        assertThat(json(PEER.translate("bare chat", req, CHAT)).at("/tools/0/function/name").asText()).isEqualTo("tool");
        assertThat(json(PEER.translate("bare responses", req, RESPONSES)).at("/tools/0/name").asText()).isEqualTo("tool");
        assertThat(json(PEER.translate("bare gemini", req, GEMINI)).at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("tool");
    }

    /**
     * {@code per_tool_strict_true_should_override_model_level_null}: a strict tool whose schema
     * strict mode can hold (every property required, additionalProperties false) stays strict.
     */
    @Test
    void aStrictToolStrictModeCanHoldStaysStrict() {
        String req = withTools("[{\"name\":\"strict_tool\",\"description\":\"description\",\"strict\":true,\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"param\":{\"type\":\"string\"}},\"required\":[\"param\"],\"additionalProperties\":false}}]");
        assertThat(json(PEER.translate("strict chat", req, CHAT)).at("/tools/0/function/strict").asBoolean()).isTrue();
        assertThat(json(PEER.translate("strict responses", req, RESPONSES)).at("/tools/0/strict").asBoolean()).isTrue();
    }

    /**
     * {@code should_only_apply_cache_control_to_last_item_when_multiple_items_present}: two texts,
     * the second marked for caching. Both texts reach the target in order; the mark has no
     * counterpart there, so it goes (OpenAI and Gemini cache on their own).
     */
    @Test
    void aCacheMarkOnTheLastOfTwoTextsLeavesBothTexts() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"First item\"},{\"type\":\"text\",\"text\":\"Second item\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]}";
        Translation chat = PEER.translate("cache chat", req, CHAT);
        assertThat(chat.json()).containsSubsequence("First item", "Second item").doesNotContain("cache_control");
        Translation gemini = PEER.translate("cache gemini", req, GEMINI);
        assertThat(gemini.json()).containsSubsequence("First item", "Second item").doesNotContain("cache_control");
    }
}
