package dev.promptport.failover;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverBreakerTest {

    private final FakeClock clock = new FakeClock();
    private final Breaker breaker = new Breaker(3, Duration.ofSeconds(30));

    private Instant now() {
        return clock.instant();
    }

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        breaker.failure(now());
        breaker.failure(now());
        assertThat(breaker.state(now())).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.ALLOWED);
        breaker.failure(now());
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.REJECTED);
    }

    @Test
    void successResetsTheCount() {
        breaker.failure(now());
        breaker.failure(now());
        breaker.success();
        breaker.failure(now());
        breaker.failure(now());
        assertThat(breaker.state(now())).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void halfOpensAfterCoolDownWithExactlyOneProbe() {
        openIt();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.REJECTED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state(now())).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.PROBE);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.REJECTED);
        breaker.success();
        assertThat(breaker.state(now())).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.ALLOWED);
    }

    @Test
    void failedProbeOpensAgainForAFullCoolDown() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.PROBE);
        breaker.failure(now());
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.REJECTED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.PROBE);
    }

    @Test
    void unusedProbeIsHandedToTheNextCaller() {
        openIt();
        clock.advance(Duration.ofSeconds(30));
        Breaker.Permit p = breaker.acquire(now());
        assertThat(p).isEqualTo(Breaker.Permit.PROBE);
        breaker.release(p);
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.PROBE);
    }

    @Test
    void concurrentCallersGetOneProbeBetweenThem() throws Exception {
        openIt();
        clock.advance(Duration.ofSeconds(31));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Breaker.Permit>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return breaker.acquire(now());
                }));
            }
            start.countDown();
            List<Breaker.Permit> permits = new ArrayList<>();
            for (Future<Breaker.Permit> f : futures) {
                permits.add(f.get(5, TimeUnit.SECONDS));
            }
            assertThat(Collections.frequency(permits, Breaker.Permit.PROBE)).isEqualTo(1);
            assertThat(Collections.frequency(permits, Breaker.Permit.REJECTED)).isEqualTo(31);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServersRetryAfterOpensTheCircuitAtOnceForThatLong() {
        breaker.failure(now());
        breaker.hold(now(), Duration.ofSeconds(45));
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(44));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.REJECTED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.acquire(now())).isEqualTo(Breaker.Permit.PROBE);
    }

    @Test
    void aRetryAfterLongerThanTheCoolDownExtendsItAndAShorterOneDoesNotShortenIt() {
        openIt();
        breaker.hold(now(), Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
        breaker.hold(now(), Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state(now())).isEqualTo(CircuitState.HALF_OPEN);
    }

    private void openIt() {
        for (int i = 0; i < 3; i++) {
            breaker.failure(now());
        }
        assertThat(breaker.state(now())).isEqualTo(CircuitState.OPEN);
    }
}
