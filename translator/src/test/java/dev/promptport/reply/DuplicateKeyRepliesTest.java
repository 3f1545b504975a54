package dev.promptport.reply;

import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A reply with a key twice in one object would lose one value unseen: it is refused at that key. */
class DuplicateKeyRepliesTest {

    @Test
    void aWholeReplyWithContentTwiceIsRefusedAtTheRepeatedKey() {
        String reply = """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,
                 "message":{"role":"assistant","content":"The refund is on its way.","content":null},
                 "finish_reason":"stop"}]}""";
        PromptPortException e = catchThrowableOfType(PromptPortException.class,
                () -> Replies.toAnthropic(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE));
        assertThat(e).isNotNull();
        assertThat(e.location().pointer()).isEqualTo("/choices/0/message/content");
        assertThat(e.getMessage()).contains("\"content\" appears twice", "openai-chat reply");
    }

    @Test
    void aStreamEventWithTextTwiceFailsTheStreamNamingTheKey() {
        String sse = """
                data: {"candidates":[{"content":{"parts":[{"text":"Hello","text":" there"}],"role":"model"},"finishReason":"STOP"}]}

                """;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertFailedStream(out);
        assertThat(String.join("", out)).contains("appears twice", "/candidates/0/content/parts/0/text");
    }
}
