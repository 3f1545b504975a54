package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.message;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ollama's cases for its Anthropic Messages endpoint, reply side (ollama/ollama
 * {@code anthropic/anthropic_test.go}: {@code TestToMessagesResponse_*}, {@code TestMapStopReason},
 * {@code TestNewError}, {@code TestStreamConverter_*}, {@code TestContentBlockJSON_*}). Ollama's
 * chat replies are re-expressed as its OpenAI-compatible endpoint sends them (reasoning in
 * {@code reasoning}, ollama/ollama {@code openai/openai.go}).
 */
class OllamaAnthropicReplyCasesTest {

    private static String reply(String message, String finish) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"qwen3\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":" + finish + "}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
    }

    private static JsonNode whole(String json) {
        return message(json, ReplyFormat.OPENAI_CHAT);
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen3\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static final String USAGE_AND_DONE = "data: {\"id\":\"chatcmpl-9\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"qwen3\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n"
            + "data: [DONE]\n\n";

    private static List<String> stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + USAGE_AND_DONE, ReplyFormat.OPENAI_CHAT,
                ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    /** Each event as name, block type and index, as TestStreamConverter_TextBeforeThinking lists them. */
    private static List<String> outline(List<String> out) {
        List<String> got = new ArrayList<>();
        for (AnthropicShape.Event e : AnthropicShape.events(out)) {
            JsonNode d = e.data();
            switch (e.name()) {
                case "content_block_start" -> got.add(e.name() + ":" + d.at("/content_block/type").asText() + ":" + d.path("index").asInt());
                case "content_block_delta" -> got.add(e.name() + ":" + d.at("/delta/type").asText() + ":" + d.path("index").asInt());
                case "content_block_stop" -> got.add(e.name() + ":" + d.path("index").asInt());
                case "ping" -> { }
                default -> got.add(e.name());
            }
        }
        return got;
    }

    /** TestToMessagesResponse_Basic and TestGenerateMessageID (the id starts msg_). */
    @Test
    void aTextReplyIsOneTextBlockWithItsUsage() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Hello there!\"}", "\"stop\""));
        assertThat(m.path("id").asText()).startsWith("msg_");
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("role").asText()).isEqualTo("assistant");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello there!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /** TestToMessagesResponse_WithToolCalls and TestMapStopReason ("stop" with tool calls is tool_use). */
    @Test
    void toolCallsEndTheTurnForToolUseEvenWhenTheFinishSaysStop() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_123\",\"index\":0,"
                + "\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}}]}", "\"stop\""));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_123");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("Paris");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** TestToMessagesResponse_WithThinking: the reasoning first, as a thinking block, then the text. */
    @Test
    void reasoningBecomesAThinkingBlockBeforeTheText() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"The answer is 42.\",\"reasoning\":\"Let me think about this...\"}",
                "\"stop\""));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think about this...");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("The answer is 42.");
    }

    /**
     * TestMapStopReason. stop and length agree. Ollama maps any other reason to stop_sequence and
     * none to none; promptport says end_turn for both: Claude's stop_sequence means one of the
     * request's stop sequences was written, and names it, which an unknown reason does not tell,
     * and a whole Message always has a stop reason.
     */
    @Test
    void finishReasonsBecomeClaudesStopReasons() {
        assertThat(whole(reply("{\"role\":\"assistant\",\"content\":\"Hi\"}", "\"length\"")).path("stop_reason").asText())
                .isEqualTo("max_tokens");
        assertThat(whole(reply("{\"role\":\"assistant\",\"content\":\"Hi\"}", "\"other\"")).path("stop_reason").asText())
                .isEqualTo("end_turn");
        assertThat(whole(reply("{\"role\":\"assistant\",\"content\":\"Hi\"}", "\"\"")).path("stop_reason").asText())
                .isEqualTo("end_turn");
    }

    /** TestNewError: HTTP status to Claude's error type, the message kept. */
    @Test
    void anErrorStatusBecomesClaudesErrorType() {
        int[] status = {400, 401, 403, 404, 429, 500, 503, 529};
        String[] type = {"invalid_request_error", "authentication_error", "permission_error", "not_found_error",
                "rate_limit_error", "api_error", "overloaded_error", "overloaded_error"};
        for (int i = 0; i < status.length; i++) {
            String json = AnthropicErrors.fromVendor(status[i],
                    "{\"error\":{\"message\":\"test message\",\"type\":\"x\",\"param\":null,\"code\":null}}", ReplyFormat.OPENAI_CHAT);
            assertError(json, type[i]);
            assertThat(parse(json).at("/error/message").asText()).as("%d", status[i]).contains("test message");
        }
    }

    /** TestStreamConverter_Basic and TestContentBlockJSON_EmptyFieldsPresent / TestStreamConverter_ContentBlockStartIncludesEmptyFields (text). */
    @Test
    void aStreamedTextReplyHasEveryEventAndTheUsageAtTheEnd() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Hello\"}", "null"),
                chunk("{\"content\":\" world!\"}", "\"stop\""));
        assertThat(outline(out)).containsExactly("message_start", "content_block_start:text:0", "content_block_delta:text_delta:0",
                "content_block_delta:text_delta:0", "content_block_stop:0", "message_delta", "message_stop");
        List<AnthropicShape.Event> events = AnthropicShape.events(out);
        assertThat(events.stream().filter(e -> e.name().equals("content_block_start")).findFirst().orElseThrow()
                .data().at("/content_block").has("text")).isTrue();
        JsonNode delta = events.stream().filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data();
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(5);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hello world!");
    }

    /**
     * TestStreamConverter_WithToolCalls, _ThinkingDirectlyFollowedByToolCall (ollama/ollama#14816:
     * the tool block reused index 0) and _ContentBlockStartIncludesEmptyFields (thinking, and an
     * empty input object on tool_use).
     */
    @Test
    void thinkingThenAToolCallAreTwoBlocksWithTheirOwnIndexes() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"reasoning\":\"I should call the tool.\"}", "null"),
                chunk("{\"tool_calls\":[{\"id\":\"call_abc\",\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"ask_user\","
                        + "\"arguments\":\"{\\\"question\\\":\\\"cats or dogs?\\\"}\"}}]}", "null"),
                chunk("{}", "\"tool_calls\""));
        assertThat(outline(out)).containsExactly("message_start", "content_block_start:thinking:0",
                "content_block_delta:thinking_delta:0", "content_block_stop:0", "content_block_start:tool_use:1",
                "content_block_delta:input_json_delta:1", "content_block_stop:1", "message_delta", "message_stop");
        List<AnthropicShape.Event> starts = AnthropicShape.events(out).stream()
                .filter(e -> e.name().equals("content_block_start")).toList();
        assertThat(starts.get(0).data().at("/content_block").has("thinking")).isTrue();
        assertThat(starts.get(1).data().at("/content_block/input").toString()).isEqualTo("{}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/1/input/question").asText()).isEqualTo("cats or dogs?");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** TestStreamConverter_TextBeforeThinking: text, thinking, text again are three blocks, in that order. */
    @Test
    void textBeforeThinkingKeepsItsOwnBlock() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"---\\n\"}", "null"),
                chunk("{\"reasoning\":\"Let me think.\"}", "null"),
                chunk("{\"content\":\"The answer.\"}", "\"stop\""));
        assertThat(outline(out)).containsExactly("message_start", "content_block_start:text:0", "content_block_delta:text_delta:0",
                "content_block_stop:0", "content_block_start:thinking:1", "content_block_delta:thinking_delta:1",
                "content_block_stop:1", "content_block_start:text:2", "content_block_delta:text_delta:2",
                "content_block_stop:2", "message_delta", "message_stop");
    }

    /**
     * TestStreamConverter_ToolCallWithUnmarshalableArgs and _MultipleToolCallsWithMixedValidity.
     * Ollama's arguments that cannot be written as JSON have no counterpart on the wire; the nearest
     * is arguments that are not JSON. Ollama skips such a call; promptport keeps it, with the
     * arguments as they came in {@code _raw}, so nothing the model wrote is lost, and the good
     * call beside it is unchanged.
     */
    @Test
    void aCallWithArgumentsThatAreNotJsonIsKeptBesideAGoodOne() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_good\",\"index\":0,\"type\":\"function\","
                + "\"function\":{\"name\":\"good_function\",\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}},"
                + "{\"id\":\"call_bad\",\"index\":1,\"type\":\"function\",\"function\":{\"name\":\"bad_function\","
                + "\"arguments\":\"{\\\"channel\\\":\"}}]}", "null"), chunk("{}", "\"tool_calls\""));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("good_function");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("Paris");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("bad_function");
        assertThat(m.at("/content/1/input/_raw").asText()).isEqualTo("{\"channel\":");
    }
}
