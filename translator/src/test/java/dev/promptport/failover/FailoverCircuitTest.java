package dev.promptport.failover;

import dev.promptport.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.promptport.failover.Payloads.ANTHROPIC_KEY;
import static dev.promptport.failover.Payloads.ANTHROPIC_MESSAGE;
import static dev.promptport.failover.Payloads.ANTHROPIC_OVERLOADED;
import static dev.promptport.failover.Payloads.OPENAI_COMPLETION;
import static dev.promptport.failover.Payloads.OPENAI_KEY;
import static dev.promptport.failover.Payloads.REQUEST;
import static dev.promptport.failover.StandIn.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The circuit breaker over real HTTP, with a clock that moves only when the test says so. */
class FailoverCircuitTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    private final List<StandIn> servers = new ArrayList<>();
    private final FakeClock clock = new FakeClock();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    @AfterEach
    void stopServers() {
        servers.forEach(StandIn::close);
    }

    private StandIn server(StandIn.Reply... replies) throws IOException {
        StandIn s = StandIn.start(replies);
        servers.add(s);
        return s;
    }

    private Failover chain(Endpoint anthropic, StandIn openai) {
        return Failover.builder()
                .clock(clock)
                .sleeper(sleeper)
                .maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofSeconds(2))
                .deadline(Duration.ofSeconds(10))
                .circuitBreaker(2, Duration.ofSeconds(30))
                .endpoint(anthropic)
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build();
    }

    @Test
    void opensAfterTwoFailuresSkipsTheEndpointThenHalfOpensAndAProbeSuccessClosesIt() throws Exception {
        StandIn anthropic = server(json(503, ANTHROPIC_OVERLOADED), json(503, ANTHROPIC_OVERLOADED),
                json(200, ANTHROPIC_MESSAGE), json(200, ANTHROPIC_MESSAGE));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = chain(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY), openai);

        assertThat(f.send(REQUEST).endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.CLOSED);
        assertThat(f.send(REQUEST).endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);

        FailoverResult skipped = f.send(REQUEST);
        assertThat(skipped.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(skipped.history().get(0).kind()).isEqualTo(Attempt.Kind.CIRCUIT_OPEN);
        assertThat(skipped.attempts()).isEqualTo(1);
        assertThat(anthropic.count()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(29));
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.HALF_OPEN);

        FailoverResult probe = f.send(REQUEST);
        assertThat(probe.endpoint()).isEqualTo("anthropic");
        assertThat(anthropic.count()).isEqualTo(3);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.CLOSED);
        assertThat(f.send(REQUEST).endpoint()).isEqualTo("anthropic");
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherCoolDown() throws Exception {
        StandIn anthropic = server().always(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = chain(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY), openai);

        f.send(REQUEST);
        f.send(REQUEST);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(30));

        f.send(REQUEST);
        assertThat(anthropic.count()).isEqualTo(3);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);
        f.send(REQUEST);
        assertThat(anthropic.count()).isEqualTo(3);
    }

    @Test
    void retriesStopOnceTheCircuitOpensMidCall() throws Exception {
        StandIn anthropic = server().always(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = Failover.builder().clock(clock).sleeper(sleeper).maxAttemptsPerEndpoint(5)
                .circuitBreaker(2, Duration.ofSeconds(30))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build();

        FailoverResult r = f.send(REQUEST);

        assertThat(anthropic.count()).isEqualTo(2);
        assertThat(sleeper.waits).hasSize(1);
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void aHalfOpenEndpointWithAHealthCheckIsProbedWithTheCheapRequestFirst() throws Exception {
        StandIn anthropic = server(json(503, ANTHROPIC_OVERLOADED), json(503, ANTHROPIC_OVERLOADED),
                json(503, "{}"), json(200, "{\"status\":\"ok\"}"), json(200, ANTHROPIC_MESSAGE));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Endpoint ep = Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY)
                .withHealthCheck(URI.create(anthropic.uri() + "/v1/models"));
        Failover f = chain(ep, openai);
        f.send(REQUEST);
        f.send(REQUEST);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(30));

        // the probe fails: the real request is not sent, the circuit opens again
        FailoverResult unhealthy = f.send(REQUEST);
        assertThat(unhealthy.history().get(0).kind()).isEqualTo(Attempt.Kind.HEALTH_CHECK_FAILED);
        assertThat(unhealthy.history().get(0).detail()).contains("503");
        assertThat(anthropic.count()).isEqualTo(3);
        assertThat(anthropic.last().method()).isEqualTo("GET");
        assertThat(anthropic.last().path()).isEqualTo("/v1/models");
        assertThat(anthropic.last().header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);

        clock.advance(Duration.ofSeconds(30));
        FailoverResult healthy = f.send(REQUEST);
        assertThat(healthy.endpoint()).isEqualTo("anthropic");
        assertThat(anthropic.seen()).extracting(StandIn.Seen::method)
                .containsExactly("POST", "POST", "GET", "GET", "POST");
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aHealthCheckOnAnotherHostGetsNoKey() throws Exception {
        StandIn anthropic = server().always(json(503, ANTHROPIC_OVERLOADED));
        StandIn status = server(json(503, "{}"));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Endpoint ep = Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY)
                .withHealthCheck(URI.create(status.uri() + "/health"));
        Failover f = chain(ep, openai);
        f.send(REQUEST);
        f.send(REQUEST);
        clock.advance(Duration.ofSeconds(30));

        f.send(REQUEST);

        assertThat(status.count()).isEqualTo(1);
        assertThat(status.last().header("x-api-key")).isNull();
    }

    @Test
    void aRequestTheEndpointRefusesOnItsMeritsDoesNotOpenTheCircuit() throws Exception {
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too big\"}}";
        StandIn anthropic = server().always(json(400, invalid));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = chain(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY), openai);

        for (int i = 0; i < 4; i++) {
            f.send(REQUEST);
        }

        assertThat(anthropic.count()).isEqualTo(4);
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aRateLimitsRetryAfterKeepsTheEndpointSkippedUntilThenThoughTheThresholdIsNotReached() throws Exception {
        StandIn anthropic = server(json(429, Payloads.ANTHROPIC_RATE_LIMITED, "retry-after", "45"),
                json(200, ANTHROPIC_MESSAGE));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = chain(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY), openai);

        assertThat(f.send(REQUEST).endpoint()).isEqualTo("openai:gpt-4o");
        // one failure of the two the circuit opens at, but the server said when to ask again
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);

        clock.advance(Duration.ofSeconds(44));
        FailoverResult skipped = f.send(REQUEST);
        assertThat(skipped.history().get(0).kind()).isEqualTo(Attempt.Kind.CIRCUIT_OPEN);
        assertThat(anthropic.count()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(f.send(REQUEST).endpoint()).isEqualTo("anthropic");
        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aGeminiRetryDelayHoldsTheCircuitOpenNoLongerThanTheMaximumRetryAfter() throws Exception {
        String exhausted = "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"3600s\"}]}}";
        StandIn gemini = server(json(429, exhausted));
        StandIn openai = server().always(json(200, OPENAI_COMPLETION));
        Failover f = Failover.builder().clock(clock).sleeper(sleeper)
                .maxRetryAfter(Duration.ofSeconds(90))
                .circuitBreaker(5, Duration.ofSeconds(30))
                .endpoint(Endpoint.of(Target.of("gemini:gemini-2.5-flash"), gemini.uri(), Payloads.GEMINI_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build();

        assertThat(f.send(REQUEST).endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(gemini.count()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();

        clock.advance(Duration.ofSeconds(89));
        assertThat(f.circuitState("gemini:gemini-2.5-flash")).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(f.circuitState("gemini:gemini-2.5-flash")).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aRateLimitOrAnEmptyQuotaCountsAgainstTheEndpointEvenWhenItIsNotRetried() throws Exception {
        String quota = "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                + "\"param\":null,\"code\":\"insufficient_quota\"}}";
        StandIn anthropic = server(json(429, Payloads.ANTHROPIC_RATE_LIMITED, "x-should-retry", "false"),
                json(429, Payloads.ANTHROPIC_RATE_LIMITED, "x-should-retry", "false"));
        StandIn openai = server().always(json(429, quota));
        StandIn backup = server().always(json(200, OPENAI_COMPLETION));
        Failover f = Failover.builder().clock(clock).sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .circuitBreaker(2, Duration.ofSeconds(30))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .endpoint(Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("backup"))
                .build();

        f.send(REQUEST);
        f.send(REQUEST);

        assertThat(f.circuitState("anthropic")).isEqualTo(CircuitState.OPEN);
        assertThat(f.circuitState("openai:gpt-4o")).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void anErrorSentInPlaceOfAStreamCountsAgainstTheEndpointAsItsStatusWould() throws Exception {
        // a bad key reported in a 200 JSON body instead of the stream: the endpoint is at fault
        String badKey = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}";
        String invalid = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: too big\"}}";
        StandIn openai = server().always(StandIn.sse(Payloads.openAiStream("Hi")));
        for (String error : List.of(badKey, invalid)) {
            StandIn anthropic = server().always(json(200, error));
            Failover f = chain(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY), openai);

            f.stream(Payloads.STREAM_REQUEST, event -> { });
            f.stream(Payloads.STREAM_REQUEST, event -> { });

            // an invalid request is refused on its merits and shows the endpoint working
            assertThat(f.circuitState("anthropic")).as(error)
                    .isEqualTo(error == badKey ? CircuitState.OPEN : CircuitState.CLOSED);
        }
    }
}
