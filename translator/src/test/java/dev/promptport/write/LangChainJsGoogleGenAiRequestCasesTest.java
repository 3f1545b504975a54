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
 * LangChain.js's cases for writing Gemini requests (langchain-ai/langchainjs
 * {@code libs/langchain-google-genai/src/tests/chat_models.test.ts}: "convertMessageContentToParts"
 * and "convertBaseMessagesToContent"). LangChain's messages are OpenAI-style (tool_calls, tool
 * messages with a tool_call_id), so each case is read here as promptport's OpenAI Chat input, or
 * as the Claude request that says the same, and translated for Gemini; every body is checked
 * against Gemini's API description.
 */
class LangChainJsGoogleGenAiRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    private static final String WEATHER_TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\",\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"location\":{\"type\":\"string\"}}}}}";

    private static String chat(String messages, String tools) {
        return "{\"model\":\"gpt-4o\",\"max_completion_tokens\":500,\"messages\":" + messages + (tools.isEmpty() ? "" : ",\"tools\":[" + tools + "]") + "}";
    }

    private static Translation fromChat(String name, String request) {
        return PEER.translate(name, request, InputFormat.OPENAI_CHAT, FLASH);
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /**
     * "convertBaseMessagesToContent correctly creates properly formatted content": the system
     * message is the systemInstruction (LangChain folds it into the first user turn; Gemini has its
     * own place for it), the call a model functionCall with args as an object and the empty
     * content left out, the tool message a functionResponse named for the call its id answers,
     * its text the response's result.
     */
    @Test
    void systemUserCallAndToolMessageAreInstructionCallAndResponse() {
        String req = chat("[{\"role\":\"system\",\"content\":\"You are a helpful assistant\"},{\"role\":\"user\",\"content\":\"What's the weather like in new york?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"123\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"New York\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"123\","
                + "\"content\":\"{ weather: '28 \u00b0C', location: 'New York, NY' }\"}]", WEATHER_TOOL);
        JsonNode b = json(fromChat("weather", req));
        assertThat(b.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You are a helpful assistant");
        assertThat(b.path("contents")).hasSize(3);
        assertThat(b.at("/contents/0/parts").toString()).isEqualTo("[{\"text\":\"What's the weather like in new york?\"}]");
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(b.at("/contents/1/parts")).hasSize(1);
        assertThat(b.at("/contents/1/parts/0/functionCall/name").asText()).isEqualTo("get_current_weather");
        assertThat(b.at("/contents/1/parts/0/functionCall/args").toString()).isEqualTo("{\"location\":\"New York\"}");
        assertThat(b.at("/contents/2/role").asText()).isEqualTo("user");
        assertThat(b.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("get_current_weather");
        assertThat(b.at("/contents/2/parts/0/functionResponse/response/result").asText()).isEqualTo("{ weather: '28 \u00b0C', location: 'New York, NY' }");
    }

    /**
     * "should handle ToolMessage correctly (including name inference …)": the tool message names
     * no function; Gemini needs one, and it is the name of the call its tool_call_id answers.
     */
    @Test
    void aToolMessageTakesItsNameFromTheCallItAnswers() {
        String req = chat("[{\"role\":\"user\",\"content\":\"Weather in London?\"},{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"tool_123\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"London\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"tool_123\",\"content\":\"{\\\"temperature\\\": \\\"15C\\\", \\\"conditions\\\": \\\"Cloudy\\\"}\"}]",
                "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}}");
        JsonNode response = json(fromChat("name-inference", req)).at("/contents/2/parts/0/functionResponse");
        assertThat(response.path("name").asText()).isEqualTo("get_weather");
        assertThat(response.at("/response/result").asText()).isEqualTo("{\"temperature\": \"15C\", \"conditions\": \"Cloudy\"}");
    }

    /**
     * The same case's error: a result whose call is not in the history has no name to give Gemini.
     * LangChain refuses it; promptport sends it as user text that says whose result it is, so
     * the text still reaches the model, and names the change (PP204).
     */
    @Test
    void aResultWithoutItsCallIsSentAsTextAndNamed() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"What's the weather like in new york?\"},"
                + "{\"role\":\"assistant\",\"content\":\"Let me check.\"},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"unknown_tool_id\","
                + "\"content\":\"Some result\"}]}]}";
        Translation t = PEER.translate("orphan-result", req, FLASH);
        JsonNode last = json(t).at("/contents/2");
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.toString()).doesNotContain("functionResponse").contains("unknown_tool_id").contains("Some result");
        assertThat(ids(t)).contains("PP204");
    }

    /**
     * "should handle AIMessage with mixed content and tool_calls": the assistant's text parts
     * come first, each kept, then its call, with args {} for a call with none.
     */
    @Test
    void anAssistantsTextPartsComeBeforeItsCall() {
        String req = chat("[{\"role\":\"user\",\"content\":\"Time?\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"AI array part 1.\"},"
                + "{\"type\":\"text\",\"text\":\"AI array part 2.\"}],\"tool_calls\":[{\"id\":\"tool_abc\",\"type\":\"function\",\"function\":{\"name\":\"get_time\","
                + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"tool_abc\",\"content\":\"12:00\"}]",
                "{\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"parameters\":{\"type\":\"object\",\"properties\":{}}}}");
        JsonNode parts = json(fromChat("mixed-assistant", req)).at("/contents/1/parts");
        String text = parts.toString();
        assertThat(text.indexOf("AI array part 1.")).isLessThan(text.indexOf("AI array part 2."));
        assertThat(text.indexOf("AI array part 2.")).isLessThan(text.indexOf("functionCall"));
        JsonNode call = parts.get(parts.size() - 1).path("functionCall");
        assertThat(call.path("name").asText()).isEqualTo("get_time");
        assertThat(call.path("args").toString()).isEqualTo("{}");
    }

    /**
     * "correctly handles base64 data url standard image block" and "http url standard image
     * block": a data URL is inlineData with the URL's type and the bare base64, an address is
     * fileData with the type its extension gives.
     */
    @Test
    void aDataUrlIsInlineDataAndAnAddressIsFileData() {
        String req = chat("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"User sees this image:\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + PIXEL + "\"}},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/image.jpg\"}}]}]", "");
        JsonNode parts = json(fromChat("images", req)).at("/contents/0/parts");
        assertThat(parts.at("/0/text").asText()).isEqualTo("User sees this image:");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo(PIXEL);
        assertThat(parts.at("/2/fileData/fileUri").asText()).isEqualTo("https://example.com/image.jpg");
        assertThat(parts.at("/2/fileData/mimeType").asText()).isEqualTo("image/jpeg");
    }

    /**
     * "correctly handles base64 data url standard file block" and "… base64 standard audio block":
     * a PDF sent as file data is inlineData of type application/pdf, and OpenAI's input_audio
     * is inlineData of its audio type, since Gemini reads both.
     */
    @Test
    void aPdfAndAudioAreInlineDataOfTheirTypes() {
        String req = chat("[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"filename\":\"report.pdf\",\"file_data\":\"data:application/pdf;base64,JVBERi0xLjQK\"}},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"SUQzBAAAAAAA\",\"format\":\"mp3\"}},{\"type\":\"text\",\"text\":\"Summarize both.\"}]}]", "");
        JsonNode parts = json(fromChat("pdf-audio", req)).at("/contents/0/parts");
        JsonNode pdf = null;
        JsonNode audio = null;
        for (JsonNode part : parts) {
            String type = part.at("/inlineData/mimeType").asText();
            if (type.equals("application/pdf")) {
                pdf = part;
            } else if (type.startsWith("audio/")) {
                audio = part;
            }
        }
        assertThat(pdf).isNotNull();
        assertThat(pdf.at("/inlineData/data").asText()).isEqualTo("JVBERi0xLjQK");
        assertThat(audio).isNotNull();
        assertThat(audio.at("/inlineData/data").asText()).isEqualTo("SUQzBAAAAAAA");
        assertThat(parts.toString()).contains("Summarize both.");
    }

    /**
     * "correctly handles http url standard file block" and "text standard file block", as Claude
     * documents: a PDF by address is fileData of type application/pdf, which Gemini fetches; a
     * plain-text document is its text.
     */
    @Test
    void aPdfByAddressIsFileDataAndATextDocumentItsText() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://example.com/file.pdf\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"This is a test file\"}},"
                + "{\"type\":\"text\",\"text\":\"Compare them.\"}]}]}";
        JsonNode parts = json(PEER.translate("documents", req, FLASH)).at("/contents/0/parts");
        String all = parts.toString();
        assertThat(all).contains("\"fileUri\":\"https://example.com/file.pdf\"").contains("\"mimeType\":\"application/pdf\"");
        assertThat(all).contains("This is a test file").contains("Compare them.");
    }

    /**
     * "Input has no system message and multiple user messages": Gemini takes user contents in a
     * row, but one turn is what Claude and OpenAI mean by them; they go as one user content,
     * every text kept in order.
     */
    @Test
    void userMessagesInARowAreOneUserContentInOrder() {
        String req = chat("[{\"role\":\"user\",\"content\":\"What's the weather like in new york?\"},{\"role\":\"user\",\"content\":\"Will it rain today?\"},"
                + "{\"role\":\"user\",\"content\":\"How about next week?\"}]", "");
        JsonNode b = json(fromChat("user-run", req));
        assertThat(b.path("contents")).hasSize(1);
        assertThat(b.at("/contents/0/parts")).extracting(p -> p.path("text").asText())
                .containsExactly("What's the weather like in new york?", "Will it rain today?", "How about next week?");
    }

    /**
     * "Input has a system message that is not the first message": LangChain refuses it; a
     * Claude request may carry one mid-conversation, and Gemini takes system text only in
     * systemInstruction, so it goes there and its lost place is named (PP214), the user turns
     * around it kept.
     */
    @Test
    void aLateSystemMessageJoinsTheInstructionAndIsNamed() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"What's the weather like in new york?\"},"
                + "{\"role\":\"system\",\"content\":\"You are a helpful assistant\"},{\"role\":\"user\",\"content\":\"Will it rain today?\"}]}";
        Translation t = PEER.translate("late-system", req, FLASH);
        JsonNode b = json(t);
        assertThat(b.at("/systemInstruction/parts").toString()).contains("You are a helpful assistant");
        assertThat(b.path("contents").toString()).doesNotContain("You are a helpful assistant")
                .contains("What's the weather like in new york?").contains("Will it rain today?");
        assertThat(ids(t)).contains("PP214");
    }
}
