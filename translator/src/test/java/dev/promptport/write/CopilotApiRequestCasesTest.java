package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * copilot-api's cases for turning Claude requests into OpenAI Chat requests
 * (ericc-ch/copilot-api {@code tests/anthropic-request.test.ts}), each translated and checked
 * against OpenAI's spec.
 */
class CopilotApiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    /**
     * "should translate comprehensive Anthropic payload to valid OpenAI payload": system,
     * sampling, metadata.user_id and tool_choice auto all have Chat fields. The fixture's tool
     * schema lists its property without "properties"; it goes as written, under type object.
     */
    @Test
    void aComprehensiveRequestIsAValidChatRequest() {
        Translation t = PEER.translate("comprehensive", "{\"model\":\"gpt-4o\",\"system\":\"You are a helpful assistant.\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"What is the weather like in Boston?\"},{\"role\":\"assistant\",\"content\":"
                + "\"The weather in Boston is sunny and 75°F.\"},{\"role\":\"user\",\"content\":\"Thanks\"}],\"temperature\":0.7,\"max_tokens\":150,"
                + "\"top_p\":1,\"stream\":false,\"metadata\":{\"user_id\":\"user-123\"},\"tools\":[{\"name\":\"getWeather\",\"description\":"
                + "\"Gets weather info\",\"input_schema\":{\"location\":{\"type\":\"string\"}}}],\"tool_choice\":{\"type\":\"auto\"}}", "openai:gpt-4o");
        JsonNode out = json(t);
        assertThat(out.at("/messages/0").toString()).isEqualTo("{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"}");
        assertThat(out.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(out.path("max_completion_tokens").asInt()).isEqualTo(150);
        assertThat(out.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(out.path("safety_identifier").asText()).isEqualTo("user-123");
        assertThat(out.at("/tools/0/function/parameters/location/type").asText()).isEqualTo("string");
        assertThat(ids(t)).contains("PP114");
    }

    /**
     * "should translate minimal Anthropic payload" uses max_tokens 0, which copilot-api passes on.
     * Deliberate difference: Claude refuses 0, so promptport refuses the request and says why.
     */
    @Test
    void maxTokensOfZeroIsRefused() {
        assertThatThrownBy(() -> PEER.translate("zero", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],"
                + "\"max_tokens\":0}", "openai:gpt-4o")).isInstanceOf(PromptPortException.class).hasMessageContaining("max_tokens");
    }

    /** "should handle invalid types in Anthropic payload": a temperature of "hot" is refused, not sent. */
    @Test
    void aTemperatureThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> PEER.translate("hot", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],"
                + "\"temperature\":\"hot\",\"max_tokens\":10}", "openai:gpt-4o")).isInstanceOf(PromptPortException.class).hasMessageContaining("number");
    }

    /**
     * "should handle thinking blocks in assistant messages" and "... with tool calls": copilot-api
     * folds the thinking into the assistant's text. Deliberate difference: promptport drops it,
     * named (PP110), as showing a model's reasoning as its words would change the conversation;
     * the text and the call stay.
     */
    @Test
    void earlierThinkingIsDroppedAndTheTextAndCallStay() {
        Translation t = PEER.translate("thinking", "{\"model\":\"claude-3-5-sonnet-20241022\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"What's the weather?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":"
                + "\"I need to call the weather API to get current weather information.\"},{\"type\":\"text\",\"text\":\"I'll check the weather for you.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"get_weather\",\"input\":{\"location\":\"New York\"}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":\"Sunny\"}]}],\"tools\":[{\"name\":\"get_weather\",\"input_schema\":"
                + "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]}", "openai:gpt-4o");
        JsonNode assistant = json(t).at("/messages/1");
        assertThat(assistant.path("content").asText()).isEqualTo("I'll check the weather for you.");
        assertThat(assistant.at("/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(t.json()).doesNotContain("weather API");
        assertThat(ids(t)).contains("PP110");
    }
}
