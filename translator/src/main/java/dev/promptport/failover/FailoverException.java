package dev.promptport.failover;

import dev.promptport.reply.AnthropicErrors;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Failover#send} and {@link Failover#stream} when no endpoint produced a
 * reply: every endpoint failed, was skipped (circuit open, request not translatable), or the
 * deadline passed first; also when the calling thread is interrupted (its interrupt flag is
 * then set again). A stream that broke after events reached the caller does not throw; it
 * ends with an error event instead.
 *
 * <p>{@link #error()} is an Anthropic error body ({@code {"type":"error","error":{"type":…,
 * "message":…}}}) for the failure of the first endpoint that failed with one (the primary's,
 * unless it was skipped), ready to hand to code that expects Claude's errors;
 * {@link #status()} is the status Claude would have sent with it; {@link #attempts()} says what
 * happened on every endpoint. Neither the message nor anything
 * this exception carries contains an API key.
 */
public final class FailoverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;
    private final transient List<Attempt> attempts;

    FailoverException(String reason, String error, List<Attempt> attempts) {
        super(reason + describe(attempts));
        this.error = error;
        this.status = AnthropicErrors.httpStatus(ErrorJson.errorType(error));
        this.attempts = List.copyOf(attempts);
    }

    private static String describe(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return "";
        }
        return ": " + attempts.stream().map(Attempt::summary).collect(Collectors.joining("; "));
    }

    /**
     * The first failing endpoint's last error as an Anthropic error JSON body; the other
     * endpoints' errors are in {@link #attempts()}' details.
     */
    public String error() {
        return error;
    }

    /**
     * The HTTP status Claude's API uses for {@link #error()}'s type: 529 for
     * {@code overloaded_error}, 429 {@code rate_limit_error}, 504 {@code timeout_error}, 500
     * {@code api_error}, and so on; so a proxy can answer its own client with
     * {@code status()} and {@code error()} exactly as Claude would. The statuses the endpoints
     * really sent are in {@link #attempts()}.
     */
    public int status() {
        return status;
    }

    /** Every attempt and skipped endpoint, in order. */
    public List<Attempt> attempts() {
        return attempts == null ? List.of() : attempts;
    }
}
