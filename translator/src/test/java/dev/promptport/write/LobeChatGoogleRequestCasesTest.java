package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.InputFormat;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LobeChat's cases for building Gemini requests from OpenAI Chat messages (lobehub/lobe-chat
 * {@code packages/model-runtime/src/core/contextBuilders/google.test.ts}: buildGooglePart,
 * buildGoogleMessage, buildGoogleMessages, buildGoogleTool, buildGoogleTools). The same messages,
 * read as a Chat request, are translated for Gemini and checked with Gemini's validator.
 */
class LobeChatGoogleRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GEMINI = "gemini:gemini-2.5-flash";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static Translation chat(String name, String messages, String rest) {
        return PEER.translate(name, "{\"model\":\"gpt-4o\",\"messages\":" + messages + rest + "}", InputFormat.OPENAI_CHAT, GEMINI);
    }

    private static JsonNode contents(String name, String messages) {
        return json(chat(name, messages, "")).path("contents");
    }

    /** "should handle base64 type images": a data URL image is inline data after the text. */
    @Test
    void aBase64ImageIsInlineData() {
        assertThat(contents("base64-image", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Check this image:\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"data:image/png;base64," + PNG + "\"}}]}]").toString())
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Check this image:\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"" + PNG + "\"}}]}]");
    }

    /**
     * "should handle URL type images": LobeChat downloads the image and sends its bytes;
     * promptport makes no network calls, so the address goes as fileData with the type its
     * name says.
     */
    @Test
    void anImageAddressIsFileData() {
        assertThat(contents("url-image", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What?\"},{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"http://example.com/image.png\"}}]}]").at("/0/parts/1").toString())
                .isEqualTo("{\"fileData\":{\"mimeType\":\"image/png\",\"fileUri\":\"http://example.com/image.png\"}}");
    }

    /**
     * "should handle base64 video": a video_url data URL is inline video, which Gemini reads.
     * promptport dropped it before as a part it did not know (PP129).
     */
    @Test
    void aBase64VideoIsInlineData() {
        Translation t = chat("base64-video", "[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What happens?\"},{\"type\":\"video_url\","
                + "\"video_url\":{\"url\":\"data:video/mp4;base64,AAAAIGZ0eXBpc29t\"}}]}]", "");
        assertThat(json(t).at("/contents/0/parts/1").toString()).isEqualTo("{\"inlineData\":{\"mimeType\":\"video/mp4\",\"data\":\"AAAAIGZ0eXBpc29t\"}}");
        assertThat(ids(t)).doesNotContain("PP129");
    }

    /** The same video for OpenAI, which reads no video: left out and named, not sent as an unknown part. */
    @Test
    void aBase64VideoIsLeftOutForOpenAiAndNamed() {
        Translation t = PEER.translate("base64-video-openai", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"What happens?\"},{\"type\":\"video_url\",\"video_url\":{\"url\":\"data:video/mp4;base64,AAAAIGZ0eXBpc29t\"}}]}]}",
                InputFormat.OPENAI_CHAT, "openai:gpt-4o");
        assertThat(t.json()).doesNotContain("video_url");
        assertThat(finding(t, "PP121").message()).contains("video/mp4");
    }

    /** "should correctly convert assistant message" / "user message": assistant is model, user is user. */
    @Test
    void assistantIsModelAndUserIsUser() {
        assertThat(contents("roles", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":\"go\"}]")
                .toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"go\"}]}]");
    }

    /**
     * "should correctly convert function call message" / "function response message": the
     * arguments become an object, the tool message a function response named after its call,
     * its text under "result". LobeChat leaves the call's id out; promptport keeps it, which
     * Gemini takes and pairs the response with.
     */
    @Test
    void aCallAndItsToolMessageAreAFunctionCallAndResponse() {
        Translation t = chat("call-and-response", "[{\"role\":\"user\",\"content\":\"weather?\"},{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":"
                + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\",\"arguments\":\"{\\\"location\\\":\\\"London\\\","
                + "\\\"unit\\\":\\\"celsius\\\"}\"}}]},{\"role\":\"tool\",\"name\":\"get_current_weather\",\"tool_call_id\":\"call_1\",\"content\":"
                + "\"{\\\"success\\\":true,\\\"data\\\":{\\\"temperature\\\":\\\"14°C\\\"}}\"}]", ",\"tools\":[{\"type\":\"function\",\"function\":"
                + "{\"name\":\"get_current_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}}]");
        JsonNode c = json(t).path("contents");
        assertThat(c.get(1).toString()).isEqualTo("{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"id\":\"call_1\",\"name\":\"get_current_weather\","
                + "\"args\":{\"location\":\"London\",\"unit\":\"celsius\"}}}]}");
        assertThat(c.get(2).toString()).isEqualTo("{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"id\":\"call_1\",\"name\":\"get_current_weather\","
                + "\"response\":{\"result\":\"{\\\"success\\\":true,\\\"data\\\":{\\\"temperature\\\":\\\"14°C\\\"}}\"}}}]}");
    }

    /**
     * "should correctly handle empty content": LobeChat sends an empty text part, which Gemini
     * refuses; promptport sends a note saying the message was empty (PP194).
     */
    @Test
    void anEmptyUserMessageBecomesANote() {
        Translation t = chat("empty", "[{\"role\":\"user\",\"content\":\"\"}]", "");
        assertThat(json(t).at("/contents/0/parts/0/text").asText()).isEqualTo("[The user sent an empty message.]");
        assertThat(ids(t)).contains("PP194");
    }

    /**
     * "should filter out function role messages": LobeChat drops a legacy function message;
     * promptport keeps what the function returned, as user text naming its call (PP204), since
     * it answers no call the history still holds.
     */
    @Test
    void aLegacyFunctionMessageIsKeptAsNamedText() {
        Translation t = chat("function-role", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"function\",\"name\":\"test_func\",\"content\":"
                + "\"function result\"},{\"role\":\"assistant\",\"content\":\"Hi\"},{\"role\":\"user\",\"content\":\"go\"}]", "");
        assertThat(json(t).at("/contents/0/parts").toString()).contains("function result");
        assertThat(finding(t, "PP204").message()).contains("test_func");
        assertThat(json(t).at("/contents/1/role").asText()).isEqualTo("model");
    }

    /** "should filter out empty messages": a user message of no parts goes; the turns around it stay in order. */
    @Test
    void anEmptyPartsMessageIsDropped() {
        assertThat(contents("empty-parts", "[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"user\",\"content\":[]},{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "{\"role\":\"user\",\"content\":\"go\"}]").toString()).isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"go\"}]}]");
    }

    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"description\":\"A test tool\",\"name\":\"testTool\",\"parameters\":"
            + "{\"properties\":{\"param1\":{\"type\":\"string\"},\"param2\":{\"type\":\"number\"}},\"required\":[\"param1\"],\"type\":\"object\"}}},"
            + "{\"type\":\"function\",\"function\":{\"description\":\"A simple function with no parameters\",\"name\":\"simple_function\",\"parameters\":"
            + "{\"properties\":{},\"type\":\"object\"}}},{\"type\":\"function\",\"function\":{\"description\":\"A test tool\",\"name\":\"testTool2\","
            + "\"parameters\":{\"description\":\"Test parameters\",\"properties\":{\"param1\":{\"type\":\"string\"}},\"type\":\"object\"}}}]";

    /** "should correctly convert ChatCompletionTool to FunctionDeclaration" / "should handle multiple tools": one declaration list. */
    @Test
    void toolsAreOneListOfDeclarations() {
        JsonNode declarations = json(chat("tools", "[{\"role\":\"user\",\"content\":\"go\"}]", TOOLS)).at("/tools/0/functionDeclarations");
        assertThat(declarations).hasSize(3);
        assertThat(declarations.get(0).toString()).isEqualTo("{\"name\":\"testTool\",\"description\":\"A test tool\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"param1\":{\"type\":\"STRING\"},\"param2\":{\"type\":\"NUMBER\"}},\"required\":[\"param1\"]}}");
    }

    /**
     * "should handle tools with empty parameters": LobeChat adds a "dummy" string property;
     * promptport declares the function without parameters, which Gemini takes as it is.
     */
    @Test
    void aFunctionWithEmptyParametersIsDeclaredWithoutThem() {
        JsonNode simple = json(chat("tools-empty", "[{\"role\":\"user\",\"content\":\"go\"}]", TOOLS)).at("/tools/0/functionDeclarations/1");
        assertThat(simple.toString()).isEqualTo("{\"name\":\"simple_function\",\"description\":\"A simple function with no parameters\"}");
    }

    /** "should preserve parameter description": the schema's own description stays. */
    @Test
    void theParametersDescriptionStays() {
        assertThat(json(chat("tools-description", "[{\"role\":\"user\",\"content\":\"go\"}]", TOOLS)).at("/tools/0/functionDeclarations/2/parameters/description")
                .asText()).isEqualTo("Test parameters");
    }
}
