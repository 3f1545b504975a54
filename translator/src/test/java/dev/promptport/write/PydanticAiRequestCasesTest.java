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
 * Pydantic AI's cases for writing OpenAI Chat and Claude requests (pydantic/pydantic-ai
 * {@code tests/models/test_openai.py}, here OPENAI, and {@code tests/models/test_anthropic.py},
 * here ANTHROPIC). Pydantic AI maps its own message types and settings; here each is the
 * Claude (or Gemini) request that says the same, translated and checked against the vendor's spec.
 */
class PydanticAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":" + messages + more + "}";
    }

    private static final String HELLO = "[{\"role\":\"user\",\"content\":\"Hello\"}]";

    private static final String FINAL_RESULT = ",\"tools\":[{\"name\":\"final_result\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"response\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}},\"required\":[\"response\"]}}]";

    /**
     * OPENAI "test_parallel_tool_calls" (False): one call at a time is parallel_tool_calls false,
     * beside the tools.
     */
    @Test
    void oneCallAtATimeIsParallelToolCallsFalse() {
        JsonNode body = json(PEER.translate("parallel", request(HELLO, FINAL_RESULT
                + ",\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"), "openai:gpt-4o"));
        assertThat(body.path("parallel_tool_calls").isBoolean()).isTrue();
        assertThat(body.path("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(body.path("tools")).hasSize(1);
    }

    /**
     * OPENAI "test_parallel_tool_calls_not_sent_without_tools": OpenAI refuses parallel_tool_calls
     * in a request without tools, so a tool choice with no tools to choose from sends neither.
     */
    @Test
    void noToolsSendNoParallelToolCalls() {
        JsonNode body = json(PEER.translate("parallel-no-tools", request(HELLO,
                ",\"tool_choice\":{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"), "openai:gpt-4o"));
        assertThat(body.has("parallel_tool_calls")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.has("tools")).isFalse();
    }

    /**
     * OPENAI "test_openai_o1_mini_system_role": o1-mini refuses a system (or developer) message
     * ("messages[0].role does not support 'system'"); Pydantic AI lets the request fail. Here the
     * system prompt starts the user's turn instead, so the request goes through.
     */
    @Test
    void o1MiniGetsTheSystemPromptInTheUsersTurn() {
        Translation t = PEER.translate("o1-mini-system", request(HELLO, ",\"system\":\"You are a helpful assistant.\""), "openai:o1-mini");
        JsonNode messages = json(t).path("messages");
        assertThat(messages.toString()).doesNotContain("\"role\":\"system\"").doesNotContain("\"role\":\"developer\"");
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0").toString()).contains("You are a helpful assistant.").contains("Hello");
    }

    /**
     * OPENAI "test_reasoning_model_with_temperature" and "test_max_completion_tokens": o3-mini
     * takes no temperature (Pydantic AI warns and drops it; here it is dropped and named), and
     * its output limit is max_completion_tokens.
     */
    @Test
    void aReasoningModelGetsNoTemperatureAndMaxCompletionTokens() {
        Translation t = PEER.translate("o3-mini-temperature", request(HELLO, ",\"temperature\":0.5"), "openai:o3-mini");
        JsonNode body = json(t);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("max_completion_tokens").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(t.findings()).anySatisfy(f -> assertThat(f.message()).contains("temperature"));
    }

    /**
     * OPENAI "test_text_document_as_binary_content_input": a plain-text document ("Dummy TXT
     * file.") for Chat Completions, which takes no text files, is text in the user's message,
     * inside document tags.
     */
    @Test
    void aPlainTextDocumentIsTextForChatCompletions() {
        JsonNode content = json(PEER.translate("text-document", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"What is the main content on this document?\"},{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":"
                + "\"text/plain\",\"data\":\"Dummy TXT file.\"}}]}]", ""), "openai:gpt-4o")).at("/messages/0/content");
        assertThat(content.toString()).contains("Dummy TXT file.").contains("<document");
        assertThat(content.toString()).doesNotContain("\"type\":\"file\"");
    }

    /**
     * OPENAI "test_uploaded_file_wrong_provider_chat": a file in Anthropic's file store cannot
     * reach OpenAI. Pydantic AI raises; here it is left out and named (PP121) and the question
     * still goes.
     */
    @Test
    void aFileInAnthropicsStoreIsLeftOutForOpenAi() {
        Translation t = PEER.translate("anthropic-file", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Analyze this file\"},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"file\",\"file_id\":\"file-abc123\"}}]}]", ""), "openai:gpt-4o");
        assertThat(json(t).at("/messages/0").toString()).contains("Analyze this file").doesNotContain("file-abc123");
        assertThat(ids(t)).contains("PP121");
    }

    /**
     * ANTHROPIC "test_anthropic_model_empty_thinking_signature_sent_as_text": a thinking block
     * left with an empty signature by a cut stream. Claude refuses an empty signature; Pydantic
     * AI sends the thinking as tagged text. promptport leaves it out and names it (PP110), as
     * it does all thinking Claude did not sign, and the turn's text stays.
     */
    @Test
    void thinkingWithAnEmptySignatureDoesNotReachClaude() {
        Translation t = PEER.translate("empty-signature", request("[{\"role\":\"user\",\"content\":\"Think about crossing the street.\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"I was interrupted mid-thought\",\"signature\":\"\"},"
                + "{\"type\":\"text\",\"text\":\"Look both ways.\"}]},{\"role\":\"user\",\"content\":\"Continue.\"}]", ""),
                "anthropic:claude-sonnet-4-5");
        JsonNode messages = json(t).path("messages");
        assertThat(messages.toString()).doesNotContain("\"signature\":\"\"");
        assertThat(messages.at("/1/content").toString()).contains("Look both ways.");
        assertThat(messages.at("/2/content").toString()).contains("Continue.");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * ANTHROPIC "test_tool_failed_maps_to_anthropic_error_tool_result": a failed tool's message
     * goes to Claude as a tool_result with is_error. Here the failure comes from a Gemini
     * history, as a function response whose response holds "error".
     */
    @Test
    void aGeminiErrorResponseIsAnErrorToolResultForClaude() {
        Translation t = PEER.translate("error-result", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"1\",\"name\":\"get_weather\",\"args\":{\"city\":\"London\"}}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"1\",\"name\":\"get_weather\",\"response\":"
                + "{\"error\":\"Weather service is unavailable for London.\"}}}]}],\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\","
                + "\"parameters\":{\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"}}}}]}]}",
                InputFormat.GEMINI, "anthropic:claude-haiku-4-5");
        JsonNode result = json(t).at("/messages/2/content/0");
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo(json(t).at("/messages/1/content/0/id").asText());
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").toString()).contains("Weather service is unavailable for London.");
    }
}
