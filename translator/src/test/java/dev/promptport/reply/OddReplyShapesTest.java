package dev.promptport.reply;

import dev.promptport.Limits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.AnthropicShape.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Replies and streams of odd but readable shapes, found by the reply fuzz campaign ({@link ReplyFuzz}): nothing in them is dropped unnamed. */
class OddReplyShapesTest {

    private static final String CREATED = "event: response.created\ndata: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\","
            + "\"model\":\"gpt-5\",\"status\":\"in_progress\",\"output\":[]}}\n\n";
    private static final String COMPLETED = "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\","
            + "\"model\":\"gpt-5\",\"status\":\"completed\",\"output\":[]}}\n\n";

    @Test
    void responsesCallAnnouncedWithoutItsIndexKeepsItsArguments() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.added\",\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"\"}}\n\n"
                + "data: {\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}\n\n"
                + COMPLETED;
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = t.acceptAll(sse);
        assertCompleteStream(out);
        assertThat(AnthropicShape.parse(replay(out)).at("/content/0/input/city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void responsesOutputIndexThatIsNoNumberPlacesNothing() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.added\",\"output_index\":true,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"\"}}\n\n"
                + "data: {\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"output_index\":0,"
                + "\"delta\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}\n\n"
                + COMPLETED;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(AnthropicShape.parse(replay(out)).at("/content/0/input/city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void responsesCallAnnouncedWithoutItsIndexTakesTheArgumentsOfItsFinishedItem() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.added\",\"item\":{\"type\":\"function_call\",\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"\"}}\n\n"
                + "data: {\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"function_call\",\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}}\n\n"
                + COMPLETED;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(AnthropicShape.parse(replay(out)).at("/content/0/input/city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void responsesArgumentsDoneWithoutArgumentsLeavesThemToTheFinishedItem() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"\"}}\n\n"
                + "data: {\"type\":\"response.function_call_arguments.done\",\"output_index\":0,\"item_id\":\"fc_1\"}\n\n"
                + "data: {\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}}\n\n"
                + COMPLETED;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(AnthropicShape.parse(replay(out)).at("/content/0/input/city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void responsesArgumentsThatComeAfterTheirCallEndedAreNamedAsLeftOut() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"\"}}\n\n"
                + "data: {\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"{\\\"city\\\":\"}\n\n"
                + "data: {\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\"}}\n\n"
                + "data: {\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"\\\"Lisbon\\\"}\"}\n\n"
                + COMPLETED;
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(t.acceptAll(sse));
        assertThat(t.leftOut()).contains(BlockSink.ORPHAN_ARGUMENTS);
    }

    @Test
    void responsesItemDoneWithoutAnItemDoesNotHideTheNextItemsText() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.done\"}\n\n"
                + "data: {\"type\":\"response.output_item.done\",\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Only the whole item\",\"annotations\":[]}]}}\n\n"
                + COMPLETED;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(text(replay(out))).isEqualTo("Only the whole item");
    }

    @Test
    void responsesItemDoneOfAnItemWithoutATypeDoesNotHideTheNextCallsArguments() {
        String sse = CREATED
                + "data: {\"type\":\"response.output_item.done\",\"item\":{\"content\":[]}}\n\n"
                + "data: {\"type\":\"response.output_item.done\",\"item\":{\"type\":\"function_call\",\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Lisbon\\\"}\"}}\n\n"
                + COMPLETED;
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(AnthropicShape.parse(replay(out)).at("/content/0/input/city").asText()).isEqualTo("Lisbon");
    }

    @Test
    void chatContentPartWithoutATypeIsText() {
        String reply = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":[{\"text\":\"Typeless part\"}]},\"finish_reason\":\"stop\"}]}";
        String out = Replies.toAnthropic(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        AnthropicShape.assertMessage(out);
        assertThat(text(out)).isEqualTo("Typeless part");
    }

    @Test
    void chatContentPartWithABlankTypeIsTextAndOneOfAnUnknownTypeIsNamed() {
        String reply = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"\",\"text\":\"Blank type\"},"
                + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\"}}]},\"finish_reason\":\"stop\"}]}";
        ReplyTranslation t = Replies.translate(reply, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, Limits.DEFAULTS);
        AnthropicShape.assertMessage(t.json());
        assertThat(text(t.json())).isEqualTo("Blank type");
        assertThat(t.leftOut()).singleElement().asString().contains("an input_audio content part");
    }

    @Test
    void geminiPartWithTextAndACallKeepsTheCall() {
        String reply = "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Checking.\",\"functionCall\":"
                + "{\"name\":\"get_weather\",\"args\":{\"city\":\"Lisbon\"}}}]},\"finishReason\":\"STOP\"}]}";
        String out = Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE);
        AnthropicShape.assertMessage(out);
        assertThat(text(out)).isEqualTo("Checking.");
        assertThat(AnthropicShape.parse(out).at("/content/1/input/city").asText()).isEqualTo("Lisbon");
        assertThat(AnthropicShape.parse(out).path("stop_reason").asText()).isEqualTo("tool_use");
    }

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
    void chatChunkWhoseDeltaIsNoObjectReadsItsMessage() {
        String sse = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"content\":\"Hi there\"},\"delta\":[],\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
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
