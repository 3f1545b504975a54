package dev.promptport.failover;

/** The state of one endpoint's circuit breaker. */
public enum CircuitState {
    /** Requests go through; consecutive failures are counted. */
    CLOSED,
    /** The endpoint failed too often; it is skipped until the cool-down has passed. */
    OPEN,
    /** The cool-down has passed; the next request (or the health probe) is let through as a probe. */
    HALF_OPEN
}
