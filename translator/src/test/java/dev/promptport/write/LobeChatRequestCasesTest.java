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
 * LobeChat's cases for turning OpenAI Chat messages into Claude's (lobehub/lobe-chat
 * {@code packages/model-runtime/src/core/contextBuilders/anthropic.test.ts}: buildAnthropicMessage
 * and buildAnthropicMessages). Here each is an OpenAI Chat request, translated for Claude (and
 * Gemini where it adds something) and checked against the target's spec. The weather results are
 * shortened.
 */
class LobeChatRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static final String CLAUDE = "anthropic:claude-sonnet-4-5";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
    private static final String WEATHER = "realtime-weather____fetchCurrentWeather";

    private static String chat(String messages, String more) {
        return "{\"model\":\"gpt-4o\",\"max_tokens\":1024,\"messages\":" + messages + more + "}";
    }

    private static String tools() {
        return ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"" + WEATHER + "\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\"}}}}},{\"type\":\"function\",\"function\":{\"name\":\"searchWithSearXNG\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"query\":{\"type\":\"string\"}}}}}]";
    }

    private static Translation translate(String name, String request, String target) {
        return PEER.translate(name, request, InputFormat.OPENAI_CHAT, target);
    }

    /** The weather conversation: two calls with \\u-escaped arguments, two tool messages, then "继续". */
    private static final String WEATHER_CHAT = chat("[{\"role\":\"user\",\"content\":\"告诉我杭州和北京的天气，先回答我好的\"},{\"role\":\"assistant\",\"content\":"
            + "\"好的,我会为您查询杭州和北京的天气信息。\",\"tool_calls\":[{\"id\":\"toolu_018PNQkH8ChbjoJz4QBiFVod\",\"type\":\"function\",\"function\":{\"name\":\""
            + WEATHER + "\",\"arguments\":\"{\\\"city\\\": \\\"\\\\u676d\\\\u5dde\\\"}\"}},{\"id\":\"toolu_018VQTQ6fwAEC3eppuEfMxPp\",\"type\":\"function\","
            + "\"function\":{\"name\":\"" + WEATHER + "\",\"arguments\":\"{\\\"city\\\": \\\"\\\\u5317\\\\u4eac\\\"}\"}}]},{\"role\":\"tool\",\"name\":\"" + WEATHER
            + "\",\"tool_call_id\":\"toolu_018PNQkH8ChbjoJz4QBiFVod\",\"content\":\"[{\\\"city\\\":\\\"杭州市\\\"}]\"},{\"role\":\"tool\",\"name\":\"" + WEATHER
            + "\",\"tool_call_id\":\"toolu_018VQTQ6fwAEC3eppuEfMxPp\",\"content\":\"[{\\\"city\\\":\\\"北京市\\\"}]\"},{\"role\":\"user\",\"content\":\"继续\"}]", tools());

    /** buildAnthropicBlock/buildAnthropicMessage "content parts": a data URL is a base64 image block of its type. */
    @Test
    void aDataUrlImageIsABase64ImageBlock() {
        JsonNode content = json(translate("image", chat("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Check out this image:\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PNG + "\"}}]}]", ""), CLAUDE)).at("/messages/0/content");
        assertThat(content.toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Check out this image:\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}]");
    }

    /**
     * "should correctly convert OpenAI tool message to Anthropic format": the text and both calls
     * in one assistant turn, each call's \\u-escaped arguments read as the characters they stand
     * for, and both results in the user turn after it. LobeChat sends "继续" as a user turn of its
     * own; promptport puts it in the same user turn after the results (one turn per role, as
     * Claude reads two user turns in a row anyway).
     */
    @Test
    void twoCallsAndTheirResultsBecomeClaudesTurns() {
        JsonNode messages = json(translate("weather", WEATHER_CHAT, CLAUDE)).path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.get(1).path("content");
        assertThat(assistant.at("/0/text").asText()).isEqualTo("好的,我会为您查询杭州和北京的天气信息。");
        assertThat(assistant.at("/1/input").toString()).isEqualTo("{\"city\":\"杭州\"}");
        assertThat(assistant.at("/2/input").toString()).isEqualTo("{\"city\":\"北京\"}");
        assertThat(assistant.at("/2/name").asText()).isEqualTo(WEATHER);
        JsonNode user = messages.get(2).path("content");
        assertThat(user.at("/0/tool_use_id").asText()).isEqualTo("toolu_018PNQkH8ChbjoJz4QBiFVod");
        assertThat(user.at("/0/content/0/text").asText()).isEqualTo("[{\"city\":\"杭州市\"}]");
        assertThat(user.at("/1/tool_use_id").asText()).isEqualTo("toolu_018VQTQ6fwAEC3eppuEfMxPp");
        assertThat(user.at("/2").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"继续\"}");
    }

    /** The same conversation for Gemini: calls with their names and decoded args, responses named after them. */
    @Test
    void twoCallsAndTheirResultsBecomeGeminisParts() {
        JsonNode contents = json(translate("weather-gemini", WEATHER_CHAT, "gemini:gemini-2.5-flash")).path("contents");
        assertThat(contents.at("/1/parts/1/functionCall/args/city").asText()).isEqualTo("杭州");
        assertThat(contents.at("/2/parts/1/functionResponse/name").asText()).isEqualTo(WEATHER);
        assertThat(contents.at("/2/parts/1/functionResponse/response/result").asText()).isEqualTo("[{\"city\":\"北京市\"}]");
    }

    /**
     * "should handle user messages with tool correctly": an assistant turn of empty content and
     * one call is the call alone; the empty text goes, named (PP133), as Claude refuses an empty
     * text block.
     */
    @Test
    void anEmptyAssistantTextBesideACallGoes() {
        Translation t = translate("search", chat("[{\"role\":\"user\",\"content\":\"搜索下 482的所有质因数？\\n\\n\"},{\"role\":\"assistant\",\"content\":\"\","
                + "\"tool_calls\":[{\"id\":\"toolu_01AgNoyb9FKuY8TGePPjEfrE\",\"type\":\"function\",\"function\":{\"name\":\"searchWithSearXNG\",\"arguments\":"
                + "\"{\\\"query\\\": \\\"482的质因数分解\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"toolu_01AgNoyb9FKuY8TGePPjEfrE\",\"name\":"
                + "\"searchWithSearXNG\",\"content\":\"482 = 2 × 241\"}]", tools()), CLAUDE);
        JsonNode messages = json(t).path("messages");
        assertThat(messages.at("/1/content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"toolu_01AgNoyb9FKuY8TGePPjEfrE\","
                + "\"name\":\"searchWithSearXNG\",\"input\":{\"query\":\"482的质因数分解\"}}]");
        assertThat(messages.at("/2/content/0/content/0/text").asText()).isEqualTo("482 = 2 × 241");
        assertThat(ids(t)).contains("PP133");
    }

    /**
     * "should handle empty tools": an assistant turn of "" and no calls says nothing; LobeChat
     * sends it as "", which Claude refuses. promptport leaves it out, named (PP133), and the user
     * turns either side of it become one.
     */
    @Test
    void anAssistantTurnOfNothingIsLeftOut() {
        Translation t = translate("empty-tools", chat("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[]},"
                + "{\"role\":\"user\",\"content\":\"go\"}]", ""), CLAUDE);
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"Hello\"},{\"type\":\"text\",\"text\":\"go\"}]");
        assertThat(ids(t)).contains("PP133");
    }

    /**
     * "messages should dont need end with user": the conversation may end with the assistant
     * (Claude continues a prefilled reply); two user turns in a row are one turn of two texts.
     */
    @Test
    void aConversationMayEndWithTheAssistant() {
        JsonNode messages = json(translate("ends-assistant", chat("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"user\",\"content\":\"Hello\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hi\"}]", ""), CLAUDE)).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.at("/0/content")).hasSize(2);
        assertThat(messages.at("/1/role").asText()).isEqualTo("assistant");
        assertThat(messages.at("/1/content/0/text").asText()).isEqualTo("Hi");
    }
}
