package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * any-llm's cases for its Anthropic Messages to OpenAI Chat bridge, request side
 * (mozilla-ai/any-llm {@code tests/unit/test_messages_compat.py}, the
 * {@code messages_params_to_completion_params} and {@code _convert_*_to_openai} tests). Their
 * helpers convert one message or one system value; here each is a whole request translated for
 * Chat and checked against OpenAI's spec.
 */
class AnyLlmMessagesRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4o";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-3-5-sonnet\",\"max_tokens\":1024,\"messages\":" + messages + more + "}";
    }

    private static String hi(String more) {
        return request("[{\"role\":\"user\",\"content\":\"Hi\"}]", more);
    }

    private static JsonNode chat(String name, String request) {
        return json(PEER.translate(name, request, CHAT));
    }

    /** test_basic_text_message_conversion and test_optional_params_not_included_when_none: nothing is added that was not asked. */
    @Test
    void aPlainRequestIsOneUserMessageAndNothingElse() {
        JsonNode body = chat("basic", request("[{\"role\":\"user\",\"content\":\"Hello\"}]", ""));
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Hello");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(1024);
        for (String absent : new String[] {"temperature", "top_p", "stop", "tools", "response_format", "stream", "stream_options"}) {
            assertThat(body.has(absent)).as(absent).isFalse();
        }
    }

    /** test_system_message_prepended and test_system_string_unchanged. */
    @Test
    void aSystemStringIsTheFirstMessage() {
        JsonNode body = chat("system", request("[{\"role\":\"user\",\"content\":\"Hello\"}]", ",\"system\":\"You are helpful.\""));
        assertThat(body.at("/messages/0").toString()).isEqualTo("{\"role\":\"system\",\"content\":\"You are helpful.\"}");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
    }

    /**
     * test_system_block_list_with_cache_control_stripped, test_system_content_block_in_messages_params
     * and test_system_no_cache_control_in_output: the text stays, cache_control goes (named, PP113:
     * OpenAI caches prefixes by itself).
     */
    @Test
    void systemBlocksLoseTheirCacheMarks() {
        Translation t = PEER.translate("system-cache", request("[{\"role\":\"user\",\"content\":\"test\"}]",
                ",\"system\":[{\"type\":\"text\",\"text\":\"You are a helpful assistant.\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}]"),
                CHAT);
        assertThat(json(t).at("/messages/0").toString()).isEqualTo("{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}");
        assertThat(t.json()).doesNotContain("cache_control").doesNotContain("ephemeral");
        assertThat(ids(t)).contains("PP113");
    }

    /**
     * test_system_multiple_blocks_concatenated: any-llm joins the blocks with nothing between
     * ("You are helpful. " + "Be concise."); promptport keeps each block's text whole and puts a
     * line break between them, so blocks written without a trailing space do not run together.
     */
    @Test
    void severalSystemBlocksAreOneSystemMessage() {
        JsonNode body = chat("system-blocks", request("[{\"role\":\"user\",\"content\":\"Hello\"}]",
                ",\"system\":[{\"type\":\"text\",\"text\":\"You are helpful. \"},{\"type\":\"text\",\"text\":\"Be concise.\"}]"));
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).startsWith("You are helpful.").endsWith("Be concise.");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
    }

    /** test_tool_conversion_to_openai. */
    @Test
    void aToolIsAFunctionTool() {
        JsonNode body = chat("tool", request("[{\"role\":\"user\",\"content\":\"What's the weather?\"}]",
                ",\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get weather info\",\"input_schema\":{\"type\":\"object\","
                        + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]"));
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(body.at("/tools/0/function/description").asText()).isEqualTo("Get weather info");
        assertThat(body.at("/tools/0/function/parameters/type").asText()).isEqualTo("object");
        assertThat(body.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("city");
    }

    /**
     * test_tool_choice_auto, _any, _none, _specific_tool. any-llm sends a tool_choice without tools;
     * OpenAI refuses tool_choice when no tools are given, so each case here has one tool.
     */
    @Test
    void eachToolChoiceIsChatsOwn() {
        String tools = ",\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}}],\"tool_choice\":";
        assertThat(chat("auto", hi(tools + "{\"type\":\"auto\"}")).path("tool_choice").asText()).isEqualTo("auto");
        assertThat(chat("any", hi(tools + "{\"type\":\"any\"}")).path("tool_choice").asText()).isEqualTo("required");
        assertThat(chat("none", hi(tools + "{\"type\":\"none\"}")).path("tool_choice").asText()).isEqualTo("none");
        assertThat(chat("named", hi(tools + "{\"type\":\"tool\",\"name\":\"get_weather\"}")).path("tool_choice").toString())
                .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
    }

    /** test_stop_sequences_to_stop. */
    @Test
    void stopSequencesAreStop() {
        assertThat(chat("stop", hi(",\"stop_sequences\":[\"END\",\"STOP\"]")).path("stop").toString()).isEqualTo("[\"END\",\"STOP\"]");
    }

    /** test_temperature_and_top_p_passed_through. */
    @Test
    void temperatureAndTopPAreKept() {
        JsonNode body = chat("sampling", hi(",\"temperature\":0.7,\"top_p\":0.9"));
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
    }

    /**
     * test_stream_requests_include_usage, test_non_stream_omits_stream_options and
     * test_stream_param_passed_through: a stream asks for the usage chunk; a request that does not
     * stream has no stream_options.
     */
    @Test
    void aStreamAsksForTheUsageChunk() {
        JsonNode streamed = chat("stream", hi(",\"stream\":true"));
        assertThat(streamed.path("stream").asBoolean()).isTrue();
        assertThat(streamed.path("stream_options").toString()).isEqualTo("{\"include_usage\":true}");
        JsonNode whole = chat("no-stream", hi(",\"stream\":false"));
        assertThat(whole.has("stream_options")).isFalse();
        assertThat(whole.path("stream").asBoolean(false)).isFalse();
    }

    /**
     * test_thinking_enabled_to_reasoning_effort: a budget of 8192 is medium, as any-llm has it.
     * Its finer scale (up to 1024 minimal, over 24576 xhigh) differs from promptport's documented
     * one (under 4,000 low, 16,000 and over high): a small budget is low, a large one high.
     */
    @Test
    void aThinkingBudgetIsAReasoningEffort() {
        String o3 = "openai:o3";
        assertThat(json(PEER.translate("budget-8192", hi(",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":8192}"), o3))
                .path("reasoning_effort").asText()).isEqualTo("medium");
        assertThat(json(PEER.translate("budget-1024", hi(",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}"), o3))
                .path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(json(PEER.translate("budget-24577", hi(",\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":24577}"), o3))
                .path("reasoning_effort").asText()).isEqualTo("high");
    }

    /**
     * test_thinking_disabled_to_reasoning_none: any-llm sends "none"; o3 has no such level, so
     * promptport sends the model's lowest (low) and names it (PP135).
     */
    @Test
    void thinkingDisabledIsTheModelsLowestEffort() {
        Translation t = PEER.translate("disabled", hi(",\"thinking\":{\"type\":\"disabled\"}"), "openai:o3");
        assertThat(json(t).path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(ids(t)).contains("PP135");
    }

    /** test_tool_use_message_conversion and test_assistant_blocks_tool_only: a call, then its result as a tool message. */
    @Test
    void aCallAndItsResultAreToolCallsAndAToolMessage() {
        JsonNode m = chat("tool-use", request("[{\"role\":\"user\",\"content\":\"What's the weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"get_weather\",\"input\":{\"city\":\"London\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":\"Sunny, 20°C\"}]}]",
                ",\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]"))
                .path("messages");
        assertThat(m.at("/0/content").asText()).isEqualTo("What's the weather?");
        assertThat(m.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(m.at("/1/content").isNull() || m.at("/1/content").isMissingNode()).isTrue();
        assertThat(m.at("/1/tool_calls")).hasSize(1);
        assertThat(m.at("/1/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/1/tool_calls/0/function/arguments").asText().replace(" ", "")).isEqualTo("{\"city\":\"London\"}");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/tool_call_id").asText()).isEqualTo("call_123");
        assertThat(m.at("/2/content").asText()).isEqualTo("Sunny, 20°C");
    }

    /** test_image_block_conversion and test_image_url_source_type: base64 becomes a data URL, an address stays an address. */
    @Test
    void imagesAreImageUrlParts() {
        JsonNode m = chat("images", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What's in this image?\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"abc123\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/img.png\"}}]}]", "")).at("/messages/0");
        assertThat(m.path("content")).hasSize(3);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/1/image_url/url").asText()).isEqualTo("data:image/png;base64,abc123");
        assertThat(m.at("/content/2/image_url/url").asText()).isEqualTo("https://example.com/img.png");
    }

    /** test_assistant_blocks_text_only: two text blocks of an earlier reply are one message; no tool_calls. */
    @Test
    void twoTextBlocksOfAReplyAreOneMessage() {
        JsonNode m = chat("assistant-text", request("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"world\"}]},{\"role\":\"user\",\"content\":\"Again\"}]", ""))
                .at("/messages/1");
        assertThat(m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString()).contains("Hello").contains("world");
        assertThat(m.has("tool_calls")).isFalse();
    }

    /** test_assistant_blocks_mixed_text_and_tool. */
    @Test
    void textBeforeACallIsTheMessagesContent() {
        JsonNode m = chat("assistant-mixed", request("[{\"role\":\"user\",\"content\":\"Find it\"},{\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"Let me check\"},{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"search\",\"input\":{\"q\":\"test\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"Done\"}]}]",
                ",\"tools\":[{\"name\":\"search\",\"input_schema\":{\"type\":\"object\"}}]")).at("/messages/1");
        assertThat(m.path("content").asText()).isEqualTo("Let me check");
        assertThat(m.at("/tool_calls/0/function/name").asText()).isEqualTo("search");
    }

    /**
     * test_assistant_blocks_unknown_type_ignored and test_user_blocks_unknown_type_passed_through:
     * any-llm drops an unknown assistant block silently and passes an unknown user block on as it
     * came, which OpenAI refuses; promptport leaves both out and names them (PP129).
     */
    @Test
    void unknownBlocksAreLeftOutAndNamed() {
        Translation t = PEER.translate("unknown-blocks", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"},"
                + "{\"type\":\"custom_block\",\"data\":\"value\"}]},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"},"
                + "{\"type\":\"unknown_block\",\"data\":\"something\"}]},{\"role\":\"user\",\"content\":\"Again\"}]", ""), CHAT);
        assertThat(t.json()).doesNotContain("custom_block").doesNotContain("unknown_block");
        assertThat(ids(t).stream().filter("PP129"::equals)).hasSize(2);
    }

    /**
     * test_user_blocks_tool_result_with_list_content: the result's text blocks are the tool
     * message's text. any-llm drops the image silently; promptport sends it after the tool
     * message as user content, where Chat takes images.
     */
    @Test
    void aResultOfSeveralBlocksKeepsItsTextAndItsImage() {
        JsonNode m = chat("result-list", request("[{\"role\":\"user\",\"content\":\"Compute\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"calc\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"Result: \"},"
                + "{\"type\":\"text\",\"text\":\"42\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"abc123\"}}]}]}]",
                ",\"tools\":[{\"name\":\"calc\",\"input_schema\":{\"type\":\"object\"}}]")).path("messages");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/content").toString()).contains("Result:").contains("42");
        assertThat(m.at("/3/role").asText()).isEqualTo("user");
        assertThat(m.at("/3").toString()).contains("data:image/png;base64,abc123");
    }

    /**
     * test_user_blocks_mixed_text_then_tool_result: any-llm sends the user's text first, then
     * the tool message, which OpenAI refuses (the call's answer must come right after it);
     * promptport sends the tool message first and the text after it.
     */
    @Test
    void textBeforeAResultGoesAfterTheToolMessage() {
        JsonNode m = chat("text-then-result", request("[{\"role\":\"user\",\"content\":\"Find it\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"search\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Here's context\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"Done\"}]}]",
                ",\"tools\":[{\"name\":\"search\",\"input_schema\":{\"type\":\"object\"}}]")).path("messages");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/content").asText()).isEqualTo("Done");
        assertThat(m.at("/3/role").asText()).isEqualTo("user");
        assertThat(m.at("/3").toString()).contains("Here's context");
    }

    /**
     * test_output_config_dict_translated_to_json_schema_response_format and
     * test_output_config_without_title_uses_structured_output_name: any-llm names the schema by its
     * title or "structured_output"; promptport names it "response" (README) and keeps the schema.
     */
    @Test
    void aReplySchemaIsAJsonSchemaResponseFormat() {
        JsonNode rf = chat("output-config", hi(",\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":{\"title\":\"City\","
                + "\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},\"required\":[\"name\"],\"additionalProperties\":false}}}"))
                .path("response_format");
        assertThat(rf.path("type").asText()).isEqualTo("json_schema");
        assertThat(rf.at("/json_schema/name").asText()).isEqualTo("response");
        assertThat(rf.at("/json_schema/schema/properties/name/type").asText()).isEqualTo("string");
    }
}
