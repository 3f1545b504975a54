package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of the two claude-code-proxy projects' tests (1rgs/claude-code-proxy
 * {@code tests.py} TEST_SCENARIOS; fuergaosi233/claude-code-proxy {@code tests/test_main.py}).
 * Their tests send each request to a live proxy and only check that a reply of Claude's shape
 * comes back, so here each request is translated for OpenAI Chat (what both proxies send),
 * Responses and Gemini (1rgs can send to Gemini), checked against the vendor's spec, and checked
 * to keep what it asked for: system prompt, sampling, tools, tool choice, streaming, history.
 */
class ClaudeCodeProxyRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String[] TARGETS = {"openai:gpt-4o", "openai-responses:gpt-4o", "gemini:gemini-2.5-flash"};

    private static final String CALCULATOR = "{\"name\":\"calculator\",\"description\":\"Evaluate mathematical expressions\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"expression\":{\"type\":\"string\","
            + "\"description\":\"The mathematical expression to evaluate\"}},\"required\":[\"expression\"]}}";
    private static final String WEATHER = "{\"name\":\"weather\",\"description\":\"Get weather information for a location\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\","
            + "\"description\":\"The city or location to get weather for\"},\"units\":{\"type\":\"string\","
            + "\"enum\":[\"celsius\",\"fahrenheit\"],\"description\":\"Temperature units\"}},\"required\":[\"location\"]}}";
    private static final String SEARCH = "{\"name\":\"search\",\"description\":\"Search for information on the web\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":\"The search query\"}},"
            + "\"required\":[\"query\"]}}";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation[] translateAll(String name, String request) {
        Translation[] out = new Translation[TARGETS.length];
        for (int i = 0; i < TARGETS.length; i++) {
            out[i] = PEER.translate(name, request, TARGETS[i]);
        }
        return out;
    }

    /** tests.py "simple", test_main.py test_basic_chat and test_with_system_message. */
    @Test
    void aPlainQuestionAndASystemPromptArriveWhole() {
        String req = "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":100,"
                + "\"system\":\"You are a helpful assistant that always responds in haiku format.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Explain what AI is\"}]}";
        Translation[] t = translateAll("system", req);
        assertThat(json(t[0]).at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant that always responds in haiku format.");
        assertThat(json(t[0]).at("/messages/1/content").asText()).isEqualTo("Explain what AI is");
        assertThat(json(t[1]).path("instructions").asText()).startsWith("You are a helpful assistant");
        assertThat(json(t[2]).at("/systemInstruction/parts/0/text").asText()).startsWith("You are a helpful assistant");
    }

    /** tests.py "multi_tool": system, temperature and top_p together, two tools, tool_choice auto. */
    @Test
    void samplingToolsAndAutoChoiceAreKept() {
        String req = "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":500,\"temperature\":0.7,\"top_p\":0.95,"
                + "\"system\":\"You are a helpful assistant that uses tools when appropriate. Be concise and precise.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"I'm planning a trip to New York next week. What's the weather like "
                + "and what are some interesting places to visit?\"}],\"tools\":[" + WEATHER + "," + SEARCH + "],\"tool_choice\":{\"type\":\"auto\"}}";
        Translation[] t = translateAll("multi-tool", req);
        JsonNode chat = json(t[0]);
        assertThat(chat.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(chat.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(chat.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(chat.at("/tools/0/function/parameters/properties/units/enum").toString()).isEqualTo("[\"celsius\",\"fahrenheit\"]");
        assertThat(chat.at("/tools/1/function/name").asText()).isEqualTo("search");
        assertThat(json(t[1]).path("tool_choice").asText()).isEqualTo("auto");
        JsonNode gemini = json(t[2]);
        assertThat(gemini.at("/toolConfig/functionCallingConfig/mode").asText()).isEqualTo("AUTO");
        assertThat(gemini.at("/generationConfig/topP").asDouble()).isEqualTo(0.95);
        assertThat(gemini.at("/tools/0/functionDeclarations")).hasSize(2);
    }

    /** tests.py "calculator_stream" and "simple_stream", test_main.py test_streaming_chat: Chat is asked for the usage chunk. */
    @Test
    void aStreamedRequestStreamsWithUsage() {
        String req = "{\"model\":\"claude-3-5-haiku-20241022\",\"max_tokens\":300,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"What is 135 + 17.5 divided by 2.5?\"}],"
                + "\"tools\":[" + CALCULATOR + "],\"tool_choice\":{\"type\":\"auto\"}}";
        Translation[] t = translateAll("stream", req);
        assertThat(json(t[0]).path("stream").asBoolean()).isTrue();
        assertThat(json(t[0]).at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(json(t[1]).path("stream").asBoolean()).isTrue();
        // Gemini streams by endpoint, not by a field: named so the caller picks the endpoint
        assertThat(json(t[2]).has("stream")).isFalse();
        assertThat(ids(t[2])).contains("PP225");
    }

    /** tests.py "multi_turn" and "content_blocks": earlier turns as strings, a turn as a list of text blocks. */
    @Test
    void earlierTurnsAndTextBlocksKeepTheirOrderAndText() {
        String req = "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":500,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Let's do some math. What is 240 divided by 8?\"},"
                + "{\"role\":\"assistant\",\"content\":\"To calculate 240 divided by 8, I'll perform the division:\\n\\n240 ÷ 8 = 30\\n\\nSo the result is 30.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Now multiply that by 4 and tell me the result.\"}]}],"
                + "\"tools\":[" + CALCULATOR + "," + WEATHER + "],\"tool_choice\":{\"type\":\"auto\"}}";
        Translation[] t = translateAll("multi-turn", req);
        JsonNode chat = json(t[0]);
        assertThat(chat.path("messages")).hasSize(3);
        assertThat(chat.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(chat.at("/messages/1/content").asText()).contains("240 ÷ 8 = 30");
        assertThat(chat.at("/messages/2/content").toString()).contains("Now multiply that by 4");
        assertThat(json(t[2]).at("/contents/1/role").asText()).isEqualTo("model");
    }

    /** test_main.py test_multimodal: a 1x1 PNG beside a question. */
    @Test
    void anImageBesideAQuestionReachesEveryTarget() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChAI9jU8PJAAAAASUVORK5CYII=";
        String req = "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"What do you see in this image?\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + png + "\"}}]}]}";
        Translation[] t = translateAll("multimodal", req);
        for (Translation one : t) {
            assertThat(one.json()).as(one.target().toString()).contains(png).contains("What do you see in this image?");
            assertThat(ids(one)).as(one.target().toString()).doesNotContain("PP126");
        }
    }

    /** test_main.py test_conversation_with_tool_use: the reply's own content sent back, then the tool's result. */
    @Test
    void aToolRoundTripPairsTheCallWithItsResult() {
        String req = "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":100,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Calculate 25 * 4 using the calculator tool\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"I'll calculate that.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"calculator\",\"input\":{\"expression\":\"25 * 4\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"100\"}]}],"
                + "\"tools\":[" + CALCULATOR + "]}";
        Translation[] t = translateAll("tool-round-trip", req);
        JsonNode chat = json(t[0]);
        assertThat(chat.at("/messages/1/content").asText()).isEqualTo("I'll calculate that.");
        assertThat(chat.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(chat.at("/messages/1/tool_calls/0/function/arguments").asText()).isEqualTo("{\"expression\":\"25 * 4\"}");
        assertThat(chat.at("/messages/2/tool_call_id").asText()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(chat.at("/messages/2/content").asText()).isEqualTo("100");
        JsonNode responses = json(t[1]);
        assertThat(responses.at("/input/2/call_id").asText()).isEqualTo(responses.at("/input/3/call_id").asText());
        JsonNode gemini = json(t[2]);
        assertThat(gemini.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("calculator");
        assertThat(gemini.at("/contents/2/parts/0/functionResponse/response/result").asText()).isEqualTo("100");
    }
}
