package dev.promptport.failover;

import dev.promptport.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.promptport.failover.Payloads.ANTHROPIC_KEY;
import static dev.promptport.failover.Payloads.ANTHROPIC_OVERLOADED;
import static dev.promptport.failover.Payloads.OPENAI_KEY;
import static dev.promptport.failover.Payloads.STREAM_REQUEST;
import static dev.promptport.failover.Payloads.anthropicDelta;
import static dev.promptport.failover.Payloads.anthropicStart;
import static dev.promptport.failover.Payloads.anthropicStream;
import static dev.promptport.failover.Payloads.data;
import static dev.promptport.failover.Payloads.openAiDelta;
import static dev.promptport.failover.Payloads.openAiRole;
import static dev.promptport.failover.Payloads.openAiStream;
import static dev.promptport.failover.Payloads.text;
import static dev.promptport.failover.Payloads.types;
import static dev.promptport.failover.StandIn.json;
import static dev.promptport.failover.StandIn.keepAlivesOnly;
import static dev.promptport.failover.StandIn.sse;
import static dev.promptport.failover.StandIn.sseThenHang;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that stalls: silence, and keep-alives of every wire, which prove the connection open
 * but not the reply moving, fail over while nothing reached the caller and cut the stream after.
 */
class FailoverStreamTimeoutTest extends FailoverFixture {

    @Test
    void aStreamThatGoesSilentAfterTheFirstEventsEndsAfterTheIdleTimeout() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED), json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(sseThenHang(openAiRole(), openAiDelta("Hi")));
        long start = System.nanoTime();

        FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(2)
                .attemptTimeout(Duration.ofMillis(300)).deadline(Duration.ofSeconds(5))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build().stream(STREAM_REQUEST, received::add);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(text(received)).isEqualTo("Hi");
        assertThat(types(received).get(received.size() - 1)).isEqualTo("error");
        assertThat(r.complete()).isFalse();
        assertThat(r.history().get(r.history().size() - 1).kind()).isEqualTo(Attempt.Kind.STREAM_CUT);
        assertThat(openai.count()).isEqualTo(1);
    }

    @Test
    void keepAliveCommentsFromAGatewayReachNoOneAndDoNotHoldOffFailover() throws Exception {
        StandIn anthropic = server(keepAlivesOnly(100));
        StandIn openai = server(sse(openAiStream("Hello")));
        long start = System.nanoTime();

        FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofMillis(600)).deadline(Duration.ofSeconds(4))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build().stream(STREAM_REQUEST, received::add);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(r.endpoint()).isEqualTo("openai:gpt-4o");
        assertThat(r.complete()).isTrue();
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.TIMEOUT, Attempt.Kind.OK);
        assertThat(r.history().get(0).detail()).isEqualTo("no data for 600 ms");
        assertThat(received).allSatisfy(e -> assertThat(e).startsWith("event: "));
        assertThat(text(received)).isEqualTo("Hello");
    }

    @Test
    void keepAlivesOfEveryWireFromAStalledEndpointDoNotHoldOffFailover() throws Exception {
        String ping = "event: ping\ndata: {\"type\": \"ping\"}\n\n";
        String emptyChunk = "data: {\"id\":\"chatcmpl-C1tQd3nRHQ7qf2\",\"object\":\"chat.completion.chunk\",\"created\":1754512345,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[],\"usage\":null}\n\n";
        String noCandidates = "data: {\"usageMetadata\": {\"promptTokenCount\": 9,\"totalTokenCount\": 9},"
                + "\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"mCGoaP3nD5qP1dkP4q-Y8QQ\"}\r\n\r\n";
        Target flash = Target.of("gemini:gemini-2.5-flash");
        record Stalled(Target target, String keepAlive) {
        }
        // a null target is Claude's own wire
        for (Stalled stalled : List.of(new Stalled(null, ping), new Stalled(null, "data:\n\n"),
                new Stalled(GPT_4O, "data:\n\n"), new Stalled(GPT_4O, emptyChunk),
                new Stalled(flash, noCandidates), new Stalled(flash, "data: {\"candidates\": []}\r\n\r\n"))) {
            received.clear();
            StandIn quiet = server(keepAlivesOnly(100, stalled.keepAlive()));
            StandIn backup = server(sse(openAiStream("Hello")));
            Endpoint first = stalled.target() == null ? Endpoint.anthropic(quiet.uri(), ANTHROPIC_KEY)
                    : Endpoint.of(stalled.target(), quiet.uri(), stalled.target() == GPT_4O ? OPENAI_KEY : Payloads.GEMINI_KEY)
                    .named("stalled");

            FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                    .attemptTimeout(Duration.ofMillis(600)).deadline(Duration.ofSeconds(4))
                    .endpoint(first)
                    .endpoint(Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("backup"))
                    .build().stream(STREAM_REQUEST, received::add);

            assertThat(r.endpoint()).as(stalled.toString()).isEqualTo("backup");
            assertThat(r.history()).extracting(Attempt::kind).as(stalled.toString())
                    .containsExactly(Attempt.Kind.TIMEOUT, Attempt.Kind.OK);
            assertThat(r.history().get(0).detail()).isEqualTo("no data for 600 ms");
            // nothing of the stalled endpoint reached the caller: one message, the backup's
            assertThat(types(received)).as(stalled.toString()).startsWith("message_start").containsOnlyOnce("message_start");
            assertThat(text(received)).isEqualTo("Hello");
        }
    }

    @Test
    void claudesPingsAfterTheReplyStartedDoNotHoldOffTheIdleTimeout() throws Exception {
        // the reply has started: its first words reached the caller, then only pings come
        List<String> started = new ArrayList<>(anthropicStart());
        started.add(anthropicDelta("Par"));
        StandIn anthropic = server(keepAlivesOnly(100, "event: ping\ndata: {\"type\": \"ping\"}\n\n",
                started.toArray(String[]::new)));
        long start = System.nanoTime();

        FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofMillis(500)).deadline(Duration.ofSeconds(4))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .build().stream(STREAM_REQUEST, received::add);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(r.complete()).isFalse();
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.STREAM_CUT);
        assertThat(r.history().get(0).detail()).isEqualTo("no data for 500 ms");
        assertThat(types(received)).startsWith("message_start", "content_block_start", "ping", "content_block_delta", "ping")
                .endsWith("error");
    }

    @Test
    void aStreamThatKeepsMovingOutlastsTheAttemptTimeoutAndTheDeadline() throws Exception {
        // attemptTimeout bounds each silence, not the whole stream; the deadline bounds the wait for the first event
        // a piece every 120 ms against a 900 ms silence limit: a margin that holds on a loaded
        // 2-core machine, where a 400 ms limit was once missed
        String[] pieces = new String[14];
        java.util.Arrays.fill(pieces, "la ");
        StandIn openai = server(StandIn.sseSlowly(120, openAiStream(pieces)));
        StandIn anthropic = server(StandIn.sseSlowly(120, anthropicStream(pieces)));
        for (Endpoint steady : List.of(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY),
                Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))) {
            received.clear();
            long start = System.nanoTime();

            FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                    .attemptTimeout(Duration.ofMillis(900)).deadline(Duration.ofMillis(1000))
                    .endpoint(steady).build().stream(STREAM_REQUEST, received::add);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1000));
            assertThat(r.complete()).as(steady.name()).isTrue();
            assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.OK);
            assertThat(text(received)).isEqualTo("la ".repeat(14));
        }
    }

    @Test
    void keepAliveCommentsDoNotCarryAStreamPastTheDeadline() throws Exception {
        StandIn anthropic = server(keepAlivesOnly(100));
        long start = System.nanoTime();

        FailoverException e = failure(() -> Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofSeconds(10)).deadline(Duration.ofMillis(800))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .build().stream(STREAM_REQUEST, received::add));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
        assertThat(received).isEmpty();
        assertThat(e.attempts()).extracting(Attempt::detail).containsExactly("no data before the call's deadline");
    }

    @Test
    void keepAliveCommentsBeforeATranslatedStreamDoNotHoldOffFailoverEither() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(keepAlivesOnly(100));
        StandIn backup = server(sse(openAiStream("Hi")));

        FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofMillis(600)).deadline(Duration.ofSeconds(4))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY).named("stalled"))
                .endpoint(Endpoint.of(GPT_4O, backup.uri(), OPENAI_KEY).named("backup"))
                .build().stream(STREAM_REQUEST, received::add);

        assertThat(r.endpoint()).isEqualTo("backup");
        assertThat(r.history()).extracting(Attempt::kind)
                .containsExactly(Attempt.Kind.HTTP_ERROR, Attempt.Kind.TIMEOUT, Attempt.Kind.OK);
        assertThat(text(received)).isEqualTo("Hi");
    }

    @Test
    void aStallRightAfterMessageStartFailsOverAfterTheIdleTimeout() throws Exception {
        StandIn anthropic = server(sseThenHang(anthropicStart().toArray(String[]::new)));
        StandIn openai = server(sse(openAiStream("Hi")));

        FailoverResult r = Failover.builder().sleeper(sleeper).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofMillis(300)).deadline(Duration.ofSeconds(5))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build().stream(STREAM_REQUEST, received::add);

        assertThat(r.complete()).isTrue();
        assertThat(r.history()).extracting(Attempt::kind).containsExactly(Attempt.Kind.TIMEOUT, Attempt.Kind.OK);
        assertThat(text(received)).isEqualTo("Hi");
        assertThat(types(received)).filteredOn("message_start"::equals).hasSize(1);
    }
}
