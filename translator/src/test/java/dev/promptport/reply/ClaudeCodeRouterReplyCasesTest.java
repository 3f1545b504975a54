package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * claude-code-router's cases for its Anthropic transformer, reply side (musistudio/claude-code-router
 * {@code packages/core/src/transformer/__tests__/anthropic.transformer.test.ts},
 * {@code AnthropicTransformer.transformResponseIn (non-stream)}).
 */
class ClaudeCodeRouterReplyCasesTest {

    private static JsonNode whole(String message, String finish, String usage) {
        String json = "{\"id\":\"cmpl-1\",\"model\":\"claude-sonnet-4-6\",\"choices\":[{\"finish_reason\":\"" + finish + "\",\"message\":" + message
                + "}],\"usage\":" + usage + "}";
        return AnthropicShape.message(json, ReplyFormat.OPENAI_CHAT);
    }

    /** "converts a plain text completion into a single text content block". */
    @Test
    void aTextCompletionIsOneTextBlock() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"hello there\"}", "stop", "{\"prompt_tokens\":10,\"completion_tokens\":5}");
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"hello there\"}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(5);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isZero();
    }

    /** "converts tool_calls into tool_use content blocks with parsed arguments". */
    @Test
    void aToolCallIsAToolUseBlockWithItsArgumentsParsed() {
        JsonNode m = whole("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call-1\",\"function\":{\"name\":\"search\","
                + "\"arguments\":\"{\\\"q\\\":\\\"ts\\\"}\"}}]}", "tool_calls", "{\"prompt_tokens\":8,\"completion_tokens\":4}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"call-1\",\"name\":\"search\",\"input\":{\"q\":\"ts\"}}]");
    }

    /**
     * "falls back to {text: raw} when tool_call arguments are unparseable". promptport keeps the
     * text under "_raw", a key no real schema has, so the tool's own check of its arguments fails
     * visibly instead of running on a guess, and names the call among what was left out.
     */
    @Test
    void argumentsThatAreNotJsonAreKeptAsText() {
        String json = "{\"id\":\"cmpl-3\",\"model\":\"claude-sonnet-4-6\",\"choices\":[{\"finish_reason\":\"tool_calls\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call-x\",\"function\":{\"name\":\"noop\","
                + "\"arguments\":\"{not-json\"}}]}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}";
        ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertMessage(t.json());
        assertThat(parse(t.json()).at("/content/0/input").toString()).isEqualTo("{\"_raw\":\"{not-json\"}");
        assertThat(t.leftOut()).anySatisfy(line -> assertThat(line).contains("noop"));
    }

    /**
     * "maps finish_reason". stop, length and an unknown value agree. The router says
     * stop_sequence for content_filter; Claude's stop_sequence means one of the request's stop
     * sequences was written, so promptport says refusal, which is how Claude reports a reply it
     * declined, with the filter named in stop_details. And tool_calls with no call in the reply
     * is end_turn, not tool_use: a client told tool_use looks for a call to run and finds none.
     */
    @Test
    void finishReasonsBecomeClaudesStopReasons() {
        String[][] cases = {{"stop", "end_turn"}, {"length", "max_tokens"}, {"tool_calls", "end_turn"}, {"content_filter", "refusal"},
            {"unknown_value", "end_turn"}};
        for (String[] c : cases) {
            JsonNode m = whole("{\"role\":\"assistant\",\"content\":\"x\"}", c[0], "{\"prompt_tokens\":0,\"completion_tokens\":0}");
            assertThat(m.path("stop_reason").asText()).as(c[0]).isEqualTo(c[1]);
        }
        JsonNode filtered = whole("{\"role\":\"assistant\",\"content\":\"x\"}", "content_filter", "{\"prompt_tokens\":0,\"completion_tokens\":0}");
        assertThat(filtered.at("/stop_details/explanation").asText()).contains("content_filter");
    }

    /** "subtracts cached tokens from input_tokens and surfaces cache_read_input_tokens". */
    @Test
    void cachedTokensComeOutOfTheInputCount() {
        JsonNode u = whole("{\"role\":\"assistant\",\"content\":\"ok\"}", "stop",
                "{\"prompt_tokens\":100,\"completion_tokens\":20,\"prompt_tokens_details\":{\"cached_tokens\":30}}").path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(70);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(20);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isZero();
    }
}
