package dev.promptport.failover;

import dev.promptport.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.promptport.failover.Payloads.ANTHROPIC_KEY;
import static dev.promptport.failover.Payloads.ANTHROPIC_OVERLOADED;
import static dev.promptport.failover.Payloads.GEMINI_KEY;
import static dev.promptport.failover.Payloads.OPENAI_COMPLETION;
import static dev.promptport.failover.Payloads.OPENAI_KEY;
import static dev.promptport.failover.Payloads.REQUEST;
import static dev.promptport.failover.StandIn.hang;
import static dev.promptport.failover.StandIn.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** API keys go in their header and nowhere else: not in logs, exceptions, results or toString(). */
class FailoverSecretsTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final List<String> KEYS = List.of(ANTHROPIC_KEY, OPENAI_KEY, GEMINI_KEY);

    private final List<StandIn> servers = new ArrayList<>();

    private static FailoverException failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        FailoverException e = org.assertj.core.api.Assertions.catchThrowableOfType(FailoverException.class, call);
        assertThat(e).as("a FailoverException").isNotNull();
        return e;
    }
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Logger jul = Logger.getLogger("dev.promptport.failover");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String msg = r.getMessage();
            if (r.getParameters() != null) {
                msg = java.text.MessageFormat.format(msg, r.getParameters());
            }
            logLines.add(msg + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void captureLogs() {
        previous = jul.getLevel();
        jul.setLevel(Level.ALL);
        jul.addHandler(capture);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(capture);
        jul.setLevel(previous);
        servers.forEach(StandIn::close);
    }

    private StandIn server(StandIn.Reply... replies) throws IOException {
        StandIn s = StandIn.start(replies);
        servers.add(s);
        return s;
    }

    private static void assertNoKey(String text) {
        for (String key : KEYS) {
            assertThat(text).doesNotContain(key);
        }
        // nor a recognisable piece of one
        assertThat(text).doesNotContain("TESTKEY");
    }

    @Test
    void keysEchoedByServersNeverReachExceptionsResultsOrLogs() throws Exception {
        // OpenAI-style 401 that echoes the key, an Anthropic 529, and a server that hangs
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
        StandIn anthropic = server(json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded for key " + ANTHROPIC_KEY + "\"}}"));
        StandIn openai = server(json(401, echo));
        StandIn slow = server(hang());
        Failover f = Failover.builder().sleeper(new RecordingSleeper()).maxAttemptsPerEndpoint(1)
                .attemptTimeout(Duration.ofMillis(300)).deadline(Duration.ofSeconds(5))
                .endpoint(Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY))
                .endpoint(Endpoint.of(Target.of("openai:o3"), slow.uri(), GEMINI_KEY))
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY))
                .build();

        FailoverException e = failure(() -> f.send(REQUEST));

        assertThat(e.attempts()).hasSize(3);
        assertNoKey(e.getMessage());
        assertNoKey(e.toString());
        assertNoKey(e.error());
        assertNoKey(e.attempts().toString());
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertNoKey(trace.toString());
        // the error is Claude's, its echo of the key masked; OpenAI's 401 is in the attempts, masked too
        assertThat(e.error()).contains("overloaded_error", "Overloaded for key " + Redactor.MASK);
        assertThat(e.attempts().get(2).detail()).contains("authentication_error", "Incorrect API key provided: " + Redactor.MASK);
        assertNoKey(f.toString());
        assertNoKey(f.endpoints().toString());
        assertThat(logLines).isNotEmpty();
        logLines.forEach(FailoverSecretsTest::assertNoKey);
        // each key went to its own server, in its own header
        assertThat(anthropic.last().header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        assertThat(openai.last().header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(openai.last().header("x-api-key")).isNull();
        assertThat(openai.last().query()).isNull();
        assertThat(openai.last().body()).doesNotContain(ANTHROPIC_KEY).doesNotContain(OPENAI_KEY);
    }

    @Test
    void resultsAndEndpointsDoNotCarryTheKey() throws Exception {
        StandIn anthropic = server(json(529, ANTHROPIC_OVERLOADED));
        StandIn openai = server(json(200, OPENAI_COMPLETION));
        Endpoint a = Endpoint.anthropic(anthropic.uri(), ANTHROPIC_KEY).withHeader("anthropic-beta", "tools-2024-05-16");
        Endpoint o = Endpoint.of(GPT_4O, openai.uri(), OPENAI_KEY);
        FailoverResult r = Failover.builder().sleeper(new RecordingSleeper()).maxAttemptsPerEndpoint(1)
                .endpoint(a).endpoint(o).build().send(REQUEST);

        assertNoKey(r.toString());
        assertNoKey(a.toString());
        assertNoKey(o.toString());
        assertThat(a.toString()).contains("anthropic", "127.0.0.1", "key set");
        assertThat(anthropic.last().header("anthropic-beta")).isEqualTo("tools-2024-05-16");
        logLines.forEach(FailoverSecretsTest::assertNoKey);
    }

    @Test
    void badEndpointSettingsAreRejectedWithoutQuotingTheSecret() {
        Throwable inUrl = catchThrowable(() ->
                Endpoint.anthropic(URI.create("https://bob:" + ANTHROPIC_KEY + "@api.anthropic.com"), null));
        assertThat(inUrl).isInstanceOf(IllegalArgumentException.class);
        assertNoKey(inUrl.getMessage());

        Throwable inQuery = catchThrowable(() ->
                Endpoint.of(Target.of("gemini:gemini-2.5-pro"), URI.create("https://g.example/?key=" + GEMINI_KEY), null));
        assertThat(inQuery).isInstanceOf(IllegalArgumentException.class);
        assertNoKey(inQuery.getMessage());

        Throwable badChar = catchThrowable(() ->
                Endpoint.anthropic(URI.create("https://api.anthropic.com"), ANTHROPIC_KEY + "\n"));
        assertThat(badChar).isInstanceOf(IllegalArgumentException.class);
        assertNoKey(badChar.getMessage());

        Throwable asHeader = catchThrowable(() ->
                Endpoint.anthropic(URI.create("https://api.anthropic.com"), null).withHeader("X-Api-Key", ANTHROPIC_KEY));
        assertThat(asHeader).isInstanceOf(IllegalArgumentException.class);
        assertNoKey(asHeader.getMessage());
    }

    /**
     * A credential read from a file with its line break, or a header the HTTP client sets
     * itself, is refused when the endpoint is built, not at the first request of an outage, and
     * the message names the header, never the value.
     */
    @Test
    void aHeaderTheClientWouldRefuseIsRefusedWhenTheEndpointIsBuiltWithoutQuotingItsValue() {
        Endpoint e = Endpoint.anthropic(URI.create("https://api.anthropic.com"), null);
        Throwable newline = catchThrowable(() -> e.withHeader("api-key", ANTHROPIC_KEY + "\n"));
        assertThat(newline).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api-key");
        assertNoKey(newline.getMessage());
        assertThat(catchThrowable(() -> e.withHeader("Host", "example.com"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set by the HTTP client");
        assertThat(catchThrowable(() -> e.withHeader("bad name", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.withHeader("OpenAI-Beta", "assistants=v2\tx")).isNotNull();
    }

    /** A 95-character key, long enough for an echo of it to straddle the 200-character clip of an error page. */
    private static final String LONG_KEY = "sk-ant-api03-" + "Q".repeat(80) + "Z9";

    /** A proxy's 502 page echoing the request headers, the key across character 200. */
    private static final String ECHO_PAGE = "Bad gateway. upstream rejected headers: host=api.anthropic.com"
            + " user-agent=Java-http-client/17.0.15 content-type=application/json x-api-key=" + LONG_KEY
            + " anthropic-version=2023-06-01 (see logs) " + "-".repeat(300);

    /** Fails when any ten characters of {@code secret} in a row appear in {@code text}. */
    private static void assertNoPieceOf(String text, String secret) {
        for (int i = 0; i + 10 <= secret.length(); i++) {
            assertThat(text).doesNotContain(secret.substring(i, i + 10));
        }
    }

    @Test
    void aKeyEchoedAcrossTheClipOfAnAnthropicErrorPageIsMaskedWhole() throws Exception {
        assertThat(ECHO_PAGE.indexOf(LONG_KEY)).isBetween(200 - LONG_KEY.length() + 1, 199);
        StandIn anthropic = server(json(502, ECHO_PAGE));

        FailoverException e = failure(() -> Failover.builder().maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.anthropic(anthropic.uri(), LONG_KEY)).build().send(REQUEST));

        assertNoPieceOf(e.error(), LONG_KEY);
        assertNoPieceOf(e.getMessage(), LONG_KEY);
        assertNoPieceOf(e.attempts().toString(), LONG_KEY);
        assertThat(e.error()).contains("x-api-key=" + Redactor.MASK);
    }

    @Test
    void aKeyEchoedAcrossTheClipOfAnotherVendorsErrorPageIsMaskedWhole() throws Exception {
        StandIn openai = server(json(502, ECHO_PAGE));

        FailoverException e = failure(() -> Failover.builder().maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), LONG_KEY)).build().send(REQUEST));

        assertNoPieceOf(e.error(), LONG_KEY);
        assertThat(e.error()).contains("x-api-key=" + Redactor.MASK);
    }

    @Test
    void aKeyEchoedAcrossTheClipOfAStreamLineThatIsNotJsonIsMaskedWhole() throws Exception {
        StandIn openai = server(StandIn.sse("data: " + ECHO_PAGE + "\n\n"));

        FailoverException e = failure(() -> Failover.builder().maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.of(GPT_4O, openai.uri(), LONG_KEY)).build()
                .stream(Payloads.STREAM_REQUEST, event -> { }));

        assertThat(e.error()).contains("not JSON", "x-api-key=" + Redactor.MASK);
        assertNoPieceOf(e.error(), LONG_KEY);
        assertNoPieceOf(e.attempts().toString(), LONG_KEY);
    }

    @Test
    void aKeyEchoedAcrossTheClipOfABlockThatIsNotAnAnthropicEventIsMaskedWhole() throws Exception {
        StandIn anthropic = server(StandIn.sse("data: rejected " + "h".repeat(80) + " x-api-key=" + LONG_KEY + "\n\n"));

        FailoverException e = failure(() -> Failover.builder().maxAttemptsPerEndpoint(1)
                .endpoint(Endpoint.anthropic(anthropic.uri(), LONG_KEY)).build()
                .stream(Payloads.STREAM_REQUEST, event -> { }));

        assertThat(e.attempts()).extracting(Attempt::kind).containsExactly(Attempt.Kind.BAD_REPLY);
        assertThat(e.error()).contains("x-api-key=" + Redactor.MASK);
        assertNoPieceOf(e.error(), LONG_KEY);
        assertNoPieceOf(e.attempts().toString(), LONG_KEY);
    }

    @Test
    void credentialsSentAsCustomHeadersAreMaskedWhenEchoed() throws Exception {
        String azureKey = "3f9c2b7d1e8a4c6f9b0d2e7a5c1f8b3d";
        String gatewayToken = "hlc-7Qm2Xv9Lr4Tb8Nw1";
        StandIn azure = server(json(401, "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid"
                + " subscription key " + azureKey + " (gateway token " + gatewayToken + ", beta assistants=v2).\"}}"));
        Endpoint ep = Endpoint.of(Target.of("azure:gpt-4o"), URI.create(azure.uri() + "/openai"), null)
                .withHeader("api-key", azureKey)
                .withHeader("Helicone-Auth", "Bearer " + gatewayToken)
                .withHeader("OpenAI-Beta", "assistants=v2");

        FailoverException e = failure(() -> Failover.builder().maxAttemptsPerEndpoint(1)
                .endpoint(ep).build().send(REQUEST));

        assertThat(e.error()).doesNotContain(azureKey).doesNotContain(gatewayToken)
                .contains("subscription key " + Redactor.MASK, "gateway token " + Redactor.MASK)
                // a header that is not a credential is left alone
                .contains("assistants=v2");
        assertThat(azure.last().header("api-key")).isEqualTo(azureKey);
        assertThat(azure.last().header("Helicone-Auth")).isEqualTo("Bearer " + gatewayToken);
        logLines.forEach(line -> assertThat(line).doesNotContain(azureKey).doesNotContain(gatewayToken));
    }

    @Test
    void headersNamedLikeCredentialsCountAsCredentials() {
        assertThat(List.of("api-key", "X-Api-Key", "Authorization", "Proxy-Authorization", "x-goog-api-key",
                "Ocp-Apim-Subscription-Key", "Helicone-Auth", "X-Auth-Token", "x-client-secret", "Cookie"))
                .allMatch(Endpoint::credentialHeader);
        assertThat(List.of("anthropic-beta", "OpenAI-Organization", "OpenAI-Beta", "x-request-id", "User-Agent"))
                .noneMatch(Endpoint::credentialHeader);
    }

    @Test
    void redactorMasksEveryKeyLongestFirst() {
        Redactor r = new Redactor(List.of("abcdefgh", "abcdefghijkl", "short"));
        assertThat(r.apply("k=abcdefghijkl and abcdefgh; short"))
                .isEqualTo("k=[redacted] and [redacted]; short");
        assertThat(r.apply(null)).isNull();
    }
}
