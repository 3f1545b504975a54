package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * labring/aiproxy's cases for reading OpenAI Responses and Gemini replies as Claude's
 * ({@code core/relay/adaptor/openai/claude_test.go}: {@code TestConvertResponsesToClaudeResponse},
 * {@code TestConvertResponsesToClaudeStreamResponseReturnsErrorBeforeRealOutputAfterLifecycleEvents};
 * {@code core/relay/adaptor/gemini/claude_test.go}: {@code TestClaudeHandler}, {@code TestClaudeStreamHandler}).
 */
class AiProxyReplyCasesTest {

    /**
     * ConvertResponsesToClaudeResponse "basic claude response" and "claude response with
     * reasoning", in the shape aiproxy writes them: the message item has no type (the short form
     * of a message the Responses input takes), its part is "text", not "output_text", and the
     * reasoning item holds its text as content. The text had been dropped without a word.
     */
    @Test
    void aMessageItemWithoutATypeAndATextPartIsTheReplysText() {
        for (boolean reasoning : new boolean[] {false, true}) {
            String json = "{\"id\":\"resp_789\",\"object\":\"response\",\"model\":\"gpt-5-codex\",\"created_at\":1234567890,\"status\":\"completed\",\"output\":["
                    + (reasoning ? "{\"type\":\"reasoning\",\"content\":[{\"type\":\"output_text\",\"text\":\"Let me think about this carefully...\"}]}," : "")
                    + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Here's my answer!\"}]}],"
                    + "\"usage\":{\"input_tokens\":20,\"output_tokens\":35,\"total_tokens\":55}}";
            ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, Limits.DEFAULTS);
            assertMessage(t.json());
            JsonNode m = parse(t.json());
            assertThat(m.path("content")).extracting(b -> b.path("type").asText())
                    .containsExactlyElementsOf(reasoning ? List.of("thinking", "text") : List.of("text"));
            assertThat(m.at("/content/" + (reasoning ? 1 : 0) + "/text").asText()).isEqualTo("Here's my answer!");
            if (reasoning) {
                assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think about this carefully...");
            }
            assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(20);
            assertThat(t.leftOut()).isEmpty();
        }
    }

    /** A message part of a kind no Anthropic block holds, and an item with neither type nor role, are named, not dropped unseen. */
    @Test
    void aPartOrItemOfNoKnownKindIsNamedAsLeftOut() {
        ReplyTranslation t = Replies.translate("{\"id\":\"r\",\"object\":\"response\",\"model\":\"m\",\"status\":\"completed\",\"output\":["
                + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_audio\",\"data\":\"AAAA\"},{\"type\":\"output_text\",\"text\":\"ok\"}]},"
                + "{\"note\":\"x\"}]}", ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, Limits.DEFAULTS);
        assertMessage(t.json());
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo("ok");
        assertThat(t.leftOut()).containsExactly(LeftOut.kind("output_audio", "message part"), LeftOut.kind("untyped", "item"));
    }

    /**
     * ResponsesToClaudeStreamResponseReturnsErrorBeforeRealOutputAfterLifecycleEvents: created,
     * in progress, then an error. aiproxy answers with an HTTP error since nothing was written;
     * a stream translator has already begun the message, so it ends with an error event.
     */
    @Test
    void anErrorAfterOnlyTheLifecycleEventsEndsTheStreamWithAnError() {
        String r = "\"response\":{\"id\":\"resp_123\",\"object\":\"response\",\"created_at\":1,\"status\":\"in_progress\",\"model\":\"gpt-5\",\"output\":[],"
                + "\"parallel_tool_calls\":true,\"store\":false}";
        List<String> out = StreamTranslator.translateAll("event: response.created\ndata: {\"type\":\"response.created\"," + r + "}\n\n"
                + "event: response.in_progress\ndata: {\"type\":\"response.in_progress\"," + r + "}\n\n"
                + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"server_error\",\"code\":\"server_error\",\"message\":\"stream failed\"}}\n\n",
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertFailedStream(out);
        assertThat(names(out)).doesNotContain("content_block_start");
        assertThat(out.get(out.size() - 1)).contains("stream failed");
    }

    /**
     * gemini ClaudeHandler "should handle thinking with signature" and "tool call with
     * signature" (finish reason TOOL_CALLS, which Gemini does not send but aiproxy's test
     * does). The signature goes, marked as Gemini's, into a thinking block: on the thought's
     * own, and for the call, in one of its own before it, since Claude's tool_use has no
     * signature.
     */
    @Test
    void geminiSignaturesOnAThoughtOrACallAreKeptInThinkingBlocks() {
        JsonNode thought = parse(Replies.toAnthropic("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Thinking process...\",\"thought\":true,"
                + "\"thoughtSignature\":\"signature_123\"},{\"text\":\"Final answer\"}]},\"finishReason\":\"STOP\"}]}", ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(thought.path("content")).hasSize(2);
        assertThat(thought.at("/content/0/thinking").asText()).isEqualTo("Thinking process...");
        assertThat(thought.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:signature_123");
        assertThat(thought.at("/content/1/text").asText()).isEqualTo("Final answer");
        String call = Replies.toAnthropic("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"location\":\"London\"}},"
                + "\"thoughtSignature\":\"tool_signature_456\"}]},\"finishReason\":\"TOOL_CALLS\"}]}", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertMessage(call);
        JsonNode m = parse(call);
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("thinking", "tool_use");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:tool_signature_456");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("get_weather");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * gemini ClaudeStreamHandler "should handle thinking with signature in stream": the thinking
     * block carries the signature. aiproxy's stream ends with [DONE] and no finish reason; a
     * Gemini stream without one was cut short, so promptport ends it with an error after the
     * thinking, and a finished one normally.
     */
    @Test
    void aStreamedThoughtKeepsItsSignature() {
        String piece = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Thinking process...\",\"thought\":true,"
                + "\"thoughtSignature\":\"signature_stream_123\"}]}";
        List<String> cut = StreamTranslator.translateAll(piece + "}]}\n\ndata: [DONE]\n\n", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertFailedStream(cut);
        assertThat(String.join("", cut)).contains("\"signature\":\"promptport:gemini:signature_stream_123\"");
        List<String> done = StreamTranslator.translateAll(piece + ",\"finishReason\":\"STOP\"}]}\n\n", ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(done);
        assertThat(parse(replay(done)).at("/content/0/signature").asText()).isEqualTo("promptport:gemini:signature_stream_123");
    }
}
