package dev.promptport;

import dev.promptport.tree.Loc;

/**
 * The one exception promptport throws: the input cannot be used (invalid JSON, not a
 * Messages request, an unknown target, a limit exceeded). The message is written for the
 * person who supplied the input; {@link #location()} says where. A limit exceeded is a
 * {@link LimitExceededException}, which also names the limit.
 */
public sealed class PromptPortException extends RuntimeException permits LimitExceededException {

    private final transient Loc location;

    public PromptPortException(String message, Loc location) {
        super(message);
        this.location = location == null ? Loc.NONE : location;
    }

    public PromptPortException(String message, Loc location, Throwable cause) {
        super(message, cause);
        this.location = location == null ? Loc.NONE : location;
    }

    public Loc location() {
        return location;
    }

    /** {@code where: message}, or just the message when there is no location. */
    public String describe() {
        String where = location.display();
        return where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
