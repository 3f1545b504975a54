package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * aisuite's cases for its message converters, which take OpenAI Chat messages to Claude and to
 * Gemini (andrewyng/aisuite {@code tests/providers/test_anthropic_converter.py},
 * {@code test_anthropic_images.py} and {@code test_google_converter.py}). aisuite converts a
 * message list; here each is a whole OpenAI Chat request translated by promptport and checked
 * against the target's spec.
 */
class AisuiteRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GEMINI = "gemini:gemini-2.5-flash";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation translate(String name, String messages, String more, String target) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + more + "}", InputFormat.OPENAI_CHAT, target);
    }

    private static JsonNode claude(String name, String messages) {
        return json(translate(name, messages, "", CLAUDE));
    }

    private static JsonNode userContent(String name, String content) {
        return claude(name, "[{\"role\":\"user\",\"content\":" + content + "}]").at("/messages/0/content");
    }

    /** test_convert_request_single_user_message: one user message, no system. */
    @Test
    void oneUserMessageIsOneUserTurn() {
        JsonNode body = claude("single", "[{\"role\":\"user\",\"content\":\"Hello, how are you?\"}]");
        assertThat(body.has("system")).isFalse();
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("Hello, how are you?");
    }

    /** test_convert_request_with_system_message: the system message is Claude's system field, not a message. */
    @Test
    void theSystemMessageIsTheSystemField() {
        JsonNode body = claude("system", "[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"What is the weather?\"}]");
        assertThat(body.path("system").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("What is the weather?");
    }

    /** test_convert_tool_spec: name, description and parameters as input_schema, unchanged. */
    @Test
    void aFunctionToolIsAClaudeTool() {
        JsonNode tool = json(translate("tool-spec", "[{\"role\":\"user\",\"content\":\"Weather?\"}]",
                ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Get the weather.\",\"parameters\":"
                        + "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"City name.\"}},\"required\":[\"location\"]}}}]",
                CLAUDE)).at("/tools/0");
        assertThat(tool.toString()).isEqualTo("{\"name\":\"get_weather\",\"description\":\"Get the weather.\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"City name.\"}},\"required\":[\"location\"]}}");
    }

    /**
     * test_convert_request_with_tool_call_and_result: the assistant's text and call are one turn
     * of a text block and a tool_use, the tool message a user turn of one tool_result. aisuite's
     * history starts with the assistant, which Claude on Bedrock and Vertex and Gemini refuse
     * (Gemini: "function call turn comes immediately after a user turn"), so promptport adds a
     * user turn that says the start is missing (PP189). Found by this case.
     */
    @Test
    void aCallAndItsResultAfterAnAddedFirstUserTurn() {
        String messages = "[{\"role\":\"assistant\",\"content\":\"Let me check the weather.\",\"tool_calls\":[{\"id\":\"tool123\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\": \\\"Paris\\\"}\"},\"type\":\"function\"}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"tool123\",\"content\":\"The weather in Paris is sunny.\"}]";
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]";
        Translation t = translate("call-and-result", messages, tools, CLAUDE);
        JsonNode m = json(t).path("messages");
        assertThat(m).hasSize(3);
        assertThat(m.at("/0/role").asText()).isEqualTo("user");
        assertThat(m.at("/0/content/0/text").asText()).isEqualTo("[The start of this conversation is not included.]");
        assertThat(m.at("/1/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Let me check the weather.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tool123\",\"name\":\"get_weather\",\"input\":{\"location\":\"Paris\"}}]");
        assertThat(m.at("/2/role").asText()).isEqualTo("user");
        assertThat(m.at("/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(m.at("/2/content/0/tool_use_id").asText()).isEqualTo("tool123");
        assertThat(m.at("/2/content/0").toString()).contains("The weather in Paris is sunny.");
        assertThat(ids(t)).contains("PP189");
        Translation g = translate("call-and-result-gemini", messages, tools, GEMINI);
        JsonNode contents = json(g).path("contents");
        assertThat(contents.at("/0/role").asText()).isEqualTo("user");
        assertThat(contents.at("/1/parts/1/functionCall/name").asText()).isEqualTo("get_weather");
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
        assertThat(ids(g)).contains("PP189");
    }

    /**
     * test_convert_request_with_tool_use_message and test_system_and_tool_paths_are_unaffected: a
     * tool message that answers no call. aisuite sends a tool_result, which Claude refuses without
     * its tool_use; promptport sends the result as user text that says whose it is (PP204).
     */
    @Test
    void aToolMessageWithoutItsCallIsTextThatSaysWhoseResultItIs() {
        Translation t = translate("orphan-result", "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"hi\"}]},{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"content\":\"result\"}]", "", CLAUDE);
        JsonNode body = json(t);
        assertThat(body.path("system").asText()).isEqualTo("Be brief.");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("hi");
        assertThat(body.at("/messages/0/content").toString()).contains("[Result of the tool call t1:]").contains("result")
                .doesNotContain("tool_result");
        assertThat(ids(t)).contains("PP204");
    }

    /**
     * test_data_url_image_becomes_base64_source_block, test_http_url_image_becomes_url_source_block
     * and test_mixed_text_and_image_parts_preserve_order.
     */
    @Test
    void imagesBecomeBase64OrUrlSourcesInTheirPlace() {
        JsonNode c = userContent("images", "[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG + "\"}},{\"type\":\"text\",\"text\":\"Answer briefly.\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.jpg\"}}]");
        assertThat(c).hasSize(4);
        assertThat(c.at("/0/text").asText()).isEqualTo("What is in this image?");
        assertThat(c.at("/1").toString()).isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}");
        assertThat(c.at("/2/text").asText()).isEqualTo("Answer briefly.");
        assertThat(c.at("/3").toString()).isEqualTo("{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}}");
    }

    /**
     * test_media_type_is_lowercased_from_data_url: image/JPEG is image/jpeg, the spelling Claude takes.
     * The bytes are JPEG's: Claude refuses PNG bytes declared as JPEG, and they would go as PNG (PP209).
     */
    @Test
    void theDataUrlsMediaTypeIsLowerCased() {
        String jpeg = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U";
        assertThat(userContent("jpeg", "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/JPEG;base64," + jpeg + "\"}}]")
                .at("/0/source/media_type").asText()).isEqualTo("image/jpeg");
    }

    /** test_empty_text_parts_are_dropped: Claude refuses an empty text block; the drop is named (PP133). */
    @Test
    void anEmptyTextPartIsDropped() {
        Translation t = translate("empty-text", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"text\",\"text\":\"hi\"}]}]",
                "", CLAUDE);
        assertThat(json(t).at("/messages/0/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"hi\"}]");
        assertThat(ids(t)).contains("PP133");
    }

    /**
     * test_unsupported_image_scheme_raises: aisuite refuses a file:// image address. No vendor can
     * download one, and each refuses the whole request over it, so promptport leaves the image out
     * and names it (PP121), the text still sent, for every target. Found by this case: the address
     * used to be sent on.
     */
    @Test
    void anImageAtALocalAddressIsLeftOutAndNamed() {
        String messages = "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"see\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"file:///tmp/x.png\"}}]}]";
        for (String target : new String[] {CLAUDE, GEMINI, "openai:gpt-4o"}) {
            Translation t = translate("file-url " + target, messages, "", target);
            assertThat(t.json()).as(target).doesNotContain("file:///tmp/x.png").contains("see");
            assertThat(PeerRequests.finding(t, "PP121").message()).contains("file:///tmp/x.png");
        }
    }

    /**
     * test_unknown_part_type_raises: aisuite refuses an input_audio part it cannot read; promptport
     * sends the rest and names the part as not sent (PP129 for this empty one; README: audio with
     * data is named as audio Claude cannot take, PP121).
     */
    @Test
    void aPartClaudeCannotTakeIsNamedNotFatal() {
        Translation t = translate("audio", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"listen\"},"
                + "{\"type\":\"input_audio\",\"input_audio\":{}}]}]", "", CLAUDE);
        assertThat(json(t).at("/messages/0/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"listen\"}]");
        assertThat(ids(t)).contains("PP129");
    }

    /** test_google_converter test_convert_request_user_message and _assistant_message: user and model contents in order. */
    @Test
    void geminiGetsUserAndModelContents() {
        JsonNode contents = json(translate("gemini-roles", "[{\"role\":\"user\",\"content\":\"What is the weather today?\"},"
                + "{\"role\":\"assistant\",\"content\":\"The weather is sunny with a temperature of 25 degrees Celsius.\"},"
                + "{\"role\":\"user\",\"content\":\"Thanks\"}]", "", GEMINI)).path("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.at("/0/role").asText()).isEqualTo("user");
        assertThat(contents.at("/0/parts/0/text").asText()).isEqualTo("What is the weather today?");
        assertThat(contents.at("/1/role").asText()).isEqualTo("model");
        assertThat(contents.at("/1/parts/0/text").asText()).isEqualTo("The weather is sunny with a temperature of 25 degrees Celsius.");
    }

    /**
     * test_convert_request_tool_result_message: the tool message is a functionResponse named for
     * its function. aisuite parses the JSON text into the response object and sends it alone
     * (role function); promptport answers the call before it and keeps the tool's text as written
     * under response.result, so nothing is re-read or lost.
     */
    @Test
    void aToolMessageIsAFunctionResponseNamedForItsCall() {
        JsonNode contents = json(translate("gemini-result", "[{\"role\":\"user\",\"content\":\"Weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\",\"name\":\"get_weather\",\"tool_call_id\":\"c1\","
                + "\"content\":\"{\\\"temperature\\\": \\\"15\\\", \\\"unit\\\": \\\"Celsius\\\"}\"}]",
                ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}]", GEMINI)).path("contents");
        JsonNode response = contents.at("/2/parts/0/functionResponse");
        assertThat(contents.at("/2/role").asText()).isEqualTo("user");
        assertThat(response.path("name").asText()).isEqualTo("get_weather");
        assertThat(response.at("/response/result").asText()).isEqualTo("{\"temperature\": \"15\", \"unit\": \"Celsius\"}");
    }
}
