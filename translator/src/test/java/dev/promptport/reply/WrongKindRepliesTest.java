package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A whole reply whose text or calls come in a shape of no known kind would lose them unseen:
 * each is an input error at its JSON pointer. Shapes that servers really send (a Responses
 * message in the input's short form, a call's arguments already parsed) are read instead.
 */
class WrongKindRepliesTest {

    private static final String GEMINI = "{\"candidates\":[{\"content\":%s,\"finishReason\":\"STOP\"}]}";
    private static final String RESPONSES = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\","
            + "\"model\":\"gpt-4o\",\"output\":[%s]}";
    private static final String CHAT = "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":%s},\"finish_reason\":\"stop\"}]}";

    private static String pointerOfError(String reply, ReplyFormat format) {
        Throwable thrown = catchThrowable(() -> Replies.toAnthropic(reply, format, ReplyContext.NONE));
        assertThat(thrown).as(reply).isInstanceOf(PromptPortException.class);
        return ((PromptPortException) thrown).location().pointer();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Hello\"                                       | /candidates/0/content",
        "{\"role\":\"model\",\"parts\":\"Hello\"}        | /candidates/0/content/parts",
        "{\"role\":\"model\",\"parts\":[\"Hello\"]}      | /candidates/0/content/parts/0",
        "{\"role\":\"model\",\"parts\":[{\"text\":5}]}   | /candidates/0/content/parts/0/text",
        "{\"parts\":[{\"functionCall\":\"read()\"}]}      | /candidates/0/content/parts/0/functionCall",
    })
    void aGeminiCandidateOfTheWrongKindIsRefusedAtItsPointer(String content, String pointer) {
        assertThat(pointerOfError(GEMINI.formatted(content), ReplyFormat.GEMINI)).isEqualTo(pointer);
    }

    @Test
    void aGeminiStreamedArrayIsCheckedChunkByChunk() {
        String array = "[" + GEMINI.formatted("{\"parts\":[{\"text\":\"Hi\"}]}") + ","
                + GEMINI.formatted("{\"parts\":[{\"text\":[\"there\"]}]}") + "]";
        assertThat(pointerOfError(array, ReplyFormat.GEMINI)).isEqualTo("/1/candidates/0/content/parts/0/text");
    }

    /** A candidate stopped for safety has no content at all: that is a refusal, not a broken reply. */
    @Test
    void aGeminiCandidateWithoutContentIsStillRead() {
        JsonNode msg = parse(Replies.toAnthropic("{\"candidates\":[{\"finishReason\":\"SAFETY\"}]}", ReplyFormat.GEMINI,
                ReplyContext.NONE));
        assertThat(msg.path("stop_reason").asText()).isEqualTo("refusal");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Hello\"                                                                   | /output/0",
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[\"Hello\"]}       | /output/0/content/0",
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":5}]} | /output/0/content/0/text",
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\",\"refusal\":{}}]} | /output/0/content/0/refusal",
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":{\"text\":\"Hi\"}} | /output/0/content",
        "{\"type\":\"reasoning\",\"summary\":\"Thinking it over\"}                  | /output/0/summary",
    })
    void aResponsesItemOfTheWrongKindIsRefusedAtItsPointer(String item, String pointer) {
        assertThat(pointerOfError(RESPONSES.formatted(item), ReplyFormat.OPENAI_RESPONSES)).isEqualTo(pointer);
    }

    /** Some servers echo the message in the input's short form, its content a plain string. */
    @Test
    void aResponsesMessageWhoseContentIsAStringIsItsText() {
        String out = Replies.toAnthropic(RESPONSES.formatted("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"Hello\"}"),
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertMessage(out);
        assertThat(parse(out).path("content").get(0).path("text").asText()).isEqualTo("Hello");
    }

    /** Arguments already parsed into an object, as OpenAI Chat replies from some servers give them, are the input. */
    @Test
    void aResponsesCallWhoseArgumentsAreAnObjectKeepsThem() {
        String out = Replies.toAnthropic(RESPONSES.formatted("{\"type\":\"function_call\",\"call_id\":\"call_1\",\"name\":\"read\","
                + "\"arguments\":{\"path\":\"a.txt\"}}"), ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertMessage(out);
        assertThat(parse(out).path("content").get(0).path("input").path("path").asText()).isEqualTo("a.txt");
    }

    @Test
    void aResponsesStreamedCallWhoseArgumentsAreAnObjectKeepsThem() {
        String sse = "data: {\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"read\",\"arguments\":{\"path\":\"a.txt\"}}}\n\n"
                + "data: {\"type\":\"response.completed\",\"response\":{\"id\":\"r\",\"status\":\"completed\",\"output\":[]}}\n\n";
        String events = String.join("", StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE));
        assertThat(events).contains("\"partial_json\":\"{\\\"path\\\":\\\"a.txt\\\"}\"");
    }

    @Test
    void anOpenAiChatPartOfTheWrongKindIsRefusedAtItsPointer() {
        assertThat(pointerOfError(CHAT.formatted("[{\"type\":\"text\",\"text\":7}]"), ReplyFormat.OPENAI_CHAT))
                .isEqualTo("/choices/0/message/content/0/text");
        assertThat(pointerOfError(CHAT.formatted("[\"Hello\"]"), ReplyFormat.OPENAI_CHAT))
                .isEqualTo("/choices/0/message/content/0");
    }

    /** Only a depth limit raised far past the default lets a value nest so deep: an input error, not a StackOverflowError. */
    @Test
    void aReplyNestedDeeperThanTheStackHoldsIsAnInputError() {
        String args = "[".repeat(200_000) + "]".repeat(200_000);
        String reply = "{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{\"a\":" + args
                + "}}}]},\"finishReason\":\"STOP\"}]}";
        dev.promptport.Limits deep = dev.promptport.Limits.DEFAULTS.withMaxJsonDepth(Integer.MAX_VALUE)
                .withMaxInputBytes(Integer.MAX_VALUE);
        Throwable whole = catchThrowable(() -> Replies.toAnthropic(reply, ReplyFormat.GEMINI, ReplyContext.NONE, deep));
        assertThat(whole).isInstanceOf(PromptPortException.class).hasMessageContaining("nested too deeply");
        String events = String.join("", new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE, deep)
                .acceptAll("data: " + reply + "\n\n"));
        assertThat(events).contains("nested too deeply");
    }

    /** A count past 2^53 is a broken one: no vendor counts so many, and a sum of two could wrap around to a negative. */
    @Test
    void aCountPastWhatAnyReaderHoldsIsReadAsNoneNotWrappedAround() {
        String gemini = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"hi\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":99999999999999999999,\"candidatesTokenCount\":9223372036854775807,"
                + "\"thoughtsTokenCount\":5}}";
        JsonNode usage = parse(Replies.toAnthropic(gemini, ReplyFormat.GEMINI, ReplyContext.NONE)).path("usage");
        assertThat(usage.path("input_tokens").asLong()).isZero();
        assertThat(usage.path("output_tokens").asLong()).isEqualTo(5);
        String sse = "data: " + gemini + "\n\n";
        String events = String.join("", StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE));
        assertThat(events).doesNotContain("\"output_tokens\":-").contains("\"output_tokens\":5");
        String chat = "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":"
                + "999999999999999999,\"completion_tokens\":12}}";
        JsonNode chatUsage = parse(Replies.toAnthropic(chat, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).path("usage");
        assertThat(chatUsage.path("input_tokens").asLong()).isZero();
        assertThat(chatUsage.path("output_tokens").asLong()).isEqualTo(12);
    }
}
