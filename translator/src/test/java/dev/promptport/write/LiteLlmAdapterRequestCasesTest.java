package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteLLM's cases for its Anthropic Messages adapter, request side: a Claude request sent on to
 * OpenAI Chat (BerriAI/litellm {@code tests/test_litellm/llms/anthropic/experimental_pass_through/}).
 * Most of its tests call the adapter's message or tool converter alone; here each input is a
 * whole request, translated for Chat (what LiteLLM sends) and, where the case is about something
 * each target spells its own way, for Responses and Gemini, every body checked against its
 * vendor's spec.
 */
class LiteLlmAdapterRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4o";
    private static final String[] TARGETS = {CHAT, "openai-responses:gpt-4o", "gemini:gemini-2.5-flash"};

    /** adapters/test_anthropic_experimental_pass_through_adapters_transformation.py */
    private static final String ADAPTER = "adapters transformation";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":" + messages + more + "}";
    }

    private static Translation[] translateAll(String name, String request) {
        Translation[] out = new Translation[TARGETS.length];
        for (int i = 0; i < TARGETS.length; i++) {
            out[i] = PEER.translate(name, request, TARGETS[i]);
        }
        return out;
    }

    /**
     * ADAPTER test_translate_anthropic_messages_to_openai_thinking_blocks and
     * ..._tool_message_placement: the tool's result comes before the text of the same turn. LiteLLM
     * keeps the thinking blocks in a thinking_blocks field of its own, which no OpenAI API reads;
     * promptport drops them and says so (PP110): the signature is Claude's, and the reasoning
     * shown as text would put words in the model's mouth.
     */
    @Test
    void aToolResultComesBeforeTheTextBesideItAndEarlierThinkingIsNamed() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What's the weather in Boston?\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"I will call the get_weather tool.\",\"signature\":\"sigsig\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"REDACTED\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_01234\",\"name\":\"get_weather\",\"input\":{\"location\":\"Boston\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01234\",\"content\":\"Sunny, 75°F\"},"
                + "{\"type\":\"text\",\"text\":\"What about tomorrow?\"}]}]", "");
        Translation[] t = translateAll("placement", req);
        JsonNode chat = json(t[0]);
        assertThat(chat.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("toolu_01234");
        assertThat(chat.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(chat.at("/messages/2/content").asText()).isEqualTo("Sunny, 75°F");
        assertThat(chat.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(chat.at("/messages/3/content").toString()).contains("What about tomorrow?");
        assertThat(ids(t[0]).stream().filter("PP110"::equals)).hasSize(2);
    }

    /** ADAPTER ..._user_message_with_base64_image, ..._with_url_image and ..._mixed_content_with_image: order and sources kept. */
    @Test
    void textAndImagesKeepTheirOrderAndSources() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Here are two images:\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}},"
                + "{\"type\":\"text\",\"text\":\"and this one:\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/image2.jpg\"}},"
                + "{\"type\":\"text\",\"text\":\"What's the difference?\"}]}]", "");
        Translation[] t = translateAll("images", req);
        JsonNode parts = json(t[0]).at("/messages/0/content");
        assertThat(parts).hasSize(5);
        assertThat(parts.at("/0/text").asText()).isEqualTo("Here are two images:");
        assertThat(parts.at("/1/image_url/url").asText()).isEqualTo("data:image/png;base64," + PNG);
        assertThat(parts.at("/2/text").asText()).isEqualTo("and this one:");
        assertThat(parts.at("/3/image_url/url").asText()).isEqualTo("https://example.com/image2.jpg");
        assertThat(parts.at("/4/text").asText()).isEqualTo("What's the difference?");
        assertThat(json(t[1]).at("/input/0/content")).hasSize(5);
    }

    /**
     * ADAPTER ..._tool_result_with_multiple_content_items, ..._tool_result_with_base64_image and
     * ..._tool_result_with_url_image: one tool message per call. LiteLLM puts image parts (or a
     * data URL as text) into the tool message; Chat's tool message takes text parts only (OAS
     * ChatCompletionRequestToolMessage), so promptport keeps the text there and sends the image in
     * the user message right after, named (PP128).
     */
    @Test
    void aToolResultWithImagesIsOneToolMessageAndTheImagesFollow() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Take a screenshot and describe it\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_016hYHBkTf4JDF3p22UoYk5C\",\"name\":\"screenshot_tool\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_016hYHBkTf4JDF3p22UoYk5C\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Here is the screenshot:\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}},"
                + "{\"type\":\"text\",\"text\":\"Screenshot captured successfully.\"}]}]}]", "");
        Translation[] t = translateAll("tool-images", req);
        JsonNode messages = json(t[0]).path("messages");
        long toolMessages = 0;
        for (JsonNode m : messages) {
            toolMessages += m.path("role").asText().equals("tool") ? 1 : 0;
        }
        assertThat(toolMessages).isEqualTo(1);
        assertThat(messages.at("/2/tool_call_id").asText()).isEqualTo("toolu_016hYHBkTf4JDF3p22UoYk5C");
        assertThat(messages.at("/2/content").asText()).contains("Here is the screenshot:").contains("Screenshot captured successfully.");
        assertThat(messages.at("/3/role").asText()).isEqualTo("user");
        assertThat(messages.at("/3/content/0/image_url/url").asText()).isEqualTo("data:image/png;base64," + PNG);
        assertThat(ids(t[0])).contains("PP128");

        String url = request("[{\"role\":\"user\",\"content\":\"Take a screenshot of the forest\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"get_screenshot\",\"input\":{\"area\":\"forest_path\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":["
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/forest.jpg\"}}]}]}]", "");
        JsonNode chat = json(PEER.translate("tool-image-url", url, CHAT));
        assertThat(chat.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(chat.at("/messages/3/content/0/image_url/url").asText()).isEqualTo("https://example.com/forest.jpg");
    }

    /** ADAPTER ..._tool_result_single_item_backward_compat: a result of one text block is plain text. */
    @Test
    void aToolResultOfOneTextBlockIsPlainText() {
        String req = request("[{\"role\":\"user\",\"content\":\"Get the weather\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_single_item\",\"name\":\"get_weather\",\"input\":{\"location\":\"Boston\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_single_item\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"72°F and sunny\"}]}]}]", "");
        Translation[] t = translateAll("single-item", req);
        assertThat(json(t[0]).at("/messages/2/content").asText()).isEqualTo("72°F and sunny");
        assertThat(json(t[1]).at("/input/2/output").asText()).isEqualTo("72°F and sunny");
    }

    /**
     * ADAPTER ..._tool_use_without_name (issue 30515) and ..._tool_use_preserves_name: a call with
     * a blank name gets a name the target takes, mapped back in replies; a valid one is kept.
     */
    @Test
    void aCallWithABlankNameGetsOneTheTargetTakes() {
        for (String name : new String[] {"", "   "}) {
            String req = request("[{\"role\":\"user\",\"content\":\"hi\"},"
                    + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"" + name + "\",\"input\":{\"q\":\"x\"}}]},"
                    + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"ok\"}]}]", "");
            Translation t = PEER.translate("blank-call-name", req, CHAT);
            assertThat(json(t).at("/messages/1/tool_calls/0/function/name").asText()).as("'%s'", name).isNotBlank();
            assertThat(ids(t)).contains("PP124");
        }
        String ok = request("[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"location\":\"London\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"ok\"}]}]", "");
        assertThat(json(PEER.translate("call-name", ok, CHAT)).at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
    }

    /**
     * ADAPTER test_translate_anthropic_tools_to_openai_fills_missing_tool_name. LiteLLM names a
     * tool without a name litellm_unnamed_tool_0; promptport refuses the request, as Claude does
     * (Anthropic's Tool requires name): a name made up here would be one the model calls and
     * the caller's code knows nothing of. A name that is there but empty is renamed (PP124).
     */
    @Test
    void aToolWithNoNameIsRefusedAndAnEmptyNameRenamed() {
        String missing = request("[{\"role\":\"user\",\"content\":\"Get the weather\"}]",
                ",\"tools\":[{\"input_schema\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[\"q\"]}}]");
        assertThatThrownBy(() -> PromptPort.translate(missing, Target.of(CHAT)))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("no \"name\"");
        String empty = request("[{\"role\":\"user\",\"content\":\"Get the weather\"}]",
                ",\"tools\":[{\"name\":\"\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]");
        Translation t = PEER.translate("empty-tool-name", empty, CHAT);
        assertThat(json(t).at("/tools/0/function/name").asText()).isNotBlank();
        assertThat(ids(t)).contains("PP124");
    }

    /**
     * ADAPTER test_translate_anthropic_tools_with_long_names, ..._mixed_names and the
     * truncate_tool_name tests (issue 17904): a name over OpenAI's 64 characters is shortened
     * with a hash, two long names stay apart, a short one is kept, and the reply maps it back.
     */
    @Test
    void longToolNamesAreShortenedApartAndMappedBack() {
        String one = "process_user_data_with_validation_and_error_handling_for_production_environment";
        String two = "process_user_data_with_validation_and_error_handling_for_staging_environment";
        String req = request("[{\"role\":\"user\",\"content\":\"Use the tools\"}]", ",\"tools\":["
                + "{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\"}},"
                + "{\"name\":\"" + one + "\",\"description\":\"A tool with a very long name\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}},"
                + "{\"name\":\"" + two + "\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]");
        Translation t = PEER.translate("long-names", req, CHAT);
        JsonNode tools = json(t).path("tools");
        assertThat(tools.at("/0/function/name").asText()).isEqualTo("get_weather");
        String sentOne = tools.at("/1/function/name").asText();
        String sentTwo = tools.at("/2/function/name").asText();
        assertThat(sentOne).hasSizeLessThanOrEqualTo(64).isNotEqualTo(one).isNotEqualTo(sentTwo);
        assertThat(sentTwo).hasSizeLessThanOrEqualTo(64);
        assertThat(t.toolNames()).containsEntry(sentOne, one).containsEntry(sentTwo, two).hasSize(2);
        assertThat(PromptPort.translate(req, Target.of(CHAT)).toolNames()).containsEntry(sentOne, one);
    }

    /**
     * ADAPTER test_translate_anthropic_to_openai_with_web_search_tool and ..._with_mixed_tools.
     * LiteLLM turns Claude's web search into web_search_options; OpenAI documents that field for
     * its search models only, and gpt-4o refuses it, so on Chat promptport leaves the tool out and
     * says so (PP119). Responses has a web_search tool of its own (PP150); Gemini refuses Google
     * Search beside function declarations (PP156). The function tool reaches every target.
     */
    @Test
    void webSearchBesideAFunctionBecomesEachTargetsOwnOrIsNamed() {
        String req = "{\"model\":\"gemini-2.5-flash-lite\",\"max_tokens\":4096,\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Get weather and search the web\"}],\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"},"
                + "{\"name\":\"get_weather\",\"description\":\"Get weather information\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"location\":{\"type\":\"string\"}}}}]}";
        Translation[] t = translateAll("web-search", req);
        assertThat(json(t[0]).path("tools")).hasSize(1);
        assertThat(json(t[0]).at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(ids(t[0])).contains("PP119");
        assertThat(json(t[1]).at("/tools/0/type").asText()).isEqualTo("web_search");
        assertThat(ids(t[1])).contains("PP150");
        assertThat(json(t[2]).at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("get_weather");
        assertThat(ids(t[2])).contains("PP156");
    }

    /**
     * ADAPTER test_translate_anthropic_tool_choice_none (issue 24443) and
     * ..._preserves_parameters_type, adapters/test_anthropic_tool_type_leak.py (issue 30557): a
     * tool of type "custom" keeps its schema's object type.
     */
    @Test
    void toolChoiceNoneAndACustomTypedToolPassThrough() {
        String req = request("[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]", ",\"tool_choice\":{\"type\":\"none\"},"
                + "\"tools\":[{\"type\":\"custom\",\"name\":\"get_weather\",\"description\":\"Get weather\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}]");
        Translation[] t = translateAll("custom-none", req);
        JsonNode chat = json(t[0]);
        assertThat(chat.path("tool_choice").asText()).isEqualTo("none");
        assertThat(chat.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(chat.at("/tools/0/function/parameters/type").asText()).isEqualTo("object");
        assertThat(chat.at("/tools/0/function/parameters/required/0").asText()).isEqualTo("city");
        assertThat(json(t[1]).path("tool_choice").asText()).isEqualTo("none");
        assertThat(json(t[2]).at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("NONE");
    }

    /**
     * ADAPTER test_thinking_still_translated_to_reasoning_effort_for_non_claude_model: a budget of
     * 1024 is effort "low" (as LiteLLM's table has it) on OpenAI's reasoning models; Gemini takes
     * the budget itself.
     */
    @Test
    void aThinkingBudgetOf1024IsLowEffort() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":4096,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertThat(json(PEER.translate("effort", req, "openai:o4-mini")).path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(json(PEER.translate("effort", req, "openai-responses:gpt-5")).at("/reasoning/effort").asText()).isEqualTo("low");
        assertThat(json(PEER.translate("effort", req, "gemini:gemini-2.5-flash")).at("/generationConfig/thinkingConfig/thinkingBudget").asInt())
                .isEqualTo(1024);
    }

    /**
     * ADAPTER ..._cache_control_not_preserved_for_non_claude_model and the cache_control tests
     * beside it: OpenAI's APIs have no cache_control, so it is not sent, and named (PP113) once.
     */
    @Test
    void cacheControlIsNotSentToOpenAi() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"This is cached content\",\"cache_control\":{\"type\":\"ephemeral\"}}]}]",
                ",\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get weather for a location\",\"input_schema\":{\"type\":\"object\","
                        + "\"properties\":{\"location\":{\"type\":\"string\"}}},\"cache_control\":{\"type\":\"ephemeral\"}}]");
        Translation t = PEER.translate("cache-control", req, CHAT);
        assertThat(t.json()).doesNotContain("cache_control");
        assertThat(ids(t)).contains("PP113");
    }

    /**
     * TestTranslateAnthropicOutputFormatToOpenAI and adapters/test_anthropic_openai_strict_schema.py.
     * LiteLLM makes the reply schema strict by adding additionalProperties: false everywhere and
     * listing every property as required; that turns optional fields into ones the model must
     * fill in, a different schema. promptport sends the schema as written without strict mode and
     * names what the target cannot enforce (PP161).
     */
    @Test
    void aReplySchemaIsSentAsWrittenWithoutForcingEveryFieldRequired() {
        String req = request("[{\"role\":\"user\",\"content\":\"Give me the users\"}]", ",\"output_config\":{\"format\":{\"type\":\"json_schema\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"users\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":"
                + "{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},\"required\":[\"name\"]}}}}}}");
        Translation[] t = translateAll("output-format", req);
        JsonNode format = json(t[0]).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/schema/properties/users/items/required").toString()).isEqualTo("[\"name\"]");
        assertThat(format.at("/json_schema/strict").asBoolean()).isFalse();
        assertThat(ids(t[0])).contains("PP161");
        assertThat(json(t[1]).at("/text/format/type").asText()).isEqualTo("json_schema");
        assertThat(json(t[2]).at("/generationConfig/responseSchema/properties/users/items/required").toString()).isEqualTo("[\"name\"]");
    }

    /**
     * messages/test_tool_schema_sanitization.py test_missing_type_is_coerced_to_object (issue
     * 24121, schemas of MCP clients led by $schema): a root with no type gets "type":"object",
     * which Claude's InputSchema requires and OpenAI's functions need, on every target. A root of
     * another type is not coerced, as LiteLLM does, since that would drop what the schema asks
     * for; it is named (PP143).
     */
    @Test
    void aSchemaWithNoRootTypeBecomesAnObjectSchemaOnEveryTarget() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hello\"}]", ",\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get weather\","
                + "\"input_schema\":{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"properties\":{\"location\":{\"type\":\"string\"}},"
                + "\"required\":[\"location\"]}},{\"name\":\"ping\",\"input_schema\":{}},"
                + "{\"name\":\"echo\",\"description\":\"echo\",\"input_schema\":{\"type\":\"string\"}}]");
        Translation[] t = translateAll("untyped-root", req);
        JsonNode chat = json(t[0]).path("tools");
        assertThat(chat.at("/0/function/parameters/type").asText()).isEqualTo("object");
        assertThat(chat.at("/0/function/parameters/required/0").asText()).isEqualTo("location");
        assertThat(chat.at("/1/function/parameters/type").asText()).isEqualTo("object");
        assertThat(chat.at("/2/function/parameters/type").asText()).isEqualTo("string");
        assertThat(json(t[1]).at("/tools/0/parameters/type").asText()).isEqualTo("object");
        assertThat(json(t[2]).at("/tools/0/functionDeclarations/0/parameters/type").asText()).isEqualTo("OBJECT");
        for (Translation one : t) {
            assertThat(ids(one)).as(one.target().toString()).contains("PP143");
        }
        Translation claude = PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).at("/tools/0/input_schema/type").asText()).isEqualTo("object");
        assertThat(json(claude).at("/tools/1/input_schema/type").asText()).isEqualTo("object");
    }

    /**
     * messages/test_v1_messages_empty_text_sanitization.py (issue 22930): empty text blocks
     * beside a call or a tool result are dropped and named (PP133). Text of whitespace alone is
     * dropped only for Claude, which refuses it; OpenAI and Gemini take it, so it is kept.
     */
    @Test
    void emptyTextBlocksAreDroppedAndNamed() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"text\",\"text\":\"What's the weather?\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"\"},{\"type\":\"tool_use\",\"id\":\"toolu_w1\",\"name\":\"get_weather\",\"input\":{\"location\":\"NYC\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_w1\",\"content\":\"72F and sunny\"},{\"type\":\"text\",\"text\":\"\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"The weather in NYC is 72F and sunny.\"}]},"
                + "{\"role\":\"user\",\"content\":\"thanks\"}]",
                ",\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]");
        Translation[] t = translateAll("empty-text", req);
        JsonNode chat = json(t[0]).path("messages");
        assertThat(chat.at("/0/content").asText()).isEqualTo("What's the weather?");
        assertThat(chat.at("/1/content").isMissingNode() || chat.at("/1/content").isNull()).isTrue();
        assertThat(chat.at("/1/tool_calls/0/id").asText()).isEqualTo("toolu_w1");
        assertThat(chat.at("/2/role").asText()).isEqualTo("tool");
        assertThat(chat.at("/3/content").asText()).contains("72F");
        for (Translation one : t) {
            assertThat(ids(one).stream().filter("PP133"::equals)).as(one.target().toString()).hasSize(3);
        }
        String blank = request("[{\"role\":\"user\",\"content\":\"What's the weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"   \\n\\t  \"},{\"type\":\"tool_use\",\"id\":\"toolu_789\",\"name\":\"calc\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_789\",\"content\":\"4\"}]}]",
                ",\"tools\":[{\"name\":\"calc\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]");
        assertThat(json(PEER.translate("blank-text", blank, CHAT)).at("/messages/1/content").asText()).isEqualTo("   \n\t  ");
        Translation claude = PromptPort.translate(blank, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).at("/messages/1/content")).hasSize(1);
        assertThat(ids(claude)).contains("PP133");
    }

    /**
     * messages/test_anthropic_messages_system_role_hoisting.py (issue 29698): system messages
     * inside messages[], as strings or blocks, one empty. LiteLLM hoists them all into the
     * top-level system. promptport keeps them where they stand for Chat, which takes a system
     * message at any point, so the model still reads them from there on; Gemini takes system text
     * only at the start, so there they join the system instruction, named (PP214). The empty one
     * is dropped (PP133) rather than joined in as a stray paragraph break.
     */
    @Test
    void systemMessagesInsideTheConversationStayInPlaceWhereTheTargetAllows() {
        String req = request("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"system\",\"content\":\"also be concise\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"be terse\"},{\"type\":\"text\",\"text\":\"use markdown\"}]},"
                + "{\"role\":\"system\",\"content\":\"\"},{\"role\":\"user\",\"content\":\"go\"}]", ",\"system\":\"you are helpful\"");
        Translation[] t = translateAll("system-hoisting", req);
        JsonNode chat = json(t[0]).path("messages");
        assertThat(chat.findValuesAsText("role")).containsExactly("system", "user", "system", "user");
        assertThat(chat.at("/0/content").asText()).isEqualTo("you are helpful");
        assertThat(chat.at("/2/content").asText()).isEqualTo("also be concise\n\nbe terse\n\nuse markdown");
        assertThat(ids(t[0])).contains("PP133");
        JsonNode gemini = json(t[2]);
        assertThat(gemini.at("/systemInstruction/parts/0/text").asText()).startsWith("you are helpful").contains("also be concise")
                .contains("be terse").contains("use markdown");
        assertThat(gemini.path("contents").findValuesAsText("role")).containsOnly("user");
        assertThat(ids(t[2])).contains("PP214");
    }
}
