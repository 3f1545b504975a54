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
 * LiteLLM's cases for its Anthropic Messages to OpenAI Responses adapter, request side
 * (BerriAI/litellm {@code tests/test_litellm/llms/anthropic/experimental_pass_through/
 * responses_adapters/test_responses_adapters_transformation.py}, here RESPONSES). LiteLLM's tests
 * call the adapter's converters one at a time; here each input is a whole request, translated for
 * Responses and checked against OpenAI's spec.
 */
class LiteLlmResponsesAdapterRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String RESPONSES = "openai-responses:gpt-5";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"gpt-5\",\"max_tokens\":1024,\"messages\":" + messages + more + "}";
    }

    private static final String HELLO = "[{\"role\":\"user\",\"content\":\"hello\"}]";

    /**
     * RESPONSES TestContextManagementConversion: Claude's compaction becomes the Responses API's
     * at the same threshold (PP171); an edit Responses has no equivalent of is dropped, and named
     * (PP170), where LiteLLM drops it silently.
     */
    @Test
    void compactionIsKeptAndAClaudeOnlyEditIsNamed() {
        Translation t = PEER.translate("context-management", request(HELLO, ",\"context_management\":{\"edits\":["
                + "{\"type\":\"clear_thinking_20251015\",\"keep\":\"all\"},"
                + "{\"type\":\"compact_20260112\",\"trigger\":{\"type\":\"input_tokens\",\"value\":200000}}]}"), RESPONSES);
        JsonNode cm = json(t).path("context_management");
        assertThat(cm).hasSize(1);
        assertThat(cm.at("/0/type").asText()).isEqualTo("compaction");
        assertThat(cm.at("/0/compact_threshold").asInt()).isEqualTo(200000);
        assertThat(ids(t)).contains("PP171", "PP170");
    }

    /**
     * RESPONSES TestOutputConfigStructuredOutput: output_config.format becomes text.format with
     * the schema as written, strict since the schema already meets strict mode's rules. LiteLLM
     * names it "structured_output", promptport "response"; the name is the caller's to choose and
     * Claude's request has none.
     */
    @Test
    void aStrictReadyReplySchemaIsSentStrict() {
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}},"
                + "\"required\":[\"name\",\"email\"],\"additionalProperties\":false}";
        Translation t = PEER.translate("output-config", request(HELLO, ",\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":"
                + schema + "}}"), RESPONSES);
        JsonNode format = json(t).at("/text/format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("schema").toString()).isEqualTo(schema);
        assertThat(format.path("strict").asBoolean()).isTrue();
        assertThat(format.path("name").asText()).isNotBlank();
        assertThat(json(PEER.translate("effort-only", request(HELLO, ",\"output_config\":{\"effort\":\"high\"}"), RESPONSES)).has("text"))
                .isFalse();
    }

    /**
     * RESPONSES TestTranslateMessagesToResponsesInput: strings and text blocks are input_text,
     * images input_image (a data URL or the address), a result function_call_output, a call
     * function_call, the conversation in order. An assistant's earlier text goes as a plain
     * string, which the Responses input takes for any role.
     */
    @Test
    void aConversationBecomesResponsesInputItemsInOrder() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"First part.\"},{\"type\":\"text\",\"text\":\"Second part.\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"abc123\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/img.jpg\"}}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_02\",\"name\":\"get_weather\",\"input\":{\"city\":\"NYC\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_02\",\"content\":[{\"type\":\"text\",\"text\":\"Line 1\"},"
                + "{\"type\":\"text\",\"text\":\"Line 2\"}]}]},"
                + "{\"role\":\"assistant\",\"content\":\"It's sunny and 72°F in NYC.\"},{\"role\":\"user\",\"content\":\"Thanks\"}]",
                ",\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]");
        JsonNode input = json(PEER.translate("input-items", req, RESPONSES)).path("input");
        assertThat(input.at("/0/type").asText()).isEqualTo("message");
        assertThat(input.at("/0/content/0/text").asText()).isEqualTo("First part.");
        assertThat(input.at("/0/content/1/text").asText()).isEqualTo("Second part.");
        assertThat(input.at("/0/content/2/type").asText()).isEqualTo("input_image");
        assertThat(input.at("/0/content/2/image_url").asText()).isEqualTo("data:image/png;base64,abc123");
        assertThat(input.at("/0/content/3/image_url").asText()).isEqualTo("https://example.com/img.jpg");
        assertThat(input.at("/1/type").asText()).isEqualTo("function_call");
        assertThat(input.at("/1/call_id").asText()).isEqualTo("toolu_02");
        assertThat(input.at("/1/arguments").asText()).isEqualTo("{\"city\":\"NYC\"}");
        assertThat(input.at("/2/type").asText()).isEqualTo("function_call_output");
        assertThat(input.at("/2/output").asText()).contains("Line 1").contains("Line 2");
        assertThat(input.at("/3/role").asText()).isEqualTo("assistant");
        assertThat(input.at("/3/content").toString()).contains("It's sunny and 72°F in NYC.");
        assertThat(input.at("/4/role").asText()).isEqualTo("user");
    }

    /**
     * RESPONSES test_user_base64_image_empty_data_skipped: an image of no bytes is left out, as
     * every vendor refuses the request over it; promptport also names it (PP121), on every target.
     */
    @Test
    void anImageWithNoDataIsLeftOutAndNamedOnEveryTarget() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\","
                + "\"data\":\"\"}},{\"type\":\"text\",\"text\":\"What is this?\"}]}]", "");
        for (String target : new String[] {RESPONSES, "openai:gpt-4o", "gemini:gemini-2.5-flash"}) {
            Translation t = PEER.translate("empty-image", req, target);
            assertThat(t.json()).as(target).doesNotContain("base64,\"").doesNotContain("image_url").doesNotContain("inlineData");
            assertThat(t.json()).as(target).contains("What is this?");
            assertThat(finding(t, "PP121").message()).as(target).contains("no data");
        }
    }

    /**
     * RESPONSES ..._tool_result_null_content and test_assistant_empty_thinking_block_skipped: a
     * result of nothing is an empty output; an earlier thinking block is left out (PP110). LiteLLM
     * sends a thinking block's text as the assistant's output_text, words the model never said.
     */
    @Test
    void aResultOfNothingIsAnEmptyOutputAndEarlierThinkingIsLeftOut() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Let me reason step by step.\",\"signature\":\"sig\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_null\",\"name\":\"ping\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_null\",\"content\":null}]}]",
                ",\"tools\":[{\"name\":\"ping\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]");
        Translation t = PEER.translate("null-result", req, RESPONSES);
        JsonNode input = json(t).path("input");
        assertThat(input.at("/2/type").asText()).isEqualTo("function_call_output");
        assertThat(input.at("/2/output").asText()).isEmpty();
        assertThat(t.json()).doesNotContain("Let me reason step by step.");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * RESPONSES TestTranslateToolsToResponsesAPI, TestTranslateToolChoiceToResponsesAPI and
     * TestTranslateRequestBroaderCoverage. Agreed: system blocks become instructions, max_tokens
     * max_output_tokens, tools flat functions (with no description key when there is none), a
     * named tool {type: function, name}, "any" required. Kept different, each for a stated reason:
     * "none" stays none (LiteLLM sends auto, which lets the model call the tool the request
     * forbade); a budget of 12000 is effort medium, promptport's table (LiteLLM's says high; the
     * tables disagree across projects); temperature and top_p are dropped for a reasoning model,
     * which refuses them (PP117); a user id over 64 characters is hashed into safety_identifier
     * (PP114) rather than cut, which could make two users one; a tool with an empty schema gets an
     * object schema rather than none.
     */
    @Test
    void theRequestsSettingsBecomeResponsesOwn() {
        String req = request(HELLO, ",\"system\":[{\"type\":\"text\",\"text\":\"Be concise.\"},{\"type\":\"text\",\"text\":\"Be helpful.\"}],"
                + "\"temperature\":0.7,\"top_p\":0.9,\"metadata\":{\"user_id\":\"" + "x".repeat(100) + "\"},"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":12000},"
                + "\"tools\":[{\"name\":\"calculator\",\"description\":\"Does math.\",\"input_schema\":{}},"
                + "{\"name\":\"do_thing\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}],"
                + "\"tool_choice\":{\"type\":\"tool\",\"name\":\"do_thing\"}");
        Translation t = PEER.translate("settings", req, RESPONSES);
        JsonNode body = json(t);
        assertThat(body.path("instructions").asText()).contains("Be concise.").contains("Be helpful.");
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(1024);
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("calculator");
        assertThat(body.at("/tools/0/parameters/type").asText()).isEqualTo("object");
        assertThat(body.at("/tools/1").has("description")).isFalse();
        assertThat(body.at("/tool_choice/type").asText()).isEqualTo("function");
        assertThat(body.at("/tool_choice/name").asText()).isEqualTo("do_thing");
        assertThat(body.at("/reasoning/effort").asText()).isEqualTo("medium");
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.path("safety_identifier").asText()).hasSizeLessThanOrEqualTo(64);
        assertThat(ids(t)).contains("PP108", "PP117", "PP114");

        String none = request(HELLO, ",\"tools\":[{\"name\":\"a\",\"input_schema\":{\"type\":\"object\"}}],\"tool_choice\":{\"type\":\"none\"}");
        assertThat(json(PEER.translate("none", none, RESPONSES)).path("tool_choice").asText()).isEqualTo("none");
        String any = request(HELLO, ",\"tools\":[{\"name\":\"a\",\"input_schema\":{\"type\":\"object\"}}],\"tool_choice\":{\"type\":\"any\"}");
        assertThat(json(PEER.translate("any", any, RESPONSES)).path("tool_choice").asText()).isEqualTo("required");
        JsonNode plain = json(PEER.translate("plain", request(HELLO, ""), RESPONSES));
        for (String key : new String[] {"instructions", "temperature", "top_p", "tools", "tool_choice", "text", "context_management", "user"}) {
            assertThat(plain.has(key)).as(key).isFalse();
        }
    }
}
