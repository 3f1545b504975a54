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
 * AutoGen's cases for writing Claude requests (microsoft/autogen
 * {@code python/packages/autogen-ext/tests/models/test_anthropic_model_client.py}, here
 * ANTHROPIC, and {@code test_openai_model_client.py}, here OPENAI). AutoGen maps its own message
 * types; here each conversation is the OpenAI Chat request that says the same, translated for
 * Claude and checked with Anthropic's SDK.
 */
class AutogenRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String HAIKU = "anthropic:claude-3-5-haiku";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String more) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + more + "}", InputFormat.OPENAI_CHAT, HAIKU);
    }

    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"_pass_function\",\"description\":"
            + "\"pass tool.\",\"parameters\":{\"type\":\"object\",\"properties\":{\"input\":{\"type\":\"string\"}},\"required\":[\"input\"]}}},"
            + "{\"type\":\"function\",\"function\":{\"name\":\"_fail_function\",\"description\":\"fail tool.\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"input\":{\"type\":\"string\"}},\"required\":[\"input\"]}}}]";

    /**
     * ANTHROPIC "test_mock_rstrip_trailing_whitespace_at_last_assistant_content": two user
     * messages and a last assistant "foobar ". Claude refuses a final assistant turn that ends
     * in whitespace, so it goes as "foobar" (named, PP195); the two user messages are one turn.
     */
    @Test
    void theLastAssistantTurnLosesItsTrailingWhitespace() {
        Translation t = chat("rstrip", "[{\"role\":\"user\",\"content\":\"foo\"},{\"role\":\"user\",\"content\":\"bar\"},"
                + "{\"role\":\"assistant\",\"content\":\"foobar \"}]", "");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.at("/0/content")).hasSize(2);
        assertThat(messages.at("/1/content/0/text").asText()).isEqualTo("foobar");
        assertThat(ids(t)).contains("PP195");
    }

    /**
     * ANTHROPIC "test_anthropic_empty_assistant_content_string": a last assistant message "".
     * Claude refuses empty text, and an empty prefill says nothing, so the request ends with the
     * user's turn.
     */
    @Test
    void anEmptyLastAssistantMessageIsLeftOut() {
        JsonNode messages = json(chat("empty-assistant", "[{\"role\":\"user\",\"content\":\"Say something\"},{\"role\":\"assistant\",\"content\":\"\"}]",
                "")).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
    }

    /**
     * ANTHROPIC "test_mock_merge_continuous_system_messages" and "..._non_continuous_...": the
     * leading system messages are Claude's system prompt, in order. AutoGen refuses system
     * messages after a user message, and so does Claude before Opus 4.8; promptport adds them
     * to the system prompt after the leading ones, as LiteLLM and vLLM do, and names each lost
     * place (PP214).
     */
    @Test
    void leadingSystemMessagesAreTheSystemPromptAndLaterOnesJoinIt() {
        JsonNode body = json(chat("system-groups", "[{\"role\":\"system\",\"content\":\"First group 1\"},{\"role\":\"system\",\"content\":"
                + "\"First group 2\"},{\"role\":\"user\",\"content\":\"Middle user message\"},{\"role\":\"system\",\"content\":\"Second group 1\"},"
                + "{\"role\":\"system\",\"content\":\"Second group 2\"}]", ""));
        assertThat(body.path("system").findValuesAsText("text"))
                .containsExactly("First group 1", "First group 2", "Second group 1", "Second group 2");
        assertThat(body.at("/messages").findValuesAsText("role")).containsExactly("user");
    }

    /**
     * OPENAI "test_add_name_prefixes": AutoGen can write "Adam said:" before a named user's text.
     * promptport does not change what was said; Claude has no names, so each name that cannot
     * go is named (PP173), saying to put the speaker in the text.
     */
    @Test
    void aSpeakersNameIsNamedAsNotSent() {
        Translation t = chat("names", "[{\"role\":\"user\",\"content\":\"Hello, I am from Seattle.\",\"name\":\"Adam\"},{\"role\":\"assistant\","
                + "\"content\":\"Hello, how can I help you?\",\"name\":\"Assistant\"},{\"role\":\"user\",\"content\":\"ok\"}]", "");
        assertThat(json(t).at("/messages/0/content/0/text").asText()).isEqualTo("Hello, I am from Seattle.");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP173")).hasSize(2)
                .anySatisfy(f -> assertThat(f.message()).contains("Adam"));
    }

    /**
     * OPENAI "test_mock_tool_choice_specific_tool", "..._required", "..._none" and ANTHROPIC
     * "test_mock_tool_choice_*": a named function is Claude's tool choice of that tool,
     * required is any, none is none.
     */
    @Test
    void toolChoicesBecomeClaudes() {
        String hello = "[{\"role\":\"user\",\"content\":\"Hello\"}]";
        assertThat(json(chat("choice-specific", hello, TOOLS + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"_pass_function\"}}"))
                .path("tool_choice").toString()).isEqualTo("{\"type\":\"tool\",\"name\":\"_pass_function\"}");
        assertThat(json(chat("choice-required", hello, TOOLS + ",\"tool_choice\":\"required\"")).at("/tool_choice/type").asText())
                .isEqualTo("any");
        JsonNode none = json(chat("choice-none", hello, TOOLS + ",\"tool_choice\":\"none\""));
        assertThat(none.at("/tool_choice/type").asText()).isEqualTo("none");
        assertThat(none.path("tools")).hasSize(2);
    }
}
