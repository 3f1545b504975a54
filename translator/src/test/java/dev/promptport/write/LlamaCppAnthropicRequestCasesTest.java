package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * llama.cpp's checks of its Anthropic Messages endpoint, request side (ggml-org/llama.cpp
 * {@code tools/server/tests/unit/test_compat_anthropic.py}). llama.cpp converts these requests for
 * its own chat template; here they go to a local OpenAI-compatible server (vLLM's, whose Chat
 * endpoint takes what llama.cpp's does) and, where the case is about a setting the server may
 * lack, Ollama's.
 */
class LlamaCppAnthropicRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String LOCAL = "vllm:Qwen/Qwen2.5-72B-Instruct";
    private static final String OLLAMA = "ollama:llama3.1";

    private static String called(String result) {
        return "{\"model\":\"test\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"What's the weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tool_1\",\"name\":\"get_weather\",\"input\":{\"location\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":" + result + "}]}";
    }

    /** test_anthropic_tool_result: the tool_result is a tool message answering the call, right after it. */
    @Test
    void aToolResultIsAToolMessageAfterTheCall() {
        JsonNode b = json(PEER.translate("tool-result", called("[{\"type\":\"tool_result\",\"tool_use_id\":\"tool_1\",\"content\":\"The weather is sunny, 25\u00b0C\"}]"), LOCAL));
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool");
        assertThat(b.at("/messages/1/tool_calls/0/function/arguments").asText()).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("tool_1");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("The weather is sunny, 25\u00b0C");
    }

    /**
     * test_anthropic_tool_result_with_text: text before the result in one user message. llama.cpp
     * sends the text first and the tool message after it; a tool message must follow the
     * assistant's call directly in Chat Completions, so here the tool message comes first and the
     * text follows as a user message.
     */
    @Test
    void textBesideAResultFollowsTheToolMessage() {
        JsonNode b = json(PEER.translate("result-with-text", called("[{\"type\":\"text\",\"text\":\"Here are the results:\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"tool_1\",\"content\":\"Sunny, 25\u00b0C\"}]"), LOCAL));
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool", "user");
        assertThat(b.at("/messages/3/content").asText()).isEqualTo("Here are the results:");
    }

    /** test_anthropic_tool_result_error: a Chat tool message has no error flag, so the text says it (PP118). */
    @Test
    void anErrorResultSaysSoInItsText() {
        Translation t = PEER.translate("result-error", called("[{\"type\":\"tool_result\",\"tool_use_id\":\"tool_1\",\"is_error\":true,"
                + "\"content\":\"City not found\"}]"), LOCAL);
        assertThat(json(t).at("/messages/2/content").asText()).isEqualTo("Error: City not found");
        assertThat(ids(t)).contains("PP118");
    }

    /**
     * test_anthropic_stop_sequences, test_anthropic_top_k, test_anthropic_metadata and
     * test_anthropic_thinking: stop sequences are Chat's stop; top_k goes to a server that takes it
     * (vLLM) and is named as lost where it has no field (Ollama's OpenAI endpoint, PP111); the end
     * user's id and thinking, which these servers' Chat endpoints lack, are named (PP114, PP109).
     */
    @Test
    void settingsGoWhereTheServerTakesThemAndAreNamedWhereNot() {
        String req = "{\"model\":\"test\",\"max_tokens\":100,\"stop_sequences\":[\"\\n\",\"END\"],\"top_k\":40,\"metadata\":{\"user_id\":\"test_user_123\"},"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":50},\"messages\":[{\"role\":\"user\",\"content\":\"Count to 10\"}]}";
        Translation v = PEER.translate("settings", req, LOCAL);
        JsonNode b = json(v);
        assertThat(b.at("/stop").toString()).isEqualTo("[\"\\n\",\"END\"]");
        assertThat(b.at("/top_k").asInt()).isEqualTo(40);
        assertThat(b.at("/max_tokens").asInt()).isEqualTo(100);
        assertThat(ids(v)).contains("PP114", "PP109");
        Translation o = PEER.translate("settings", req, OLLAMA);
        assertThat(json(o).has("top_k")).isFalse();
        assertThat(ids(o)).contains("PP111");
    }

    /** test_anthropic_messages_multipart_content: two text blocks stay two parts, their text as written. */
    @Test
    void twoTextBlocksKeepTheirText() {
        JsonNode b = json(PEER.translate("multipart", "{\"model\":\"test\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is\"},{\"type\":\"text\",\"text\":\" the answer?\"}]}]}", LOCAL));
        JsonNode c = b.at("/messages/0/content");
        String text = c.isTextual() ? c.asText() : c.get(0).path("text").asText() + c.get(1).path("text").asText();
        assertThat(text).contains("What is").contains(" the answer?");
    }

    /**
     * test_anthropic_missing_messages and test_anthropic_empty_messages: llama.cpp refuses the first
     * and answers the second with defaults. Claude's API refuses both, and so does promptport,
     * with an input error that says what is missing.
     */
    @Test
    void missingOrEmptyMessagesAreInputErrors() {
        assertThatThrownBy(() -> PromptPort.translate("{\"model\":\"test\",\"max_tokens\":50}", Target.of(LOCAL)))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("\"messages\"");
        assertThatThrownBy(() -> PromptPort.translate("{\"model\":\"test\",\"max_tokens\":50,\"messages\":[]}", Target.of(LOCAL)))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("\"messages\" is empty");
    }
}
