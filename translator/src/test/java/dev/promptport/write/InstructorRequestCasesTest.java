package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * instructor's tool mode for Claude (567-labs/instructor, once jxnl/instructor, {@code instructor/process_response.py}:
 * {@code handle_anthropic_tools} gives the reply model as the one tool and forces the request to
 * call it by name; {@code handle_tools} forces the same function by name for OpenAI, and
 * {@code handle_gemini_tools} sets Gemini's function calling to ANY with only that name allowed).
 * Here the Claude request instructor writes is translated, and each target must force that one
 * function as instructor's own handler for it does.
 */
class InstructorRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"system\":\"Extract the user.\","
            + "\"tools\":[{\"name\":\"User\",\"description\":\"Correctly extracted `User` with all the required parameters with correct types\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},"
            + "\"required\":[\"name\",\"age\"]}}],\"tool_choice\":{\"type\":\"tool\",\"name\":\"User\"},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Jason is 25 years old\"}]}";

    /** Chat and Responses force the function by name. */
    @Test
    void theForcedReplyToolIsForcedByNameOnOpenAi() {
        JsonNode chat = json(PEER.translate("instructor chat", REQUEST, "openai:gpt-4.1"));
        assertThat(chat.at("/tool_choice/function/name").asText()).isEqualTo("User");
        assertThat(chat.at("/tools/0/function/parameters/required").toString()).isEqualTo("[\"name\",\"age\"]");
        JsonNode responses = json(PEER.translate("instructor responses", REQUEST, "openai-responses:gpt-4.1"));
        assertThat(responses.at("/tool_choice/name").asText()).isEqualTo("User");
    }

    /** Gemini forces it with mode ANY and only that function allowed. */
    @Test
    void theForcedReplyToolIsTheOnlyAllowedFunctionOnGemini() {
        JsonNode config = json(PEER.translate("instructor gemini", REQUEST, "gemini:gemini-2.5-flash")).at("/toolConfig/functionCallingConfig");
        assertThat(config.path("mode").asText()).isEqualTo("ANY");
        assertThat(config.path("allowedFunctionNames").toString()).isEqualTo("[\"User\"]");
    }
}
