package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vercel AI SDK's cases for writing OpenAI Chat and Responses requests (vercel/ai
 * {@code packages/openai/src/chat/convert-to-openai-chat-messages.test.ts} and
 * {@code packages/openai/src/responses/convert-to-openai-responses-input.test.ts}). The SDK
 * converts its own prompt type; each case is restated here as the Claude request that carries the
 * same content, and the checks are on the body sent, which is also checked against OpenAI's spec.
 */
class VercelAiOpenAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4o";
    private static final String REASONING_CHAT = "openai:o3";
    private static final String RESPONSES = "openai-responses:gpt-4o";
    private static final String REASONING_RESPONSES = "openai-responses:o3";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String user(String content) {
        return request("[{\"role\":\"user\",\"content\":" + content + "}]", "");
    }

    private static final String TOOLS = "\"tools\":[{\"name\":\"thwomp\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"foo\":{\"type\":\"string\"}}}},"
            + "{\"name\":\"search\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}}}},"
            + "{\"name\":\"calculator\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"expression\":{\"type\":\"string\"}}}}]";

    private static List<String> kinds(JsonNode input) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : input) {
            kinds.add(item.has("role") ? item.path("role").asText() : item.path("type").asText());
        }
        return kinds;
    }

    /** "should forward system messages" and "…to developer messages when requested": gpt-4o takes a system message, o3 a developer one. */
    @Test
    void theSystemPromptIsASystemOrDeveloperMessageByModel() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"system\":\"You are a helpful assistant.\"");
        JsonNode gpt = json(PEER.translate("system", req, CHAT));
        assertThat(gpt.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(gpt.at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant.");
        JsonNode o3 = json(PEER.translate("developer", req, REASONING_CHAT));
        assertThat(o3.at("/messages/0/role").asText()).isEqualTo("developer");
        assertThat(o3.at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant.");
    }

    /** Responses "should convert system messages": the Responses API has its own place for the system prompt, instructions. */
    @Test
    void onTheResponsesApiTheSystemPromptIsTheInstructions() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"system\":\"Hello\"");
        JsonNode b = json(PEER.translate("instructions", req, RESPONSES));
        assertThat(b.path("instructions").asText()).isEqualTo("Hello");
        assertThat(kinds(b.path("input"))).containsExactly("user");
    }

    /** "should convert messages with only a text part to a string content": one text block is the message's text, on both APIs. */
    @Test
    void aSingleTextBlockIsTheMessagesText() {
        String req = user("[{\"type\":\"text\",\"text\":\"Hello\"}]");
        assertThat(json(PEER.translate("one-text", req, CHAT)).at("/messages/0/content").asText()).isEqualTo("Hello");
        JsonNode item = json(PEER.translate("one-text", req, RESPONSES)).at("/input/0");
        assertThat(item.path("role").asText()).isEqualTo("user");
        assertThat(item.at("/content/0/type").asText()).isEqualTo("input_text");
        assertThat(item.at("/content/0/text").asText()).isEqualTo("Hello");
    }

    /** "should convert messages with image parts" (Chat) and "…using binary data" (Responses): base64 becomes a data URL, after the text it follows. */
    @Test
    void aBase64ImageIsADataUrlInItsPlace() {
        String req = user("[{\"type\":\"text\",\"text\":\"Hello\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AAECAw==\"}}]");
        JsonNode chat = json(PEER.translate("image", req, CHAT)).at("/messages/0/content");
        assertThat(chat.at("/0/text").asText()).isEqualTo("Hello");
        assertThat(chat.at("/1/type").asText()).isEqualTo("image_url");
        assertThat(chat.at("/1/image_url/url").asText()).isEqualTo("data:image/png;base64,AAECAw==");
        JsonNode responses = json(PEER.translate("image", req, RESPONSES)).at("/input/0/content");
        assertThat(responses.at("/0/type").asText()).isEqualTo("input_text");
        assertThat(responses.at("/1/type").asText()).isEqualTo("input_image");
        assertThat(responses.at("/1/image_url").asText()).isEqualTo("data:image/png;base64,AAECAw==");
    }

    /** Responses "should convert messages with image parts using URL": the address is the input_image's image_url as written. */
    @Test
    void anImageByAddressKeepsItsAddress() {
        String req = user("[{\"type\":\"text\",\"text\":\"Hello\"},{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/image.jpg\"}}]");
        JsonNode responses = json(PEER.translate("image-url", req, RESPONSES)).at("/input/0/content/1");
        assertThat(responses.path("type").asText()).isEqualTo("input_image");
        assertThat(responses.path("image_url").asText()).isEqualTo("https://example.com/image.jpg");
        assertThat(json(PEER.translate("image-url", req, CHAT)).at("/messages/0/content/1/image_url/url").asText())
                .isEqualTo("https://example.com/image.jpg");
    }

    /**
     * "should convert messages with PDF file parts" and "should use default filename for PDF file
     * parts when not provided": a PDF is a file part with a data URL and a filename on both APIs;
     * OpenAI wants a filename beside file_data, so an untitled PDF still gets one.
     */
    @Test
    void aPdfIsAFilePartWithAFilenameTitledOrNot() {
        String req = user("[{\"type\":\"document\",\"title\":\"document.pdf\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"AQIDBAU=\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"AQIDBAU=\"}}]");
        JsonNode chat = json(PEER.translate("pdf", req, CHAT)).at("/messages/0/content");
        for (JsonNode part : chat) {
            assertThat(part.path("type").asText()).isEqualTo("file");
            assertThat(part.at("/file/file_data").asText()).isEqualTo("data:application/pdf;base64,AQIDBAU=");
            assertThat(part.at("/file/filename").asText()).isNotBlank();
        }
        assertThat(chat.at("/0/file/filename").asText()).isEqualTo("document.pdf");
        JsonNode responses = json(PEER.translate("pdf", req, RESPONSES)).at("/input/0/content");
        for (JsonNode part : responses) {
            assertThat(part.path("type").asText()).isEqualTo("input_file");
            assertThat(part.path("file_data").asText()).isEqualTo("data:application/pdf;base64,AQIDBAU=");
            assertThat(part.path("filename").asText()).isNotBlank();
        }
    }

    /**
     * Responses "should convert PDF file parts with URL to input_file with file_url"; Chat "should
     * throw error for file URLs": the Responses API fetches the file itself, Chat takes no file
     * address, so there it is left out and named rather than sent as something else.
     */
    @Test
    void aPdfByAddressIsAFileUrlOnResponsesAndNamedOnChat() {
        String req = user("[{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/document.pdf\"}},{\"type\":\"text\",\"text\":\"Summarize\"}]");
        JsonNode responses = json(PEER.translate("pdf-url", req, RESPONSES)).at("/input/0/content/0");
        assertThat(responses.path("type").asText()).isEqualTo("input_file");
        assertThat(responses.path("file_url").asText()).isEqualTo("https://example.com/document.pdf");
        Translation chat = PEER.translate("pdf-url", req, CHAT);
        assertThat(json(chat).at("/messages/0/content").toString()).doesNotContain("example.com").contains("Summarize");
        assertThat(ids(chat)).contains("PP121");
    }

    /**
     * "should throw error for unsupported file types" (text/plain): Claude's plain-text document
     * has no file part to go to on either API; its text goes as text, titled, rather than being
     * refused or dropped.
     */
    @Test
    void aPlainTextDocumentGoesAsItsText() {
        String req = user("[{\"type\":\"document\",\"title\":\"notes\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"Line one\\nLine two\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarize\"}]");
        Translation chat = PEER.translate("text-doc", req, CHAT);
        assertThat(json(chat).at("/messages/0/content/0/text").asText()).contains("notes").contains("Line one\nLine two");
        assertThat(ids(chat)).contains("PP120");
        assertThat(json(PEER.translate("text-doc", req, RESPONSES)).at("/input/0/content/0/text").asText()).contains("Line one\nLine two");
    }

    /** "should throw for unsupported mime types" (application/something): a document no API takes is left out and named, the text beside it kept. */
    @Test
    void aDocumentOfAnUnknownTypeIsLeftOutAndNamed() {
        String req = user("[{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/something\",\"data\":\"AAECAw==\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarize\"}]");
        for (String target : new String[] {CHAT, RESPONSES}) {
            Translation t = PEER.translate("odd-doc", req, target);
            assertThat(t.json()).doesNotContain("AAECAw==").contains("Summarize");
            assertThat(ids(t)).contains("PP121");
        }
    }

    /**
     * "should stringify arguments to tool calls", "should default missing tool call input to an
     * empty object" and "should handle different tool output types": arguments are a JSON string
     * ("{}" for no input), each result a tool message for its call, an error's text kept.
     */
    @Test
    void callArgumentsAreJsonTextAndEachResultAnswersItsCall() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"quux\",\"name\":\"thwomp\",\"input\":{\"foo\":\"bar123\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"empty\",\"name\":\"calculator\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"quux\",\"content\":\"{\\\"oof\\\":\\\"321rab\\\"}\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"empty\",\"is_error\":true,\"content\":\"Something went wrong\"}]}]", TOOLS);
        JsonNode m = json(PEER.translate("calls", req, CHAT)).path("messages");
        assertThat(m.at("/1/tool_calls/0/function/arguments").asText()).isEqualTo("{\"foo\":\"bar123\"}");
        assertThat(m.at("/1/tool_calls/1/function/arguments").asText()).isEqualTo("{}");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/tool_call_id").asText()).isEqualTo("quux");
        assertThat(m.at("/2/content").asText()).isEqualTo("{\"oof\":\"321rab\"}");
        assertThat(m.at("/3/tool_call_id").asText()).isEqualTo("empty");
        assertThat(m.at("/3/content").asText()).contains("Something went wrong");
    }

    /**
     * Responses "should convert messages with tool call parts" and "…multiple tool call parts in a
     * single message": the text is an assistant message, then one function_call item per call,
     * in order, then their outputs.
     */
    @Test
    void onResponsesTheTextIsAMessageThenEachCallAnItem() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"I will search for that information.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"search\",\"input\":{\"query\":\"weather in San Francisco\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"call_456\",\"name\":\"calculator\",\"input\":{\"expression\":\"2 + 2\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":\"{\\\"temperature\\\":\\\"72\u00b0F\\\",\\\"condition\\\":\\\"Sunny\\\"}\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call_456\",\"content\":\"4\"}]}]", TOOLS);
        JsonNode input = json(PEER.translate("responses-calls", req, RESPONSES)).path("input");
        assertThat(kinds(input)).containsExactly("user", "assistant", "function_call", "function_call", "function_call_output", "function_call_output");
        assertThat(input.at("/1/content").toString()).contains("I will search for that information.");
        assertThat(input.at("/2/call_id").asText()).isEqualTo("call_123");
        assertThat(input.at("/2/name").asText()).isEqualTo("search");
        assertThat(input.at("/2/arguments").asText()).isEqualTo("{\"query\":\"weather in San Francisco\"}");
        assertThat(input.at("/3/call_id").asText()).isEqualTo("call_456");
        assertThat(input.at("/4/call_id").asText()).isEqualTo("call_123");
        assertThat(input.at("/4/output").asText()).isEqualTo("{\"temperature\":\"72\u00b0F\",\"condition\":\"Sunny\"}");
        assertThat(input.at("/5/call_id").asText()).isEqualTo("call_456");
        assertThat(input.at("/5/output").asText()).isEqualTo("4");
    }

    /**
     * Responses "…tool result part with multipart with mixed content (text, image, file)": the
     * Responses API's function_call_output takes a list of parts, so the text, the image and the
     * PDF stay in the output of their call, in order.
     */
    @Test
    void onResponsesAResultsTextImageAndPdfStayInItsOutput() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"search\",\"input\":{\"query\":\"weather\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"The weather in San Francisco is 72\u00b0F\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"AQIDBAU=\"}}]}]}]", TOOLS);
        JsonNode input = json(PEER.translate("mixed-result", req, RESPONSES)).path("input");
        assertThat(kinds(input)).containsExactly("user", "function_call", "function_call_output");
        JsonNode output = input.at("/2/output");
        assertThat(output).hasSize(3);
        assertThat(output.at("/0/type").asText()).isEqualTo("input_text");
        assertThat(output.at("/0/text").asText()).isEqualTo("The weather in San Francisco is 72\u00b0F");
        assertThat(output.at("/1/type").asText()).isEqualTo("input_image");
        assertThat(output.at("/1/image_url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(output.at("/2/type").asText()).isEqualTo("input_file");
        assertThat(output.at("/2/file_data").asText()).isEqualTo("data:application/pdf;base64,AQIDBAU=");
        assertThat(output.at("/2/filename").asText()).isNotBlank();
    }

    /**
     * The same result on Chat Completions, whose tool messages take text only: the text answers the
     * call, and the image and PDF follow in a user message after every tool message (PP128).
     */
    @Test
    void onChatAResultsImageAndPdfFollowTheToolMessages() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"search\",\"input\":{\"query\":\"weather\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"The weather in San Francisco is 72\u00b0F\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"AQIDBAU=\"}}]}]}]", TOOLS);
        Translation t = PEER.translate("mixed-result-chat", req, CHAT);
        JsonNode m = json(t).path("messages");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/content").asText()).isEqualTo("The weather in San Francisco is 72\u00b0F");
        assertThat(m.at("/3/role").asText()).isEqualTo("user");
        assertThat(m.at("/3/content/0/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(m.at("/3/content/1/file/file_data").asText()).isEqualTo("data:application/pdf;base64,AQIDBAU=");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * Responses "reasoning messages (store: false)", "merging and sequencing": reasoning that came
     * from the Responses API (its item id and encrypted content in the signature) goes back as a
     * reasoning item with that id and content, each before its own call; the request is stateless
     * (store false) and asks for encrypted reasoning again.
     */
    @Test
    void responsesReasoningGoesBackAsReasoningItemsBeforeTheirCalls() {
        String req = "{\"model\":\"o3\",\"max_tokens\":2000,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}," + TOOLS + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Research then compute.\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Initial analysis step 1\\n\\nInitial analysis step 2\","
                + "\"signature\":\"promptport:openai:rs_001:encrypted_content_001\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_001\",\"name\":\"search\",\"input\":{\"query\":\"initial search\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_001\",\"content\":\"{\\\"results\\\":[\\\"result1\\\",\\\"result2\\\"]}\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Processing results step 1\","
                + "\"signature\":\"promptport:openai:rs_002:encrypted_content_002\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_002\",\"name\":\"calculator\",\"input\":{\"expression\":\"2 + 2\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_002\",\"content\":\"{\\\"result\\\":4}\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"Based on my analysis and calculations, here is the final answer.\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks\"}]}";
        JsonNode b = json(PEER.translate("reasoning-items", req, REASONING_RESPONSES));
        JsonNode input = b.path("input");
        assertThat(kinds(input)).containsExactly("user", "reasoning", "function_call", "function_call_output", "reasoning", "function_call",
                "function_call_output", "assistant", "user");
        assertThat(input.at("/1/id").asText()).isEqualTo("rs_001");
        assertThat(input.at("/1/encrypted_content").asText()).isEqualTo("encrypted_content_001");
        assertThat(input.at("/1/summary").toString()).contains("Initial analysis step 1").contains("Initial analysis step 2");
        assertThat(input.at("/4/id").asText()).isEqualTo("rs_002");
        assertThat(input.at("/4/encrypted_content").asText()).isEqualTo("encrypted_content_002");
        assertThat(b.path("store").asBoolean(true)).isFalse();
        assertThat(b.path("include").toString()).contains("reasoning.encrypted_content");
    }

    /**
     * "should warn when reasoning part has no provider options": reasoning that is not the Responses
     * API's own (here Claude's, signed by Anthropic) cannot go back as a reasoning item; it is left
     * out and named (PP110), the text of the turn kept.
     */
    @Test
    void reasoningFromAnotherVendorIsLeftOutAndNamed() {
        String req = "{\"model\":\"o3\",\"max_tokens\":2000,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"This is a reasoning part without any provider options\","
                + "\"signature\":\"EqQBCkgIAhABGAIiQL\"},{\"type\":\"text\",\"text\":\"Hello!\"}]},{\"role\":\"user\",\"content\":\"Again\"}]}";
        Translation t = PEER.translate("foreign-reasoning", req, REASONING_RESPONSES);
        JsonNode input = json(t).path("input");
        assertThat(kinds(input)).containsExactly("user", "assistant", "user");
        assertThat(t.json()).doesNotContain("This is a reasoning part").doesNotContain("EqQBCkgIAhABGAIiQL");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * "should exclude provider-executed tool calls and results from prompt with store: false": a
     * web search Claude ran itself is not sent back; the text written before and after it is.
     */
    @Test
    void aSearchClaudeRanIsLeftOutAndItsTextKept() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}],\"messages\":["
                + "{\"role\":\"user\",\"content\":\"What happened in San Francisco yesterday?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Let me search for recent news from San Francisco.\"},"
                + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_01\",\"name\":\"web_search\",\"input\":{\"query\":\"San Francisco major news events June 22 2025\"}},"
                + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_01\",\"content\":[{\"type\":\"web_search_result\","
                + "\"url\":\"https://patch.com/california/san-francisco/calendar\",\"title\":\"Calendar\",\"encrypted_content\":\"abc\"}]},"
                + "{\"type\":\"text\",\"text\":\"Based on the search results, several significant events took place in San Francisco yesterday (June 22, 2025).\"}]},"
                + "{\"role\":\"user\",\"content\":\"Tell me more.\"}]}";
        Translation t = PEER.translate("hosted-history", req, RESPONSES);
        JsonNode input = json(t).path("input");
        assertThat(kinds(input)).doesNotContain("web_search_call", "function_call");
        assertThat(input.toString()).contains("Let me search for recent news from San Francisco.")
                .contains("several significant events took place").doesNotContain("srvtoolu_01").doesNotContain("patch.com");
        assertThat(ids(t)).contains("PP164");
        assertThat(json(t).path("tools").toString()).contains("web_search");
    }
}
