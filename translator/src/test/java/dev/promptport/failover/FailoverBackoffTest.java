package dev.promptport.failover;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverBackoffTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static HttpHeaders headers(String... pairs) {
        Map<String, List<String>> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1]));
        }
        return HttpHeaders.of(m, (a, b) -> true);
    }

    @Test
    void ceilingDoublesUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new SplittableRandom(1));
        assertThat(b.ceilingNanos(1)).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(b.ceilingNanos(2)).isEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(b.ceilingNanos(4)).isEqualTo(Duration.ofMillis(800).toNanos());
        assertThat(b.ceilingNanos(5)).isEqualTo(Duration.ofMillis(1000).toNanos());
        assertThat(b.ceilingNanos(500)).isEqualTo(Duration.ofMillis(1000).toNanos());
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeilingAndIsRepeatableWithASeed() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(7));
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(7));
        long max = 0;
        for (int retry = 1; retry <= 8; retry++) {
            for (int i = 0; i < 200; i++) {
                Duration d = a.jittered(retry);
                assertThat(d).isEqualTo(b.jittered(retry));
                assertThat(d.toNanos()).isBetween(0L, a.ceilingNanos(retry));
                max = Math.max(max, d.toNanos());
            }
        }
        assertThat(max).isGreaterThan(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void retryAfterInSecondsMillisecondsOrHttpDate() {
        assertThat(Backoff.retryAfter(headers("retry-after", "1"), NOW)).contains(Duration.ofSeconds(1));
        assertThat(Backoff.retryAfter(headers("retry-after", "0.5"), NOW)).contains(Duration.ofMillis(500));
        assertThat(Backoff.retryAfter(headers("retry-after-ms", "250", "retry-after", "9"), NOW))
                .contains(Duration.ofMillis(250));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atOffset(ZoneOffset.UTC));
        assertThat(Backoff.retryAfter(headers("retry-after", date), NOW)).contains(Duration.ofSeconds(3));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(3).atOffset(ZoneOffset.UTC));
        assertThat(Backoff.retryAfter(headers("retry-after", past), NOW)).contains(Duration.ZERO);
        assertThat(Backoff.retryAfter(headers("retry-after", "soon"), NOW)).isEmpty();
        assertThat(Backoff.retryAfter(headers("retry-after", "-4"), NOW)).isEmpty();
        assertThat(Backoff.retryAfter(headers(), NOW)).isEmpty();
    }

    @Test
    void retryDelayFromGeminisRetryInfo() {
        String body = "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.Help\"},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"37s\"}]}}";
        assertThat(Backoff.retryInfo(body)).contains(Duration.ofSeconds(37));
        assertThat(Backoff.retryInfo(body.replace("37s", "0.25s"))).contains(Duration.ofMillis(250));
        assertThat(Backoff.retryInfo("[" + body + "]")).contains(Duration.ofSeconds(37));
        assertThat(Backoff.retryInfo(body.replace("37s", "soon"))).isEmpty();
        assertThat(Backoff.retryInfo(body.replace("37s", "-3s"))).isEmpty();
        assertThat(Backoff.retryInfo("{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}")).isEmpty();
        assertThat(Backoff.retryInfo("<html>502</html>")).isEmpty();
        assertThat(Backoff.retryInfo("")).isEmpty();
    }
}
