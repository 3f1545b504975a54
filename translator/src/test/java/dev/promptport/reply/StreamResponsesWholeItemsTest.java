package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_STREAM_REASONING_TEXT;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Responses stream may deliver an output item only finished, in {@code output_item.done} or
 * in {@code response.completed}'s output: such an item is sent in its place, and an item whose
 * content was streamed is never sent again.
 */
class StreamResponsesWholeItemsTest {

    private static final String CREATED = rev("response.created", 0,
            "\"response\":{\"id\":\"resp_w\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"o3\",\"output\":[],\"usage\":null}");

    private static JsonNode replayed(String sse) {
        return AnthropicShape.replayed(sse, ReplyFormat.OPENAI_RESPONSES);
    }

    private static String completed(String output) {
        return rev("response.completed", 99, "\"response\":{\"id\":\"resp_w\",\"object\":\"response\",\"status\":\"completed\","
                + "\"model\":\"o3\",\"output\":" + output + ",\"usage\":{\"input_tokens\":5,\"output_tokens\":6,\"total_tokens\":11}}");
    }

    private static String done(int index, String item) {
        return rev("response.output_item.done", 10 + index, "\"output_index\":" + index + ",\"item\":" + item);
    }

    @Test
    void aMessageDeliveredOnlyAsAFinishedItemIsKeptBeforeTheCallAfterIt() {
        JsonNode m = replayed(QuirkFixtures.RESPONSES_DONE_ONLY_SSE);
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Only in done.");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_D");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"a\":1}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void outputFoundOnlyInResponseCompletedIsTheReply() {
        JsonNode m = replayed(QuirkFixtures.RESPONSES_COMPLETED_ONLY_SSE);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Whole answer");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_9");
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void reasoningAndARefusalDeliveredOnlyFinishedKeepTheirSignatureAndStopReason() {
        JsonNode m = replayed(CREATED
                + done(0, "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Plan.\"}],\"encrypted_content\":\"ENC\"}")
                + done(1, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"No.\"}]}")
                + completed("[]"));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Plan.");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:openai:rs_1:ENC");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("No.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void itemsStreamedAndRepeatedInResponseCompletedAreSentOnce() {
        String output = "[{\"id\":\"rs_1\",\"type\":\"reasoning\",\"encrypted_content\":\"gAAAAABo1cHl9kQ2\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"x\"}]},"
                + "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"again\",\"annotations\":[]}]}]";
        JsonNode plain = replayed(RESPONSES_STREAM_REASONING_TEXT);
        JsonNode repeated = replayed(RESPONSES_STREAM_REASONING_TEXT.replace(
                "\"model\":\"o4-mini-2025-04-16\",\"output\":[],\"usage\":{", "\"model\":\"o4-mini-2025-04-16\",\"output\":" + output + ",\"usage\":{"));
        assertThat(repeated.path("content")).isEqualTo(plain.path("content"));
    }

    @Test
    void anItemFinishedInADoneEventIsNotSentAgainFromResponseCompleted() {
        String call = "{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\",\"arguments\":\"{}\",\"call_id\":\"call_1\",\"name\":\"f\"}";
        String search = "{\"id\":\"ws_1\",\"type\":\"web_search_call\",\"status\":\"completed\"}";
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = t.acceptAll(CREATED + done(0, search) + done(1, call) + completed("[" + search + "," + call + "]"));
        assertCompleteStream(out);
        assertThat(parse(replay(out)).path("content")).hasSize(1);
        assertThat(t.leftOut()).containsExactly("a web_search_call item (no Anthropic block holds it)");
    }
}
