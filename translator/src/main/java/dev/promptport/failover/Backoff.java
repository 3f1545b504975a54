package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1 for the first retry) wait a
 * uniformly random time in {@code [0, min(cap, base × 2^(n-1))]}; a server's
 * {@code retry-after-ms} or {@code retry-after} (seconds or an HTTP date), or Gemini's
 * {@code RetryInfo} in the error body, replaces it.
 */
final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    /** {@code random} may be {@code null}: each thread then uses its own {@code ThreadLocalRandom}. */
    Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The jittered wait before retry {@code retry} (1-based). */
    Duration jittered(int retry) {
        long ceiling = ceilingNanos(retry);
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        long pick;
        if (random == null) {
            pick = java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling + 1);
        } else {
            synchronized (random) {
                pick = random.nextLong(ceiling + 1);
            }
        }
        return Duration.ofNanos(pick);
    }

    /** {@code min(cap, base × 2^(retry-1))} in nanoseconds, without overflow. */
    long ceilingNanos(int retry) {
        long capNanos = cap.toNanos();
        long b = base.toNanos();
        int shift = Math.max(0, Math.min(retry - 1, 62));
        if (b > 0 && shift > 0 && b > (Long.MAX_VALUE >> shift)) {
            return capNanos;
        }
        return Math.min(capNanos, b << shift);
    }

    /**
     * The wait a server asked for, if it did: {@code retry-after-ms} (milliseconds, as OpenAI
     * sends), else {@code retry-after} in seconds or as an HTTP date measured against {@code now}.
     * Unreadable values are ignored; a date in the past means no wait.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        if (headers == null) {
            return Optional.empty();
        }
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                double v = Double.parseDouble(ms.get().trim());
                if (v >= 0 && Double.isFinite(v)) {
                    return Optional.of(Duration.ofNanos((long) (v * 1_000_000)));
                }
            } catch (NumberFormatException e) {
                // fall through to retry-after
            }
        }
        return headers.firstValue("retry-after").flatMap(v -> parseRetryAfter(v, now));
    }

    /**
     * The wait a Gemini error body asks for: its {@code google.rpc.RetryInfo} detail's
     * {@code retryDelay} ({@code "37s"}, {@code "2.500s"}), which Gemini sends on a 429 instead of
     * a {@code retry-after} header. Empty when the body has none or it cannot be read.
     */
    static Optional<Duration> retryInfo(String body) {
        JsonNode root = ErrorJson.parse(body);
        if (root != null && root.isArray()) {
            root = root.path(0);
        }
        if (root == null) {
            return Optional.empty();
        }
        for (JsonNode detail : root.path("error").path("details")) {
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                return seconds(detail.path("retryDelay").asText(""));
            }
        }
        return Optional.empty();
    }

    /** A protobuf Duration in JSON: decimal seconds ending in {@code s}. */
    private static Optional<Duration> seconds(String value) {
        String v = value.strip();
        if (!v.endsWith("s")) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(v.substring(0, v.length() - 1));
            if (seconds >= 0 && Double.isFinite(seconds) && seconds < 1e9) {
                return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
            }
        } catch (NumberFormatException e) {
            // not a duration: no wait asked
        }
        return Optional.empty();
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            double seconds = Double.parseDouble(v);
            if (seconds >= 0 && Double.isFinite(seconds) && seconds < 1e9) {
                return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            // an HTTP date then
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
