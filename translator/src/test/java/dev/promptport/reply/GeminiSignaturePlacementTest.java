package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.QuirkFixtures.GEMINI3_SIGNATURE_ON_LAST_TEXT_SSE;
import static dev.promptport.reply.QuirkFixtures.GEMINI3_THOUGHTS_SIGNATURE_ON_LAST_TEXT_SSE;
import static dev.promptport.reply.ReplyFixtures.G_USAGE_EARLY;
import static dev.promptport.reply.ReplyFixtures.G_USAGE_FINAL;
import static dev.promptport.reply.ReplyFixtures.gchunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a Gemini {@code thoughtSignature} lands, the same in streams and whole replies: on the
 * thinking it follows, after a text part's text, before a function call.
 */
class GeminiSignaturePlacementTest {

    private static final String SIG = "promptport:gemini:EpQCCpEC";

    private static JsonNode streamed(String sse) {
        return AnthropicShape.replayed(sse, ReplyFormat.GEMINI).path("content");
    }

    private static JsonNode whole(String partsJson) {
        String json = "{\"candidates\":[{\"content\":{\"parts\":" + partsJson + ",\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":10,\"totalTokenCount\":17},\"modelVersion\":\"gemini-3-pro-preview\",\"responseId\":\"r3\"}";
        return AnthropicShape.message(json, ReplyFormat.GEMINI).path("content");
    }

    @Test
    void aSignatureOnTheLastTextChunkComesAfterTheTextWhichStaysOneBlock() {
        JsonNode expected = parse("[{\"type\":\"text\",\"text\":\"The capital of France is Paris.\"},"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"" + SIG + "\"}]");
        assertThat(streamed(GEMINI3_SIGNATURE_ON_LAST_TEXT_SSE)).isEqualTo(expected);
        assertThat(whole("[{\"text\":\"The capital of France\"},{\"text\":\" is Paris.\",\"thoughtSignature\":\"EpQCCpEC\"}]"))
                .isEqualTo(expected);
        assertThat(whole("[{\"text\":\"The capital of France is Paris.\",\"thoughtSignature\":\"EpQCCpEC\"}]")).isEqualTo(expected);
    }

    @Test
    void aSignatureOnTextAfterTheThinkingEndedIsAThinkingBlockAfterTheText() {
        JsonNode c = streamed(GEMINI3_THOUGHTS_SIGNATURE_ON_LAST_TEXT_SSE);
        assertThat(c).hasSize(3);
        assertThat(c.get(0).path("thinking").asText()).isEqualTo("**Recalling geography**\nFrance's capital is Paris.");
        assertThat(c.get(0).path("signature").asText()).isEmpty();
        assertThat(c.get(1).path("text").asText()).isEqualTo("The capital of France is Paris.");
        assertThat(c.get(2).path("signature").asText()).isEqualTo(SIG);
        assertThat(whole("[{\"text\":\"**Recalling geography**\\nFrance's capital is Paris.\",\"thought\":true},"
                + "{\"text\":\"The capital of France\"},{\"text\":\" is Paris.\",\"thoughtSignature\":\"EpQCCpEC\"}]")).isEqualTo(c);
    }

    @Test
    void aSignatureOnAMiddleTextChunkWaitsForTheEndOfTheText() {
        String sse = gchunk("[{\"text\": \"The capital\",\"thoughtSignature\": \"EpQCCpEC\"}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \" of France\"}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \" is Paris.\"}]", "STOP", G_USAGE_FINAL);
        JsonNode c = streamed(sse);
        assertThat(c).isEqualTo(parse("[{\"type\":\"text\",\"text\":\"The capital of France is Paris.\"},"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"" + SIG + "\"}]"));
    }

    @Test
    void aSignatureOnAnEmptyLastTextPartIsAThinkingBlockAfterTheText() {
        String sse = gchunk("[{\"text\": \"Paris.\"}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \"\",\"thoughtSignature\": \"EpQCCpEC\"}]", "STOP", G_USAGE_FINAL);
        assertThat(streamed(sse)).isEqualTo(parse("[{\"type\":\"text\",\"text\":\"Paris.\"},"
                + "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"" + SIG + "\"}]"));
    }

    @Test
    void aSignatureOnTextWhileThinkingIsOpenSignsThatThinking() {
        String parts = "[{\"text\":\"Thinking.\",\"thought\":true},{\"text\":\"Paris.\",\"thoughtSignature\":\"EpQCCpEC\"}]";
        JsonNode expected = parse("[{\"type\":\"thinking\",\"thinking\":\"Thinking.\",\"signature\":\"" + SIG + "\"},"
                + "{\"type\":\"text\",\"text\":\"Paris.\"}]");
        assertThat(whole(parts)).isEqualTo(expected);
        assertThat(streamed(gchunk(parts, "STOP", G_USAGE_FINAL))).isEqualTo(expected);
    }

    @Test
    void aSignatureOnAFunctionCallAfterSignedTextGoesBeforeTheCallAndTheTextsAfterTheText() {
        String parts = "[{\"text\":\"Checking.\",\"thoughtSignature\":\"AAAA\"},"
                + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}},\"thoughtSignature\":\"EpQCCpEC\"}]";
        JsonNode c = whole(parts);
        assertThat(c).hasSize(4);
        assertThat(c.get(0).path("text").asText()).isEqualTo("Checking.");
        assertThat(c.get(1).path("signature").asText()).isEqualTo("promptport:gemini:AAAA");
        assertThat(c.get(2).path("signature").asText()).isEqualTo(SIG);
        assertThat(c.get(3).path("name").asText()).isEqualTo("get_weather");
        JsonNode s = streamed(gchunk(parts, "STOP", G_USAGE_FINAL));
        assertThat(s.get(1)).isEqualTo(c.get(1));
        assertThat(s.get(2)).isEqualTo(c.get(2));
        assertThat(s.get(3).path("input")).isEqualTo(c.get(3).path("input"));
    }
}
