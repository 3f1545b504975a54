package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteLLM's cases for writing Gemini requests from OpenAI Chat messages (BerriAI/litellm
 * {@code tests/test_litellm/llms/vertex_ai/gemini/}: {@code test_transformation.py},
 * {@code test_vertex_ai_gemini_transformation.py}, {@code test_tool_call_followed_by_text_assistant.py},
 * {@code test_split_signed_unsigned_parts.py}, {@code test_image_in_tool_result.py},
 * {@code test_gemini_image_url_missing_field.py}, {@code test_vertex_web_search_tool_order.py},
 * {@code test_vertex_and_google_ai_studio_gemini.py}).
 * LiteLLM's messages are read here as promptport's OpenAI Chat input (or, where the case is
 * about a Claude history, as the Claude request that says the same), translated for Gemini and
 * checked with Gemini's validator.
 */
class LiteLlmGeminiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String PRO = "gemini:gemini-2.5-pro";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String more, String target) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + more + "}", InputFormat.OPENAI_CHAT, target);
    }

    private static final String READ_CALL = "{\"role\":\"user\",\"content\":\"read it\"},{\"role\":\"assistant\",\"content\":null,"
            + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"Read\",\"arguments\":\"{}\"}}]},";

    /**
     * test_transformation "test__transform_request_body_labels" and test_vertex_ai_gemini_transformation
     * "test_google_genai_excludes_labels": the conversation is user, model, user text parts; the
     * caller's metadata, which the Gemini API (not Vertex) has no labels for, is not sent and
     * is named (PP173), where LiteLLM drops it silently.
     */
    @Test
    void aConversationIsUserModelUserAndMetadataIsNamedNotSent() {
        Translation t = chat("labels", "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":"
                + "\"Hello! How can I assist you today?\"},{\"role\":\"user\",\"content\":\"hi\"}]", ",\"metadata\":{\"project\":\"test\",\"team\":\"ai\"}",
                PRO);
        JsonNode body = json(t);
        assertThat(body.path("contents").toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]},{\"role\":\"model\",\"parts\":"
                + "[{\"text\":\"Hello! How can I assist you today?\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]");
        assertThat(body.has("labels")).isFalse();
        assertThat(ids(t)).contains("PP173");
    }

    /**
     * test_vertex_ai_gemini_transformation "test_empty_content_handling": LiteLLM sends the empty
     * user message as an empty text part, which Gemini refuses; promptport says in its place
     * that the message was empty (PP194), so the request still ends on the user's turn.
     */
    @Test
    void anEmptyUserMessageSaysItWasEmpty() {
        Translation t = chat("empty-content", "[{\"role\":\"user\",\"content\":\"\"}]", "", PRO);
        JsonNode contents = json(t).path("contents");
        assertThat(contents).hasSize(1);
        assertThat(contents.at("/0/role").asText()).isEqualTo("user");
        assertThat(contents.at("/0/parts/0/text").asText()).isNotEmpty();
        assertThat(ids(t)).contains("PP194");
    }

    /**
     * test_tool_call_followed_by_text_assistant: an assistant text between the call and its
     * result does not lose the call; the two assistant messages are one model turn, and the
     * result is a functionResponse named after the call ("shell").
     */
    @Test
    void assistantTextBetweenACallAndItsResultKeepsTheResultsName() {
        Translation t = chat("call-then-text", "[{\"role\":\"user\",\"content\":\"list the files\"},{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\"shell\",\"arguments\":"
                + "\"{\\\"command\\\": [\\\"ls\\\"]}\"}}]},{\"role\":\"assistant\",\"content\":\"Running the command now.\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_abc123\",\"content\":\"math.py\"}]", ",\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"shell\",\"parameters\":{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}}}]",
                FLASH);
        JsonNode contents = json(t).path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.at("/1/role").asText()).isEqualTo("model");
        assertThat(contents.at("/1/parts/0/functionCall/args/command/0").asText()).isEqualTo("ls");
        assertThat(contents.at("/1/parts/1/text").asText()).isEqualTo("Running the command now.");
        JsonNode response = contents.at("/2/parts/0/functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("shell");
        assertThat(response.path("id").asText()).isEqualTo("call_abc123");
        assertThat(response.at("/response/result").asText()).isEqualTo("math.py");
    }

    /**
     * test_split_signed_unsigned_parts "test_text_and_tool_call_with_signature_are_split": a
     * Claude history of text, Gemini's signature (kept by promptport as a thinking block) and the
     * call. LiteLLM splits the text and the signed call into two model turns; promptport keeps
     * them in one, as Gemini sent them (text unsigned, the signature on the call), which is
     * what Gemini's guide asks: each signature back on the part it came with.
     */
    @Test
    void unsignedTextAndASignedCallStayOneModelTurnAsGeminiSentThem() {
        Translation t = PEER.translate("split-signed", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Read the file and explain it.\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Let me read that file for you.\"},{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"promptport:gemini:Co4CAdHtim_test_signature_abc123\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"Read\",\"input\":{\"file_path\":\"/tmp/test.py\"}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":\"def hello():\\n    print('hello')\"}]}],\"tools\":[{\"name\":\"Read\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"file_path\":{\"type\":\"string\"}}}}]}", FLASH);
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(json(t).at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/text").asText()).isEqualTo("Let me read that file for you.");
        assertThat(parts.get(0).has("thoughtSignature")).isFalse();
        assertThat(parts.at("/1/thoughtSignature").asText()).isEqualTo("Co4CAdHtim_test_signature_abc123");
        assertThat(parts.at("/1/functionCall/name").asText()).isEqualTo("Read");
    }

    /**
     * test_image_in_tool_result "test_multi_item_text_and_image": a tool result of text and an
     * image is the functionResponse holding the text, then the image as inlineData (for a
     * model before Gemini 3, which takes no image inside a function response: PP128).
     */
    @Test
    void aToolResultOfTextAndAnImageIsAFunctionResponseThenInlineData() {
        Translation t = chat("result-image", "[" + READ_CALL + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Image file: test.png\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,ZmFrZS1wbmc=\"}}]}]", "", FLASH);
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionResponse/name").asText()).isEqualTo("Read");
        assertThat(parts.at("/0/functionResponse/response/result").asText()).isEqualTo("Image file: test.png");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("ZmFrZS1wbmc=");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * test_image_in_tool_result "test_data_url_image_creates_inline_data" and
     * "test_non_image_data_url_not_affected": LiteLLM turns a tool result whose text is an image
     * data URL into the image (its Claude adapter writes images that way). promptport reads a
     * Chat request as OpenAI would: text is text, image data URL or not; an image comes as an
     * image part, as in the case above.
     */
    @Test
    void aToolResultWhoseTextIsADataUrlStaysText() {
        for (String url : new String[] {"data:image/png;base64,ZmFrZS1wbmctZGF0YQ==", "data:text/plain;base64,aGVsbG8="}) {
            Translation t = chat("data-url-text " + url.substring(5, 15), "[" + READ_CALL + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\""
                    + url + "\"}]", "", FLASH);
            JsonNode parts = json(t).at("/contents/2/parts");
            assertThat(parts).hasSize(1);
            assertThat(parts.at("/0/functionResponse/response/result").asText()).isEqualTo(url);
        }
    }

    /**
     * test_gemini_image_url_missing_field: an image_url part without image_url, or without its
     * url, is refused, as LiteLLM refuses it: there is no image to send.
     */
    @Test
    void anImagePartWithoutItsUrlIsRefused() {
        for (String part : new String[] {"{\"type\":\"image_url\"}", "{\"type\":\"image_url\",\"image_url\":{\"detail\":\"high\"}}"}) {
            String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[" + part + "]}]}";
            assertThatThrownBy(() -> PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of(PRO), Options.DEFAULT))
                    .as(part).isInstanceOf(PromptPortException.class).hasMessageContaining("no url");
        }
    }

    /**
     * test_vertex_web_search_tool_order: web_search_options beside a function tool is left out
     * for Gemini 2.5, which refuses Google Search beside function declarations; LiteLLM drops it
     * silently, promptport names it (PP156). The function tool is sent.
     */
    @Test
    void webSearchBesideAFunctionIsLeftOutAndNamedForGemini25() {
        Translation t = chat("web-search-order", "[{\"role\":\"user\",\"content\":\"search notion\"}]", ",\"web_search_options\":{},\"tools\":"
                + "[{\"type\":\"function\",\"function\":{\"name\":\"notion_search\",\"description\":\"Search Notion\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"query\":{\"type\":\"string\"}}}}}]", PRO);
        JsonNode tools = json(t).path("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.at("/0/functionDeclarations/0/name").asText()).isEqualTo("notion_search");
        assertThat(tools.toString()).doesNotContain("googleSearch");
        assertThat(ids(t)).contains("PP156");
    }

    /**
     * test_transformation "..._inlines_remote_images_off_the_event_loop": LiteLLM downloads an
     * image given by address and sends its bytes. promptport does no network I/O while
     * translating; the address goes as fileData with the type its extension gives (README),
     * which Gemini fetches itself.
     */
    @Test
    void anImageByAddressIsFileDataNotDownloaded() {
        Translation t = chat("remote-image", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What colour is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://img.example/a.png\"}}]}]", "", "gemini:gemini-3-flash-preview");
        JsonNode parts = json(t).at("/contents/0/parts");
        assertThat(parts.at("/0/text").asText()).isEqualTo("What colour is this?");
        assertThat(parts.at("/1/fileData/fileUri").asText()).isEqualTo("http://img.example/a.png");
        assertThat(parts.at("/1/fileData/mimeType").asText()).isEqualTo("image/png");
    }

    /**
     * test_vertex_and_google_ai_studio_gemini "test_vertex_ai_map_tool_with_anyof": an optional
     * parameter written as anyOf [string, null] with a title and default null. LiteLLM keeps
     * only the anyOf (a string branch marked nullable); promptport writes the one type Gemini's
     * schema subset has for it, a nullable string, keeping the title (PP155 says what changed).
     */
    @Test
    void anyOfAStringOrNullIsANullableString() {
        Translation t = chat("anyof-null", "[{\"role\":\"user\",\"content\":\"make a branch\"}]", ",\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"git_create_branch\",\"description\":\"Creates a new branch from an optional base branch\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"repo_path\":{\"title\":\"Repo Path\",\"type\":\"string\"},\"branch_name\":{\"title\":\"Branch Name\",\"type\":\"string\"},"
                + "\"base_branch\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}],\"default\":null,\"title\":\"Base Branch\"}},\"required\":"
                + "[\"repo_path\",\"branch_name\"],\"title\":\"GitCreateBranch\"}}}]", "gemini:gemini-2.0-flash");
        JsonNode base = json(t).at("/tools/0/functionDeclarations/0/parameters/properties/base_branch");
        assertThat(base.path("type").asText()).isEqualTo("STRING");
        assertThat(base.path("nullable").asBoolean()).isTrue();
        assertThat(base.path("title").asText()).isEqualTo("Base Branch");
        assertThat(base.has("anyOf")).isFalse();
        assertThat(ids(t)).contains("PP155");
    }
}
