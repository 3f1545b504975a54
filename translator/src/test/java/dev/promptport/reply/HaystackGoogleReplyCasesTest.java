package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.replayed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Haystack's cases for reading Gemini streams (deepset-ai/haystack-core-integrations
 * {@code integrations/google_genai/tests/test_chat_generator_utils.py}, the
 * "test_convert_google_chunk_to_streaming_chunk_*" tests). Haystack builds the chunks with
 * google-genai's types or mocks; here they are the REST API's SSE chunks, read into Claude's events.
 */
class HaystackGoogleReplyCasesTest {

    private static String chunk(String parts, String finish, String usage) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":" + parts + "}" + (finish == null ? "" : ",\"finishReason\":\""
                + finish + "\"") + "}]" + (usage == null ? "" : ",\"usageMetadata\":" + usage) + ",\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n";
    }

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.GEMINI);
    }

    /** "..._with_thought": a thought part is thinking, not text; the answer after it is the text. */
    @Test
    void aThoughtPartIsThinking() {
        JsonNode m = stream(chunk("[{\"text\":\"Let me think about this...\",\"thought\":true}]", null, null)
                + chunk("[{\"text\":\"4.\"}]", "STOP", null));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think about this...");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("4.");
    }

    /**
     * "test_convert_google_chunk_with_thought_signature": a signature on answer text (not a
     * thought). The text stays one block, and the signature follows it in a thinking block of
     * its own (README), so it goes back to Gemini with the history.
     */
    @Test
    void aSignatureOnAnswerTextFollowsTheText() {
        JsonNode m = stream(chunk("[{\"text\":\"Here is my answer\",\"thoughtSignature\":\"sig_abc123\"}]", "STOP", null));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Here is my answer");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/1/signature").asText()).contains("sig_abc123");
    }

    /**
     * "..._with_cached_tokens": 1,000 prompt tokens of which 800 cached, 10 out. Claude's
     * input_tokens are the 200 not cached, the 800 a cache read beside them.
     */
    @Test
    void cachedTokensAreACacheReadBesideTheInput() {
        JsonNode u = stream(chunk("[{\"text\":\"The answer is 4.\"}]", "STOP", "{\"promptTokenCount\":1000,\"candidatesTokenCount\":10,"
                + "\"totalTokenCount\":1010,\"cachedContentTokenCount\":800}")).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(200);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(800);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(10);
    }

    /**
     * "..._empty_parts" and "..._without_candidates": a chunk with no parts and one with no
     * candidates add nothing and do not end the reply; the text is the other chunks'.
     */
    @Test
    void chunksWithoutPartsOrCandidatesAddNothing() {
        JsonNode m = stream(chunk("[]", null, null) + "data: {\"candidates\":[],\"modelVersion\":\"gemini-2.5-flash\"}\r\n\r\n"
                + chunk("[{\"text\":\"Hello\"}]", "STOP", null));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }
}
