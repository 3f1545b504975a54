package dev.promptport.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * One endpoint's circuit breaker: closed until {@code threshold} consecutive failures, then
 * open for {@code coolDown}, then half-open, when exactly one caller gets a probe permit; the
 * probe's success closes the circuit, its failure opens it again. All methods are
 * synchronized; the time comes from the caller, so tests need no sleeping.
 */
final class Breaker {

    enum Permit { ALLOWED, PROBE, REJECTED }

    private final int threshold;
    private final Duration coolDown;

    private CircuitState state = CircuitState.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean probing;

    Breaker(int threshold, Duration coolDown) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Whether a request may go now, and whether it is the half-open probe. */
    synchronized Permit acquire(Instant now) {
        switch (state) {
            case CLOSED:
                return Permit.ALLOWED;
            case OPEN:
                if (now.isBefore(openedAt.plus(coolDown))) {
                    return Permit.REJECTED;
                }
                state = CircuitState.HALF_OPEN;
                probing = true;
                return Permit.PROBE;
            case HALF_OPEN:
            default:
                if (probing) {
                    return Permit.REJECTED;
                }
                probing = true;
                return Permit.PROBE;
        }
    }

    /** The endpoint worked: close the circuit. */
    synchronized void success() {
        state = CircuitState.CLOSED;
        failures = 0;
        probing = false;
        openedAt = null;
    }

    /** The endpoint failed: count it, and open the circuit at the threshold or after a failed probe. */
    synchronized void failure(Instant now) {
        probing = false;
        if (state == CircuitState.HALF_OPEN) {
            open(now);
            return;
        }
        if (state == CircuitState.OPEN) {
            return;
        }
        failures++;
        if (failures >= threshold) {
            open(now);
        }
    }

    /** A probe permit that was not used (the deadline passed first): let the next caller probe. */
    synchronized void release(Permit permit) {
        if (permit == Permit.PROBE && state == CircuitState.HALF_OPEN) {
            probing = false;
        }
    }

    /** The state as seen at {@code now}: an open circuit past its cool-down reads as half-open. */
    synchronized CircuitState state(Instant now) {
        if (state == CircuitState.OPEN && !now.isBefore(openedAt.plus(coolDown))) {
            return CircuitState.HALF_OPEN;
        }
        return state;
    }

    /** Whether the circuit is open right now (so retrying this endpoint is pointless). */
    synchronized boolean isOpen() {
        return state == CircuitState.OPEN;
    }

    private void open(Instant now) {
        state = CircuitState.OPEN;
        openedAt = now;
        failures = 0;
    }
}
