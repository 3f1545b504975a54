package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemini 3's multimodal function responses: an image a tool returned as data goes inside the
 * function response (functionResponse.parts, inlineData); an image by address or a document,
 * which those parts do not take, and any of them for Gemini 2.5, follow the response, named
 * (PP128) with the reason that holds for the model.
 */
class GeminiToolResultImagesTest {

    private static String request(String resultContent) {
        return """
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "tools":[{"name":"capture_dashboard","input_schema":{"type":"object"}}],
                 "messages":[{"role":"user","content":"Is checkout latency back to normal?"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_07","name":"capture_dashboard","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_07","content":%s}]}]}"""
                .formatted(resultContent);
    }

    private static final String IMAGE_DATA = """
            [{"type":"text","text":"The dashboard:"},
             {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]""";

    @Test
    void anImageSentAsDataGoesInsideGemini3sFunctionResponse() throws Exception {
        Translation t = PromptPort.translate(request(IMAGE_DATA), Target.of("gemini:gemini-3-flash-preview"));
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(1);
        JsonNode response = parts.at("/0/functionResponse");
        assertThat(response.at("/name").asText()).isEqualTo("capture_dashboard");
        assertThat(response.at("/response/result").asText()).isEqualTo("The dashboard:");
        assertThat(response.at("/parts/0/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(response.at("/parts/0/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(ids(t)).doesNotContain("PP128");
    }

    @Test
    void gemini25GetsTheImageAfterTheResponseAndIsToldGemini3WouldTakeIt() throws Exception {
        Translation t = PromptPort.translate(request(IMAGE_DATA), Target.of("gemini:gemini-2.5-pro"));
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/0/functionResponse/parts").isMissingNode()).isTrue();
        assertThat(parts.at("/1/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(finding(t, "PP128").message()).isEqualTo("The tool result for call toolu_07 contains 1 image(s)"
                + " or document(s) that gemini:gemini-2.5-pro does not take inside a tool result (its function responses"
                + " carry only text; Gemini 3 models take images sent as data there), so they follow it in a user message.");
    }

    @Test
    void anImageByAddressStillFollowsGemini3sFunctionResponseNamedForWhatItTakes() throws Exception {
        Translation t = PromptPort.translate(request("""
                [{"type":"image","source":{"type":"url","url":"https://grafana.example.com/render/latency.png"}}]"""),
                Target.of("gemini:gemini-3-pro-preview"));
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(2);
        assertThat(parts.at("/1/fileData/fileUri").asText()).isEqualTo("https://grafana.example.com/render/latency.png");
        assertThat(finding(t, "PP128").message()).contains("take only images sent as data, not documents or images by address");
    }

    @Test
    void aChatTargetIsToldItsToolMessagesCarryOnlyText() {
        Translation t = PromptPort.translate(request(IMAGE_DATA), Target.of("openai:gpt-4o"));
        assertThat(finding(t, "PP128").message()).contains("openai:gpt-4o does not take inside a tool result"
                + " (its tool messages carry only text)");
    }

    @Test
    void aGeminiRequestsImageInsideAFunctionResponseStaysThereForGemini3() throws Exception {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Is checkout latency back to normal?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"capture_dashboard","args":{}}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"capture_dashboard","response":{"result":"The dashboard:"},
                   "parts":[{"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}}]}}]}],
                 "tools":[{"functionDeclarations":[{"name":"capture_dashboard"}]}]}""",
                InputFormat.GEMINI, Target.of("gemini:gemini-3-pro-preview"), Options.DEFAULT);
        JsonNode parts = json(t).at("/contents/2/parts");
        assertThat(parts).hasSize(1);
        assertThat(parts.at("/0/functionResponse/parts/0/inlineData/data").asText()).isEqualTo("iVBORw0KGgo=");
        assertThat(ids(t)).doesNotContain("PP128");
    }
}
