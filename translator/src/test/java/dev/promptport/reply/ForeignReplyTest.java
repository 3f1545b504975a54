package dev.promptport.reply;

import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reply read as one vendor's that holds another vendor's answer never loses it without a word. */
class ForeignReplyTest {

    private static final String CHAT_WITH_EMPTY_OUTPUT = """
            {"id":"c1","object":"chat.completion","model":"gpt-5","choices":[{"index":0,"message":{"role":"assistant",
             "content":"Some text"},"finish_reason":"stop"}],"output":[]}""";

    @Test
    void aChatCompletionReadAsAResponsesReplyIsRefusedNamingTheFormatThatReadsIt() {
        // found by the reply fuzz campaign: an empty "output" beside the choices made it a Responses reply with nothing in it
        assertThatThrownBy(() -> Replies.toAnthropic(CHAT_WITH_EMPTY_OUTPUT, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("\"choices\"").hasMessageContaining("read it as openai-chat");
        assertThat(Replies.toAnthropic(CHAT_WITH_EMPTY_OUTPUT, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).contains("Some text");
    }

    @Test
    void aChatCompletionReadAsAGeminiReplyWithNoCandidatesIsRefused() {
        String reply = CHAT_WITH_EMPTY_OUTPUT.replace("\"output\":[]", "\"candidates\":[]");
        assertThatThrownBy(() -> Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("read it as openai-chat");
    }

    @Test
    void anotherVendorsAnswerBesideTheReplysOwnIsNamedAsLeftOut() {
        String reply = """
                {"id":"resp_1","object":"response","status":"completed","model":"gpt-4o","output":[{"type":"message",
                 "id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Mine","annotations":[]}]}],
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Theirs"}}]}""";
        ReplyTranslation t = Replies.translate(reply, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, null);
        assertThat(t.json()).contains("Mine");
        assertThat(t.leftOut()).anySatisfy(l -> assertThat(l).startsWith("\"choices\" (an OpenAI Chat Completions reply's answer"));
    }
}
