package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * archgw's (katanemo/archgw, now Plano) cases for turning an OpenAI Chat stream into Claude's
 * events ({@code crates/hermesllm/src/apis/streaming_shapes/anthropic_streaming_buffer.rs}:
 * {@code test_openai_to_anthropic_complete_transformation}, {@code _partial_transformation},
 * {@code test_openai_tool_calling_to_anthropic_transformation}).
 */
class ArchGwStreamCasesTest {

    private static String chunk(String id, String delta, String finish) {
        return "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1234567890,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static List<String> textDeltas(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_delta"))
                .map(e -> e.data().at("/delta/text").asText()).toList();
    }

    /** complete_transformation: two text pieces are two text deltas of one block, and the message ends. */
    @Test
    void twoTextPiecesAreTwoDeltasOfOneBlock() {
        List<String> out = StreamTranslator.translateAll(chunk("chatcmpl-123", "{\"role\":\"assistant\",\"content\":\"Hello\"}", null)
                + chunk("chatcmpl-123", "{\"content\":\" world\"}", null) + chunk("chatcmpl-123", "{}", "stop") + "data: [DONE]\n\n",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(textDeltas(out)).containsExactly("Hello", " world");
        assertThat(names(out)).containsSubsequence("message_start", "content_block_start", "content_block_stop", "message_delta", "message_stop");
    }

    /**
     * partial_transformation: a stream that has not ended yet (no finish, no [DONE]) gives the
     * start and every piece at once, and nothing that would end a block or the message.
     */
    @Test
    void aStreamNotYetEndedGivesItsPiecesAndNoEnd() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>(t.acceptAll(chunk("chatcmpl-456", "{\"role\":\"assistant\",\"content\":\"The weather\"}", null)
                + chunk("chatcmpl-456", "{\"content\":\" in San Francisco\"}", null) + chunk("chatcmpl-456", "{\"content\":\" is\"}", null)));
        assertThat(textDeltas(out)).containsExactly("The weather", " in San Francisco", " is");
        assertThat(names(out)).contains("message_start", "content_block_start")
                .doesNotContain("content_block_stop", "message_delta", "message_stop");
    }

    /**
     * tool_calling_to_anthropic_transformation: gpt-4o's call streamed in eight argument pieces.
     * archgw passes each piece on as it comes; promptport holds a stream's calls until the
     * finish reason (some servers open several calls and then send the arguments of each in
     * turn), so the arguments come as one input_json_delta, whole.
     */
    @Test
    void aCallStreamedInPiecesIsOneToolUseBlockWithItsWholeArguments() {
        String id = "chatcmpl-Cgx6pZPBgfLcMqfT0ILIH2mID2zWQ";
        StringBuilder sse = new StringBuilder(chunk(id, "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_2Uzw0AEZQeOex2CP2TKjcLKc\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],\"refusal\":null}", null));
        for (String piece : new String[] {"{\\\"", "location", "\\\":\\\"", "San", " Francisco", ",", " CA", "\\\"}"}) {
            sse.append(chunk(id, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + piece + "\"}}]}", null));
        }
        sse.append(chunk(id, "{}", "tool_calls")).append("data: [DONE]\n\n");
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_2Uzw0AEZQeOex2CP2TKjcLKc");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("San Francisco, CA");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_delta"))).hasSize(1);
    }
}
