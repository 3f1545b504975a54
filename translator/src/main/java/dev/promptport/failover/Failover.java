package dev.promptport.failover;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.PromptPortException;
import dev.promptport.reply.ReplyContext;
import dev.promptport.tree.TextMemo;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Sends an Anthropic Messages request down an ordered chain of endpoints until one answers,
 * and returns the reply in Anthropic's shape whichever endpoint gave it.
 *
 * <pre>{@code
 * Failover failover = Failover.builder()
 *         .endpoint(Endpoint.anthropic(URI.create("https://api.anthropic.com"), anthropicKey))
 *         .endpoint(Endpoint.of(Target.of("openai:gpt-4o"), URI.create("https://api.openai.com"), openAiKey))
 *         .deadline(Duration.ofSeconds(90))
 *         .build();
 * FailoverResult r = failover.send(requestJson);  // Anthropic Message JSON in r.json()
 * }</pre>
 *
 * <h2>What happens on one call</h2>
 * <ul>
 * <li>The endpoints are tried in order. Anthropic gets the request unchanged; a target gets
 *     {@link dev.promptport.PromptPort#translate} of it, and its reply is translated back with
 *     {@link dev.promptport.reply.Replies} (the model the caller asked for reported, renamed
 *     tools restored, an assistant prefill handled as Claude does: see
 *     {@link Builder#prefillMode}; a Claude endpoint's reply is passed on as it came, unless
 *     the prefill became an instruction for it, see {@link dev.promptport.reply.ClaudePrefill}). A request that cannot be translated for a target skips
 *     that target ({@link Attempt.Kind#TRANSLATION_FAILED}).</li>
 * <li>HTTP 408, 409, 429 and every 5xx (529 and a CDN's 520-524 included), connection errors
 *     and timeouts are retried on the same endpoint, as Anthropic's and OpenAI's SDKs retry
 *     them, unless the server says {@code x-should-retry: false} ({@code x-should-retry: true}
 *     makes any error status retried); an OpenAI 429 {@code insufficient_quota} is not retried.
 *     Retries go up to {@link Builder#maxAttemptsPerEndpoint} times, waiting with
 *     exponential backoff and full jitter, or as long as {@code retry-after-ms} /
 *     {@code retry-after} (seconds or an HTTP date) or, from Gemini, which sends no such
 *     header, the error body's {@code RetryInfo.retryDelay} say. A wait that would end after the
 *     deadline, or a {@code retry-after} above {@link Builder#maxRetryAfter}, is not waited:
 *     the next endpoint is tried instead.</li>
 * <li>Any other error status (400, 401, 403, 404, 413, …) and a success status whose body
 *     cannot be read (malformed JSON, a {@code text/html} page from a load balancer, a stream
 *     that is not Anthropic's events) are that endpoint's problem: no retry, next endpoint.</li>
 * <li>Each endpoint has a circuit breaker: after {@link Builder#circuitBreaker N} consecutive
 *     failures it opens and the endpoint is skipped; after the cool-down one request (or the
 *     endpoint's {@linkplain Endpoint#withHealthCheck health probe}) goes through as a probe,
 *     and its success closes the circuit. A 4xx caused by the request (400, 413, 422) counts as
 *     the endpoint working; 401, 402, 403, 404, 408, 409 and 429 count as failures, retried or not.
 *     When the call moves on from an endpoint that said when it may be asked again (a 429's or
 *     503's {@code retry-after}, Gemini's {@code RetryInfo.retryDelay}) without waiting that
 *     long, its circuit opens at once, however few failures it has had, and stays open at
 *     least that long (at most {@link Builder#maxRetryAfter}), so the next calls skip it
 *     instead of spending a request on another refusal, as LiteLLM's router cools such a
 *     deployment down.</li>
 * <li>{@link Builder#deadline} bounds the whole call, retries and waits included;
 *     {@link Builder#attemptTimeout} bounds each attempt.</li>
 * <li>When no endpoint answered, {@link FailoverException} carries the error of the first
 *     endpoint that failed with one (Claude's, as a rule) as an Anthropic error body, so a
 *     fallback's own failure (its bad key, a request it refused) never replaces Claude's
 *     "overloaded" or "invalid request"; every attempt, with each endpoint's error type and
 *     message, is in {@link FailoverException#attempts()}.</li>
 * </ul>
 *
 * <h2>Streams</h2>
 * {@link #stream} feeds Anthropic SSE event strings to a sink as they arrive. Before the
 * first event reaches the sink, failures fail over as above. The opening events that hold no
 * content ({@code message_start}, {@code ping}, a block's start) are held back until the first
 * one that does, so an {@code overloaded_error} event, a cut or a stall right after
 * {@code message_start}, which is where Claude's API reports overload on a stream it already
 * answered with 200, still fails over with nothing sent. Once an event has reached the sink,
 * nothing is retried or restarted on another endpoint: a stream that breaks ends with an
 * Anthropic {@code error} event and the result says
 * {@link FailoverResult#complete() complete() == false}; no event is ever sent twice. An
 * {@code error} event reaches the caller in Anthropic's shape even when a proxy sent another.
 * A 2xx answer to a stream that is one JSON document instead of events is read as what it is:
 * an error body ({@code {"error":{…}}}, as proxies that cannot stream send it, or Anthropic's
 * {@code {"type":"error",…}}) is that endpoint's error, retried or failed over by its type as
 * an {@code error} event before the reply would be, and {@link FailoverException#error()}
 * carries its type and message; a whole reply (a server or proxy that ignored
 * {@code "stream": true}) is translated as {@link #send} would translate it and reaches the sink
 * as the events Claude would have streamed for that message, all at once, and its attempt's
 * {@linkplain Attempt#detail() detail} says the endpoint did not stream; any other JSON is a bad
 * reply: no retry, next endpoint.
 * Keep-alives are not the reply: a proxy's SSE comments ({@code : keep-alive}), empty
 * {@code data:} lines, Claude's {@code ping} events before the reply, OpenAI chunks without
 * choices or usage and Gemini chunks without candidates are not passed on, do not start the
 * reply, and do not count as data for the attempt timeout, so a stalled model behind them still
 * fails over in time. A stream that keeps sending its reply runs as long as it does.
 *
 * <h2>Secrets</h2>
 * API keys are sent only in the endpoint's key header. They appear in no log line, exception,
 * result or {@code toString()}; text a server echoes back is scrubbed of them too, as it is of
 * the values of {@linkplain Endpoint#withHeader credential headers} such as Azure's {@code api-key}.
 *
 * <p>Instances are immutable apart from the circuit breakers, and thread-safe; build one and
 * share it, so its {@code HttpClient} can reuse connections.
 */
public final class Failover {

    private final List<Endpoint> endpoints;
    private final List<Breaker> breakers;
    final HttpClient http;
    final Duration attemptTimeout;
    final Duration deadline;
    final int maxAttempts;
    final Duration maxRetryAfter;
    final Backoff backoff;
    final InstantSource clock;
    final Sleeper sleeper;
    final Options options;
    final ReplyContext.PrefillMode prefillMode;
    final Redactor redactor;

    /**
     * Distinct long texts a failover remembers. An application has a handful of system prompts,
     * but an agent re-sends its whole conversation with every step, hundreds of tool results
     * each; a memo too small for one conversation forgets it every request and remembers nothing.
     * Public so that a benchmark of the failover path measures the memo it really has.
     */
    public static final int MEMO_TEXTS = 4096;

    private Failover(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        List<Breaker> list = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            list.add(new Breaker(b.failureThreshold, b.coolDown));
        }
        this.breakers = List.copyOf(list);
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder()
                        .connectTimeout(min(b.connectTimeout, b.attemptTimeout))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.attemptTimeout = b.attemptTimeout;
        this.deadline = b.deadline;
        this.maxAttempts = b.maxAttempts;
        this.maxRetryAfter = b.maxRetryAfter;
        this.backoff = new Backoff(b.backoffBase, b.backoffCap, b.random);
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        // an outage sends the same system prompts again and again: each is worked out once
        this.options = b.options.memo() != null ? b.options : b.options.withMemo(new TextMemo(MEMO_TEXTS));
        this.prefillMode = b.prefillMode;
        List<String> secrets = new ArrayList<>();
        for (Endpoint e : endpoints) {
            secrets.addAll(e.secrets());
        }
        this.redactor = new Redactor(secrets);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a non-streaming Anthropic Messages request.
     *
     * @return the Anthropic Message JSON of the first endpoint that answered, with which one
     *     it was, how many requests were sent and the findings of the translation it got
     * @throws FailoverException when no endpoint answered
     * @throws PromptPortException when the request is not a JSON object
     * @throws IllegalArgumentException when the request asks for a stream ({@code "stream": true})
     */
    public FailoverResult send(String anthropicRequestJson) {
        return send(Call.Request.parse(anthropicRequestJson, options.limits()));
    }

    /**
     * As {@link #send(String)}, for a request given as UTF-8 bytes, as an HTTP server receives
     * its body: an Anthropic endpoint gets these bytes as they are, and an ASCII request's bytes
     * are translated in place (see {@link PromptPort#translate(byte[], InputFormat, Target,
     * Options)}). The array is only read, and must not change during the call.
     *
     * @throws PromptPortException when the request is not a JSON object or not UTF-8
     */
    public FailoverResult send(byte[] anthropicRequestUtf8) {
        return send(Call.Request.parse(anthropicRequestUtf8, options.limits()));
    }

    private FailoverResult send(Call.Request request) {
        if (request.stream()) {
            throw new IllegalArgumentException("the request has \"stream\": true; use stream(request, sink)");
        }
        return new Call(this, request, null).run();
    }

    /**
     * Sends a streaming Anthropic Messages request ({@code "stream": true}) and passes each
     * Anthropic SSE event ({@code "event: …\ndata: {…}\n\n"}) to {@code sink} on the calling
     * thread as it arrives ({@code message_start} and the other events without content together
     * with the first event that has some). Fails over only while nothing has reached the sink;
     * a stream cut later ends with an {@code error} event and {@code complete() == false}. An exception
     * thrown by the sink cancels the stream and propagates.
     *
     * @return which endpoint streamed the reply, the attempts and the findings; {@code json()} is {@code null}
     * @throws FailoverException when no endpoint started a stream (the sink then received nothing)
     * @throws PromptPortException when the request is not a JSON object
     * @throws IllegalArgumentException when the request does not have {@code "stream": true}
     */
    public FailoverResult stream(String anthropicRequestJson, Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        return stream(Call.Request.parse(anthropicRequestJson, options.limits()), sink);
    }

    /**
     * As {@link #stream(String, Consumer)}, for a request given as UTF-8 bytes (see
     * {@link #send(byte[])}).
     */
    public FailoverResult stream(byte[] anthropicRequestUtf8, Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        return stream(Call.Request.parse(anthropicRequestUtf8, options.limits()), sink);
    }

    private FailoverResult stream(Call.Request request, Consumer<String> sink) {
        if (!request.stream()) {
            throw new IllegalArgumentException("stream() needs a request with \"stream\": true; use send(request)");
        }
        return new Call(this, request, sink).run();
    }

    /** The endpoints in the order they are tried. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The circuit state of the endpoint named {@code endpointName}, as of now. */
    public CircuitState circuitState(String endpointName) {
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).name().equals(endpointName)) {
                return breakers.get(i).state(clock.instant());
            }
        }
        throw new IllegalArgumentException("no endpoint named " + endpointName);
    }

    Breaker breaker(int index) {
        return breakers.get(index);
    }

    /** The endpoint names in order; no keys. */
    @Override
    public String toString() {
        return "Failover" + endpoints.stream().map(Endpoint::name).toList();
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds a {@link Failover}; every setting has a default except the endpoints. */
    public static final class Builder {

        private final List<Endpoint> endpoints = new ArrayList<>();
        private HttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration attemptTimeout = Duration.ofSeconds(60);
        private Duration deadline = Duration.ofSeconds(180);
        private int maxAttempts = 3;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffCap = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private int failureThreshold = 5;
        private Duration coolDown = Duration.ofSeconds(30);
        private InstantSource clock = MonotonicClock.INSTANCE;
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random;
        private Options options = Options.DEFAULT;
        private ReplyContext.PrefillMode prefillMode = ReplyContext.PrefillMode.CONTINUE;

        private Builder() {
        }

        /** Adds an endpoint at the end of the chain; the first one added is tried first. */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        public Builder endpoints(Collection<Endpoint> more) {
            more.forEach(this::endpoint);
            return this;
        }

        /** The client to send with (default: a new one, HTTP/2 where offered, redirects not followed). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Time to open a connection, for the default client (default 10 s, at most the attempt timeout). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The longest one attempt may take (default 60 s): the whole exchange for
         * {@link #send}; for {@link #stream}, the wait for the response headers and then for
         * each next piece of the reply (keep-alives do not count: see {@link Failover}).
         */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive(timeout, "attemptTimeout");
            return this;
        }

        /**
         * The longest a whole call may take across endpoints, retries and waits (default
         * 180 s). For a stream it bounds the time until the first event reaches the sink (the
         * first with content: see {@link Failover#stream}).
         */
        public Builder deadline(Duration total) {
            this.deadline = positive(total, "deadline");
            return this;
        }

        /** Requests per endpoint, the first included (default 3: one try and two retries). */
        public Builder maxAttemptsPerEndpoint(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttemptsPerEndpoint must be at least 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Backoff: before retry n wait a random time in {@code [0, min(cap, base × 2^(n-1))]}
         * (default base 500 ms, cap 8 s).
         */
        public Builder backoff(Duration base, Duration cap) {
            this.backoffBase = nonNegative(base, "base");
            this.backoffCap = nonNegative(cap, "cap");
            return this;
        }

        /**
         * The longest {@code retry-after} waited for (default 60 s); a longer one moves to the
         * next endpoint. It also caps how long a {@code retry-after} keeps an endpoint's circuit
         * open once the call has moved on (see {@link #circuitBreaker}).
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = nonNegative(max, "maxRetryAfter");
            return this;
        }

        /**
         * Opens an endpoint's circuit after {@code failureThreshold} consecutive failures and
         * half-opens it after {@code coolDown} (default 5 failures, 30 s). An endpoint the call
         * moved on from after it asked for a wait ({@code retry-after}, Gemini's
         * {@code RetryInfo}) has its circuit opened at once for that wait, capped by
         * {@link #maxRetryAfter}, or for {@code coolDown} if the failures opened it for longer.
         */
        public Builder circuitBreaker(int failureThreshold, Duration coolDown) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1");
            }
            this.failureThreshold = failureThreshold;
            this.coolDown = nonNegative(coolDown, "coolDown");
            return this;
        }

        /** The clock for deadlines, cool-downs and HTTP dates (default: monotonic system time). */
        public Builder clock(InstantSource source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /** How to wait between retries (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /** The source of jitter (default: {@code ThreadLocalRandom}); used under a lock. */
        public Builder random(RandomGenerator generator) {
            this.random = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /** Jitter from a {@link SplittableRandom} with this seed, for repeatable tests. */
        public Builder seed(long seed) {
            return random(new SplittableRandom(seed));
        }

        /** How requests are translated for targets (default {@link Options#DEFAULT}). */
        public Builder translationOptions(Options translationOptions) {
            this.options = Objects.requireNonNull(translationOptions, "translationOptions");
            return this;
        }

        /**
         * How an assistant prefill is restored in replies from targets that cannot continue one
         * (default {@link ReplyContext.PrefillMode#CONTINUE}: the reply holds only what follows
         * the prefill, as Claude's API returns it, so code that joins prefill and reply works
         * the same whichever endpoint answered; {@code PREPEND} puts the prefill in front).
         */
        public Builder prefillMode(ReplyContext.PrefillMode mode) {
            this.prefillMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @throws IllegalArgumentException when there is no endpoint or two share a name
         *     (rename one with {@link Endpoint#named})
         */
        public Failover build() {
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("a Failover needs at least one endpoint");
            }
            Set<String> names = new HashSet<>();
            for (Endpoint e : endpoints) {
                if (!names.add(e.name())) {
                    throw new IllegalArgumentException("two endpoints are named " + e.name()
                            + "; give one another name with Endpoint.named(…)");
                }
            }
            return new Failover(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }

        private static Duration nonNegative(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return d;
        }
    }
}
