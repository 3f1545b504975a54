package dev.promptport.failover;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The point of no return of one stream. The events that open a reply without content
 * ({@code message_start}, {@code ping}, the start of a block) are held back and reach the sink
 * only with the first event after them. Claude's API reports overload on a stream it has
 * already answered with 200 in just this place (after {@code message_start} and before any
 * text), and a stream cut there has shown the caller nothing either: held back, such a failure
 * is an ordinary one and the call fails over, instead of ending the caller's stream with an
 * error before a word was written.
 */
final class Opening {

    private static final Set<String> WITHOUT_CONTENT = Set.of("message_start", "ping", "content_block_start");

    private final Consumer<String> sink;
    private final List<String> held = new ArrayList<>(4);
    private boolean passed;

    Opening(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Passes {@code event} (of type {@code type}) on, or holds it while no content has come. */
    void accept(String type, String event) {
        if (!passed && WITHOUT_CONTENT.contains(type)) {
            held.add(event);
            return;
        }
        release();
        sink.accept(event);
        passed = true;
    }

    /** Sends what is held: the reply is going through. */
    void release() {
        for (String event : held) {
            sink.accept(event);
            passed = true;
        }
        held.clear();
    }

    /** Whether any event reached the sink, so the stream can no longer fail over. */
    boolean passed() {
        return passed;
    }
}
