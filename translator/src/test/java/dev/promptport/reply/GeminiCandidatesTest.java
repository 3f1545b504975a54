package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.QuirkFixtures.GEMINI_TWO_CANDIDATES;
import static dev.promptport.reply.QuirkFixtures.GEMINI_TWO_CANDIDATES_SSE;
import static org.assertj.core.api.Assertions.assertThat;

/** A Gemini reply of several candidates is the one with index 0; the others are named, once. */
class GeminiCandidatesTest {

    private static final String NAMED = "1 further candidate(s): an Anthropic reply holds one";

    @Test
    void aStreamedSecondCandidateNeitherJoinsTheFirstNorEndsItsBlock() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = t.acceptAll(GEMINI_TWO_CANDIDATES_SSE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("A1 A2");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(t.leftOut()).containsExactly(NAMED);
    }

    @Test
    void aWholeReplyNamesTheCandidatesItLeavesOut() {
        ReplyTranslation t = Replies.translate(GEMINI_TWO_CANDIDATES, ReplyFormat.GEMINI, ReplyContext.NONE, null);
        AnthropicShape.assertMessage(t.json());
        assertThat(AnthropicShape.text(t.json())).isEqualTo("A1 A2");
        assertThat(t.leftOut()).containsExactly(NAMED);
    }

    @Test
    void theCandidateWithIndexZeroIsTheReplyWhereverItStands() {
        String reply = """
                {"candidates":[{"content":{"parts":[{"text":"second"}],"role":"model"},"finishReason":"STOP","index":1},
                  {"content":{"parts":[{"text":"first"}],"role":"model"},"finishReason":"STOP"}]}""";
        ReplyTranslation t = Replies.translate(reply, ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertThat(AnthropicShape.text(t.json())).isEqualTo("first");
        assertThat(t.leftOut()).containsExactly(NAMED);
    }

    @Test
    void aStreamNamesEachFurtherCandidateOnceHoweverManyChunksItSends() {
        String sse = chunk("A", 0, null) + chunk("B", 1, null) + chunk("C", 2, null) + chunk("B", 1, "STOP")
                + chunk("C", 2, "STOP") + chunk("A", 0, "STOP");
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = t.acceptAll(sse);
        assertCompleteStream(out);
        assertThat(AnthropicShape.text(replay(out))).isEqualTo("AA");
        assertThat(t.leftOut()).containsExactly("2 further candidate(s): an Anthropic reply holds one");
    }

    private static String chunk(String text, int index, String finish) {
        return "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                + (finish == null ? "" : "\"finishReason\":\"" + finish + "\",") + "\"index\":" + index + "}]}\n\n";
    }
}
