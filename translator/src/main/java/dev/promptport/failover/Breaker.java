package dev.promptport.failover;

import java.time.Duration;
import java.time.Instant;

/**
 * One endpoint's circuit breaker: closed until {@code threshold} consecutive failures, then
 * open for {@code coolDown}, then half-open, when exactly one caller gets a probe permit; the
 * probe's success closes the circuit, its failure opens it again. A server that said when it
 * may be asked again ({@link #hold}) opens it at once, until then at least. All methods are
 * synchronized; the time comes from the caller, so tests need no sleeping.
 */
final class Breaker {

    enum Permit { ALLOWED, PROBE, REJECTED }

    private final int threshold;
    private final Duration coolDown;

    private CircuitState state = CircuitState.CLOSED;
    private int failures;
    /** When an open circuit half-opens. */
    private Instant openUntil;
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
                if (now.isBefore(openUntil)) {
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
        openUntil = null;
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

    /**
     * The endpoint said not to ask before {@code wait} has passed (a 429's {@code retry-after}):
     * open the circuit now, whatever the count, for at least that long, so that other calls skip
     * the endpoint instead of spending a request on a refusal. A circuit already open for longer
     * stays open as long.
     */
    synchronized void hold(Instant now, Duration wait) {
        Instant until = now.plus(wait);
        if (state == CircuitState.OPEN && !openUntil.isBefore(until)) {
            return;
        }
        state = CircuitState.OPEN;
        openUntil = until;
        failures = 0;
        probing = false;
    }

    /** A probe permit that was not used (the deadline passed first): let the next caller probe. */
    synchronized void release(Permit permit) {
        if (permit == Permit.PROBE && state == CircuitState.HALF_OPEN) {
            probing = false;
        }
    }

    /** The state as seen at {@code now}: an open circuit past its cool-down reads as half-open. */
    synchronized CircuitState state(Instant now) {
        if (state == CircuitState.OPEN && !now.isBefore(openUntil)) {
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
        openUntil = now.plus(coolDown);
        failures = 0;
    }
}
