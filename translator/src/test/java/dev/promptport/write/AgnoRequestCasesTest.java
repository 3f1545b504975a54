package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.ReplyFormat;
import dev.promptport.reply.Replies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agno's cases for formatting a conversation for each vendor (agno-agi/agno
 * {@code libs/agno/tests/unit/models/}: {@code anthropic/test_format_messages_tool_id_remap.py},
 * {@code anthropic/test_null_tool_arguments.py}, {@code anthropic/test_strip_trailing_assistant.py},
 * here CLAUDE; {@code google/test_gemini_tool_result_media.py}, {@code google/test_gemini_tool_call_ids.py},
 * here GEMINI; {@code openai/test_cross_provider_tool_messages.py}, here CROSS). Agno formats its
 * own Message objects; each conversation is restated as the OpenAI Chat, Claude or Gemini request
 * that says the same, translated and checked against the target vendor's spec.
 */
class AgnoRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String GPT = "openai:gpt-4o";
    private static final String RESPONSES = "openai-responses:gpt-4o";

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String weather(String callId, String arguments) {
        return "{\"model\":\"gpt-4o\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"What's the weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"" + callId + "\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_weather\",\"arguments\":" + arguments + "}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + callId + "\",\"content\":\"Sunny, 22C\"},"
                + "{\"role\":\"user\",\"content\":\"Summarize that in one line.\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}}]}";
    }

    private static List<String> toolUseIds(JsonNode body) {
        return body.path("messages").findParents("type").stream().filter(b -> b.path("type").asText().equals("tool_use"))
                .map(b -> b.path("id").asText()).toList();
    }

    private static List<String> toolResultIds(JsonNode body) {
        return body.path("messages").findValuesAsText("tool_use_id");
    }

    /**
     * CLAUDE "test_foreign_tool_call_id_is_remapped_for_claude": another vendor's id
     * ({@code query:2}) is respelled as one Claude takes, and the call and its result keep the
     * same id.
     */
    @Test
    void aForeignCallIdIsRespelledTheSameOnTheCallAndItsResult() {
        JsonNode body = json(PEER.translate("query-2", weather("query:2", "\"{\\\"city\\\": \\\"Paris\\\"}\""), InputFormat.OPENAI_CHAT, CLAUDE));
        List<String> uses = toolUseIds(body);
        assertThat(uses).hasSize(1);
        assertThat(uses.get(0)).matches("^[a-zA-Z0-9_-]+$");
        assertThat(toolResultIds(body)).containsExactly(uses.get(0));
        assertThat(body.toString()).doesNotContain("query:2");
    }

    /** CLAUDE "test_already_valid_tool_call_id_stays_consistent": an id Claude takes stays as it is, on both. */
    @Test
    void aValidCallIdStaysAsItIs() {
        JsonNode body = json(PEER.translate("valid-id", weather("call_abc123", "\"{\\\"city\\\": \\\"Paris\\\"}\""), InputFormat.OPENAI_CHAT, CLAUDE));
        assertThat(toolUseIds(body)).containsExactly("call_abc123");
        assertThat(toolResultIds(body)).containsExactly("call_abc123");
    }

    /** CLAUDE "test_format_messages_accepts_null_tool_arguments": a call whose arguments are null is a tool_use with an empty input. */
    @Test
    void nullArgumentsAreAnEmptyInput() {
        JsonNode body = json(PEER.translate("null-args", weather("toolu_1", "null"), InputFormat.OPENAI_CHAT, CLAUDE));
        JsonNode call = body.at("/messages/1/content/0");
        assertThat(call.path("type").asText()).isEqualTo("tool_use");
        assertThat(call.path("name").asText()).isEqualTo("get_weather");
        assertThat(call.path("input").toString()).isEqualTo("{}");
    }

    /**
     * CLAUDE "test_format_messages_accepts_dict_tool_arguments": a Chat call whose arguments are
     * already an object, not JSON text, keeps them, to Claude and to Gemini; so does a Responses
     * function_call's.
     */
    @Test
    void argumentsSentAsAnObjectAreTheCallsInput() {
        String req = weather("toolu_1", "{\"city\":\"Paris\"}");
        assertThat(json(PEER.translate("dict-args", req, InputFormat.OPENAI_CHAT, CLAUDE)).at("/messages/1/content/0/input").toString())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(json(PEER.translate("dict-args-gemini", req, InputFormat.OPENAI_CHAT, FLASH)).at("/contents/1/parts/0/functionCall/args/city").asText())
                .isEqualTo("Paris");
        String responses = "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"Sunny\"}],"
                + "\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}";
        assertThat(json(PEER.translate("dict-args-responses", responses, InputFormat.OPENAI_RESPONSES, CLAUDE)).at("/messages/1/content/0/input").toString())
                .isEqualTo("{\"city\":\"Paris\"}");
    }

    /**
     * CLAUDE "json_object response_format should not trigger stripping": JSON mode has no schema
     * and is not sent to Claude (PP163), so the trailing assistant text stays Claude's prefill.
     */
    @Test
    void aPrefillBesideJsonModeStaysThePrefill() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Research this topic\"},"
                + "{\"role\":\"assistant\",\"content\":\"Here are my findings from the tools...\"}],\"response_format\":{\"type\":\"json_object\"}}";
        Translation t = PEER.translate("prefill-json-mode", req, InputFormat.OPENAI_CHAT, CLAUDE);
        JsonNode messages = json(t).path("messages");
        assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(messages.size() - 1).toString()).contains("Here are my findings from the tools...");
        assertThat(ids(t)).contains("PP163").doesNotContain("PP107");
    }

    /**
     * CLAUDE "test_trailing_assistant_stripped" (issue #5582, Claude refuses a prefill beside a reply
     * schema): with a JSON schema reply format the trailing assistant text is not sent as an
     * assistant turn; the request ends with the user, who asks for the reply to begin with that
     * text, and a finding says so.
     */
    @Test
    void aPrefillBesideAReplySchemaBecomesAnInstruction() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Research this topic\"},"
                + "{\"role\":\"assistant\",\"content\":\"Here are my findings from the tools...\"}],\"response_format\":{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"dummy\",\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                + "\"confidence\":{\"type\":\"number\"}},\"required\":[\"answer\",\"confidence\"],\"additionalProperties\":false}}}}";
        Translation t = PEER.translate("prefill-schema", req, InputFormat.OPENAI_CHAT, CLAUDE);
        JsonNode body = json(t);
        JsonNode messages = body.path("messages");
        assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("user");
        assertThat(messages.toString()).contains("Here are my findings from the tools...");
        assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(ids(t)).contains("PP107");
    }

    /**
     * CLAUDE "test_trailing_assistant_kept_when_no_response_format": without a reply format the
     * trailing assistant text stays Claude's prefill, the last turn.
     */
    @Test
    void aPrefillWithoutAReplyFormatStaysThePrefill() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Think about this\"},"
                + "{\"role\":\"assistant\",\"content\":\"I'm thinking...\"}]}";
        JsonNode messages = json(PEER.translate("prefill-plain", req, InputFormat.OPENAI_CHAT, CLAUDE)).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(messages.at("/1/content/0/text").asText()).isEqualTo("I'm thinking...");
    }

    /**
     * CLAUDE "test_tool_result_last_message_unchanged": with a reply schema, a history ending in a
     * tool result (a user turn for Claude) is sent as it is, the result last.
     */
    @Test
    void aToolResultLastIsKeptBesideAReplySchema() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Search for X\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"search\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"result\"}]}],"
                + "\"tools\":[{\"name\":\"search\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}],"
                + "\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},"
                + "\"required\":[\"answer\"],\"additionalProperties\":false}}}}";
        JsonNode messages = json(PEER.translate("result-last", req, CLAUDE)).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(messages.at("/2/content/0/tool_use_id").asText()).isEqualTo("t1");
    }

    /**
     * GEMINI "test_tool_result_media_is_sent_in_a_following_user_turn": the result's text is the
     * functionResponse, and its image, which Gemini 2.5 does not take inside a response, follows
     * it as inline data in the user's content; a finding says so.
     */
    @Test
    void aResultsImageFollowsItsFunctionResponse() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Read it\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call-1\",\"name\":\"read_file\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call-1\",\"content\":[{\"type\":\"text\",\"text\":\"File is ready\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"aW1hZ2UtYnl0ZXM=\"}}]}]}],"
                + "\"tools\":[{\"name\":\"read_file\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]}";
        Translation t = PEER.translate("result-media", req, FLASH);
        JsonNode contents = json(t).path("contents");
        assertThat(contents).hasSize(3);
        JsonNode parts = contents.at("/2/parts");
        assertThat(contents.at("/2/role").asText()).isEqualTo("user");
        assertThat(parts.at("/0/functionResponse/name").asText()).isEqualTo("read_file");
        assertThat(parts.at("/0/functionResponse/response").toString()).contains("File is ready");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("aW1hZ2UtYnl0ZXM=");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * GEMINI "test_tool_results_without_media_still_merge_with_adjacent_user_content": Agno puts
     * the user's text and the response in one content; Gemini reads the content after a call as
     * its responses (and Vertex AI refuses one mixed with text), so here the response has a
     * content of its own and the user's text follows it, nothing lost.
     */
    @Test
    void aResultBesideUserTextIsAContentOfItsOwnBeforeTheText() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"before\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call-1\",\"name\":\"read_file\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call-1\",\"content\":\"File is ready\"},"
                + "{\"type\":\"text\",\"text\":\"after\"}]}],\"tools\":[{\"name\":\"read_file\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]}";
        JsonNode contents = json(PEER.translate("result-and-text", req, FLASH)).path("contents");
        assertThat(contents.at("/0/parts/0/text").asText()).isEqualTo("before");
        assertThat(contents.at("/2/parts")).hasSize(1);
        assertThat(contents.at("/2/parts/0/functionResponse/response").toString()).contains("File is ready");
        assertThat(contents.at("/3/role").asText()).isEqualTo("user");
        assertThat(contents.at("/3/parts/0/text").asText()).isEqualTo("after");
    }

    /**
     * GEMINI "test_parallel_tool_call_ids_survive_round_trip": Gemini's call ids come back as the
     * tool_use ids, and the history built on that reply goes back to Gemini with the calls' ids
     * and, whatever order the results came in, the responses in the order of the calls, each with
     * its call's id.
     */
    @Test
    void geminiCallIdsSurviveTheRoundTripAndResponsesFollowTheCalls() {
        String reply = "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"functionCall\":{\"id\":\"call-a\",\"name\":\"lookup\",\"args\":{\"city\":\"Paris\"}}},"
                + "{\"functionCall\":{\"id\":\"call-b\",\"name\":\"lookup\",\"args\":{\"city\":\"Tokyo\"}}}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":5,\"totalTokenCount\":10}}";
        JsonNode message = parse(Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(message.path("content").findValuesAsText("id")).containsExactly("call-a", "call-b");
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Paris and Tokyo?\"},"
                + "{\"role\":\"assistant\",\"content\":" + message.path("content") + "},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call-b\",\"content\":\"Tokyo result\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call-a\",\"content\":\"Paris result\"}]}],"
                + "\"tools\":[{\"name\":\"lookup\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}";
        JsonNode contents = json(PEER.translate("ids-round-trip", req, FLASH)).path("contents");
        assertThat(contents.at("/1/parts/0/functionCall/id").asText()).isEqualTo("call-a");
        assertThat(contents.at("/1/parts/1/functionCall/id").asText()).isEqualTo("call-b");
        assertThat(contents.at("/2/parts/0/functionResponse/id").asText()).isEqualTo("call-a");
        assertThat(contents.at("/2/parts/0/functionResponse/response").toString()).contains("Paris result");
        assertThat(contents.at("/2/parts/1/functionResponse/id").asText()).isEqualTo("call-b");
        assertThat(contents.at("/2/parts/1/functionResponse/response").toString()).contains("Tokyo result");
    }

    private static final String COMBINED = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Do two things\"}]},"
            + "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"call_1\",\"name\":\"search\",\"args\":{}}},"
            + "{\"functionCall\":{\"id\":\"call_2\",\"name\":\"fetch\",\"args\":{}}}]},"
            + "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"call_1\",\"name\":\"search\",\"response\":{\"output\":\"{\\\"results\\\": [\\\"a\\\"]}\"}}},"
            + "{\"functionResponse\":{\"id\":\"call_2\",\"name\":\"fetch\",\"response\":{\"output\":\"{\\\"page\\\": \\\"b\\\"}\"}}}]},"
            + "{\"role\":\"model\",\"parts\":[{\"text\":\"Done\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"Thanks\"}]}],"
            + "\"tools\":[{\"functionDeclarations\":[{\"name\":\"search\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{}}},"
            + "{\"name\":\"fetch\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{}}}]}],\"generationConfig\":{\"maxOutputTokens\":500}}";

    /**
     * CROSS "test_splits_combined_message" and "test_preserves_message_order": Gemini's one content
     * of two responses is two Chat tool messages, each with its call's id and its own result, in
     * order, between the assistant's calls and its next message.
     */
    @Test
    void geminisCombinedResponsesAreOneToolMessageEachForChat() {
        JsonNode m = json(PEER.translate("combined-chat", COMBINED, InputFormat.GEMINI, GPT)).path("messages");
        assertThat(m.findValuesAsText("role")).containsExactly("user", "assistant", "tool", "tool", "assistant", "user");
        assertThat(m.at("/2/tool_call_id").asText()).isEqualTo("call_1");
        assertThat(m.at("/2/content").asText()).contains("results").doesNotContain("page");
        assertThat(m.at("/3/tool_call_id").asText()).isEqualTo("call_2");
        assertThat(m.at("/3/content").asText()).contains("page").doesNotContain("results");
        assertThat(m.at("/4/content").asText()).isEqualTo("Done");
    }

    /**
     * CROSS "test_combined_message_emits_all_outputs": for the Responses API the same content is
     * two function_call_output items with their call ids and results, in order.
     */
    @Test
    void geminisCombinedResponsesAreTwoFunctionCallOutputs() {
        JsonNode input = json(PEER.translate("combined-responses", COMBINED, InputFormat.GEMINI, RESPONSES)).path("input");
        List<JsonNode> outputs = input.findParents("type").stream().filter(i -> i.path("type").asText().equals("function_call_output")).toList();
        assertThat(outputs).hasSize(2);
        assertThat(outputs.get(0).path("call_id").asText()).isEqualTo("call_1");
        assertThat(outputs.get(0).path("output").asText()).contains("results");
        assertThat(outputs.get(1).path("call_id").asText()).isEqualTo("call_2");
        assertThat(outputs.get(1).path("output").asText()).contains("page");
    }
}
