package dev.promptport.reply;

import dev.promptport.LimitExceededException;
import dev.promptport.LimitExceededException.Limit;
import dev.promptport.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON depth limit on replies, for callers (the command line) that pass {@link Limits}. */
class ReplyLimitsTest {

    /** {@code json} with a field that nests it {@code depth} levels deep in all (the top-level object is one). */
    private static String nested(String json, int depth) {
        return "{\"x_deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "," + json.strip().substring(1);
    }

    @Test
    void aReplyExactlyAtTheDepthLimitTranslatesAndOneLevelDeeperIsRefusedWithItsPosition() {
        String reply = ReplyFixtures.chatReply("\"hi\"", "stop");
        Limits ten = Limits.DEFAULTS.withMaxJsonDepth(10);
        assertThat(Replies.toAnthropic(nested(reply, 10), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, ten)).contains("\"hi\"");

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> Replies.toAnthropic(nested(reply, 11), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, ten));
        assertThat(e.limit()).isEqualTo(Limit.JSON_DEPTH);
        assertThat(e.location().line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("JSON depth limit (10)").contains("--max-json-depth");
    }

    @Test
    void withoutLimitsARepliesDepthIsLeftToJackson() {
        String reply = nested(ReplyFixtures.chatReply("\"hi\"", "stop"), 300);
        assertThat(Replies.toAnthropic(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).contains("\"hi\"");
    }

    @Test
    void aStreamEventTooDeepEndsTheStreamWithAnErrorNamingTheLimit() {
        String deep = "data: " + nested("{\"choices\":[]}", 11) + "\n\n";
        String sse = ReplyFixtures.deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null) + deep;
        List<String> events = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE,
                Limits.DEFAULTS.withMaxJsonDepth(10));
        String last = events.get(events.size() - 1);
        assertThat(last).startsWith("event: error\n").contains("line 3").contains("JSON depth limit (10)")
                .contains("--max-json-depth");

        List<String> raised = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE,
                Limits.DEFAULTS.withMaxJsonDepth(11));
        assertThat(String.join("", raised)).doesNotContain("JSON depth limit");
    }
}
