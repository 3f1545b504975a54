package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vercel AI SDK's cases for writing Gemini requests (vercel/ai
 * {@code packages/google/src/convert-to-google-messages.test.ts}). The SDK converts its own
 * prompt type; here each prompt is the Claude request that says the same, translated by
 * promptport and checked with Gemini's validator.
 */
class VercelAiGoogleRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String FLASH = "gemini:gemini-2.5-flash";
    private static final String GEMINI_3 = "gemini:gemini-3-pro-preview";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":" + messages + more + "}";
    }

    private static final String WEATHER = ",\"tools\":[{\"name\":\"weather\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}}]";

    /** "Gemini 3 missing thoughtSignature mitigation": one call and its result, the call unsigned. */
    private static final String UNSIGNED_CALL = request("[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":"
            + "[{\"type\":\"tool_use\",\"id\":\"tc_1\",\"name\":\"weather\",\"input\":{\"location\":\"SF\"}}]},{\"role\":\"user\",\"content\":"
            + "[{\"type\":\"tool_result\",\"tool_use_id\":\"tc_1\",\"content\":\"{\\\"temperature\\\":72}\"}]}]", WEATHER);

    /** "should store system message in system instruction" and "should add image parts". */
    @Test
    void systemTextIsTheSystemInstructionAndAnImageIsInlineData() {
        JsonNode body = json(PEER.translate("system-image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AAECAw==\"}}]}]",
                ",\"system\":\"You are a helpful assistant.\""), FLASH));
        assertThat(body.path("systemInstruction").toString()).isEqualTo("{\"parts\":[{\"text\":\"You are a helpful assistant.\"}]}");
        assertThat(body.at("/contents/0/parts/1").toString()).isEqualTo("{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AAECAw==\"}}");
    }

    /**
     * "should convert tool result messages to function responses": a user content of one
     * functionResponse with the call's id and name. The SDK's response object is
     * {name, content}; promptport's is {result: the tool's text}, the wrapper Google's SDKs use.
     */
    @Test
    void aToolResultIsAFunctionResponseWithTheCallsIdAndName() {
        JsonNode contents = json(PEER.translate("function-response", UNSIGNED_CALL, FLASH)).path("contents");
        JsonNode response = contents.at("/2/parts/0/functionResponse");
        assertThat(contents.at("/2/role").asText()).isEqualTo("user");
        assertThat(response.path("id").asText()).isEqualTo("tc_1");
        assertThat(response.path("name").asText()).isEqualTo("weather");
        assertThat(response.at("/response/result").asText()).isEqualTo("{\"temperature\":72}");
    }

    /**
     * "should convert tool result content with image-data into functionResponse parts" and "should
     * use legacy tool-result conversion when functionResponse parts are unsupported": the image goes
     * inside functionResponse.parts for Gemini 3, and beside the response, in the same user content,
     * for older models (named, PP128), as the SDK does.
     */
    @Test
    void anImageInAToolResultGoesInsideTheFunctionResponseForGemini3AndFollowsItForOlderModels() {
        String req = request("[{\"role\":\"user\",\"content\":\"make an image\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"testCallId\",\"name\":\"imageGenerator\",\"input\":{}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"testCallId\",\"content\":[{\"type\":\"text\",\"text\":\"Here is the generated image:\"},{\"type\":\"image\","
                + "\"source\":{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"/9j/4AAQSkZJRgABAQ==\"}}]}]}]",
                ",\"tools\":[{\"name\":\"imageGenerator\",\"input_schema\":{\"type\":\"object\"}}]");
        Translation older = PEER.translate("result-image " + FLASH, req, FLASH);
        JsonNode parts = json(older).at("/contents/2/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionResponse/response/result").asText()).isEqualTo("Here is the generated image:");
        assertThat(parts.at("/1/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(ids(older)).contains("PP128");

        Translation three = PEER.translate("result-image " + GEMINI_3, req, GEMINI_3);
        parts = json(three).at("/contents/2/parts");
        assertThat(parts).hasSize(1);
        assertThat(parts.at("/0/functionResponse/response/result").asText()).isEqualTo("Here is the generated image:");
        assertThat(parts.at("/0/functionResponse/parts/0/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(parts.at("/0/functionResponse/parts/0/inlineData/data").asText()).isEqualTo("/9j/4AAQSkZJRgABAQ==");
        assertThat(ids(three)).doesNotContain("PP128");
    }

    /**
     * "injects skip_thought_signature_validator ... for Gemini 3 when a tool-call has no signature"
     * and "does NOT inject the sentinel for non-Gemini-3 models": Google's placeholder signature on
     * the call for Gemini 3 (named, PP187), none for 2.5.
     */
    @Test
    void anUnsignedCallGetsThePlaceholderSignatureOnGemini3Only() {
        Translation three = PEER.translate("sentinel-3", UNSIGNED_CALL, GEMINI_3);
        JsonNode call = json(three).at("/contents/1/parts/0");
        assertThat(call.path("thoughtSignature").asText()).isEqualTo("skip_thought_signature_validator");
        assertThat(call.at("/functionCall/args/location").asText()).isEqualTo("SF");
        assertThat(ids(three)).contains("PP187");
        Translation flash = PEER.translate("sentinel-2.5", UNSIGNED_CALL, FLASH);
        assertThat(json(flash).at("/contents/1/parts/0").has("thoughtSignature")).isFalse();
        assertThat(ids(flash)).doesNotContain("PP187");
    }

    /**
     * "does NOT inject the sentinel or warn for unsigned parallel calls after a signed call": the
     * signature Gemini gave the first of three parallel calls (kept by promptport's reply side as a
     * thinking block) goes back on that call; the other two stay unsigned, as Gemini made them.
     */
    @Test
    void parallelCallsAfterASignedOneStayUnsigned() {
        String req = request("[{\"role\":\"user\",\"content\":\"weather in three cities\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"promptport:gemini:parallel_batch_signature\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tc_paris\",\"name\":\"weather\",\"input\":{\"location\":\"Paris\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"tc_tokyo\",\"name\":\"weather\",\"input\":{\"location\":\"Tokyo\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"tc_new_york\",\"name\":\"weather\",\"input\":{\"location\":\"New York\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tc_paris\",\"content\":\"18\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"tc_tokyo\",\"content\":\"22\"},{\"type\":\"tool_result\",\"tool_use_id\":\"tc_new_york\","
                + "\"content\":\"15\"}]}]", WEATHER);
        Translation t = PEER.translate("parallel-signed", req, GEMINI_3);
        JsonNode parts = json(t).at("/contents/1/parts");
        assertThat(parts).hasSize(3);
        assertThat(parts.at("/0/thoughtSignature").asText()).isEqualTo("parallel_batch_signature");
        assertThat(parts.at("/0/functionCall/id").asText()).isEqualTo("tc_paris");
        assertThat(parts.get(1).has("thoughtSignature")).isFalse();
        assertThat(parts.get(2).has("thoughtSignature")).isFalse();
        assertThat(ids(t)).doesNotContain("PP187");
    }
}
