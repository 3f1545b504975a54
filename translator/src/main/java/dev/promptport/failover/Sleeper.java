package dev.promptport.failover;

import java.time.Duration;

/**
 * How {@link Failover} waits between retries. Tests inject one that records the waits and
 * returns at once.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits for {@code duration} (never negative). */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long, int)}. */
    static Sleeper system() {
        return d -> {
            long nanos = d.toNanos();
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
