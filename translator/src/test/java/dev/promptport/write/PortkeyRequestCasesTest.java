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
 * Portkey's cases for writing requests (Portkey-AI/gateway): OpenAI Chat requests sent to Gemini
 * ({@code src/providers/google/__tests__/thought-signature.test.ts}, {@code tool-message-content.test.ts},
 * {@code media-resolution.test.ts}), here GOOGLE; OpenAI Chat requests sent to Claude
 * ({@code src/providers/anthropic/chatComplete.test.ts} cache_control cases and
 * {@code __tests__/tool-transform.test.ts} strict cases), here ANTHROPIC; and Claude requests sent to
 * Chat Completions ({@code src/adapters/__tests__/messages-adapter.test.ts} "Messages → Chat Completions
 * Request Transform" and its round trip), here MESSAGES. Portkey's tests call one config transform at
 * a time; here each input is a whole request, translated and checked against the vendor's spec.
 *
 * <p>Left out: "splits a tool message's text parts into one functionResponse each",
 * where Gemini wants one response per call, is restated as one response holding both texts; and
 * the inline {@code image_url.media_resolution}, a Portkey field.
 */
class PortkeyRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String OLD_FLASH = "gemini:gemini-2.0-flash";
    private static final String GEMINI_3 = "gemini:gemini-3-pro-preview";
    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String GPT = "openai:gpt-4o";

    private static final String TIME_TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"get_current_time\","
            + "\"description\":\"Get the current time for a specific location\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"The city and state, e.g., San Francisco, CA\"}},"
            + "\"required\":[\"location\"]}}}";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String request, String target) {
        return PEER.translate(name, request, InputFormat.OPENAI_CHAT, target);
    }

    /** The Chennai conversation of thought-signature.test.ts: system, user, one unsigned call, its result. */
    private static String chennai() {
        return "{\"model\":\"gpt-4o\",\"max_tokens\":1000,\"stream\":false,\"messages\":["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"You are a helpful assistant\"}]},"
                + "{\"role\":\"user\",\"content\":\"Check the time in Chennai\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"portkey-af08990b\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_current_time\",\"arguments\":\"{\\\"location\\\":\\\"Chennai, India\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"content\":\"{ 'time': '10PM' }\",\"tool_call_id\":\"portkey-af08990b\"}],"
                + "\"tools\":[" + TIME_TOOL + "]}";
    }

    private static JsonNode modelCallPart(JsonNode body) {
        for (JsonNode c : body.path("contents")) {
            if (c.path("role").asText().equals("model") && c.at("/parts/0/functionCall").isObject()) {
                return c;
            }
        }
        throw new AssertionError("no model content with a functionCall in " + body);
    }

    /**
     * GOOGLE "should use the thought signature sent with the call": a Chat call from Gemini's
     * OpenAI-compatible endpoint carries Google's signature in {@code extra_content.google}
     * (Portkey's own spelling: {@code function.thought_signature}); Gemini 3 gets it back on the
     * functionCall part instead of the placeholder, and no finding says another model made it.
     */
    @Test
    void aSignatureSentWithTheCallGoesBackToGemini3OnItsCall() {
        String google = chennai().replace("\"type\":\"function\",\"function\":", "\"type\":\"function\","
                + "\"extra_content\":{\"google\":{\"thought_signature\":\"CrgEAePx/16x6UFQ4IW6ktaA==\"}},\"function\":");
        String portkey = chennai().replace("\"name\":\"get_current_time\",\"arguments\"",
                "\"name\":\"get_current_time\",\"thought_signature\":\"CrgEAePx/16x6UFQ4IW6ktaA==\",\"arguments\"");
        for (String request : new String[] {google, portkey}) {
            Translation t = chat("signed-3", request, GEMINI_3);
            JsonNode model = modelCallPart(json(t));
            assertThat(model.path("parts")).hasSize(1);
            assertThat(model.at("/parts/0/thoughtSignature").asText()).isEqualTo("CrgEAePx/16x6UFQ4IW6ktaA==");
            assertThat(t.findings()).extracting(f -> f.id()).doesNotContain("PP187");
        }
    }

    /**
     * GOOGLE "gemini-2.5-flash … should NOT have thought signature … when thought signature is not
     * sent": the call is one functionCall part with its arguments as an object, and no signature.
     */
    @Test
    void anUnsignedCallGoesToGemini25WithoutASignature() {
        JsonNode body = json(chat("unsigned-25", chennai(), FLASH));
        JsonNode model = modelCallPart(body);
        assertThat(model.path("parts")).hasSize(1);
        assertThat(model.at("/parts/0/functionCall/name").asText()).isEqualTo("get_current_time");
        assertThat(model.at("/parts/0/functionCall/args").toString()).isEqualTo("{\"location\":\"Chennai, India\"}");
        assertThat(model.at("/parts/0").has("thoughtSignature")).isFalse();
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You are a helpful assistant");
    }

    /** GOOGLE "Edge cases … gemini-2.0 models (no thought signature required)": none is added. */
    @Test
    void anUnsignedCallGoesToGemini20WithoutASignature() {
        JsonNode model = modelCallPart(json(chat("unsigned-20", chennai(), OLD_FLASH)));
        assertThat(model.at("/parts/0").has("thoughtSignature")).isFalse();
    }

    /**
     * GOOGLE "gemini-3-flash-preview … should have thought signature … when thought signature is
     * not sent": Gemini 3 refuses an unsigned call of the turn in progress, so it gets Google's
     * placeholder, and a finding says so.
     */
    @Test
    void anUnsignedCallGoesToGemini3WithThePlaceholderSignature() {
        Translation t = chat("unsigned-3", chennai(), GEMINI_3);
        JsonNode model = modelCallPart(json(t));
        assertThat(model.path("parts")).hasSize(1);
        assertThat(model.at("/parts/0/thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");
        assertThat(model.at("/parts/0/functionCall/args/location").asText()).isEqualTo("Chennai, India");
        assertThat(ids(t)).contains("PP187");
    }

    /**
     * GOOGLE "Multiple tool calls with thought signatures" and "should prioritize explicit
     * thought_signature over default for gemini-3 models", restated as the Claude history a
     * failover reply from Gemini became (each signature in the empty thinking block before its
     * call): each call keeps its own signature, never the placeholder, and the results go back in
     * the order of the calls.
     */
    @Test
    void eachGeminiSignedCallKeepsItsOwnSignatureOnGemini3() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Get time and temperature for Chennai\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"promptport:gemini:CrgEAePx16x6UFQ4\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call-1\",\"name\":\"get_current_time\",\"input\":{\"location\":\"Chennai, India\"}},"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"promptport:gemini:DifferentSignatureForSecondToolCall\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call-2\",\"name\":\"get_current_temperature\",\"input\":{\"location\":\"Chennai, India\",\"unit\":\"Celsius\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call-2\",\"content\":\"31C\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"call-1\",\"content\":\"10PM\"}]}],"
                + "\"tools\":[{\"name\":\"get_current_time\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}},"
                + "{\"name\":\"get_current_temperature\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"},"
                + "\"unit\":{\"type\":\"string\"}},\"required\":[\"location\",\"unit\"]}}]}";
        Translation t = PEER.translate("signed-3", req, GEMINI_3);
        JsonNode body = json(t);
        JsonNode parts = modelCallPart(body).path("parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionCall/name").asText()).isEqualTo("get_current_time");
        assertThat(parts.at("/0/thoughtSignature").asText()).isEqualTo("CrgEAePx16x6UFQ4");
        assertThat(parts.at("/1/functionCall/name").asText()).isEqualTo("get_current_temperature");
        assertThat(parts.at("/1/thoughtSignature").asText()).isEqualTo("DifferentSignatureForSecondToolCall");
        assertThat(body.toString()).doesNotContain("skip_thought_signature_validator");
        assertThat(ids(t)).doesNotContain("PP187");
        assertThat(body.at("/contents/2/parts/0/functionResponse/id").asText()).isEqualTo("call-1");
        assertThat(body.at("/contents/2/parts/1/functionResponse/id").asText()).isEqualTo("call-2");
    }

    private static String toolMessage(String content) {
        return "{\"model\":\"gpt-4o\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"1\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"1\",\"content\":" + content + "}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"parameters\":{}}}]}";
    }

    /**
     * GOOGLE "should transform tool message with string content to one functionResponse part": the
     * result is one functionResponse, named for the call, its text in the response object.
     */
    @Test
    void aToolMessagesTextIsOneFunctionResponse() {
        JsonNode last = json(chat("tool-text", toolMessage("\"The time is 10PM\""), FLASH)).at("/contents/2");
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.path("parts")).hasSize(1);
        assertThat(last.at("/parts/0/functionResponse/name").asText()).isEqualTo("get_time");
        assertThat(last.at("/parts/0/functionResponse/response").isObject()).isTrue();
        assertThat(last.at("/parts/0/functionResponse/response").toString()).contains("The time is 10PM");
    }

    /**
     * GOOGLE "should transform tool message with array of text parts …": Portkey writes one
     * functionResponse per text part; Gemini answers each call with one response, so here both
     * texts are in the one response, in order.
     */
    @Test
    void aToolMessagesTextPartsAreOneFunctionResponseHoldingBoth() {
        JsonNode parts = json(chat("tool-two-texts", toolMessage("[{\"type\":\"text\",\"text\":\"Part one\"},{\"type\":\"text\",\"text\":\"Part two\"}]"),
                FLASH)).at("/contents/2/parts");
        assertThat(parts).hasSize(1);
        String response = parts.at("/0/functionResponse/response").toString();
        assertThat(response).contains("Part one").contains("Part two");
        assertThat(response.indexOf("Part one")).isLessThan(response.indexOf("Part two"));
    }

    /**
     * GOOGLE "should only include text parts when tool message content is array": the text is the
     * response; the image, which Gemini 2.5 does not take inside a response, follows it in the
     * same content, and a finding says so, rather than being dropped.
     */
    @Test
    void aToolMessagesImageFollowsItsResponseOnGemini25() {
        Translation t = chat("tool-image", toolMessage("[{\"type\":\"text\",\"text\":\"Only this text\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/img.png\"}}]"), FLASH);
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts.at("/0/functionResponse/response").toString()).contains("Only this text");
        assertThat(parts.at("/1/fileData/fileUri").asText()).isEqualTo("https://example.com/img.png");
        assertThat(parts.at("/1/fileData/mimeType").asText()).isEqualTo("image/png");
        assertThat(ids(t)).contains("PP128");
    }

    /**
     * GOOGLE "Top-level media_resolution" and "should not add mediaResolution if not provided":
     * Portkey's own top-level field is no OpenAI field; it is named as left out, and nothing adds
     * a mediaResolution the request did not ask for.
     */
    @Test
    void portkeysTopLevelMediaResolutionIsNamedAsLeftOut() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"media_resolution\":\"MEDIA_RESOLUTION_HIGH\",\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Analyze these images\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\"}}]}]}";
        Translation t = chat("media-resolution", req, FLASH);
        JsonNode body = json(t);
        assertThat(body.toString()).doesNotContain("mediaResolution");
        assertThat(body.at("/contents/0/parts/1/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP115");
            assertThat(f.message()).contains("media_resolution");
        });
    }

    /**
     * ANTHROPIC "should preserve cache_control … on text content items", "… without scope
     * (backward compat)", "… on system messages (array form)" and "(string form)", and "should not
     * include cache_control when not present in source": each breakpoint reaches Claude on the
     * block it marked, its ttl kept; an unmarked block gets none.
     */
    @Test
    void cacheBreakpointsReachClaudeOnTheirBlocks() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"messages\":["
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"You are helpful\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\",\"cache_control\":{\"type\":\"ephemeral\"}},"
                + "{\"type\":\"text\",\"text\":\"No mark here\"}]}]}";
        JsonNode body = json(chat("cache-control", req, CLAUDE));
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You are helpful");
        assertThat(body.at("/system/0/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\",\"ttl\":\"1h\"}");
        assertThat(body.at("/messages/0/content/0/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\"}");
        assertThat(body.at("/messages/0/content/1/text").asText()).isEqualTo("No mark here");
        assertThat(body.at("/messages/0/content/1").has("cache_control")).isFalse();
    }

    /**
     * ANTHROPIC "should strip unknown fields from cache_control" and "… from tool cache_control": a
     * field Claude does not know never reaches it; the breakpoint itself stays.
     */
    @Test
    void unknownCacheControlFieldsNeverReachClaude() {
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\","
                + "\"cache_control\":{\"type\":\"ephemeral\",\"malicious_field\":\"should be stripped\"}}]}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"Get weather\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{},\"required\":[]}},\"cache_control\":{\"type\":\"ephemeral\",\"injected\":true}}]}";
        JsonNode body = json(chat("cache-control-unknown", req, CLAUDE));
        assertThat(body.at("/messages/0/content/0/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\"}");
        assertThat(body.at("/tools/0/name").asText()).isEqualTo("get_weather");
        assertThat(body.at("/tools/0/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\"}");
        assertThat(body.toString()).doesNotContain("malicious_field").doesNotContain("injected");
    }

    /**
     * ANTHROPIC "forwards strict: true", "forwards strict: false", "omits strict when not provided"
     * and "handles multiple tools with mixed strict settings": each tool's strict reaches Claude as
     * it was set, and a tool without one gets none.
     */
    @Test
    void eachToolsStrictReachesClaudeAsSet() {
        String schema = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\",\"description\":\"City name\"}},"
                + "\"required\":[\"location\"],\"additionalProperties\":false}";
        String req = "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}],\"tools\":["
                + "{\"type\":\"function\",\"function\":{\"name\":\"tool_a\",\"description\":\"Get weather for a location\",\"parameters\":" + schema + ",\"strict\":true}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"tool_b\",\"description\":\"Get weather for a location\",\"parameters\":" + schema + ",\"strict\":false}},"
                + "{\"type\":\"function\",\"function\":{\"name\":\"tool_c\",\"description\":\"Get weather for a location\",\"parameters\":" + schema + "}}]}";
        JsonNode tools = json(chat("strict", req, CLAUDE)).path("tools");
        assertThat(tools).hasSize(3);
        assertThat(tools.at("/0/strict").asBoolean()).isTrue();
        assertThat(tools.at("/1/strict").isBoolean()).isTrue();
        assertThat(tools.at("/1/strict").asBoolean()).isFalse();
        assertThat(tools.at("/2").has("strict")).isFalse();
        assertThat(tools.at("/0/input_schema/properties/location/description").asText()).isEqualTo("City name");
    }

    private static String claude(String fields) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100," + fields + "}";
    }

    /**
     * MESSAGES "simple message", "with string system" and the round trip's "preserves semantic
     * meaning": the system text is the first message, the user's text the second, both as written.
     */
    @Test
    void aStringSystemIsTheFirstChatMessage() {
        JsonNode body = json(PEER.translate("system", claude("\"system\":\"You are helpful.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]"), GPT));
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("You are helpful.");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Hi");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    }

    /** MESSAGES "with array system": two system blocks are one system message holding both. */
    @Test
    void systemBlocksAreOneSystemMessage() {
        JsonNode body = json(PEER.translate("system-array", claude("\"system\":[{\"type\":\"text\",\"text\":\"You are helpful.\"},"
                + "{\"type\":\"text\",\"text\":\"Be concise.\"}],\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]"), GPT));
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).contains("You are helpful.").contains("Be concise.");
    }

    /** MESSAGES "transforms tools correctly": a tool is a function tool with its schema, tool_choice auto is "auto". */
    @Test
    void aToolIsAFunctionToolAndAutoStaysAuto() {
        JsonNode body = json(PEER.translate("tools", claude("\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get weather\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"location\":{\"type\":\"string\"}}}}],\"tool_choice\":{\"type\":\"auto\"}"), GPT));
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(body.at("/tools/0/function/parameters/type").asText()).isEqualTo("object");
        assertThat(body.path("tool_choice").asText()).isEqualTo("auto");
    }

    /** MESSAGES "tool_choice variants": any is "required", a named tool is that function. */
    @Test
    void toolChoiceAnyIsRequiredAndANamedToolIsThatFunction() {
        String tools = "\"tools\":[{\"name\":\"my_func\",\"input_schema\":{\"type\":\"object\",\"properties\":{}}}]";
        JsonNode any = json(PEER.translate("choice-any", claude("\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]," + tools
                + ",\"tool_choice\":{\"type\":\"any\"}"), GPT));
        assertThat(any.path("tool_choice").asText()).isEqualTo("required");
        JsonNode named = json(PEER.translate("choice-tool", claude("\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]," + tools
                + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"my_func\"}"), GPT));
        assertThat(named.path("tool_choice").toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"my_func\"}}");
    }

    /** MESSAGES "transforms tool_use and tool_result correctly": user, assistant with tool_calls, tool message. */
    @Test
    void aCallAndItsResultAreToolCallsAndAToolMessage() {
        JsonNode body = json(PEER.translate("tool-use", claude("\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_123\",\"name\":\"get_weather\",\"input\":{\"location\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_123\",\"content\":\"22°C, sunny\"}]}],"
                + "\"tools\":[{\"name\":\"get_weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]"), GPT));
        JsonNode m = body.path("messages");
        assertThat(m).hasSize(3);
        assertThat(m.at("/1/tool_calls/0/id").asText()).isEqualTo("toolu_123");
        assertThat(m.at("/1/tool_calls/0/function/arguments").asText()).isEqualTo("{\"location\":\"Paris\"}");
        assertThat(m.at("/2/role").asText()).isEqualTo("tool");
        assertThat(m.at("/2/tool_call_id").asText()).isEqualTo("toolu_123");
        assertThat(m.at("/2/content").toString()).contains("22°C, sunny");
    }

    /** MESSAGES "transforms multimodal content correctly": the text part, then the image as a data URL. */
    @Test
    void anImageIsAnImageUrlPartAfterTheText() {
        JsonNode content = json(PEER.translate("multimodal", claude("\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\","
                + "\"data\":\"iVBORw0KGgo=\"}}]}]"), GPT)).at("/messages/0/content");
        assertThat(content.at("/0/type").asText()).isEqualTo("text");
        assertThat(content.at("/0/text").asText()).isEqualTo("What is this?");
        assertThat(content.at("/1/type").asText()).isEqualTo("image_url");
        assertThat(content.at("/1/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
    }

    /**
     * MESSAGES "maps all parameters correctly": temperature, top_p, stream and stop as they are;
     * metadata.user_id, which Portkey sends as the deprecated {@code user}, is OpenAI's
     * {@code safety_identifier}; the limit is {@code max_completion_tokens}.
     */
    @Test
    void samplingStopStreamAndUserCarryOver() {
        Translation t = PEER.translate("all-params", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"temperature\":0.7,\"top_p\":0.9,"
                + "\"stream\":true,\"stop_sequences\":[\"END\"],\"metadata\":{\"user_id\":\"user_123\"},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", GPT);
        JsonNode body = json(t);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("safety_identifier").asText()).isEqualTo("user_123");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(500);
        assertThat(ids(t)).contains("PP114");
    }
}
