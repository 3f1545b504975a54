package dev.promptport.failover;

import dev.promptport.Finding;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Failover} call returned.
 *
 * @param json the reply as Anthropic Message JSON (from Anthropic unchanged, from other
 *     vendors translated back); {@code null} for {@link Failover#stream streams}, whose events
 *     went to the sink
 * @param endpoint the {@linkplain Endpoint#name() name} of the endpoint that answered
 * @param attempts how many requests were sent, over all endpoints, this one included
 * @param history every attempt and every skipped endpoint, in order
 * @param findings the translation findings of the request sent to the endpoint that
 *     answered (empty when Anthropic answered the request unchanged)
 * @param complete {@code false} only when a stream broke after events had reached the caller;
 *     the sink then received an Anthropic {@code error} event as its last event
 * @param leftOut what the answering vendor's reply held that Anthropic's shape has no place for
 *     (its own web citations, an image it made), one line each, for the caller to log; empty
 *     when Anthropic answered, unless it sent a stream's reply whole with fields the events made
 *     from it have no place for (see {@link dev.promptport.reply.MessageEvents})
 */
public record FailoverResult(String json, String endpoint, int attempts, List<Attempt> history,
                             List<Finding> findings, boolean complete, List<String> leftOut) {

    public FailoverResult {
        Objects.requireNonNull(endpoint, "endpoint");
        history = List.copyOf(history);
        findings = List.copyOf(findings);
        leftOut = List.copyOf(leftOut);
    }

    public FailoverResult(String json, String endpoint, int attempts, List<Attempt> history,
                          List<Finding> findings, boolean complete) {
        this(json, endpoint, attempts, history, findings, complete, List.of());
    }

    /** Whether the reply came from an endpoint other than the first in the chain. */
    public boolean failedOver() {
        return !history.isEmpty() && !history.get(0).endpoint().equals(endpoint);
    }
}
