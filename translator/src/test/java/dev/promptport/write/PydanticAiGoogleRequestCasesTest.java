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
 * Pydantic AI's cases for writing Gemini requests (pydantic/pydantic-ai
 * {@code tests/models/test_google.py}, the {@code _map_messages} tests). Pydantic AI maps its
 * own message types; here each history is the Claude request (or OpenAI Chat request) that
 * says the same, translated by promptport and checked with Gemini's validator.
 */
class PydanticAiGoogleRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":" + messages + more + "}";
    }

    private static final String TOOLS = ",\"tools\":[{\"name\":\"final_result\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}},"
            + "{\"name\":\"another_tool\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]";

    private static String calls(String... ids) {
        StringBuilder s = new StringBuilder("{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[");
        for (int i = 0; i < ids.length; i += 2) {
            s.append(i == 0 ? "" : ",").append("{\"type\":\"tool_use\",\"id\":\"").append(ids[i]).append("\",\"name\":\"")
                    .append(ids[i + 1]).append("\",\"input\":{}}");
        }
        return s.append("]}").toString();
    }

    /**
     * "test_google_splits_tool_return_from_user_prompt", first case: a tool's result and the
     * user's next question in one turn go as two contents, the function response first
     * (Gemini reads the content after a call as its responses).
     */
    @Test
    void aToolResultAndTheUsersTextGoAsTwoContents() {
        JsonNode contents = json(PEER.translate("split", request("[" + calls("test_id", "final_result") + ",{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"test_id\",\"content\":\"Final result processed.\"},"
                + "{\"type\":\"text\",\"text\":\"What's 2 + 2?\"}]}]", TOOLS), FLASH)).path("contents");
        assertThat(contents).hasSize(4);
        assertThat(contents.at("/2/parts")).hasSize(1);
        assertThat(contents.at("/2/parts/0/functionResponse/name").asText()).isEqualTo("final_result");
        assertThat(contents.at("/2/parts/0/functionResponse/id").asText()).isEqualTo("test_id");
        assertThat(contents.at("/2/parts/0/functionResponse/response").toString()).contains("Final result processed.");
        assertThat(contents.at("/3/role").asText()).isEqualTo("user");
        assertThat(contents.at("/3/parts/0/text").asText()).isEqualTo("What's 2 + 2?");
    }

    /**
     * The same test, second case, and "test_google_failed_tool_return_uses_error_response": a
     * result, a failed result (is_error) and two questions. Both responses share one content,
     * the failed one under the response's "error" key; the two questions follow in the next.
     */
    @Test
    void aFailedResultIsAnErrorResponseBesideTheOthers() {
        JsonNode contents = json(PEER.translate("split-error", request("[" + calls("test_id_1", "final_result", "test_id_2", "another_tool")
                + ",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"test_id_1\",\"content\":\"Final result processed.\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"test_id_2\",\"content\":\"Tool error occurred\",\"is_error\":true},"
                + "{\"type\":\"text\",\"text\":\"What's 2 + 2?\"},{\"type\":\"text\",\"text\":\"What's 3 + 3?\"}]}]", TOOLS), FLASH)).path("contents");
        assertThat(contents.at("/2/parts")).hasSize(2);
        assertThat(contents.at("/2/parts/1/functionResponse/name").asText()).isEqualTo("another_tool");
        assertThat(contents.at("/2/parts/1/functionResponse/response/error").toString()).contains("Tool error occurred");
        assertThat(contents.at("/3/parts")).hasSize(2);
        assertThat(contents.at("/3/parts/1/text").asText()).isEqualTo("What's 3 + 3?");
    }

    /**
     * "test_google_failed_tool_return_keeps_files_out_of_error_payload": a failed result holding
     * "Disk full" and an image, for Gemini 2.5 (whose function responses take no images). The
     * error is the text alone; the image follows the response in the user's next content.
     */
    @Test
    void anImageInAFailedResultFollowsTheErrorResponse() {
        Translation t = PEER.translate("error-image", request("[" + calls("test_id", "final_result") + ",{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"test_id\",\"is_error\":true,\"content\":[{\"type\":\"text\",\"text\":\"Disk full\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]}]}]", TOOLS), FLASH);
        JsonNode contents = json(t).path("contents");
        JsonNode error = contents.at("/2/parts/0/functionResponse/response/error");
        assertThat(error.toString()).contains("Disk full").doesNotContain("iVBOR");
        assertThat(contents.toString()).contains("\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}");
        assertThat(contents.at("/2/parts/0/functionResponse").toString()).doesNotContain("inlineData");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * "test_google_system_prompts_and_instructions_ordering": two system prompts and the
     * instructions are the system instruction's parts, in order; the user's text is the only content.
     */
    @Test
    void systemBlocksAreTheSystemInstructionsPartsInOrder() {
        JsonNode body = json(PEER.translate("system-order", request("[{\"role\":\"user\",\"content\":\"Hello\"}]",
                ",\"system\":[{\"type\":\"text\",\"text\":\"System prompt 1\"},{\"type\":\"text\",\"text\":\"System prompt 2\"},"
                        + "{\"type\":\"text\",\"text\":\"Instructions content\"}]"), "gemini:gemini-2.0-flash"));
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).startsWith("System prompt 1");
        assertThat(body.at("/systemInstruction").toString()).contains("System prompt 2").contains("Instructions content");
        assertThat(body.at("/systemInstruction").toString().indexOf("System prompt 2"))
                .isLessThan(body.at("/systemInstruction").toString().indexOf("Instructions content"));
        assertThat(body.path("contents")).hasSize(1);
        assertThat(body.at("/contents/0/parts/0/text").asText()).isEqualTo("Hello");
    }

    /**
     * "test_google_non_leading_system_prompt_wraps_as_user_message": a system message in the
     * middle of an OpenAI Chat history. Pydantic AI wraps it in &lt;system&gt; tags in the user's
     * turn; promptport moves it to the system instruction, after the first (README: system
     * turns go to the top, named), so no instruction turns into words the user said.
     */
    @Test
    void aSystemMessageMidHistoryJoinsTheSystemInstruction() {
        Translation t = PEER.translate("mid-system", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"You are helpful.\"},"
                + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"},{\"role\":\"system\",\"content\":"
                + "\"Now be terse.\"},{\"role\":\"user\",\"content\":\"what next?\"}]}", InputFormat.OPENAI_CHAT, "gemini:gemini-2.0-flash");
        JsonNode body = json(t);
        String system = body.path("systemInstruction").toString();
        assertThat(system).contains("You are helpful.").contains("Now be terse.");
        assertThat(body.path("contents").toString()).doesNotContain("Now be terse.");
        assertThat(body.at("/contents/2/parts/0/text").asText()).isEqualTo("what next?");
    }

    /**
     * "test_google_prepends_empty_user_turn_when_first_content_is_model": a history that starts
     * with the model's call (no user prompt). Gemini wants a call right after a user turn;
     * Pydantic AI puts an empty text first, which Gemini refuses elsewhere as an empty part,
     * so promptport's first content is a user turn that holds text.
     */
    @Test
    void aHistoryStartingWithACallGetsAUserTurnFirst() {
        Translation t = PEER.translate("model-first", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"test_id\",\"type\":\"function\",\"function\":{\"name\":\"generate_topic\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"test_id\",\"content\":\"penguins\"}],\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"generate_topic\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]}", InputFormat.OPENAI_CHAT, FLASH);
        JsonNode contents = json(t).path("contents");
        assertThat(contents.at("/0/role").asText()).isEqualTo("user");
        assertThat(contents.at("/0/parts/0/text").asText()).isNotEmpty();
        assertThat(contents.at("/1/role").asText()).isEqualTo("model");
        assertThat(contents.at("/1/parts/0/functionCall/name").asText()).isEqualTo("generate_topic");
        assertThat(contents.at("/2/parts/0/functionResponse/response").toString()).contains("penguins");
    }
}
