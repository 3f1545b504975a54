package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.QuirkFixtures.CHAT_WHITESPACE_BEFORE_TOOLS;
import static dev.promptport.reply.QuirkFixtures.CHAT_WHITESPACE_BEFORE_TOOLS_SSE;
import static dev.promptport.reply.ReplyFixtures.deltaChunk;
import static org.assertj.core.api.Assertions.assertThat;

/** No text block holds whitespace alone: Anthropic refuses one when the history is sent back. */
class WhitespaceTextTest {

    private static JsonNode whole(String json, ReplyContext ctx) {
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ctx);
        assertMessage(out);
        return parse(out);
    }

    private static JsonNode streamed(String sse, ReplyContext ctx) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ctx);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    @Test
    void aBlankLineBeforeToolCallsGivesNoTextBlockWholeOrStreamed() {
        JsonNode w = whole(CHAT_WHITESPACE_BEFORE_TOOLS, ReplyContext.NONE);
        assertThat(w.path("content")).hasSize(1);
        assertThat(w.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(w.at("/content/0/input")).isEqualTo(parse("{\"location\":\"Paris\"}"));
        assertThat(streamed(CHAT_WHITESPACE_BEFORE_TOOLS_SSE, ReplyContext.NONE).path("content")).isEqualTo(w.path("content"));
    }

    @Test
    void leadingWhitespaceIsHeldBackAndSentWithTheTextThatFollows() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : (deltaChunk("{\"role\":\"assistant\",\"content\":\"\\n\\n\"}", null)
                + deltaChunk("{\"content\":\" \\u00a0\"}", null)).split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(names(out)).containsExactly("message_start", "ping");
        for (String l : (deltaChunk("{\"content\":\"Hello\"}", null) + deltaChunk("{\"content\":\"\\n\"}", null)
                + deltaChunk("{}", "stop") + "data: [DONE]\n\n").split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        out.addAll(t.finish());
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("\n\n \u00a0Hello\n");
    }

    @Test
    void aReplyOfWhitespaceAloneHasNoContent() {
        String json = ReplyFixtures.chatReply("\" \\n\\t \"", "stop");
        JsonNode w = whole(json, ReplyContext.NONE);
        assertThat(w.path("content")).isEmpty();
        assertThat(w.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void thePrefillStillLeadsTheFirstTextBlockAndAContinuationOfWhitespaceIsDropped() {
        ReplyContext prepend = new ReplyContext(null, "{", Map.of());
        JsonNode p = whole(CHAT_WHITESPACE_BEFORE_TOOLS, prepend);
        assertThat(p.at("/content/0/text").asText()).isEqualTo("{\n\n");
        assertThat(streamed(CHAT_WHITESPACE_BEFORE_TOOLS_SSE, prepend).path("content")).isEqualTo(p.path("content"));
        ReplyContext cont = prepend.withPrefillMode(ReplyContext.PrefillMode.CONTINUE);
        JsonNode c = whole(CHAT_WHITESPACE_BEFORE_TOOLS, cont);
        assertThat(c.path("content")).hasSize(1);
        assertThat(c.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(streamed(CHAT_WHITESPACE_BEFORE_TOOLS_SSE, cont).path("content")).isEqualTo(c.path("content"));
    }

    @Test
    void whitespaceBetweenThinkingAndTextInGeminiIsKeptInFrontOfTheText() {
        String sse = ReplyFixtures.gchunk("[{\"text\": \"Plan.\",\"thought\": true}]", null, ReplyFixtures.G_USAGE_EARLY)
                + ReplyFixtures.gchunk("[{\"text\": \"\\n\"}]", null, ReplyFixtures.G_USAGE_EARLY)
                + ReplyFixtures.gchunk("[{\"text\": \"Done.\"}]", "STOP", ReplyFixtures.G_USAGE_FINAL);
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/1/text").asText()).isEqualTo("\nDone.");
    }
}
