package dev.promptport.failover;

import java.time.Instant;
import java.time.InstantSource;

/** The default clock: wall time at start-up plus {@link System#nanoTime()}, so it never jumps. */
final class MonotonicClock implements InstantSource {

    static final MonotonicClock INSTANCE = new MonotonicClock();

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }
}
