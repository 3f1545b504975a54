package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * vLLM's cases for its Anthropic Messages endpoint, which serves Claude's shape from its own
 * OpenAI Chat results, reply side (vllm-project/vllm {@code tests/entrypoints/anthropic/}:
 * {@code test_message_stream_converter.py}, {@code test_stream_error.py}, and
 * {@code test_anthropic_messages_conversion.py} {@code TestBuildAnthropicUsage}). vLLM's chunks
 * are written here as its OpenAI-compatible server sends them.
 */
class VllmAnthropicReplyCasesTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"req-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static final String USAGE_AND_DONE = "data: {\"id\":\"req-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,\"total_tokens\":18}}\n\ndata: [DONE]\n\n";

    private static String call(String id, String name, String args) {
        return "{\"index\":0," + (id == null ? "" : "\"id\":\"" + id + "\",\"type\":\"function\",") + "\"function\":{"
                + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"arguments\":\"" + args.replace("\"", "\\\"") + "\"}}";
    }

    private static List<String> stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + USAGE_AND_DONE, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static List<String> blockTypes(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().at("/content_block/type").asText()).toList();
    }

    /** Reasoning, then one delta holding both some text and a whole tool call, as iquest_coder_v2 with MTP sends it. */
    private static List<String> combined(String leading) {
        return stream(chunk("{\"role\":\"assistant\"}", "null"), chunk("{\"reasoning\":\"Let me start.\"}", "null"),
                chunk("{\"content\":\"" + leading + "\",\"tool_calls\":[" + call("call_1", "Agent", "{\"description\":\"x\"}") + "]}", "null"),
                chunk("{}", "\"tool_calls\""));
    }

    /**
     * test_tool_call_survives_whitespace_leading_content: a delta whose text is blank or empty
     * beside a whole call still gives the call. Blank text makes no text block (Claude refuses
     * a text block of whitespace alone when the history comes back to it).
     */
    @Test
    void aCallBesideBlankTextInTheSameDeltaIsKept() {
        for (String leading : new String[] {"\\n", "", "   ", "\\n\\n"}) {
            List<String> out = combined(leading);
            assertThat(blockTypes(out)).as("[%s]", leading).containsExactly("thinking", "tool_use");
            JsonNode m = parse(replay(out));
            assertThat(m.at("/content/1/id").asText()).isEqualTo("call_1");
            assertThat(m.at("/content/1/name").asText()).isEqualTo("Agent");
            assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"description\":\"x\"}");
            assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        }
    }

    /** test_tool_call_with_real_leading_text_emits_both_blocks: thinking, text, tool_use, in that order. */
    @Test
    void realTextBesideACallIsATextBlockBeforeTheCall() {
        List<String> out = combined("Sure, let me check. ");
        assertThat(blockTypes(out)).containsExactly("thinking", "text", "tool_use");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me start.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Sure, let me check. ");
        assertThat(m.at("/content/2/input").toString()).isEqualTo("{\"description\":\"x\"}");
    }

    /** test_reasoning_then_tool_transitions_cleanly and test_tool_call_streamed_across_multiple_deltas. */
    @Test
    void reasoningThenACallInPiecesAreTwoClosedBlocks() {
        List<String> out = stream(chunk("{\"role\":\"assistant\"}", "null"), chunk("{\"reasoning\":\"thinking...\"}", "null"),
                chunk("{\"tool_calls\":[" + call("call_9", "Agent", "{\"de") + "]}", "null"),
                chunk("{\"tool_calls\":[" + call(null, null, "sc\":1}") + "]}", "null"), chunk("{}", "\"tool_calls\""));
        assertThat(blockTypes(out)).containsExactly("thinking", "tool_use");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("thinking...");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"desc\":1}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** test_content_only_stream_unchanged and test_empty_content_only_stream_emits_no_text_delta. */
    @Test
    void textPiecesAreOneBlockAndAnEmptyPieceAddsNothing() {
        List<String> out = stream(chunk("{\"role\":\"assistant\"}", "null"), chunk("{\"content\":\"\"}", "null"),
                chunk("{\"content\":\"Hello \"}", "null"), chunk("{\"content\":\"world\"}", "null"), chunk("{}", "\"stop\""));
        assertThat(blockTypes(out)).containsExactly("text");
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_delta"))
                .map(e -> e.data().at("/delta/text").asText())).containsExactly("Hello ", "world");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello world");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * test_converter_forwards_upstream_error_message: an error object in place of a chunk ends the
     * stream with one error event that carries the server's message (and says where it came from).
     */
    @Test
    void anErrorInTheStreamIsAnErrorEventWithTheServersMessage() {
        List<String> out = StreamTranslator.translateAll("data: {\"error\": {\"message\": \"Internal Server Error\", "
                + "\"type\": \"InternalServerError\", \"code\": 500}}\n\ndata: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertFailedStream(out);
        List<AnthropicShape.Event> errors = events(out).stream().filter(e -> e.name().equals("error")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).data().at("/error/type").asText()).isEqualTo("api_error");
        assertThat(errors.get(0).data().at("/error/message").asText()).endsWith("Internal Server Error").doesNotContainIgnoringCase("validation");
    }

    /**
     * TestBuildAnthropicUsage: vLLM counts the cache's reads ({@code cached_tokens}) and writes
     * ({@code created_cache_tokens}) inside {@code prompt_tokens}; Claude's input count is what
     * is left. The writes were not read, so a reply that filled the cache reported them as
     * uncached input and no cache writes.
     */
    @Test
    void cacheReadsAndVllmsCacheWritesComeOutOfTheInputCount() {
        long[][] cases = {{100, 80, 10, 10}, {100, 0, 0, 100}, {100, 100, 0, 0}};
        for (long[] c : cases) {
            String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + c[0]
                    + ",\"completion_tokens\":10,\"total_tokens\":" + (c[0] + 10) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + c[1]
                    + ",\"created_cache_tokens\":" + c[2] + "}}}";
            String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
            assertMessage(out);
            JsonNode u = parse(out).path("usage");
            assertThat(u.path("input_tokens").asLong()).as("%s", c[1]).isEqualTo(c[3]);
            assertThat(u.path("cache_read_input_tokens").asLong()).isEqualTo(c[1]);
            assertThat(u.path("cache_creation_input_tokens").asLong()).isEqualTo(c[2]);
            assertThat(u.path("output_tokens").asLong()).isEqualTo(10);
        }
    }
}
