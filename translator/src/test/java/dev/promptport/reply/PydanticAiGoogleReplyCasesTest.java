package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.replayed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pydantic AI's cases for reading Gemini replies and streams (pydantic/pydantic-ai
 * {@code tests/models/test_google.py}: "test_map_usage", "test_google_process_response_*",
 * "test_gemini_streamed_response_*"). Pydantic AI builds them with google-genai's types, in
 * snake_case; here they are restated as the REST API's JSON and read into Claude's shape.
 */
class PydanticAiGoogleReplyCasesTest {

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.GEMINI);
    }

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.GEMINI);
    }

    private static String texts(String... texts) {
        StringBuilder parts = new StringBuilder();
        for (String t : texts) {
            parts.append(parts.length() == 0 ? "" : ",").append("{\"text\":\"").append(t).append("\"}");
        }
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"responseId\":\"resp-123\",\"modelVersion\":\"gemini-2.5-pro\"}";
    }

    /** One chunk as "_usage_chunk" builds it: prompt 20,025 tokens, the given counts, or no usage at all. */
    private static String usageChunk(String text, String usage, boolean last) {
        return "data: {\"responseId\":\"resp-1\",\"modelVersion\":\"gemini-test\",\"candidates\":[{\"content\":{\"role\":\"model\","
                + "\"parts\":[{\"text\":\"" + text + "\"}]}" + (last ? ",\"finishReason\":\"STOP\"" : "") + "}]"
                + (usage == null ? "" : ",\"usageMetadata\":" + usage) + "}\r\n\r\n";
    }

    /**
     * "test_map_usage": 1 prompt token, 9,100 cached, 2 candidate and 9,500 thought tokens.
     * Output is the candidates and the thoughts (Gemini counts them apart, Claude's output
     * tokens hold the thinking); the cache read stands beside the input, which cannot go below
     * zero when the counts disagree.
     */
    @Test
    void thoughtsCountAsOutputAndCachedContentIsACacheRead() {
        JsonNode u = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":1,\"candidatesTokenCount\":2,\"cachedContentTokenCount\":9100,"
                + "\"thoughtsTokenCount\":9500,\"promptTokensDetails\":[{\"modality\":\"AUDIO\",\"tokenCount\":9200}],"
                + "\"cacheTokensDetails\":[{\"modality\":\"AUDIO\",\"tokenCount\":9300}],"
                + "\"candidatesTokensDetails\":[{\"modality\":\"AUDIO\",\"tokenCount\":9400}]}}").path("usage");
        assertThat(u.path("output_tokens").asInt()).isEqualTo(9502);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(9100);
        assertThat(u.path("input_tokens").asInt()).isZero();
    }

    /**
     * Gemini's Live API (BidiGenerateContent) counts the reply's tokens as responseTokenCount,
     * not candidatesTokenCount; a bridge that passes its usage on gives them so. They are the
     * output tokens; before, they were read as none.
     */
    @Test
    void theLiveApisResponseTokenCountIsTheOutput() {
        String usage = "{\"promptTokenCount\":40,\"responseTokenCount\":12,\"totalTokenCount\":52,"
                + "\"responseTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":12}]}";
        JsonNode m = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":" + usage + "}");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(12);
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(40);
        assertThat(stream(usageChunk("Hi", usage, true)).at("/usage/output_tokens").asInt()).isEqualTo(12);
        String snake = "{\"prompt_token_count\":40,\"response_token_count\":12,\"total_token_count\":52}";
        assertThat(whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hi\"}]},\"finish_reason\":\"STOP\"}],"
                + "\"usage_metadata\":" + snake + "}").at("/usage/output_tokens").asInt()).isEqualTo(12);
    }

    /**
     * "test_google_process_response_filters_empty_text_parts": texts "", "first", "", "second".
     * No empty text reaches the reply; Pydantic AI keeps "first" and "second" as two parts,
     * promptport joins a candidate's consecutive text parts into one block (Gemini splits its
     * text at no boundary that means anything).
     */
    @Test
    void emptyTextPartsAddNothingAndTheOthersJoin() {
        JsonNode m = whole(texts("", "first", "", "second"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("firstsecond");
    }

    /** "test_gemini_streamed_response_emits_text_events_for_non_empty_parts": an empty part starts no block. */
    @Test
    void aStreamedEmptyTextPartStartsNoBlock() {
        JsonNode m = stream("data: " + texts("", "streamed text") + "\r\n\r\n");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("streamed text");
    }

    /**
     * "test_gemini_streamed_response_usage_retained_across_chunks", "metadata_dropped_by_later_chunk":
     * a Vertex stream whose last chunk has no usageMetadata keeps the counts an earlier chunk
     * gave (20,025 prompt tokens of which 16,365 cached, 5 out).
     */
    @Test
    void aLastChunkWithoutUsageKeepsTheEarlierCounts() {
        JsonNode u = stream(usageChunk("hel", "{\"promptTokenCount\":20025,\"candidatesTokenCount\":5,\"cachedContentTokenCount\":16365}", false)
                + usageChunk("lo", null, true)).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(20025 - 16365);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(16365);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * The same test, "cached_tokens_dropped_by_later_chunk" and "details_only_fields_dropped_...":
     * a gateway's last chunk leaves out cachedContentTokenCount (and thoughtsTokenCount) that
     * the first gave. The candidates' count is the last; the prompt's cached part and the
     * thoughts stay what the earlier chunk said, since neither shrinks while a reply streams.
     * Before, the cache read fell to 0 and the thoughts left the output.
     */
    @Test
    void aCountALaterChunkLeavesOutKeepsItsEarlierValue() {
        JsonNode u = stream(usageChunk("hel", "{\"promptTokenCount\":20025,\"candidatesTokenCount\":5,\"cachedContentTokenCount\":16365,"
                + "\"thoughtsTokenCount\":100}", false)
                + usageChunk("lo", "{\"promptTokenCount\":20025,\"candidatesTokenCount\":10}", true)).path("usage");
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(16365);
        assertThat(u.path("input_tokens").asInt()).isEqualTo(20025 - 16365);
        // the thoughts stay in the output (Pydantic AI keeps them apart, so its output is 10)
        assertThat(u.path("output_tokens").asInt()).isEqualTo(10 + 100);
    }
}
