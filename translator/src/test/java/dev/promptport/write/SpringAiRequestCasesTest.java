package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's cases for writing OpenAI Chat requests (spring-projects/spring-ai
 * {@code models/spring-ai-openai/src/test/java/org/springframework/ai/openai/OpenAiChatModelTests.java}).
 * Spring AI builds the request from its own message types; here each is the Claude request
 * that says the same, translated and checked against OpenAI's spec.
 */
class SpringAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String CHAT = "openai:gpt-4.1";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":" + messages + more + "}";
    }

    private static final String TEST = "[{\"role\":\"user\",\"content\":\"test\"}]";

    private static final String WEATHER = "{\"name\":\"get_weather\",\"description\":\"Get weather\",\"input_schema\":{\"type\":\"object\","
            + "\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}";

    /**
     * "userMessagePdfMediaMapsToFileContentPart": the text, then the PDF as a file part with its
     * name and a data URL (Chat), or an input_file (Responses); named, as OpenAI reads a PDF
     * its own way (PP120).
     */
    @Test
    void aPdfIsAFilePartWithItsNameAndADataUrl() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Summarize the attached document.\"},{\"type\":\"document\","
                + "\"title\":\"sample.pdf\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0xLjc=\"}}]}]", "");
        Translation chat = PEER.translate("pdf chat", req, CHAT);
        JsonNode parts = json(chat).at("/messages/0/content");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/text").asText()).isEqualTo("Summarize the attached document.");
        assertThat(parts.at("/1/type").asText()).isEqualTo("file");
        assertThat(parts.at("/1/file/filename").asText()).isEqualTo("sample.pdf");
        assertThat(parts.at("/1/file/file_data").asText()).isEqualTo("data:application/pdf;base64,JVBERi0xLjc=");
        assertThat(ids(chat)).contains("PP120");
        JsonNode file = json(PEER.translate("pdf responses", req, "openai-responses:gpt-4.1")).at("/input/0/content/1");
        assertThat(file.path("type").asText()).isEqualTo("input_file");
        assertThat(file.path("filename").asText()).isEqualTo("sample.pdf");
        assertThat(file.path("file_data").asText()).isEqualTo("data:application/pdf;base64,JVBERi0xLjc=");
    }

    /**
     * "toolStrictTrueWidensOptionalPropertiesToNullableAndBackfillsRequired": Spring AI makes an
     * optional property required and nullable so the tool can stay strict. promptport sends
     * the schema as written without strict mode, and says so (PP165): a tool that reads a
     * missing "unit" as "use the default" may not read null the same way.
     */
    @Test
    void aStrictToolWithAnOptionalPropertyGoesWithoutStrictModeAndIsNamed() {
        Translation t = PEER.translate("strict-optional", request(TEST, ",\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get weather\","
                + "\"strict\":true,\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\"}},"
                + "\"required\":[\"location\"]}}]"), CHAT);
        JsonNode function = json(t).at("/tools/0/function");
        assertThat(function.path("strict").asBoolean()).isFalse();
        assertThat(function.at("/parameters/properties/unit").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(function.at("/parameters/required").toString()).isEqualTo("[\"location\"]");
        assertThat(ids(t)).contains("PP165");
    }

    /**
     * "jsonSchemaResponseFormatStrictDefaultsToTrue": Spring AI sends every reply schema strict,
     * which OpenAI refuses for this one (an optional property, no additionalProperties: false).
     * promptport sends it strict only when strict mode can hold it; here strict: false with the
     * schema as written, named (PP161).
     */
    @Test
    void aReplySchemaStrictModeCannotHoldIsSentNotStrict() {
        Translation t = PEER.translate("schema-strict", request(TEST, ",\"output_config\":{\"format\":{\"type\":\"json_schema\",\"schema\":"
                + "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}}}"), CHAT);
        JsonNode format = json(t).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isFalse();
        assertThat(format.at("/json_schema/schema").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
        assertThat(ids(t)).contains("PP161");
    }

    /** "toolChoiceAuto", "toolChoiceNone", "toolChoiceRequired", "toolChoiceFunction": Claude's four choices are Chat's auto, none, required and the named function. */
    @Test
    void theFourToolChoicesBecomeChatsOwn() {
        String[][] cases = {{"{\"type\":\"auto\"}", "\"auto\""}, {"{\"type\":\"none\"}", "\"none\""}, {"{\"type\":\"any\"}", "\"required\""},
            {"{\"type\":\"tool\",\"name\":\"get_weather\"}", "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}"}};
        for (String[] c : cases) {
            Translation t = PEER.translate("tool-choice " + c[0], request(TEST, ",\"tool_choice\":" + c[0] + ",\"tools\":[" + WEATHER + "]"), CHAT);
            assertThat(json(t).path("tool_choice").toString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    /**
     * "streamingReasoningContentSurvivesAggregationWithToolCalls", its replay half: the reasoning
     * DeepSeek gave before a call goes back on that assistant turn as reasoning_content, which
     * DeepSeek's thinking mode wants on tool-call turns.
     */
    @Test
    void deepSeeksReasoningGoesBackOnTheToolCallTurn() {
        Translation t = PEER.translate("deepseek-replay", request("[{\"role\":\"user\",\"content\":\"What's the weather in Seoul?\"},{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"thinking\",\"thinking\":\"Think step one. Now call the tool. One more thought.\",\"signature\":\"\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"getWeather\",\"input\":{\"city\":\"Seoul\"}}]},{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"{\\\"temp\\\":20}\"}]}]", ",\"tools\":[{\"name\":\"getWeather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]"), "deepseek:deepseek-reasoner");
        JsonNode assistant = json(t).at("/messages/1");
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.path("reasoning_content").asText()).isEqualTo("Think step one. Now call the tool. One more thought.");
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo("call_1");
        assertThat(json(t).at("/messages/2/content").asText()).isEqualTo("{\"temp\":20}");
    }
}
