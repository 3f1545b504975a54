package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy AI Gateway's cases for its Anthropic Messages endpoint over an OpenAI Chat backend,
 * request side (envoyproxy/ai-gateway {@code internal/translator/anthropic_openai_test.go}:
 * {@code TestAnthropicToOpenAITranslator_RequestBody*} and
 * {@code TestAnthropicMessagesToOpenAI_ToolConversation}). Each case also goes to Gemini and
 * Responses where the translation differs there, and every body is checked against its spec.
 */
class EnvoyAiGatewayRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GPT = "openai:gpt-4o";
    private static final String GEMINI = "gemini:gemini-2.5-flash";
    private static final String RESPONSES = "openai-responses:gpt-5";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-3-haiku\",\"max_tokens\":100,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * RequestBody "basic request", "model override replaces model in body", "streaming request
     * sets stream and stream_options" and "stop sequences added to body". The target names the
     * model sent, as Envoy's override does.
     */
    @Test
    void theTargetsModelStreamingWithUsageAndStopSequencesAreSent() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hi\"}]", "\"stream\":true,\"stop_sequences\":[\"Human:\",\"AI:\"]");
        JsonNode b = json(PEER.translate("basic", req, GPT));
        assertThat(b.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(b.path("stream").asBoolean()).isTrue();
        assertThat(b.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(b.path("stop").toString()).isEqualTo("[\"Human:\",\"AI:\"]");
        JsonNode r = json(PEER.translate("basic", req, RESPONSES));
        assertThat(r.path("stream").asBoolean()).isTrue();
        assertThat(r.has("stream_options")).isFalse();
    }

    /** ToolConversation "tool_use in assistant message becomes tool_calls": user, assistant call, tool result. */
    @Test
    void aToolUseAndItsResultBecomeACallAndAToolMessage() {
        String req = request("[{\"role\":\"user\",\"content\":\"write hello to file\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tool-1\",\"name\":\"Write\",\"input\":{\"file_path\":\"test.txt\",\"content\":\"hello\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tool-1\",\"content\":\"File written successfully\"}]}]",
                "\"tools\":[{\"name\":\"Write\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"file_path\":{\"type\":\"string\"},"
                        + "\"content\":{\"type\":\"string\"}}}}]");
        JsonNode b = json(PEER.translate("tool-conversation", req, GPT));
        assertThat(b.path("messages")).hasSize(3);
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("write hello to file");
        assertThat(b.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("tool-1");
        assertThat(b.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("Write");
        assertThat(b.at("/messages/1/tool_calls/0/function/arguments").asText()).contains("\"file_path\"");
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("tool-1");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("File written successfully");
    }

    /**
     * ToolConversation "tool_result with error preserves error text": the result, then the
     * user's text. Envoy sends the text as it is; OpenAI's tool message has no error flag, so
     * promptport starts it with "Error: " and says so (PP118); Gemini takes it under the
     * response's error key.
     */
    @Test
    void aFailedResultIsMarkedAsAnErrorAndTheUsersTextFollowsIt() {
        String req = request("[{\"role\":\"user\",\"content\":\"do something\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tool-2\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tool-2\",\"content\":\"permission denied\",\"is_error\":true},"
                + "{\"type\":\"text\",\"text\":\"try again\"}]}]", "");
        Translation gpt = PEER.translate("tool-error", req, GPT);
        JsonNode b = json(gpt);
        assertThat(b.path("messages")).hasSize(4);
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("tool-2");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("Error: permission denied");
        assertThat(b.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/3/content").asText()).isEqualTo("try again");
        assertThat(ids(gpt)).contains("PP118");
        JsonNode g = json(PEER.translate("tool-error", req, GEMINI));
        assertThat(g.at("/contents/2/parts/0/functionResponse/response/error").asText()).isEqualTo("permission denied");
        assertThat(g.toString()).contains("try again");
    }

    /** ToolConversation "assistant message with text and tool_use" and "plain text messages still work". */
    @Test
    void anAssistantsTextAndCallShareOneMessageAndASystemPromptComesFirst() {
        String req = request("[{\"role\":\"user\",\"content\":\"help\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"I'll write that for you.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tool-3\",\"name\":\"Write\",\"input\":{\"file_path\":\"out.txt\",\"content\":\"data\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tool-3\",\"content\":\"ok\"}]}]", "");
        JsonNode b = json(PEER.translate("text-and-call", req, GPT));
        assertThat(b.at("/messages/1/content").asText()).isEqualTo("I'll write that for you.");
        assertThat(b.at("/messages/1/tool_calls")).hasSize(1);
        String plain = request("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello!\"},{\"role\":\"user\",\"content\":\"bye\"}]",
                "\"system\":\"You are helpful.\"");
        JsonNode p = json(PEER.translate("plain", plain, GPT));
        assertThat(p.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "user");
        assertThat(p.at("/messages/2/content").asText()).isEqualTo("hello!");
    }

    /**
     * RequestBody_ThinkingConfig. Envoy passes Claude's {@code thinking} object on to the OpenAI
     * backend, which OpenAI's API refuses as an unknown field; promptport sends what the target
     * takes: a reasoning effort for a reasoning model, and for gpt-4o, which has none, nothing,
     * named (PP109).
     */
    @Test
    void thinkingBecomesAReasoningEffortOrIsNamedAsDropped() {
        String req = "{\"model\":\"claude-3\",\"max_tokens\":8192,\"messages\":[{\"role\":\"user\",\"content\":\"Think\"}],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":4096}}";
        Translation gpt = PEER.translate("thinking", req, GPT);
        assertThat(json(gpt).has("thinking")).isFalse();
        assertThat(ids(gpt)).contains("PP109");
        Translation o3 = PEER.translate("thinking", req, "openai:o3");
        assertThat(json(o3).path("reasoning_effort").asText()).isEqualTo("medium");
        assertThat(finding(o3, "PP108").message()).contains("4096");
        assertThat(json(PEER.translate("thinking", req, GEMINI)).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(4096);
    }

    /**
     * RequestBody_MultiTurnWithThinking (vLLM's regression case): earlier turns' signed thinking
     * is accepted and the five messages stay five. The thinking itself is dropped and named
     * (PP110): it is signed for Anthropic, and shown as text it would change the conversation.
     */
    @Test
    void earlierTurnsThinkingDoesNotStopTheRequest() {
        String req = request("[{\"role\":\"user\",\"content\":\"Turn 1 question\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Reasoning for turn 1.\",\"signature\":\"s_t1\"},"
                + "{\"type\":\"text\",\"text\":\"Answer for turn 1.\"}]},"
                + "{\"role\":\"user\",\"content\":\"Turn 2 question\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Reasoning for turn 2.\",\"signature\":\"s_t2\"},"
                + "{\"type\":\"text\",\"text\":\"Answer for turn 2.\"}]},"
                + "{\"role\":\"user\",\"content\":\"Turn 3 question\"}]", "");
        for (String target : new String[] {GPT, RESPONSES, GEMINI}) {
            Translation t = PEER.translate("multi-turn-thinking", req, target);
            assertThat(t.json()).as(target).contains("Answer for turn 1.").contains("Answer for turn 2.").contains("Turn 3 question");
            assertThat(t.findings().stream().filter(f -> f.id().equals("PP110"))).as(target).hasSize(2);
        }
        assertThat(json(PEER.translate("multi-turn-thinking", req, GPT)).path("messages")).hasSize(5);
    }
}
