package dev.promptport.reply;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.AnthropicShape.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Streams of odd but readable shapes, found by the reply fuzz campaign ({@link ReplyFuzz}): nothing in them is dropped unnamed. */
class StreamOddShapesTest {

    @Test
    void chatChunkShapedAsAWholeChoiceKeepsItsText() {
        String sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hi there\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = t.acceptAll(sse);
        assertCompleteStream(out);
        assertThat(text(replay(out))).isEqualTo("Hi there");
    }

    @Test
    void chatChunkWithADeltaIgnoresAMessageBesideIt() {
        String sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"Hi\"},\"message\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(text(replay(out))).isEqualTo("Hi");
    }

    @Test
    void responsesArgumentsForACallNeverOpenedAreNamedAsLeftOut() {
        String sse = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\","
                + "\"delta\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}\n\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"completed\",\"output\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":4}}}\n\n";
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = t.acceptAll(sse);
        assertCompleteStream(out);
        assertThat(t.leftOut()).containsExactly(BlockSink.ORPHAN_ARGUMENTS);
    }

    @Test
    void responsesArgumentsOfAnItemNeverAnnouncedAreNamedAsLeftOut() {
        String sse = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\","
                + "\"output_index\":0,\"item_id\":\"fc_1\",\"delta\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}\n\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"completed\",\"output\":[]}}\n\n";
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(t.acceptAll(sse));
        assertThat(t.leftOut()).containsExactly(BlockSink.ORPHAN_ARGUMENTS);
    }

    @Test
    void responsesArgumentsRepeatedAfterTheirCallEndedAreNotNamed() {
        List<String> lines = new java.util.ArrayList<>(List.of(ReplyFixtures.RESPONSES_STREAM_TOOLS.split("\n\n")));
        // a late repeat of the first call's arguments, after its item was done
        lines.add(lines.size() - 1, ReplyFixtures.RESPONSES_STREAM_TOOLS.split("\n\n")[4]);
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(t.acceptAll(String.join("\n\n", lines) + "\n\n"));
        assertThat(t.leftOut()).isEmpty();
    }

    @Test
    void blankArgumentsForACallNeverOpenedAreNotNamed() {
        String sse = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"in_progress\",\"output\":[]}}\n\n"
                + "event: response.function_call_arguments.delta\ndata: {\"type\":\"response.function_call_arguments.delta\",\"delta\":\" \"}\n\n"
                + "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                + "\"status\":\"completed\",\"output\":[]}}\n\n";
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(t.acceptAll(sse));
        assertThat(t.leftOut()).isEmpty();
    }
}
