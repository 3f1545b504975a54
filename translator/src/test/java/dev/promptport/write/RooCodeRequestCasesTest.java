package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roo Code's cases for turning Claude messages into other vendors' requests (RooCodeInc/Roo-Code
 * {@code src/api/transform/__tests__/openai-format.spec.ts}, here OPENAI,
 * {@code gemini-format.spec.ts}, here GEMINI, {@code responses-api-input.spec.ts}, here
 * RESPONSES, {@code r1-format.spec.ts}, here R1, and {@code anthropic-filter.spec.ts}, here FILTER). Roo converts the messages alone; here each
 * is a whole Claude request, translated and checked against the target's spec. Their fixtures'
 * "base64data" is not an image, so the 1-pixel PNG stands in for it.
 */
class RooCodeRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
    private static final String IMAGE = "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":" + messages + more + "}";
    }

    private static String tools(String... names) {
        StringBuilder b = new StringBuilder(",\"tools\":[");
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}");
        }
        return b.append(']').toString();
    }

    /** A call of {@code name} with id {@code id} and input {@code input}, then the user turn {@code result}. */
    private static String called(String id, String name, String input, String result) {
        return request("[{\"role\":\"user\",\"content\":\"Go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"" + id
                + "\",\"name\":\"" + name + "\",\"input\":" + input + "}]},{\"role\":\"user\",\"content\":" + result + "}]", tools(name));
    }

    /** OPENAI "should convert simple text messages": plain strings stay plain strings. */
    @Test
    void plainTurnsStayPlainStringsForChat() {
        JsonNode messages = json(PEER.translate("simple", request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":"
                + "\"Hi there!\"},{\"role\":\"user\",\"content\":\"Bye\"}]", ""), "openai:gpt-4o")).path("messages");
        assertThat(messages.toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi there!\"},"
                + "{\"role\":\"user\",\"content\":\"Bye\"}]");
    }

    /** OPENAI "should handle messages with image content": text then an image_url data URL. */
    @Test
    void textAndImageBecomeTextAndDataUrlParts() {
        JsonNode content = json(PEER.translate("image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + IMAGE + "]}]", ""), "openai:gpt-4o")).at("/messages/0/content");
        assertThat(content.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"What is in this image?\"},{\"type\":\"image_url\",\"image_url\":"
                + "{\"url\":\"data:image/png;base64," + PNG + "\"}}]");
    }

    /**
     * OPENAI "should handle assistant messages with tool use" and "... user messages with tool
     * results": the text is the assistant's content, the call keeps its id and its input as a
     * JSON string, and the result is a tool message for that id.
     */
    @Test
    void aCallAndItsResultKeepTheirIdsForChat() {
        JsonNode messages = json(PEER.translate("tool-use", request("[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Let me check the weather.\"},{\"type\":\"tool_use\",\"id\":\"weather-123\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"London\"}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"weather-123\","
                + "\"content\":\"Current temperature in London: 20°C\"}]}]", tools("get_weather")), "openai:gpt-4o")).path("messages");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Let me check the weather.");
        assertThat(messages.at("/1/tool_calls/0").toString()).isEqualTo("{\"id\":\"weather-123\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"London\\\"}\"}}");
        assertThat(messages.get(2).toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"weather-123\",\"content\":"
                + "\"Current temperature in London: 20°C\"}");
    }

    /**
     * OPENAI "should use empty string for content when assistant message has only tool calls" and
     * the three "(empty)" placeholder cases. Deliberate difference: Roo writes "" and "(empty)"
     * for Gemini behind OpenRouter; OpenAI takes an assistant turn without content and an empty
     * tool message, so promptport adds no text the caller did not write.
     */
    @Test
    void anEmptyOrMissingResultIsAnEmptyToolMessage() {
        for (String result : new String[] {",\"content\":\"\"", "", ",\"content\":[]"}) {
            JsonNode messages = json(PEER.translate("empty-result", called("tool-123", "read_file", "{\"path\":\"test.ts\"}",
                    "[{\"type\":\"tool_result\",\"tool_use_id\":\"tool-123\"" + result + "}]"), "openai:gpt-4o")).path("messages");
            assertThat(messages.get(1).has("content")).as(result).isFalse();
            assertThat(messages.get(2).toString()).as(result).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"tool-123\",\"content\":\"\"}");
        }
    }

    /**
     * OPENAI "should filter out empty text blocks" and "should preserve image blocks when filtering
     * empty text blocks": the empty block goes, named (PP133), and what is left stays.
     */
    @Test
    void anEmptyTextBlockGoesAndTheRestStays() {
        Translation text = PEER.translate("empty-text", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\"},"
                + "{\"type\":\"text\",\"text\":\"Hello, how are you?\"}]}]", ""), "openai:gpt-4o");
        assertThat(json(text).at("/messages/0/content").asText()).isEqualTo("Hello, how are you?");
        assertThat(ids(text)).contains("PP133");
        Translation image = PEER.translate("empty-text-image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\"},"
                + IMAGE + "]}]", ""), "openai:gpt-4o");
        assertThat(json(image).at("/messages/0/content").toString()).isEqualTo("[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,"
                + PNG + "\"}}]");
        assertThat(ids(image)).contains("PP133");
    }

    /**
     * OPENAI "should create separate user message when mergeToolResultText is false" (Roo's
     * default) and "... multiple tool results exist": each result is a tool message and the text
     * after them a user message; promptport does not merge the text into the last result (Roo's
     * option), which would make the user's words look like the tool's output.
     */
    @Test
    void textBesideToolResultsFollowsThemAsAUserMessage() {
        JsonNode messages = json(PEER.translate("results-text", request("[{\"role\":\"user\",\"content\":\"Go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"t\",\"input\":{}},{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"t\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"First result\"},{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"call_2\",\"content\":\"Second result\"},{\"type\":\"text\",\"text\":\"<environment_details>Context</environment_details>\"}]}]",
                tools("t")), "openai:gpt-4o")).path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.at("/2/content").asText()).isEqualTo("First result");
        assertThat(messages.at("/3/content").asText()).isEqualTo("Second result");
        assertThat(messages.at("/4/role").asText()).isEqualTo("user");
        assertThat(messages.at("/4/content").asText()).contains("Context");
    }

    /**
     * OPENAI "should NOT merge text when images are present": an image beside a result follows the
     * tool message in a user message.
     */
    @Test
    void anImageBesideAResultFollowsItAsAUserMessage() {
        JsonNode messages = json(PEER.translate("result-image", called("tool-123", "t", "{}", "[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"tool-123\",\"content\":\"Tool result content\"}," + IMAGE + "]"), "openai:gpt-4o")).path("messages");
        assertThat(messages.at("/2/role").asText()).isEqualTo("tool");
        assertThat(messages.at("/3/role").asText()).isEqualTo("user");
        assertThat(messages.at("/3/content/0/type").asText()).isEqualTo("image_url");
    }

    /** GEMINI "should convert assistant role to model role" and "... a simple text message". */
    @Test
    void theAssistantIsGeminisModel() {
        JsonNode contents = json(PEER.translate("model-role", request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\","
                + "\"content\":\"Hi there!\"},{\"role\":\"user\",\"content\":\"Bye\"}]", ""), "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]},{\"role\":\"model\",\"parts\":"
                + "[{\"text\":\"Hi there!\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"Bye\"}]}]");
    }

    /** GEMINI "should convert a message with an image": inlineData with the declared type. */
    @Test
    void anImageIsGeminisInlineData() {
        JsonNode parts = json(PEER.translate("gemini-image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Check this image:\"},"
                + IMAGE + "]}]", ""), "gemini:gemini-2.5-flash")).at("/contents/0/parts");
        assertThat(parts.toString()).isEqualTo("[{\"text\":\"Check this image:\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + PNG + "\"}}]");
    }

    /**
     * GEMINI "should convert a message with tool use" and "... tool result as string": the call
     * is a functionCall with its input as args, the result a functionResponse named after the
     * call. Roo puts the text under response.content with the name again; promptport under
     * response.result (Gemini's own examples), with the call's id.
     */
    @Test
    void aCallAndItsResultAreGeminisFunctionCallAndResponse() {
        JsonNode contents = json(PEER.translate("gemini-call", request("[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Let me calculate that for you.\"},{\"type\":\"tool_use\",\"id\":\"calc-123\",\"name\":\"calculator\","
                + "\"input\":{\"operation\":\"add\",\"numbers\":[2,3]}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"calc-123\",\"content\":\"The result is 5\"}]}]", tools("calculator")), "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.at("/1/parts").toString()).isEqualTo("[{\"text\":\"Let me calculate that for you.\"},{\"functionCall\":{\"id\":\"calc-123\","
                + "\"name\":\"calculator\",\"args\":{\"operation\":\"add\",\"numbers\":[2,3]}}}]");
        assertThat(contents.at("/2/parts/0/functionResponse").toString()).isEqualTo("{\"id\":\"calc-123\",\"name\":\"calculator\",\"response\":"
                + "{\"result\":\"The result is 5\"}}");
    }

    /**
     * GEMINI "should convert a message with tool result as array with text only": the texts
     * joined by a blank line, as Roo does.
     */
    @Test
    void aResultsTextsAreJoinedByABlankLineForGemini() {
        JsonNode response = json(PEER.translate("gemini-result-texts", called("search-123", "search", "{}", "[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"search-123\",\"content\":[{\"type\":\"text\",\"text\":\"First result\"},{\"type\":\"text\",\"text\":\"Second result\"}]}]"),
                "gemini:gemini-2.5-flash")).at("/contents/2/parts/0/functionResponse/response");
        assertThat(response.toString()).isEqualTo("{\"result\":\"First result\\n\\nSecond result\"}");
    }

    /**
     * GEMINI "... tool result as array with text and images" and "... containing only images":
     * Gemini 2.5's function responses take only text, so the images follow the response as
     * inlineData parts of the same turn, named (PP128). Roo adds "(See next part for image)" to
     * the text; promptport's finding says it instead of the model's input.
     */
    @Test
    void imagesInAResultFollowItsFunctionResponseForGemini25() {
        Translation t = PEER.translate("gemini-result-images", called("search-123", "search", "{}", "[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"search-123\",\"content\":[{\"type\":\"text\",\"text\":\"Search results:\"}," + IMAGE + "," + IMAGE + "]}]"), "gemini:gemini-2.5-flash");
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.at("/0/functionResponse/response/result").asText()).isEqualTo("Search results:");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.at("/2/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(ids(t)).contains("PP128");
        Translation only = PEER.translate("gemini-result-only-image", called("imagesearch-123", "imagesearch", "{}", "[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"imagesearch-123\",\"content\":[" + IMAGE + "]}]"), "gemini:gemini-2.5-flash");
        assertThat(json(only).at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("imagesearch");
        assertThat(json(only).at("/contents/2/parts/1/inlineData/data").asText()).isEqualTo(PNG);
    }

    /** GEMINI "should handle tool names with hyphens": Gemini takes the name as it is. */
    @Test
    void aHyphenatedToolNameStaysForGemini() {
        JsonNode json = json(PEER.translate("gemini-hyphen", called("search-files-123", "search-files", "{}", "[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"search-files-123\",\"content\":\"found files\"}]"), "gemini:gemini-2.5-flash"));
        assertThat(json.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("search-files");
        assertThat(json.at("/contents/1/parts/0/functionCall/name").asText()).isEqualTo("search-files");
        assertThat(json.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("search-files");
    }

    /**
     * GEMINI "should convert a message with tool result as string" has the user's text before
     * the result in one turn. Deliberate difference: promptport sends the function response
     * first, as it answers the model's call, and the text after it, as Chat and Responses must.
     */
    @Test
    void textBeforeAResultFollowsItsFunctionResponse() {
        JsonNode contents = json(PEER.translate("gemini-text-result", called("calculator-123", "calculator", "{}", "[{\"type\":\"text\",\"text\":"
                + "\"Here's the result:\"},{\"type\":\"tool_result\",\"tool_use_id\":\"calculator-123\",\"content\":\"The result is 5\"}]"),
                "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.at("/2/parts/0/functionResponse/response/result").asText()).isEqualTo("The result is 5");
        assertThat(contents.toString()).contains("Here's the result:");
    }

    /**
     * GEMINI "should only attach thoughtSignature to the first functionCall": Roo carries its own
     * signature block. A Claude thinking block's signature is Claude's, which Gemini cannot check,
     * so the block goes, named (PP110), and neither call carries a signature.
     */
    @Test
    void aClaudeThinkingSignatureIsNotGivenToGeminisCalls() {
        Translation t = PEER.translate("gemini-signature", request("[{\"role\":\"user\",\"content\":\"Go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"sig-123\"},{\"type\":\"tool_use\",\"id\":\"call-1\",\"name\":\"toolA\","
                + "\"input\":{\"a\":1}},{\"type\":\"tool_use\",\"id\":\"call-2\",\"name\":\"toolB\",\"input\":{\"b\":2}}]},{\"role\":\"user\",\"content\":["
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call-1\",\"content\":\"1\"},{\"type\":\"tool_result\",\"tool_use_id\":\"call-2\","
                + "\"content\":\"2\"}]}]", tools("toolA", "toolB")), "gemini:gemini-2.5-flash");
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.toString()).doesNotContain("sig-123").doesNotContain("thoughtSignature");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * RESPONSES "should convert string content to input_text", "... assistant string content to
     * output_text" and "... a complete tool use cycle": user text is input_text, the call a
     * function_call item with its input as a string, the result a function_call_output.
     */
    @Test
    void aToolCycleIsResponsesItems() {
        JsonNode input = json(PEER.translate("responses-cycle", request("[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Let me check the weather.\"},{\"type\":\"tool_use\",\"id\":\"weather-123\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"London\"}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"weather-123\","
                + "\"content\":\"20°C\"}]}]", tools("get_weather")), "openai-responses:gpt-4.1")).path("input");
        assertThat(input.at("/0/content/0").toString()).isEqualTo("{\"type\":\"input_text\",\"text\":\"Weather?\"}");
        assertThat(input.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(input.get(2).toString()).isEqualTo("{\"type\":\"function_call\",\"call_id\":\"weather-123\",\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"London\\\"}\"}");
        assertThat(input.get(3).toString()).isEqualTo("{\"type\":\"function_call_output\",\"call_id\":\"weather-123\",\"output\":\"20°C\"}");
    }

    /**
     * RESPONSES "should use (empty) for empty tool_result content": promptport sends "" (the
     * output may be empty), adding no text. "should extract text from array tool_result
     * content": texts joined by a blank line.
     */
    @Test
    void anEmptyResultIsAnEmptyOutputAndTextsAreJoined() {
        JsonNode empty = json(PEER.translate("responses-empty", called("call_1", "read_file", "{}", "[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"call_1\",\"content\":\"\"}]"), "openai-responses:gpt-4.1")).path("input");
        assertThat(empty.at("/2/output").asText()).isEmpty();
        JsonNode texts = json(PEER.translate("responses-texts", called("call_1", "read_file", "{}", "[{\"type\":\"tool_result\",\"tool_use_id\":"
                + "\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"Line 1\"},{\"type\":\"text\",\"text\":\"Line 2\"}]}]"),
                "openai-responses:gpt-4.1")).path("input");
        assertThat(texts.at("/2/output").asText()).isEqualTo("Line 1\n\nLine 2");
    }

    /**
     * RESPONSES "should convert image blocks to input_image": a data URL. An image inside a
     * result stays in the function_call_output, which takes images (Roo keeps only the text).
     */
    @Test
    void imagesAreInputImagesAlsoInsideAResult() {
        JsonNode input = json(PEER.translate("responses-image", called("imagesearch-123", "imagesearch", "{}", "[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"imagesearch-123\",\"content\":[" + IMAGE + "]}," + IMAGE + "]"), "openai-responses:gpt-4.1")).path("input");
        assertThat(input.at("/2/output/0/type").asText()).isEqualTo("input_image");
        assertThat(input.at("/3/content/0/image_url").asText()).isEqualTo("data:image/png;base64," + PNG);
    }

    /**
     * R1 "should merge consecutive messages with same role": for DeepSeek's reasoner consecutive
     * turns of one role become one message, and each assistant turn carries reasoning_content
     * (DeepSeek asks for it back once a conversation uses tools; R1 "should preserve
     * reasoning_content").
     */
    @Test
    void consecutiveTurnsOfOneRoleMergeForDeepSeek() {
        JsonNode messages = json(PEER.translate("r1-merge", request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"user\",\"content\":"
                + "\"How are you?\"},{\"role\":\"assistant\",\"content\":\"Hi!\"},{\"role\":\"assistant\",\"content\":\"I'm doing well\"},"
                + "{\"role\":\"user\",\"content\":\"ok\"}]", ""), "deepseek:deepseek-reasoner")).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/0/content").toString()).contains("Hello").contains("How are you?");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Hi!\n\nI'm doing well");
        assertThat(messages.at("/1/reasoning_content").isTextual()).isTrue();
    }

    /**
     * R1 "should convert assistant messages with tool_use" and "... multiple tool calls in single
     * assistant message": the calls are the message's tool_calls, each result a tool message.
     */
    @Test
    void deepSeekTakesCallsAndResultsAsChatDoes() {
        JsonNode messages = json(PEER.translate("r1-calls", request("[{\"role\":\"user\",\"content\":\"Go\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Let me check.\"},{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"SF\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"get_weather\",\"input\":{\"city\":\"NY\"}}]},{\"role\":\"user\",\"content\":["
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"72F\"},{\"type\":\"tool_result\",\"tool_use_id\":\"call_2\","
                + "\"content\":\"65F\"}]}]", tools("get_weather")), "deepseek:deepseek-reasoner")).path("messages");
        assertThat(messages.at("/1/content").asText()).isEqualTo("Let me check.");
        assertThat(messages.at("/1/tool_calls")).hasSize(2);
        assertThat(messages.at("/1/tool_calls/1/function/arguments").asText()).isEqualTo("{\"city\":\"NY\"}");
        assertThat(messages.at("/2/tool_call_id").asText()).isEqualTo("call_1");
        assertThat(messages.at("/3/content").asText()).isEqualTo("65F");
    }

    /**
     * R1 "should handle image content": DeepSeek reads no images, so the image goes, named
     * (PP126), where Roo sends an image_url DeepSeek refuses.
     */
    @Test
    void anImageForDeepSeekIsLeftOutAndNamed() {
        Translation t = PEER.translate("r1-image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is in this image?\"},"
                + IMAGE + "]}]", ""), "deepseek:deepseek-reasoner");
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("What is in this image?");
        assertThat(ids(t)).contains("PP126");
    }

    /**
     * FILTER "should filter out reasoning blocks", "... thoughtSignature blocks", "... any unknown
     * block types" and "should remove messages that become empty after filtering". Blocks of a
     * type no vendor knows are left out for every target, Claude included (it refuses them),
     * each named with the text it held (PP129), and an assistant turn left with nothing goes.
     * (Until this round Claude got them as they came.)
     */
    @Test
    void blocksOfUnknownTypesAreLeftOutForEveryTarget() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"reasoning\",\"text\":"
                + "\"Reasoning\"},{\"type\":\"text\",\"text\":\"Text 1\"},{\"type\":\"thoughtSignature\",\"thoughtSignature\":\"sig\"},{\"type\":\"text\","
                + "\"text\":\"Text 2\"},{\"type\":\"unknown_future_type\",\"data\":\"some data\"}]},{\"role\":\"assistant\",\"content\":[{\"type\":"
                + "\"reasoning\",\"text\":\"Only reasoning\"}]},{\"role\":\"user\",\"content\":\"Continue\"}]", "");
        Translation claude = PEER.translate("filter-claude", req, "anthropic:claude-sonnet-4-5");
        assertThat(claude.json()).doesNotContain("\"type\":\"reasoning\"").doesNotContain("unknown_future_type").contains("Text 1", "Text 2");
        assertThat(claude.findings()).filteredOn(f -> f.id().equals("PP129")).extracting(f -> f.message())
                .anySatisfy(m -> assertThat(m).contains("Only reasoning"));
        Translation chat = PEER.translate("filter-chat", req, "openai:gpt-4o");
        assertThat(json(chat).at("/messages/1/content").asText()).isEqualTo("Text 1\n\nText 2");
        assertThat(json(chat).at("/messages/2/role").asText()).isEqualTo("user");
        assertThat(ids(chat)).contains("PP129");
    }
}
