package dev.promptport.failover;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.Finding;
import dev.promptport.InputFormat;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.read.JsonLexer;
import dev.promptport.read.RequestBytes;
import dev.promptport.reply.ReplyContext;
import dev.promptport.tree.ByteWords;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** One {@link Failover#send} or {@link Failover#stream} call: the walk down the chain. */
final class Call {

    private static final System.Logger LOG = System.getLogger("dev.promptport.failover");
    private static final int DETAIL_LIMIT = 300;

    /**
     * The caller's request, read once.
     *
     * @param utf8 the request as the caller gave it in UTF-8 bytes, or null when given as text
     * @param view {@code json} one byte per char, made as those bytes were decoded (the bytes
     *     themselves when ASCII), or from the text when given as text
     */
    record Request(String json, byte[] utf8, byte[] view, String model, boolean stream) {

        /**
         * Reads the top-level {@code model} and {@code stream} and checks the whole text is one
         * JSON object, without building a tree (a request may carry megabytes of base64), with
         * the lexer the translation reads it with: a long string is skipped by a search for its
         * closing quote, not read a character at a time.
         */
        static Request parse(String json, Limits limits) {
            Objects.requireNonNull(json, "anthropicRequestJson");
            if (json.length() > limits.maxInputBytes()) {
                throw LimitExceededException.inputSize(limits.maxInputBytes(), json.length(), "characters");
            }
            // the copy the lexer reads is kept for the translation, which then makes none of its
            // own for each endpoint tried
            byte[] view = ByteWords.oneBytePerChar(json);
            return read(new JsonLexer(json, view, limits.maxJsonDepth(), null), json, null, view);
        }

        /** As {@link #parse(String, Limits)}, for a request given as UTF-8 bytes, which are only read. */
        static Request parse(byte[] utf8, Limits limits) {
            Objects.requireNonNull(utf8, "anthropicRequestUtf8");
            if (utf8.length > limits.maxInputBytes()) {
                throw LimitExceededException.inputSize(limits.maxInputBytes(), utf8.length, "bytes");
            }
            RequestBytes text = RequestBytes.of(utf8);
            JsonLexer p = new JsonLexer(text.text(), text.view(), limits.maxJsonDepth(), null);
            return read(p, text.text(), utf8, text.view());
        }

        private static Request read(JsonLexer p, String json, byte[] utf8, byte[] view) {
            String model = null;
            boolean stream = false;
            if (p.next() != JsonToken.START_OBJECT) {
                throw new PromptPortException("the request is not a JSON object", Loc.NONE);
            }
            while (p.next() == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken value = p.next();
                if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
                    model = p.string();
                } else if ("stream".equals(name)) {
                    stream = value == JsonToken.VALUE_TRUE;
                }
                p.skipChildren();
            }
            p.requireEnd();
            return new Request(json, utf8, view, model, stream);
        }

        /** The request in UTF-8, to send as it is: the caller's own bytes when given as bytes. */
        byte[] body() {
            return utf8 != null ? utf8 : json.getBytes(StandardCharsets.UTF_8);
        }

        Translation translate(Target target, Options options) {
            // parse made the lexer's copy once, as it decoded the bytes or from the text
            return PromptPort.translate(new RequestBytes(json, view), InputFormat.ANTHROPIC, List.of(target), options).get(0);
        }
    }

    /** The request as one endpoint gets it: {@code body} is its UTF-8, not changed once made. */
    record Prepared(byte[] body, List<Finding> findings, ReplyContext context) {
    }

    private final Failover f;
    private final Request request;
    private final Consumer<String> sink;
    private final List<Attempt> history = new ArrayList<>();
    private final Instant deadlineAt;
    private final Exchange exchange;
    /** The latest error of the endpoint being tried. */
    private String lastError;
    /** The error the call ends with: that of the first endpoint that failed with one. */
    private String firstError;

    Call(Failover failover, Request request, Consumer<String> sink) {
        this.f = failover;
        this.request = request;
        this.sink = sink;
        this.deadlineAt = failover.clock.instant().plus(failover.deadline);
        this.exchange = new Exchange(failover, sink, this::remaining);
    }

    FailoverResult run() {
        List<Endpoint> endpoints = f.endpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint ep = endpoints.get(i);
            if (!positive(remaining())) {
                skip(ep, Attempt.Kind.DEADLINE, "the deadline passed before this endpoint was tried");
                continue;
            }
            Prepared prepared;
            try {
                prepared = prepare(ep);
            } catch (PromptPortException e) {
                skip(ep, Attempt.Kind.TRANSLATION_FAILED, e.getMessage());
                continue;
            }
            lastError = null;
            FailoverResult result = tryEndpoint(i, ep, prepared);
            if (result != null) {
                return result;
            }
            // the first endpoint's own words: a fallback's later failure (its bad key, a request
            // its translation made it refuse) must not turn Claude's "overloaded, try later" or
            // "this request is invalid" into something the caller did not cause
            if (firstError == null) {
                firstError = lastError;
            }
            if (i + 1 < endpoints.size()) {
                String next = endpoints.get(i + 1).name();
                String tried = history.isEmpty() ? "" : " (" + history.get(history.size() - 1).summary() + ")";
                LOG.log(System.Logger.Level.INFO,
                        () -> "promptport failover: " + ep.name() + " failed" + tried + "; trying " + next);
            }
        }
        throw exhausted();
    }

    private Prepared prepare(Endpoint ep) {
        Target target = ep.targetOrNull();
        if (target == null) {
            return new Prepared(request.body(), List.of(), null);
        }
        Translation t = request.translate(target, f.options);
        // a streaming request's translation asks for a stream as its writer does for the vendor
        // ("stream": true, with stream_options where the vendor takes them); Gemini, in its URL
        byte[] body = t.jsonBytes();
        if (body == null) {
            throw new PromptPortException("the translation for " + target.id() + " produced no request", Loc.NONE);
        }
        // a Claude reply is passed on as it came: it continues a prefill sent as one, and needs
        // the prefill restored only where the prefill became an instruction (ClaudePrefill)
        ReplyContext context = ep.wireFormat() == Wire.ANTHROPIC && t.prefill() == null ? null
                : ReplyContext.of(t, request.model()).withPrefillMode(f.prefillMode);
        return new Prepared(body, t.findings(), context);
    }

    /** Tries one endpoint up to the attempt limit; the result, or {@code null} to move on. */
    private FailoverResult tryEndpoint(int index, Endpoint ep, Prepared prepared) {
        Breaker breaker = f.breaker(index);
        for (int n = 1; n <= f.maxAttempts; n++) {
            Instant now = f.clock.instant();
            if (!positive(remaining())) {
                skip(ep, Attempt.Kind.DEADLINE, "the deadline passed");
                return null;
            }
            Breaker.Permit permit = breaker.acquire(now);
            if (permit == Breaker.Permit.REJECTED) {
                skip(ep, Attempt.Kind.CIRCUIT_OPEN, "circuit open after repeated failures");
                return null;
            }
            boolean settled = false;
            try {
                if (permit == Breaker.Permit.PROBE && ep.healthUrl() != null) {
                    String problem = exchange.healthProblem(ep, Failover.min(f.attemptTimeout, remaining()));
                    settled = true;
                    if (problem != null) {
                        breaker.failure(f.clock.instant());
                        skip(ep, Attempt.Kind.HEALTH_CHECK_FAILED, problem);
                        return null;
                    }
                    breaker.success();
                }
                Duration left = remaining();
                if (!positive(left)) {
                    skip(ep, Attempt.Kind.DEADLINE, "the deadline passed");
                    return null;
                }
                Duration timeout = Failover.min(f.attemptTimeout, left);
                Instant started = f.clock.instant();
                Exchange.Outcome o = exchange.attempt(ep, prepared, timeout);
                settled = true;
                if (o.endpointHealthy()) {
                    breaker.success();
                } else {
                    breaker.failure(f.clock.instant());
                }
                Attempt attempt = new Attempt(ep.name(), n, o.kind(), o.status(), clip(o.detail()),
                        nonNegative(Duration.between(started, f.clock.instant())));
                history.add(attempt);
                if (o.kind() == Attempt.Kind.OK) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "promptport failover: " + attempt.summary());
                    return result(ep, prepared, o, true);
                }
                LOG.log(o.delivered() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                        () -> "promptport failover: " + attempt.summary());
                if (o.delivered()) {
                    return result(ep, prepared, o, false);
                }
                lastError = o.error();
                if (!o.retryable() || n == f.maxAttempts || breaker.isOpen()) {
                    holdAsAsked(breaker, o);
                    return null;
                }
                Optional<Duration> asked = Optional.ofNullable(o.asked());
                if (asked.isPresent() && asked.get().compareTo(f.maxRetryAfter) > 0) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "promptport failover: " + ep.name() + " asked to wait "
                            + asked.get().toMillis() + " ms, longer than maxRetryAfter; moving on");
                    holdAsAsked(breaker, o);
                    return null;
                }
                Duration wait = asked.orElseGet(() -> f.backoff.jittered(attempt.number()));
                if (!f.clock.instant().plus(wait).isBefore(deadlineAt)) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "promptport failover: waiting " + wait.toMillis()
                            + " ms to retry " + ep.name() + " would pass the deadline; moving on");
                    holdAsAsked(breaker, o);
                    return null;
                }
                f.sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FailoverException("interrupted while calling " + ep.name(),
                        ErrorJson.of("api_error", "the call was interrupted"), history);
            } finally {
                if (!settled) {
                    breaker.release(permit);
                }
            }
        }
        return null;
    }

    /**
     * Leaving an endpoint that said when it may be asked again ({@code retry-after}, Gemini's
     * {@code RetryInfo}): its circuit opens until then, however few failures it has had, so the
     * next calls skip it instead of spending a request on another refusal, as the server asked.
     * {@code maxRetryAfter} caps the time, so that a wrong or huge value cannot shut an endpoint
     * out for hours.
     */
    private void holdAsAsked(Breaker breaker, Exchange.Outcome o) {
        Duration asked = o.asked();
        if (asked != null && positive(asked)) {
            breaker.hold(f.clock.instant(), Failover.min(asked, f.maxRetryAfter));
        }
    }

    private FailoverResult result(Endpoint ep, Prepared prepared, Exchange.Outcome o, boolean complete) {
        return new FailoverResult(o.reply(), ep.name(), sentCount(), history, prepared.findings(), complete, o.leftOut());
    }

    private int sentCount() {
        int n = 0;
        for (Attempt a : history) {
            if (a.sent()) {
                n++;
            }
        }
        return n;
    }

    private FailoverException exhausted() {
        String error = firstError;
        if (error == null) {
            error = ErrorJson.of("api_error", "no endpoint could take the request: "
                    + f.redactor.apply(String.join("; ", history.stream().map(Attempt::summary).toList())));
        }
        return new FailoverException("no endpoint answered (" + sentCount() + " request(s) sent)", error, history);
    }

    private void skip(Endpoint ep, Attempt.Kind kind, String why) {
        Attempt a = new Attempt(ep.name(), 0, kind, 0, clip(why), Duration.ZERO);
        history.add(a);
        LOG.log(System.Logger.Level.DEBUG, () -> "promptport failover: " + a.summary());
    }

    private Duration remaining() {
        return Duration.between(f.clock.instant(), deadlineAt);
    }

    private String clip(String text) {
        return f.redactor.clip(text, DETAIL_LIMIT);
    }

    static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
