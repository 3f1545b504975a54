package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI Agents SDK's cases for turning Responses input items into Chat messages
 * (openai/openai-agents-python {@code tests/models/test_openai_chatcompletions_converter.py},
 * {@code Converter.items_to_messages}, {@code convert_tool_choice}, {@code convert_response_format}).
 * The same items, read as a Responses request, are translated for Chat (and Claude where the
 * case is about what reaches the model), each body checked against the vendor's spec.
 */
class OpenAiAgentsRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4o";
    private static final String MATH = ",\"tools\":[{\"type\":\"function\",\"name\":\"math\",\"parameters\":{\"type\":\"object\"}}]";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation items(String name, String input, String rest, String target) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"input\":" + input + rest + "}", InputFormat.OPENAI_RESPONSES, target);
    }

    private static JsonNode messages(String name, String input, String rest) {
        return json(items(name, input, rest, CHAT)).path("messages");
    }

    /** "test_items_to_messages_with_string_user_content": a bare string is one user message. */
    @Test
    void aStringInputIsOneUserMessage() {
        assertThat(messages("string", "\"Ask me anything\"", "").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Ask me anything\"}]");
    }

    /** "test_items_to_messages_with_easy_input_message": role and content alone. */
    @Test
    void anEasyInputMessageKeepsItsText() {
        assertThat(messages("easy", "[{\"role\":\"user\",\"content\":\"How are you?\"}]", "").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"How are you?\"}]");
    }

    /**
     * "test_items_to_messages_accepts_raw_chat_completions_user_content_parts": Chat's own
     * {@code text} and {@code image_url} parts in a Responses message are read as their Responses
     * twins, the image's detail kept. promptport dropped the image part before (PP129).
     */
    @Test
    void chatsImageUrlPartInAResponsesMessageIsAnImage() {
        Translation t = items("raw-chat-parts", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/image.png\",\"detail\":\"high\"}}]}]", "", CHAT);
        assertThat(json(t).at("/messages/0/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/image.png\",\"detail\":\"high\"}}]");
        assertThat(ids(t)).doesNotContain("PP129");
        Translation claude = items("raw-chat-parts", "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":"
                + "\"https://example.com/image.png\"},{\"type\":\"text\",\"text\":\"What is it?\"}]}]", "", "anthropic:claude-sonnet-4-5");
        assertThat(json(claude).at("/messages/0/content/0/source/url").asText()).isEqualTo("https://example.com/image.png");
    }

    /**
     * "test_items_to_messages_with_output_message_and_function_call": an output message then a
     * call are one assistant message with its tool call. The SDK puts the refusal in Chat's
     * {@code refusal} field; promptport reads a refusal as the assistant's text (as Claude's
     * refusals are), so it follows "Part 1" in the content.
     */
    @Test
    void anOutputMessageAndItsCallAreOneAssistantMessage() {
        JsonNode assistant = messages("output-and-call", "[{\"role\":\"user\",\"content\":\"go\"},{\"id\":\"42\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"Part 1\",\"annotations\":[]},{\"type\":\"refusal\","
                + "\"refusal\":\"won't do that\"}]},{\"id\":\"99\",\"call_id\":\"abc\",\"name\":\"math\",\"arguments\":\"{}\",\"type\":\"function_call\"}]", MATH)
                .get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("content").asText()).isEqualTo("Part 1\n\nwon't do that");
        assertThat(assistant.path("tool_calls").toString())
                .isEqualTo("[{\"id\":\"abc\",\"type\":\"function\",\"function\":{\"name\":\"math\",\"arguments\":\"{}\"}}]");
    }

    /**
     * "test_items_to_messages_accepts_statusless_output_message": an output message without a
     * status is still the assistant's. Here it ends the input, so it is the start of the reply
     * (PP107), which Chat cannot continue: it becomes an instruction instead.
     */
    @Test
    void aStatuslessOutputMessageIsStillTheAssistants() {
        Translation t = items("statusless", "[{\"role\":\"user\",\"content\":\"go\"},{\"id\":\"msg_123\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"hello\",\"annotations\":[]}]},{\"role\":\"user\",\"content\":\"and?\"}]", "", CHAT);
        assertThat(json(t).path("messages").get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"hello\"}");
        Translation last = items("statusless-last", "[{\"role\":\"user\",\"content\":\"go\"},{\"id\":\"msg_123\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"hello\",\"annotations\":[]}]}]", "", CHAT);
        assertThat(ids(last)).contains("PP107");
    }

    /** "test_convert_tool_choice_handles_standard_and_named_options": auto, required, none and a named function. */
    @Test
    void toolChoicesCarryOver() {
        for (String choice : new String[] {"auto", "required", "none"}) {
            Translation t = items("tool-choice-" + choice, "\"hi\"", MATH + ",\"tool_choice\":\"" + choice + "\"", CHAT);
            assertThat(json(t).path("tool_choice").asText()).isEqualTo(choice);
        }
        Translation named = items("tool-choice-named", "\"hi\"", MATH + ",\"tool_choice\":{\"type\":\"function\",\"name\":\"math\"}", CHAT);
        assertThat(json(named).path("tool_choice").toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"math\"}}");
    }

    /** "test_convert_tool_choice_allows_tool_search_as_named_function_for_chat_models": a function named tool_search is just a function. */
    @Test
    void aFunctionNamedToolSearchIsNamedLikeAnyOther() {
        Translation t = items("tool-search", "\"hi\"", ",\"tools\":[{\"type\":\"function\",\"name\":\"tool_search\",\"parameters\":{\"type\":\"object\"}}],"
                + "\"tool_choice\":{\"type\":\"function\",\"name\":\"tool_search\"}", CHAT);
        assertThat(json(t).at("/tool_choice/function/name").asText()).isEqualTo("tool_search");
    }

    /** "test_convert_response_format_...": a json_schema text format is Chat's response_format, name and strict kept. */
    @Test
    void aJsonSchemaFormatBecomesResponseFormat() {
        Translation t = items("response-format", "\"hi\"", ",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"final_output\",\"strict\":true,"
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"integer\"}},\"required\":[\"response\"],"
                + "\"additionalProperties\":false}}}", CHAT);
        JsonNode format = json(t).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("final_output");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema/properties/response/type").asText()).isEqualTo("integer");
    }

    /** "test_items_to_messages_with_function_output_item": an output is a tool message with the call's id. */
    @Test
    void aFunctionOutputIsAToolMessage() {
        JsonNode tool = messages("function-output", "[{\"role\":\"user\",\"content\":\"go\"},{\"type\":\"function_call\",\"call_id\":\"somecall\","
                + "\"name\":\"math\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"somecall\",\"output\":\"{\\\"foo\\\": \\\"bar\\\"}\"}]", MATH)
                .get(2);
        assertThat(tool.toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"somecall\",\"content\":\"{\\\"foo\\\": \\\"bar\\\"}\"}");
    }

    /**
     * "..._non_text_only_function_output_uses_placeholder_by_default": the SDK replaces an
     * image-only output with "[tool output omitted]". promptport keeps the image: Chat's tool
     * message takes text only, so it follows in a user message, named (PP128).
     */
    @Test
    void anImageOnlyFunctionOutputFollowsAsAUserImage() {
        Translation t = items("image-output", "[{\"role\":\"user\",\"content\":\"go\"},{\"type\":\"function_call\",\"call_id\":\"somecall\",\"name\":\"math\","
                + "\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"somecall\",\"output\":[{\"type\":\"input_image\","
                + "\"image_url\":\"https://example.com/image.png\"}]}]", MATH, CHAT);
        JsonNode m = json(t).path("messages");
        assertThat(m.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(m.get(3).at("/content/0/image_url/url").asText()).isEqualTo("https://example.com/image.png");
        assertThat(finding(t, "PP128").message()).contains("somecall");
    }

    /** "..._with_empty_function_output_...": an empty output is an empty tool message, still answering its call. */
    @Test
    void anEmptyFunctionOutputStillAnswersItsCall() {
        JsonNode m = messages("empty-output", "[{\"role\":\"user\",\"content\":\"go\"},{\"type\":\"function_call\",\"call_id\":\"somecall\",\"name\":\"math\","
                + "\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"somecall\",\"output\":[]}]", MATH);
        assertThat(m.get(2).path("tool_call_id").asText()).isEqualTo("somecall");
        assertThat(m.get(2).path("content").asText()).isEmpty();
    }

    /** "..._with_mixed_function_output_keeps_text_by_default": the text stays in the tool message; the image follows it. */
    @Test
    void aMixedFunctionOutputKeepsItsTextInTheToolMessage() {
        JsonNode m = messages("mixed-output", "[{\"role\":\"user\",\"content\":\"go\"},{\"type\":\"function_call\",\"call_id\":\"somecall\",\"name\":\"math\","
                + "\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"somecall\",\"output\":[{\"type\":\"input_text\",\"text\":\"visible text\"},"
                + "{\"type\":\"input_image\",\"image_url\":\"https://example.com/image.png\"}]}]", MATH);
        assertThat(m.get(2).path("content").asText()).isEqualTo("visible text");
        assertThat(m.get(3).at("/content/0/type").asText()).isEqualTo("image_url");
    }

    /** "test_extract_all_and_text_content_for_strings_and_lists": two input_text parts are two text parts. */
    @Test
    void twoInputTextsAreTwoTextParts() {
        assertThat(messages("two-texts", "[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"one\"},{\"type\":\"input_text\","
                + "\"text\":\"two\"}]}]", "").at("/0/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"one\"},{\"type\":\"text\",\"text\":\"two\"}]");
    }

    /**
     * "test_extract_all_content_supports_input_file_file_id": a stored file is Chat's file part
     * with its id and name.
     */
    @Test
    void aStoredInputFileIsAChatFilePart() {
        assertThat(messages("file-id", "[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\",\"file_id\":\"file-abc123\",\"filename\":\"hello.txt\"},"
                + "{\"type\":\"input_text\",\"text\":\"summarise\"}]}]", "").at("/0/content/0").toString())
                .isEqualTo("{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc123\",\"filename\":\"hello.txt\"}}");
    }

    /**
     * "test_extract_all_content_prefers_input_file_data_over_file_id": the file's data wins over
     * its id. The SDK sends a text file as a file part; Chat's file parts read PDFs only, so
     * promptport sends a plain-text file's words as text (PP120).
     */
    @Test
    void inlineFileDataWinsOverTheFileIdAndPlainTextIsSentAsText() {
        Translation t = items("file-data", "[{\"role\":\"user\",\"content\":[{\"type\":\"input_file\",\"file_data\":\"data:text/plain;base64,SGVsbG8=\","
                + "\"file_id\":\"file-abc123\"},{\"type\":\"input_text\",\"text\":\"summarise\"}]}]", "", CHAT);
        assertThat(json(t).at("/messages/0/content/0/text").asText()).isEqualTo("<document>\nHello\n</document>");
        assertThat(t.json()).doesNotContain("file-abc123");
        assertThat(ids(t)).contains("PP120");
    }

    /**
     * "test_items_to_messages_handles_system_and_developer_roles": the SDK keeps each role;
     * promptport gathers instructions into one system message at the top, in order.
     */
    @Test
    void systemAndDeveloperInstructionsAreOneSystemMessage() {
        assertThat(messages("roles", "[{\"role\":\"system\",\"content\":\"setup\"},{\"role\":\"developer\",\"content\":\"debug\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"}]", "").get(0).toString()).isEqualTo("{\"role\":\"system\",\"content\":\"setup\\n\\ndebug\"}");
    }

    /** "test_maybe_input_message_allows_message_typed_dict" / "test_input_message_with_all_roles": type "message" is read like an easy message. */
    @Test
    void aTypedMessageIsReadLikeAnEasyOne() {
        assertThat(messages("typed", "[{\"type\":\"message\",\"role\":\"user\",\"content\":\"hi\"}]", "").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"hi\"}]");
    }

    /** "test_tool_call_conversion": a lone call is an assistant message with tool_calls and no text. */
    @Test
    void aLoneFunctionCallIsAnAssistantMessageWithoutText() {
        JsonNode assistant = messages("lone-call", "[{\"role\":\"user\",\"content\":\"go\"},{\"type\":\"function_call\",\"id\":\"tool1\",\"call_id\":\"abc\","
                + "\"name\":\"math\",\"arguments\":\"{}\"}]", MATH).get(1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo("abc");
        assertThat(assistant.has("content")).isFalse();
    }

    /**
     * "test_item_reference_errors": the SDK refuses an item reference; promptport sends the rest
     * and names the reference, whose content only OpenAI holds (PP175).
     */
    @Test
    void anItemReferenceIsLeftOutAndNamed() {
        Translation t = items("item-reference", "[{\"role\":\"user\",\"content\":\"hi\"},{\"type\":\"item_reference\",\"id\":\"item1\"}]", "", CHAT);
        assertThat(json(t).path("messages")).hasSize(1);
        assertThat(finding(t, "PP175").message()).contains("item1");
    }

    /** "test_assistant_messages_in_history": user, assistant, user stay in order. */
    @Test
    void assistantMessagesStayInHistory() {
        assertThat(messages("history", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hello?\"},"
                + "{\"role\":\"user\",\"content\":\"What was my Name?\"}]", "").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hello\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello?\"},{\"role\":\"user\",\"content\":\"What was my Name?\"}]");
    }

    /**
     * "test_easy_input_assistant_optional_keys_match_bare_shape": {@code phase} and
     * {@code type} change nothing; an empty assistant message says nothing and is dropped.
     */
    @Test
    void anAssistantsPhaseChangesNothing() {
        String bare = messages("phase-bare", "[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"},"
                + "{\"role\":\"user\",\"content\":\"go\"}]", "").toString();
        String phased = messages("phase", "[{\"role\":\"user\",\"content\":\"hi\"},{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"hello\","
                + "\"phase\":\"final_answer\"},{\"role\":\"user\",\"content\":\"go\"}]", "").toString();
        assertThat(phased).isEqualTo(bare);
        assertThat(messages("phase-empty", "[{\"role\":\"assistant\",\"content\":\"\",\"phase\":\"commentary\"},{\"role\":\"user\",\"content\":\"hi\"}]", "")
                .toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"hi\"}]");
    }
}
