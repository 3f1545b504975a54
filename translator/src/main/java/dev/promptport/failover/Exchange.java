package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.reply.AnthropicErrors;
import dev.promptport.reply.ClaudePrefill;
import dev.promptport.reply.MessageEvents;
import dev.promptport.reply.Replies;
import dev.promptport.reply.ReplyTranslation;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One attempt against one endpoint: builds the HTTP request, sends it, and reads the answer
 * into an {@link Outcome} (for streams, forwarding events to the sink as they arrive). It
 * decides what a failure means (retryable, the endpoint's health) but not what to do next;
 * {@link Call} does.
 */
final class Exchange {

    /**
     * Statuses that say the endpoint, not the request, is at fault even though they are 4xx: a
     * bad key or one without access, no credit, a missing model or URL, a timeout, a conflict,
     * a rate limit. They count against the endpoint's circuit whether retried or not.
     */
    private static final Set<Integer> ENDPOINT_FAULTS = Set.of(401, 402, 403, 404, 408, 409, 429);
    private static final String HTML_PAGE = "it is a web page (text/html), not the API's reply;"
            + " something in front of the API answered";
    /** An operator reading the attempts should see that the endpoint, or a proxy in front of it, does not stream. */
    private static final String NOT_STREAMED = "not streamed: the endpoint sent its whole reply as one JSON body (it, or a"
            + " proxy in front of it, ignored \"stream\": true); the reply reached the caller as events all at once";
    private static final Set<String> RETRYABLE_TYPES =
            Set.of("overloaded_error", "api_error", "rate_limit_error", "timeout_error");

    /**
     * What one attempt came to.
     *
     * @param asked the wait the server asked for before a retry ({@code retry-after}, Gemini's
     *     {@code RetryInfo}), or {@code null}
     * @param reply the Anthropic Message JSON ({@link Failover#send} only)
     * @param error the failure as an Anthropic error body
     * @param endpointHealthy whether this counts as a success for the circuit breaker
     * @param delivered whether any stream event reached the caller
     */
    record Outcome(Attempt.Kind kind, int status, Duration asked, String reply, String error,
                   String detail, boolean retryable, boolean endpointHealthy, boolean delivered, List<String> leftOut) {

        Outcome(Attempt.Kind kind, int status, Duration asked, String reply, String error,
                String detail, boolean retryable, boolean endpointHealthy, boolean delivered) {
            this(kind, status, asked, reply, error, detail, retryable, endpointHealthy, delivered, List.of());
        }
    }

    private final Failover f;
    private final Consumer<String> sink;
    private final Supplier<Duration> remaining;

    Exchange(Failover failover, Consumer<String> sink, Supplier<Duration> remaining) {
        this.f = failover;
        this.sink = sink;
        this.remaining = remaining;
    }

    /** One request to {@code ep}, bounded by {@code timeout}. */
    Outcome attempt(Endpoint ep, Call.Prepared prepared, Duration timeout) throws InterruptedException {
        return sink == null ? sendOnce(ep, prepared, timeout) : streamOnce(ep, prepared, timeout);
    }

    private static boolean positive(Duration d) {
        return Call.positive(d);
    }

    private Duration remaining() {
        return remaining.get();
    }

    private HttpRequest build(Endpoint ep, byte[] body, Duration timeout) {
        boolean stream = sink != null;
        HttpRequest.Builder b = HttpRequest.newBuilder(ep.wireFormat().uri(ep.baseUrl(), ep.urlModel(), stream))
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        ep.wireFormat().authenticate(b, ep.apiKey());
        ep.headers().forEach(b::setHeader);
        return b.build();
    }

    private Outcome sendOnce(Endpoint ep, Call.Prepared prepared, Duration timeout) throws InterruptedException {
        CompletableFuture<HttpResponse<String>> future =
                f.http.sendAsync(build(ep, prepared.body(), timeout), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return timedOut(ep, timeout);
        } catch (ExecutionException e) {
            return broken(ep, LineStream.unwrap(e), timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
        int status = response.statusCode();
        if (status / 100 == 2 && isHtml(response.headers())) {
            return badReply(ep, status, HTML_PAGE);
        }
        if (status / 100 == 2) {
            return readReply(ep, prepared, status, response.body());
        }
        return httpError(ep, status, response.headers(), response.body());
    }

    private Outcome readReply(Endpoint ep, Call.Prepared prepared, int status, String body) {
        if (ep.wireFormat() != Wire.ANTHROPIC) {
            try {
                ReplyTranslation t = Replies.translate(body, ep.wireFormat().format(), prepared.context(), null);
                return new Outcome(Attempt.Kind.OK, status, null, t.json(), null, "", false, true, false, t.leftOut());
            } catch (RuntimeException e) {
                // not JSON, not a reply of that format, an error body, an unfinished reply; a
                // JSON parser quotes the bad token clipped, possibly through an echoed secret
                String why = f.redactor.apply(body).equals(body) ? describe(e) : e.getClass().getSimpleName();
                return badReply(ep, status, "the reply could not be read: " + why);
            }
        }
        // Anthropic's reply goes to the caller as it is, once it is known to be a message
        JsonNode root = ErrorJson.parse(body);
        if (root == null || !root.isObject()) {
            return badReply(ep, status, "the reply is not a JSON object");
        }
        if ("error".equals(root.path("type").asText())) {
            String error = f.redactor.apply(body.strip());
            return new Outcome(Attempt.Kind.BAD_REPLY, status, null, null, error,
                    "an error body with status " + status + ": " + ErrorJson.errorType(error), false, false, false);
        }
        return new Outcome(Attempt.Kind.OK, status, null, ClaudePrefill.message(body, prepared.context()), null, "", false,
                true, false);
    }

    /**
     * Whether a response is a web page: an API answers JSON or events, so a 2xx page comes from
     * something in front of it (a load balancer's maintenance page, a captive portal).
     */
    private static boolean isHtml(HttpHeaders headers) {
        return headers.firstValue("content-type")
                .map(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("text/html"))
                .orElse(false);
    }

    private Outcome badReply(Endpoint ep, int status, String why) {
        String error = ErrorJson.of("api_error", f.redactor.apply(ep.name() + " answered " + status + " but " + why));
        return new Outcome(Attempt.Kind.BAD_REPLY, status, null, null, error, why, false, false, false);
    }

    private Outcome httpError(Endpoint ep, int status, HttpHeaders headers, String rawBody) {
        // scrubbed before anything reads it: a body that is not JSON is quoted clipped, and a
        // secret cut by the clip would no longer be recognised
        String body = f.redactor.apply(rawBody);
        String error;
        if (ep.wireFormat() == Wire.ANTHROPIC) {
            error = ErrorJson.fromAnthropic(status, body);
        } else {
            try {
                error = AnthropicErrors.fromVendor(status, body, ep.wireFormat().format());
            } catch (RuntimeException e) {
                error = null;
            }
            if (error == null || ErrorJson.parse(error) == null) {
                error = ErrorJson.of(ErrorJson.typeFor(status), "HTTP " + status + " from " + ep.name());
            }
        }
        error = f.redactor.apply(error);
        String type = ErrorJson.errorType(error);
        boolean billing = "billing_error".equals(type);
        boolean retryable = retryable(status, billing, headers);
        // a request the endpoint refused on its merits says the endpoint works; a bad key, no
        // quota, a missing model or URL, a rate limit, a redirect or a server error say it does not
        boolean healthy = status >= 400 && status < 500 && !retryable && !billing && !ENDPOINT_FAULTS.contains(status);
        Duration asked = null;
        if (retryable) {
            asked = Backoff.retryAfter(headers, f.clock.instant())
                    .or(() -> ep.wireFormat() == Wire.GEMINI ? Backoff.retryInfo(body) : Optional.empty())
                    .orElse(null);
        }
        return new Outcome(Attempt.Kind.HTTP_ERROR, status, asked, null, error, detail(error),
                retryable, healthy, false);
    }

    /**
     * Whether an error status is worth another try on the same endpoint, as Anthropic's and
     * OpenAI's SDKs decide it: the server's {@code x-should-retry: true|false} first, then 408,
     * 409, 429 and every 5xx (a CDN's 520-524 too). OpenAI's 429 {@code insufficient_quota},
     * read as {@code billing_error}, is not: waiting does not add credit.
     */
    static boolean retryable(int status, boolean billing, HttpHeaders headers) {
        String told = headers == null ? null : headers.firstValue("x-should-retry").orElse(null);
        if (told != null) {
            String t = told.strip();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        if (billing) {
            return false;
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** An error's type and message for an attempt's detail, so no endpoint's own words are lost. */
    private static String detail(String error) {
        String type = ErrorJson.errorType(error);
        String message = ErrorJson.errorMessage(error);
        return message.isEmpty() ? type : type + ": " + message;
    }

    private Outcome timedOut(Endpoint ep, Duration timeout) {
        String why = timeout.compareTo(f.attemptTimeout) < 0
                ? "no reply before the call's deadline"
                : "no reply within " + timeout.toMillis() + " ms";
        return new Outcome(Attempt.Kind.TIMEOUT, 0, null, null,
                ErrorJson.of("timeout_error", ep.name() + ": " + why), why, true, false, false);
    }

    private Outcome broken(Endpoint ep, Throwable t, Duration timeout) {
        if (t instanceof HttpTimeoutException) {
            return timedOut(ep, timeout);
        }
        String why = describe(t);
        return new Outcome(Attempt.Kind.CONNECTION_ERROR, 0, null, null,
                ErrorJson.of("api_error", f.redactor.apply(ep.name() + ": connection failed: " + why)), why,
                true, false, false);
    }

    private String describe(Throwable t) {
        String message = t.getMessage();
        String s = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return f.redactor.apply(s);
    }

    /** GETs the health URL; {@code null} when it answered 2xx, else what went wrong. */
    String healthProblem(Endpoint ep, Duration timeout) throws InterruptedException {
        if (!positive(timeout)) {
            return "the deadline passed";
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(ep.healthUrl()).timeout(timeout).GET();
        if (ep.sameOrigin(ep.healthUrl())) {
            ep.wireFormat().authenticate(b, ep.apiKey());
            ep.headers().forEach(b::setHeader);
        }
        CompletableFuture<HttpResponse<Void>> future = f.http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding());
        try {
            int status = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS).statusCode();
            return status / 100 == 2 ? null : "health probe answered HTTP " + status;
        } catch (TimeoutException e) {
            future.cancel(true);
            return "health probe timed out";
        } catch (ExecutionException e) {
            return "health probe failed: " + describe(LineStream.unwrap(e));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    // ---- one streaming exchange ----------------------------------------------------------

    private Outcome streamOnce(Endpoint ep, Call.Prepared prepared, Duration timeout) throws InterruptedException {
        try (LineStream in = LineStream.open(f.http, build(ep, prepared.body(), timeout))) {
            LineStream.Item first = in.next(timeout);
            if (first == null) {
                return timedOut(ep, timeout);
            }
            if (first instanceof LineStream.Failed failed) {
                return broken(ep, failed.error(), timeout);
            }
            if (!(first instanceof LineStream.Head head)) {
                return broken(ep, new IOException("no response head"), timeout);
            }
            if (head.status() / 100 != 2) {
                return httpError(ep, head.status(), head.headers(), errorBody(in));
            }
            if (isHtml(head.headers())) {
                return badReply(ep, head.status(), HTML_PAGE);
            }
            return relay(ep, prepared, in, head);
        }
    }

    /** Reads a streamed error body (bounded by the attempt timeout and the deadline). */
    private String errorBody(LineStream in) throws InterruptedException {
        StringBuilder b = new StringBuilder();
        while (true) {
            Duration wait = Failover.min(f.attemptTimeout, remaining());
            LineStream.Item item = positive(wait) ? in.next(wait) : null;
            if (!(item instanceof LineStream.Line line)) {
                return b.toString();
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(line.text());
        }
    }

    /**
     * Forwards a 2xx stream's events to the sink; the point of no return is the first event
     * sent, and the opening events that hold no content yet are sent only with the first one
     * that does (see {@link Opening}).
     */
    private Outcome relay(Endpoint ep, Call.Prepared prepared, LineStream in, LineStream.Head head)
            throws InterruptedException {
        int status = head.status();
        boolean bodyStarted = false;
        StreamHandler handler = StreamHandler.forWire(ep.wireFormat(), prepared.context(), f.redactor);
        Opening opening = new Opening(sink);
        // keep-alives (a proxy's comments, Claude's pings, empty chunks) prove the connection
        // open, not the reply moving: they do not hold the idle timeout off, or a stalled model
        // behind them would keep the call from failing over until the deadline (StreamHandler.heard)
        Instant heard = f.clock.instant();
        while (true) {
            Duration idle = f.attemptTimeout.minus(Duration.between(heard, f.clock.instant()));
            Duration left = remaining();
            boolean deadlineFirst = !opening.passed() && left.compareTo(idle) < 0;
            Duration wait = deadlineFirst ? left : idle;
            LineStream.Item item = positive(wait) ? in.next(wait) : null;
            if (item == null) {
                String why = deadlineFirst ? "no data before the call's deadline"
                        : "no data for " + f.attemptTimeout.toMillis() + " ms";
                return cut(ep, opening.passed(), Attempt.Kind.TIMEOUT, status, why);
            }
            if (item instanceof LineStream.Failed failed) {
                return cut(ep, opening.passed(), Attempt.Kind.CONNECTION_ERROR, status,
                        "the stream broke: " + describe(failed.error()));
            }
            List<String> events;
            if (item instanceof LineStream.End) {
                events = handler.end();
                if (events == null) {
                    return cut(ep, opening.passed(), Attempt.Kind.CONNECTION_ERROR, status,
                            "the stream ended before the reply was complete");
                }
            } else if (item instanceof LineStream.Line line) {
                if (!bodyStarted && !line.text().isBlank()) {
                    bodyStarted = true;
                    // no line of an event stream starts with '{' (SSE lines are fields or
                    // comments): a body that does is one JSON document, an error or a whole reply
                    if (line.text().strip().startsWith("{")) {
                        return jsonInsteadOfStream(ep, prepared, in, head, line.text());
                    }
                }
                events = handler.accept(line.text());
                if (handler.heard()) {
                    heard = f.clock.instant();
                }
            } else {
                continue;
            }
            String failure = handler.failure();
            if (failure != null) {
                return opening.passed() ? cut(ep, true, Attempt.Kind.BAD_REPLY, status, failure)
                        : badReply(ep, status, failure);
            }
            Outcome stop = forward(ep, events, status, opening);
            if (stop != null) {
                return stop;
            }
            if (handler.done() || item instanceof LineStream.End) {
                opening.release();
                return new Outcome(Attempt.Kind.OK, status, null, null, null, "", false, true, true, handler.leftOut());
            }
        }
    }

    /**
     * Sends {@code events} to the sink. An {@code error} event among them ends the stream: before
     * anything reached the caller it is an ordinary failure (nothing is sent, so the call may
     * fail over); after, it is passed on as the last event. Returns that outcome, or {@code null}.
     */
    private Outcome forward(Endpoint ep, List<String> events, int status, Opening opening) {
        for (String event : events) {
            String eventType = StreamHandler.eventType(event);
            if (!"error".equals(eventType)) {
                opening.accept(eventType, event);
                continue;
            }
            String data = f.redactor.apply(StreamHandler.eventData(event));
            boolean asSent = ErrorJson.isAnthropicError(data);
            String error = asSent ? data.strip() : errorEventBody(ep, data);
            if (!opening.passed()) {
                return errorBeforeContent(status, error, null);
            }
            String type = ErrorJson.errorType(error);
            boolean retryable = retryableType(type);
            sink.accept(asSent ? f.redactor.apply(event) : ErrorJson.event(error));
            return new Outcome(Attempt.Kind.STREAM_CUT, status, null, null, error,
                    "the stream ended with an error event: " + type, false, !retryable, true);
        }
        return null;
    }

    private static boolean retryableType(String type) {
        return type.isEmpty() || RETRYABLE_TYPES.contains(type);
    }

    /**
     * An error that came before anything reached the caller (an error event, or an error body
     * sent with a 2xx instead of the stream): retried, or failed over, as its type says, and an
     * error the endpoint chose to send for a request (an invalid one, say) shows it working; one
     * whose status would say the endpoint is at fault (a bad key, no credit, no access, no such
     * model) counts against its circuit, as that status does.
     */
    private static Outcome errorBeforeContent(int status, String error, Duration asked) {
        String type = ErrorJson.errorType(error);
        String message = ErrorJson.errorMessage(error);
        boolean retryable = retryableType(type);
        boolean healthy = !retryable && !ENDPOINT_FAULTS.contains(AnthropicErrors.httpStatus(type));
        return new Outcome(Attempt.Kind.ERROR_EVENT, status, retryable ? asked : null, null, error,
                type + (message.isEmpty() ? "" : ": " + message), retryable, healthy, false);
    }

    /**
     * A 2xx answer to a streaming request that is one JSON document instead of events: some
     * proxies answer a stream they cannot serve with {@code {"error":{…}}} (or Anthropic's
     * {@code {"type":"error",…}}) and status 200, and a server that ignores {@code stream} sends
     * its whole reply. The error is read as the error it is; a whole reply goes to the caller as
     * the events Claude would have streamed for it ({@link #wholeReply}); anything else is a bad
     * reply, so the call moves on without retrying the endpoint.
     * {@code first} is the body's first line that is not blank.
     */
    private Outcome jsonInsteadOfStream(Endpoint ep, Call.Prepared prepared, LineStream in, LineStream.Head head,
                                        String first) throws InterruptedException {
        int status = head.status();
        StringBuilder b = new StringBuilder(first);
        while (true) {
            Duration wait = Failover.min(f.attemptTimeout, remaining());
            LineStream.Item item = positive(wait) ? in.next(wait) : null;
            if (item instanceof LineStream.Line line) {
                b.append('\n').append(line.text());
            } else if (item instanceof LineStream.End) {
                break;
            } else if (item instanceof LineStream.Failed failed) {
                return cut(ep, false, Attempt.Kind.CONNECTION_ERROR, status,
                        "the JSON body sent instead of a stream broke: " + describe(failed.error()));
            } else {
                return cut(ep, false, Attempt.Kind.TIMEOUT, status, "the JSON body sent instead of a stream did not end in time");
            }
        }
        // scrubbed before anything reads it: a body that is not JSON is quoted clipped
        String body = f.redactor.apply(b.toString());
        JsonNode root = ErrorJson.parse(body);
        if (root == null || !root.isObject()) {
            return badReply(ep, status, "it answered the streaming request with a body that is neither server-sent"
                    + " events nor JSON: " + f.redactor.clip(body, 120));
        }
        JsonNode err = root.get("error");
        if ("error".equals(root.path("type").asText()) || err != null && (err.isObject() || err.isTextual())) {
            String error = f.redactor.apply(ErrorJson.isAnthropicError(body) ? root.toString() : errorEventBody(ep, body));
            Duration asked = Backoff.retryAfter(head.headers(), f.clock.instant())
                    .or(() -> ep.wireFormat() == Wire.GEMINI ? Backoff.retryInfo(body) : Optional.empty())
                    .orElse(null);
            return errorBeforeContent(status, error, asked);
        }
        return wholeReply(ep, prepared, status, b.toString());
    }

    /**
     * A whole reply sent to a streaming request (by a server that ignores {@code stream}, or a
     * proxy that buffers): translated as {@link Failover#send} would translate it, then sent to
     * the caller as the events of that message, all at once. The attempt's detail says the
     * endpoint did not stream. A body that is no reply of the endpoint's format is a bad reply.
     */
    private Outcome wholeReply(Endpoint ep, Call.Prepared prepared, int status, String body) {
        List<String> leftOut;
        MessageEvents streamed;
        try {
            String message;
            if (ep.wireFormat() == Wire.ANTHROPIC) {
                message = ClaudePrefill.message(body, prepared.context());
                leftOut = List.of();
            } else {
                ReplyTranslation t = Replies.translate(body, ep.wireFormat().format(), prepared.context(), null);
                message = t.json();
                leftOut = t.leftOut();
            }
            streamed = MessageEvents.of(message);
        } catch (RuntimeException e) {
            // a JSON parser quotes the bad token clipped, possibly through an echoed secret
            String why = f.redactor.apply(body).equals(body) ? describe(e) : e.getClass().getSimpleName();
            return badReply(ep, status, "it answered the streaming request with one JSON body instead of server-sent"
                    + " events, and the body is not a reply that could be read: " + why);
        }
        streamed.events().forEach(sink);
        List<String> all = new ArrayList<>(leftOut);
        all.addAll(streamed.leftOut());
        return new Outcome(Attempt.Kind.OK, status, null, null, null, NOT_STREAMED, false, true, true, all);
    }

    /**
     * An error event's payload that is not Anthropic's error body (a proxy's own, in OpenAI's
     * shape or none) as one, so the caller and {@link FailoverException#error()} always get
     * Claude's shape: type and message read as from any vendor's error body.
     */
    private String errorEventBody(Endpoint ep, String data) {
        if (ErrorJson.parse(data) == null) {
            return ErrorJson.of("api_error", "error event from " + ep.name()
                    + (data == null || data.isBlank() ? "" : ": " + f.redactor.clip(data, 200)));
        }
        return AnthropicErrors.fromVendor(0, data, ep.wireFormat().format());
    }

    /**
     * A stream that stopped without finishing: before anything reached the caller it is an
     * ordinary, retryable failure; after, it ends with an error event and is never retried.
     */
    private Outcome cut(Endpoint ep, boolean delivered, Attempt.Kind kind, int status, String why) {
        if (!delivered) {
            String type = kind == Attempt.Kind.TIMEOUT ? "timeout_error" : "api_error";
            return new Outcome(kind, 0, null, null, ErrorJson.of(type, f.redactor.apply(ep.name() + ": " + why)),
                    why, true, false, false);
        }
        String error = ErrorJson.of("api_error", f.redactor.apply("the stream from " + ep.name()
                + " broke after the reply had started (" + why + "); it was not retried, so no part"
                + " of the reply is sent twice"));
        sink.accept(ErrorJson.event(error));
        return new Outcome(Attempt.Kind.STREAM_CUT, status, null, null, error, why, false, false, true);
    }
}
