package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Google ADK's cases for reading OpenAI-compatible streams through LiteLLM (google/adk-python
 * {@code tests/unittests/models/test_litellm.py}: STREAMING_MODEL_RESPONSE,
 * MULTIPLE_FUNCTION_CALLS_STREAM, NON_COMPLIANT_MULTIPLE_FUNCTION_CALLS_STREAM and
 * {@code _model_response_to_chunk}'s cases), restated as Chat SSE and read into Claude's events.
 */
class AdkLiteLlmStreamCasesTest {

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test_model\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static String text(String text) {
        return chunk("{\"role\":\"assistant\",\"content\":\"" + text + "\"}", null);
    }

    private static String call(String id, String name, String args, int index) {
        return chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":" + index + ",\"type\":\"function\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"function\":{" + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"arguments\":\"" + args.replace("\"", "\\\"") + "\"}}]}", null);
    }

    private static JsonNode stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    /**
     * STREAMING_MODEL_RESPONSE: three text pieces, then a call in two pieces, finished as
     * "tool_use" (LiteLLM's word, not Chat's): one text block, then the call with its whole arguments.
     */
    @Test
    void textThenACallInTwoPieces() {
        JsonNode m = stream(text("zero, "), text("one, "), text("two:"), call("test_tool_call_id", "test_function", "{\"test_arg\": \"test_", 0),
                call(null, null, "value\"}", 0), chunk("{}", "tool_use"));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"zero, one, two:\"},{\"type\":\"tool_use\","
                + "\"id\":\"test_tool_call_id\",\"name\":\"test_function\",\"input\":{\"test_arg\":\"test_value\"}}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** "test_generate_content_async_stream_with_usage_metadata": usage in a last chunk of its own is the reply's usage. */
    @Test
    void usageInALastChunkIsTheRepliesUsage() {
        JsonNode m = stream(text("zero, "), call("test_tool_call_id", "test_function", "{}", 0), chunk("{}", "tool_use"),
                "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"test_model\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /** MULTIPLE_FUNCTION_CALLS_STREAM: two calls at indices 0 and 1, each in two pieces. */
    @Test
    void twoIndexedCallsAreTwoToolUses() {
        JsonNode m = stream(call("call_1", "function_1", "{\"arg\": \"val", 0), call(null, null, "ue1\"}", 0),
                call("call_2", "function_2", "{\"arg\": \"val", 1), call(null, null, "ue2\"}", 1), chunk("{}", "tool_calls"));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"function_1\",\"input\":{\"arg\":\"value1\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"function_2\",\"input\":{\"arg\":\"value2\"}}]");
    }

    /**
     * NON_COMPLIANT_MULTIPLE_FUNCTION_CALLS_STREAM (LiteLLM 1.71.2 with Ollama 0.9.0): no ids,
     * index 0 for both calls, finish "stop". A new name after a call whose arguments are one whole
     * object starts the next call, as ADK reads it; promptport joined the two before, into one
     * call whose arguments were not JSON. The ids are promptport's own, as ADK makes its own.
     */
    @Test
    void aNewNameAfterWholeArgumentsAtTheSameIndexIsTheNextCall() {
        JsonNode m = stream(call(null, "function_1", "{\"arg\": \"val", 0), call(null, null, "ue1\"}", 0),
                call(null, "function_2", "{\"arg\": \"val", 0), call(null, null, "ue2\"}", 0), chunk("{}", "stop"));
        JsonNode content = m.path("content");
        assertThat(content).hasSize(2);
        assertThat(content.get(0).path("name").asText()).isEqualTo("function_1");
        assertThat(content.get(0).path("input").toString()).isEqualTo("{\"arg\":\"value1\"}");
        assertThat(content.get(1).path("name").asText()).isEqualTo("function_2");
        assertThat(content.get(1).path("input").toString()).isEqualTo("{\"arg\":\"value2\"}");
        assertThat(content.get(0).path("id").asText()).isNotEqualTo(content.get(1).path("id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** A server that repeats the name in every piece of one call still makes one call. */
    @Test
    void aNameRepeatedInEveryPieceOfOneCallIsStillOneCall() {
        JsonNode m = stream(call(null, "function_1", "{\"arg\": \"val", 0), call(null, "function_1", "ue1\"}", 0), chunk("{}", "tool_calls"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"arg\":\"value1\"}");
    }

    /**
     * Braces and an escaped quote inside a string do not close the arguments, and a name repeated
     * beside each of many pieces still makes one call (the arguments are read once, not again at
     * every piece).
     */
    @Test
    void bracesInsideStringsAndManyNamedPiecesStillMakeOneCall() throws Exception {
        List<String> events = new ArrayList<>();
        events.add(named("{\"a\": \"} \\\" {"));
        for (int i = 0; i < 2000; i++) {
            events.add(named("x"));
        }
        events.add(named("\"}"));
        events.add(chunk("{}", "tool_calls"));
        JsonNode m = stream(events.toArray(String[]::new));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/input/a").asText()).isEqualTo("} \" {" + "x".repeat(2000));
    }

    /** A piece of function_1's arguments, with its name beside it, the arguments escaped as JSON. */
    private static String named(String args) throws Exception {
        return chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"type\":\"function\",\"function\":{\"name\":\"function_1\","
                + "\"arguments\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(args) + "}}]}", null);
    }

    /** {@code _model_response_to_chunk}: a text chunk that finishes at once is one text block ending the turn. */
    @Test
    void aTextChunkThatFinishesIsOneTextBlock() {
        JsonNode m = stream(chunk("{\"content\":\"this is a test\"}", "stop"));
        assertThat(m.path("content").toString()).isEqualTo("[{\"type\":\"text\",\"text\":\"this is a test\"}]");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * {@code _model_response_to_chunk}: a finish of "tool_calls" with no call in the stream. ADK
     * passes the finish reason on; promptport ends the turn, since Claude's "tool_use" promises a
     * tool_use block that is not there.
     */
    @Test
    void aToolCallsFinishWithoutACallEndsTheTurn() {
        JsonNode m = stream(chunk("{}", null), chunk("{}", "tool_calls"));
        assertThat(m.path("content")).isEmpty();
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }
}
