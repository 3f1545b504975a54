package dev.promptport.failover;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a {@link Failover} call: a request sent to an endpoint, or an endpoint skipped.
 * Holds no API key and no request or reply content.
 *
 * @param endpoint the endpoint's {@linkplain Endpoint#name() name}
 * @param number the attempt's number on that endpoint, from 1; 0 for a skipped endpoint
 * @param kind what happened
 * @param status the HTTP status received, or 0 when there was none
 * @param detail a short explanation (error kind, the endpoint's error type and message, why it
 *     was skipped), at most 300 characters
 * @param elapsed how long the attempt took
 */
public record Attempt(String endpoint, int number, Kind kind, int status, String detail, Duration elapsed) {

    /** What happened on one attempt. */
    public enum Kind {
        /**
         * The endpoint answered with a usable reply. For a stream answered with the whole reply
         * instead of events, the detail begins {@code not streamed}.
         */
        OK(true),
        /** The endpoint answered with an HTTP error status (see {@link Attempt#status()}). */
        HTTP_ERROR(true),
        /** No complete answer within the per-attempt timeout or the deadline. */
        TIMEOUT(true),
        /** The connection could not be made or broke before anything reached the caller. */
        CONNECTION_ERROR(true),
        /** A success status with a reply that could not be read (malformed JSON, an error in a 200). */
        BAD_REPLY(true),
        /**
         * A stream began with an error event (such as {@code overloaded_error}) before any reply
         * event, or a success status answered a stream with an error body in JSON instead of events.
         */
        ERROR_EVENT(true),
        /** A stream broke after events had reached the caller; it ended with an error event. */
        STREAM_CUT(true),
        /** Skipped: the request could not be translated for the endpoint's target. */
        TRANSLATION_FAILED(false),
        /** Skipped: the endpoint's circuit breaker is open. */
        CIRCUIT_OPEN(false),
        /** Skipped: the circuit was half-open and the endpoint's health probe failed. */
        HEALTH_CHECK_FAILED(false),
        /** Skipped: the call's deadline had passed. */
        DEADLINE(false);

        private final boolean sent;

        Kind(boolean sent) {
            this.sent = sent;
        }

        /** Whether a request was sent to the endpoint. */
        public boolean sent() {
            return sent;
        }
    }

    public Attempt {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** Whether a request was sent to the endpoint on this attempt. */
    public boolean sent() {
        return kind.sent();
    }

    /** One line, such as {@code anthropic #2: HTTP 529 overloaded_error}. */
    public String summary() {
        StringBuilder b = new StringBuilder(endpoint);
        if (number > 0) {
            b.append(" #").append(number);
        }
        b.append(": ");
        switch (kind) {
            case HTTP_ERROR -> b.append("HTTP ").append(status);
            case OK -> b.append("OK").append(status > 0 ? " " + status : "");
            default -> b.append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (!detail.isEmpty()) {
            b.append(" (").append(detail).append(')');
        }
        return b.toString();
    }
}
