package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Target;
import dev.promptport.reply.ReplyContext;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.promptport.failover.Payloads.ANTHROPIC_KEY;
import static dev.promptport.failover.Payloads.GEMINI_KEY;
import static dev.promptport.failover.Payloads.OPENAI_KEY;
import static dev.promptport.failover.Payloads.STREAM_REQUEST;
import static dev.promptport.failover.Payloads.data;
import static dev.promptport.failover.Payloads.openAiStream;
import static dev.promptport.failover.Payloads.text;
import static dev.promptport.failover.Payloads.tree;
import static dev.promptport.failover.Payloads.types;
import static dev.promptport.failover.StandIn.json;
import static dev.promptport.failover.StandIn.sse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that ignores {@code "stream": true} (an older vLLM or Ollama, a pass-through proxy,
 * a proxy that buffers) answers a stream with its whole reply: the caller still gets a stream,
 * the events Claude would have sent for the reply the non-streaming call returns.
 */
class FailoverWholeReplyStreamTest extends FailoverFixture {

    private static final String SEND_REQUEST = STREAM_REQUEST.replace("\"stream\":true,", "");
    /** The events of a complete reply with one text block, in Claude's order. */
    private static final List<String> ONE_TEXT_BLOCK = List.of("message_start", "ping", "content_block_start",
            "content_block_delta", "content_block_stop", "message_delta", "message_stop");

    private Failover chain(Endpoint... endpoints) {
        Failover.Builder b = streamChain()
                .prefillMode(ReplyContext.PrefillMode.CONTINUE);
        for (Endpoint e : endpoints) {
            b.endpoint(e);
        }
        return b.build();
    }

    /**
     * Streams {@link Payloads#STREAM_REQUEST} from {@code endpoint}, whose server answers the whole
     * {@code reply} twice, then sends the same request without {@code stream}; returns the
     * streamed reply as Anthropic's SDK accumulates it, checked against what {@code send} returned.
     */
    private JsonNode streamedAsSent(StandIn server, Endpoint endpoint) {
        Failover f = chain(endpoint);
        FailoverResult r = f.stream(STREAM_REQUEST, received::add);

        assertThat(r.complete()).isTrue();
        assertThat(r.json()).isNull();
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.OK);
        assertThat(r.history().get(0).detail()).startsWith("not streamed").contains("whole reply");
        assertThat(server.count()).isEqualTo(1);
        assertThat(server.last().header("accept")).isEqualTo("text/event-stream");
        assertThat(received).allSatisfy(e -> assertThat(e).startsWith("event: ").endsWith("\n\n"));
        JsonNode streamed = tree(ClaudeSdk.accumulate(received));

        JsonNode sent = tree(f.send(SEND_REQUEST).json());
        assertThat(streamed.path("content")).isEqualTo(sent.path("content"));
        for (String field : new String[]{"/id", "/model", "/stop_reason", "/usage/input_tokens", "/usage/output_tokens"}) {
            assertThat(streamed.at(field)).as(field).isEqualTo(sent.at(field));
        }
        return streamed;
    }

    @Test
    void aWholeChatReplyToAStreamRequestBecomesTheEventsOfTheReplySendReturns() throws Exception {
        StandIn openai = server(json(200, Payloads.OPENAI_COMPLETION), json(200, Payloads.OPENAI_COMPLETION));

        JsonNode streamed = streamedAsSent(openai, Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY));

        assertThat(tree(openai.seen().get(0).body()).path("stream").asBoolean()).isTrue();
        assertThat(types(received)).containsExactlyElementsOf(ONE_TEXT_BLOCK);
        assertThat(text(received)).isEqualTo("Paris is the capital of France.");
        assertThat(streamed.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(data(received.get(0)).at("/message/usage/service_tier").asText()).isEqualTo("standard");
        assertThat(data(received.get(5)).at("/usage/output_tokens").asLong()).isEqualTo(8);
    }

    @Test
    void aWholeResponsesReplyToAStreamRequestBecomesTheEventsOfTheReplySendReturns() throws Exception {
        StandIn openai = server(json(200, Payloads.RESPONSES_RESPONSE), json(200, Payloads.RESPONSES_RESPONSE));

        streamedAsSent(openai, Endpoint.of(Target.of("openai-responses:gpt-4o"), openai.uri(), OPENAI_KEY));

        assertThat(openai.seen().get(0).path()).isEqualTo("/v1/responses");
        assertThat(types(received)).containsExactlyElementsOf(ONE_TEXT_BLOCK);
        assertThat(text(received)).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aWholeGeminiReplyToAStreamRequestBecomesTheEventsOfTheReplySendReturns() throws Exception {
        StandIn gemini = server(json(200, Payloads.GEMINI_RESPONSE), json(200, Payloads.GEMINI_RESPONSE));

        streamedAsSent(gemini, Endpoint.of(Target.of("gemini:gemini-2.5-flash"), gemini.uri(), GEMINI_KEY));

        assertThat(gemini.seen().get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
        assertThat(types(received)).containsExactlyElementsOf(ONE_TEXT_BLOCK);
        assertThat(text(received)).isEqualTo("Paris is the capital of France.");
    }

    @Test
    void aWholeClaudeMessageToAStreamRequestBecomesTheEventsClaudeWouldHaveSent() throws Exception {
        StandIn claude = server(json(200, Payloads.ANTHROPIC_MESSAGE), json(200, Payloads.ANTHROPIC_MESSAGE));

        JsonNode streamed = streamedAsSent(claude, Endpoint.anthropic(claude.uri(), ANTHROPIC_KEY));

        assertThat(types(received)).containsExactlyElementsOf(ONE_TEXT_BLOCK);
        assertThat(text(received)).isEqualTo("The capital of France is Paris.");
        JsonNode message = tree(Payloads.ANTHROPIC_MESSAGE);
        assertThat(streamed.path("content")).isEqualTo(message.path("content"));
        assertThat(streamed.path("id")).isEqualTo(message.path("id"));
        assertThat(claude.seen().get(0).body()).isEqualTo(STREAM_REQUEST);
    }

    @Test
    void aWholeReplyWithAToolCallStreamsTheCallWithItsIdNameAndInput() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":256,"stream":true,
                 "tools":[{"name":"get_weather","description":"Today's weather in a city",
                           "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "messages":[{"role":"user","content":"What is the weather in Paris?"}]}""";
        String reply = """
                {"id":"chatcmpl-C3kP1","object":"chat.completion","created":1754512345,"model":"gpt-4o-2024-08-06",\
                "choices":[{"index":0,"message":{"role":"assistant","content":"Let me check.","refusal":null,\
                "tool_calls":[{"id":"call_Wf3p9ZkQ","type":"function","function":{"name":"get_weather",\
                "arguments":"{\\"city\\":\\"Paris\\"}"}}],"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],\
                "usage":{"prompt_tokens":61,"completion_tokens":17,"total_tokens":78}}""";
        StandIn openai = server(json(200, reply));

        FailoverResult r = chain(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY)).stream(request, received::add);

        assertThat(r.complete()).isTrue();
        assertThat(types(received)).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        JsonNode toolStart = data(received.get(5)).path("content_block");
        assertThat(toolStart.path("type").asText()).isEqualTo("tool_use");
        assertThat(toolStart.path("id").asText()).isEqualTo("call_Wf3p9ZkQ");
        assertThat(toolStart.path("name").asText()).isEqualTo("get_weather");
        assertThat(toolStart.path("input").isEmpty()).isTrue();
        assertThat(data(received.get(6)).at("/delta/type").asText()).isEqualTo("input_json_delta");
        JsonNode streamed = tree(ClaudeSdk.accumulate(received));
        assertThat(streamed.at("/content/1/input")).isEqualTo(tree("{\"city\":\"Paris\"}"));
        assertThat(streamed.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(text(received)).isEqualTo("Let me check.");
    }

    @Test
    void aWholeReplyToAPrefilledStreamGoesThroughThePrefillGateAsSendsDoes() throws Exception {
        String prefilled = Payloads.PREFILL_REQUEST.replace("\"max_tokens\":100,", "\"max_tokens\":100,\"stream\":true,");
        StandIn openai = server(json(200, Payloads.openAiCompletion("{\"category\":\"billing\"}")));

        FailoverResult r = chain(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY)).stream(prefilled, received::add);

        assertThat(r.complete()).isTrue();
        // Claude's API returns only what follows the prefill "{"
        assertThat(text(received)).isEqualTo("\"category\":\"billing\"}");
    }

    @Test
    void anErrorBodyWithStatus200IsStillAnErrorRetriedAndFailedOverNotAReply() throws Exception {
        StandIn openai = server(json(200, Payloads.OPENAI_SERVER_ERROR), json(200, Payloads.OPENAI_SERVER_ERROR));
        StandIn backup = server(sse(openAiStream("Fine")));

        FailoverResult r = chain(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY),
                Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("backup")).stream(STREAM_REQUEST, received::add);

        assertThat(r.endpoint()).isEqualTo("backup");
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(
                Attempt.Kind.ERROR_EVENT, Attempt.Kind.ERROR_EVENT, Attempt.Kind.OK);
        assertThat(r.history().get(0).detail()).startsWith("api_error").contains("The server had an error");
        assertThat(r.history().get(2).detail()).isEmpty();
        assertThat(text(received)).isEqualTo("Fine");
        assertThat(types(received)).filteredOn("message_start"::equals).hasSize(1);
        assertThat(types(received)).doesNotContain("error");
    }

    @Test
    void aJsonBodyThatIsNeitherAnErrorNorAReplyIsABadReplySayingWhatWasWrongAndFailsOver() throws Exception {
        StandIn claude = server(json(200, "{\"type\":\"completion\",\"completion\":\" Hello\",\"stop_reason\":\"stop_sequence\"}"));
        StandIn openai = server(json(200, "{\"object\":\"list\",\"data\":[]}"));
        StandIn backup = server(sse(openAiStream("Fine")));

        FailoverResult r = chain(Endpoint.anthropic(claude.uri(), ANTHROPIC_KEY),
                Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY).named("openai"),
                Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("backup")).stream(STREAM_REQUEST, received::add);

        assertThat(r.endpoint()).isEqualTo("backup");
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(
                Attempt.Kind.BAD_REPLY, Attempt.Kind.BAD_REPLY, Attempt.Kind.OK);
        assertThat(r.history().get(0).detail()).contains("not a reply that could be read")
                .contains("not an Anthropic Message").contains("\"completion\"");
        assertThat(r.history().get(1).detail()).contains("not a reply that could be read").contains("choices");
        assertThat(claude.count()).isEqualTo(1);
        assertThat(openai.count()).isEqualTo(1);
        assertThat(text(received)).isEqualTo("Fine");
        assertThat(types(received)).filteredOn("message_start"::equals).hasSize(1);
    }
}
