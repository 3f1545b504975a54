package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.QuirkFixtures.CHAT_DOUBLE_ENCODED;
import static dev.promptport.reply.QuirkFixtures.CHAT_DOUBLE_ENCODED_ONE_PIECE_SSE;
import static dev.promptport.reply.QuirkFixtures.CHAT_DOUBLE_ENCODED_SSE;
import static dev.promptport.reply.QuirkFixtures.CHAT_PYTHON_ARGS_SSE;
import static dev.promptport.reply.QuirkFixtures.CHAT_TRUNCATED_ARGS;
import static dev.promptport.reply.QuirkFixtures.CHAT_TRUNCATED_ARGS_SSE;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/** Tool arguments in a stream are checked and repaired as in the whole reply, and sent once per call. */
class StreamToolInputTest {

    private static List<String> stream(String sse, ReplyFormat format) {
        List<String> out = StreamTranslator.translateAll(sse, format, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode whole(String json, ReplyFormat format) {
        return parse(Replies.toAnthropic(json, format, ReplyContext.NONE));
    }

    private static List<String> argumentDeltas(List<String> out) {
        return events(out).stream().filter(e -> e.data().at("/delta/type").asText().equals("input_json_delta"))
                .map(e -> e.data().at("/delta/partial_json").asText()).toList();
    }

    @Test
    void argumentsEncodedTwiceStreamAsTheObjectInsideAsInTheWholeReply() {
        JsonNode w = whole(CHAT_DOUBLE_ENCODED, ReplyFormat.OPENAI_CHAT);
        assertThat(w.at("/content/0/input")).isEqualTo(parse("{\"location\": \"Paris\"}"));
        for (String sse : new String[] {CHAT_DOUBLE_ENCODED_SSE, CHAT_DOUBLE_ENCODED_ONE_PIECE_SSE}) {
            List<String> out = stream(sse, ReplyFormat.OPENAI_CHAT);
            assertThat(argumentDeltas(out)).containsExactly("{\"location\": \"Paris\"}");
            assertThat(parse(replay(out)).path("content")).isEqualTo(w.path("content"));
        }
    }

    @Test
    void pythonStyleArgumentsStreamAsTheRawTextUnderRawAsInTheWholeReply() {
        String pythonWhole = CHAT_DOUBLE_ENCODED.replace("\"arguments\":\"\\\"{\\\\\\\"location\\\\\\\": \\\\\\\"Paris\\\\\\\"}\\\"\"",
                "\"arguments\":\"{'location': 'Paris'}\"").replace("call_d1", "call_e1");
        JsonNode w = whole(pythonWhole, ReplyFormat.OPENAI_CHAT);
        assertThat(w.at("/content/0/input")).isEqualTo(parse("{\"_raw\": \"{'location': 'Paris'}\"}"));
        List<String> out = stream(CHAT_PYTHON_ARGS_SSE, ReplyFormat.OPENAI_CHAT);
        assertThat(argumentDeltas(out)).hasSize(1);
        assertThat(parse(replay(out)).path("content")).isEqualTo(w.path("content"));
    }

    @Test
    void argumentsCutOffByTheOutputLimitStreamAsTheRawTextUnderRawAsInTheWholeReply() {
        JsonNode w = whole(CHAT_TRUNCATED_ARGS, ReplyFormat.OPENAI_CHAT);
        assertThat(w.at("/content/0/input/_raw").asText()).isEqualTo("{\"path\": \"a.txt\", \"content\": \"hel");
        List<String> out = stream(CHAT_TRUNCATED_ARGS_SSE, ReplyFormat.OPENAI_CHAT);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).isEqualTo(w.path("content"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("max_tokens").isEqualTo(w.path("stop_reason").asText());
    }

    @Test
    void aToolWithoutArgumentsGetsAnEmptyObject() {
        String sse = ReplyFixtures.deltaChunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"now\",\"arguments\":\"\"}}]}", "tool_calls") + "data: [DONE]\n\n";
        List<String> out = stream(sse, ReplyFormat.OPENAI_CHAT);
        assertThat(argumentDeltas(out)).containsExactly("{}");
        assertThat(parse(replay(out)).at("/content/0/input")).isEqualTo(parse("{}"));
    }

    @Test
    void responsesArgumentsEncodedTwiceStreamAsTheObjectInsideAsInTheWholeReply() {
        String twice = "\\\"{\\\\\\\"city\\\\\\\":\\\\\\\"Lisbon\\\\\\\"}\\\"";
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"model\":\"gpt-4.1\",\"output\":[]}")
                + rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                        + "\"arguments\":\"\",\"call_id\":\"call_1\",\"name\":\"get_weather\"}")
                + rev("response.function_call_arguments.delta", 2, "\"output_index\":0,\"delta\":\"" + twice.substring(0, 9) + "\"")
                + rev("response.function_call_arguments.delta", 3, "\"output_index\":0,\"delta\":\"" + twice.substring(9) + "\"")
                + rev("response.output_item.done", 4, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                        + "\"arguments\":\"" + twice + "\",\"call_id\":\"call_1\",\"name\":\"get_weather\"}")
                + rev("response.completed", 5, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"model\":\"gpt-4.1\",\"output\":[],"
                        + "\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}");
        String json = "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"gpt-4.1\",\"output\":["
                + "{\"id\":\"fc_1\",\"type\":\"function_call\",\"status\":\"completed\",\"arguments\":\"" + twice + "\","
                + "\"call_id\":\"call_1\",\"name\":\"get_weather\"}],\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
        JsonNode w = whole(json, ReplyFormat.OPENAI_RESPONSES);
        assertThat(w.at("/content/0/input")).isEqualTo(parse("{\"city\":\"Lisbon\"}"));
        List<String> out = stream(sse, ReplyFormat.OPENAI_RESPONSES);
        assertThat(argumentDeltas(out)).containsExactly("{\"city\":\"Lisbon\"}");
        assertThat(parse(replay(out)).path("content")).isEqualTo(w.path("content"));
    }

    @Test
    void argumentsThatAreNoJsonObjectAreKeptUnderRawAndTheCallIsNamedWholeAndStreamed() {
        String note = "tool call write_file (call_t): its arguments are not one JSON object;"
                + " its input holds them as text under \"_raw\"";
        ReplyTranslation w = Replies.translate(CHAT_TRUNCATED_ARGS, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertThat(w.leftOut()).containsExactly(note);
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(t.acceptAll(CHAT_TRUNCATED_ARGS_SSE));
        assertThat(t.leftOut()).containsExactly(note);

        String array = CHAT_TRUNCATED_ARGS.replace("{\\\"path\\\": \\\"a.txt\\\", \\\"content\\\": \\\"hel", "[1,2]");
        ReplyTranslation a = Replies.translate(array, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertThat(parse(a.json()).at("/content/0/input")).isEqualTo(parse("{\"_raw\":\"[1,2]\"}"));
        assertThat(a.leftOut()).containsExactly(note);
    }

    @Test
    void argumentsRepairedIntoAnObjectAreNotNamed() {
        assertThat(Replies.translate(CHAT_DOUBLE_ENCODED, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null).leftOut()).isEmpty();
    }
}
