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
 * labring/aiproxy's cases for its Claude endpoint over OpenAI Chat, OpenAI Responses and Gemini,
 * request side ({@code core/relay/adaptor/openai/claude_test.go}: {@code TestConvertClaudeToResponsesRequest},
 * {@code _ReasoningEffortCompatibility}, {@code _WithToolsRequiredField},
 * {@code TestConvertClaudeToolsToOpenAI_WithRequiredField}; {@code core/relay/adaptor/gemini/claude_test.go}:
 * {@code TestConvertClaudeRequest_DisableAutoImageURLToBase64}). Every body is checked against its spec.
 */
class AiProxyRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String RESPONSES = "openai-responses:gpt-5";
    private static final String GPT = "openai:gpt-4o";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String tool(String required) {
        return "{\"model\":\"gpt-5-codex\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Test\"}],\"tools\":[{\"name\":\"get_weather\","
                + "\"description\":\"Get weather info\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},"
                + "\"required\":" + required + "}}]}";
    }

    /**
     * ConvertClaudeToResponsesRequest: a plain message, one with three text blocks, and one with
     * a system prompt. Each is one input message, every content part holds text, and nothing is
     * stored at OpenAI. aiproxy makes the system prompt a second input message; promptport sends
     * it as the request's {@code instructions}, the Responses field for it.
     */
    @Test
    void messagesBecomeInputMessagesWithTextPartsAndNothingIsStored() {
        String[][] cases = {
                {"[{\"role\":\"user\",\"content\":\"Hello\"}]", "", "1"},
                {"[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"First part of message\"},{\"type\":\"text\",\"text\":\"Second part of message\"},"
                        + "{\"type\":\"text\",\"text\":\"Third part of message\"}]}]", "", "1"},
                {"[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello, how are you?\"}]}]",
                        ",\"system\":[{\"type\":\"text\",\"text\":\"You are a helpful assistant.\"}]", "1"}};
        for (String[] c : cases) {
            JsonNode b = json(PEER.translate("responses", "{\"model\":\"gpt-5-codex\",\"max_tokens\":1024,\"messages\":" + c[0] + c[1] + "}", RESPONSES));
            assertThat(b.path("store").asBoolean(true)).isFalse();
            assertThat(b.path("input")).as(c[0]).hasSize(Integer.parseInt(c[2]));
            for (JsonNode item : b.path("input")) {
                assertThat(item.path("content")).isNotEmpty();
                item.path("content").forEach(p -> assertThat(p.path("text").asText()).isNotEmpty());
            }
        }
        JsonNode system = json(PEER.translate("responses", "{\"model\":\"gpt-5-codex\",\"max_tokens\":1024,\"messages\":" + cases[2][0] + cases[2][1] + "}", RESPONSES));
        assertThat(system.path("instructions").asText()).isEqualTo("You are a helpful assistant.");
        JsonNode three = json(PEER.translate("responses", "{\"model\":\"gpt-5-codex\",\"max_tokens\":1024,\"messages\":" + cases[1][0] + "}", RESPONSES));
        assertThat(three.toString()).contains("First part of message", "Second part of message", "Third part of message");
    }

    /**
     * ConvertClaudeRequest_ReasoningEffortCompatibility: a budget of 512 tokens is effort "low"
     * on gpt-5.5 (a model promptport does not list: it takes gpt-5's facts and says so).
     */
    @Test
    void aSmallThinkingBudgetIsLowEffort() {
        Translation t = PEER.translate("budget", "{\"model\":\"claude\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":512}}", "openai:gpt-5.5");
        assertThat(json(t).path("reasoning_effort").asText()).isEqualTo("low");
        assertThat(finding(t, "PP108").message()).contains("512");
    }

    /**
     * ConvertClaudeToResponsesRequest_ReasoningEffortCompatibility: effort "max" on gpt-5.1,
     * whose highest is "high". aiproxy sends thinking {"type":"enabled"} without a budget,
     * which Claude refuses (enabled needs budget_tokens), and so does promptport's reader;
     * adaptive thinking is the form that takes an effort. gpt-5.1 now has its own Responses
     * entry: it had taken gpt-5's, and sent effort "minimal", which gpt-5.1 refuses, for
     * thinking turned off.
     */
    @Test
    void maxEffortIsHighOnGpt51AndThinkingOffIsEffortNone() {
        Translation max = PEER.translate("max", "{\"model\":\"claude\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
                + "\"thinking\":{\"type\":\"adaptive\"},\"output_config\":{\"effort\":\"max\"}}", "openai-responses:gpt-5.1");
        assertThat(json(max).at("/reasoning/effort").asText()).isEqualTo("high");
        assertThat(ids(max)).contains("PP217").doesNotContain("PP208");
        Translation off = PEER.translate("off", "{\"model\":\"claude\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
                + "\"thinking\":{\"type\":\"disabled\"}}", "openai-responses:gpt-5.1");
        assertThat(json(off).at("/reasoning/effort").asText()).isEqualTo("none");
        assertThat(json(off).path("max_output_tokens").asInt()).isEqualTo(1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PEER.translate("no budget", "{\"model\":\"claude\",\"max_tokens\":1024,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"thinking\":{\"type\":\"enabled\"}}", "openai-responses:gpt-5.1"))
                .hasMessageContaining("budget_tokens");
    }

    /**
     * WithToolsRequiredField "null required field should be removed", for Chat and Responses
     * alike: OpenAI refuses {@code "required": null} (it is not a list), and it lists no
     * property, so leaving it out changes nothing; PP155 says so. Gemini's schema conversion
     * drops it too.
     */
    @Test
    void aNullRequiredIsLeftOutForOpenAi() {
        String req = tool("null");
        for (String target : new String[] {GPT, RESPONSES}) {
            Translation t = PEER.translate("required null", req, target);
            JsonNode b = json(t);
            JsonNode params = target.equals(GPT) ? b.at("/tools/0/function/parameters") : b.at("/tools/0/parameters");
            assertThat(params.has("required")).as(target).isFalse();
            assertThat(params.at("/properties/location/type").asText()).isEqualTo("string");
            assertThat(finding(t, "PP155").message()).contains("/required: null lists no property");
        }
        assertThat(json(PEER.translate("required null", req, GEMINI)).at("/tools/0/functionDeclarations/0/parameters").has("required")).isFalse();
    }

    /** A null required deeper in the schema goes as well, and one inside an example value stays as written. */
    @Test
    void aNestedNullRequiredIsLeftOutButAnExampleIsSentAsWritten() {
        String req = "{\"model\":\"c\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Test\"}],\"tools\":[{\"name\":\"t\",\"input_schema\":"
                + "{\"type\":\"object\",\"properties\":{\"opts\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\" : null,"
                + "\"examples\":[{\"required\":null}]}}}}]}";
        Translation t = PEER.translate("nested null", req, GPT);
        JsonNode opts = json(t).at("/tools/0/function/parameters/properties/opts");
        assertThat(opts.has("required")).isFalse();
        assertThat(opts.at("/examples/0").toString()).isEqualTo("{\"required\":null}");
        assertThat(finding(t, "PP155").message()).contains("/properties/opts/required");
    }

    /**
     * WithToolsRequiredField "empty required array should be removed" and "valid required array
     * should be kept". An empty list is valid JSON Schema and OpenAI takes it, so promptport
     * sends it as written (aiproxy drops it); a list with names is kept by both.
     */
    @Test
    void anEmptyOrFilledRequiredListIsSentAsWritten() {
        for (String target : new String[] {GPT, RESPONSES}) {
            JsonNode empty = json(PEER.translate("required []", tool("[]"), target));
            assertThat(empty.toString()).as(target).contains("\"required\":[]");
            Translation kept = PEER.translate("required [location]", tool("[\"location\"]"), target);
            assertThat(json(kept).toString()).contains("\"required\":[\"location\"]");
            assertThat(ids(kept)).doesNotContain("PP155");
        }
    }

    /**
     * gemini/claude_test DisableAutoImageURLToBase64: an image by URL is a fileData part with
     * the URL. aiproxy leaves its MIME type empty; promptport gives the one the address's
     * ending names, which Gemini needs to read the file.
     */
    @Test
    void anImageByUrlIsAGeminiFileDataPart() {
        JsonNode b = json(PEER.translate("image url", "{\"model\":\"gemini-1.5-pro\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/test.png\"}}]}]}", GEMINI));
        assertThat(b.at("/contents/0/parts")).hasSize(1);
        assertThat(b.at("/contents/0/parts/0/fileData/fileUri").asText()).isEqualTo("https://example.com/test.png");
        assertThat(b.at("/contents/0/parts/0/fileData/mimeType").asText()).isEqualTo("image/png");
        assertThat(b.at("/contents/0/parts/0").has("inlineData")).isFalse();
    }
}
