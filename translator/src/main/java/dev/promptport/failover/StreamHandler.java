package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.StreamTranslator;

import java.util.List;

/**
 * Turns the lines of one vendor stream into Anthropic SSE event strings
 * ({@code "event: NAME\ndata: JSON\n\n"}), and knows when the reply is over.
 */
abstract class StreamHandler {

    /** The events to forward for one line of the vendor's stream (often none). */
    abstract List<String> accept(String line);

    /** Whether the last event has been produced ({@code message_stop} or {@code error}). */
    abstract boolean done();

    /**
     * The body ended normally: the closing events, or {@code null} when the reply was not
     * complete and the caller must end it with an error event.
     */
    abstract List<String> end();

    /** What the vendor's stream held that Anthropic's events have no place for; none from Anthropic. */
    List<String> leftOut() {
        return List.of();
    }

    static StreamHandler forWire(Wire wire, ReplyContext context, Redactor redactor) {
        if (wire == Wire.ANTHROPIC) {
            return new Anthropic();
        }
        return new Translated(new StreamTranslator(wire.format(), context, null, redactor::apply));
    }

    /** The event type of an Anthropic SSE event string: its {@code event:} field, else its data's {@code type}. */
    static String eventType(String event) {
        String data = null;
        for (String line : event.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.startsWith("event:")) {
                return l.substring(6).trim();
            }
            if (l.startsWith("data:") && data == null) {
                data = l.substring(5).trim();
            }
        }
        JsonNode root = data == null ? null : ErrorJson.parse(data);
        return root == null ? "" : root.path("type").asText("");
    }

    /** The payload of an event's {@code data:} lines (joined with line breaks), or {@code null}. */
    static String eventData(String event) {
        StringBuilder b = null;
        for (String line : event.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.startsWith("data:")) {
                String v = l.substring(5);
                if (v.startsWith(" ")) {
                    v = v.substring(1);
                }
                if (b == null) {
                    b = new StringBuilder(v);
                } else {
                    b.append('\n').append(v);
                }
            }
        }
        return b == null ? null : b.toString();
    }

    /** Anthropic's own stream: events are forwarded exactly as received, one string per event. */
    static final class Anthropic extends StreamHandler {

        private final StringBuilder pending = new StringBuilder();
        private boolean over;

        @Override
        List<String> accept(String line) {
            if (over) {
                return List.of();
            }
            if (!line.isEmpty()) {
                pending.append(line).append('\n');
                return List.of();
            }
            if (pending.length() == 0) {
                return List.of();
            }
            String event = pending.append('\n').toString();
            pending.setLength(0);
            String type = eventType(event);
            if ("message_stop".equals(type) || "error".equals(type)) {
                over = true;
            }
            return List.of(event);
        }

        @Override
        boolean done() {
            return over;
        }

        @Override
        List<String> end() {
            // an event the server never ended with a blank line is dropped, as SSE says
            return over ? List.of() : null;
        }
    }

    /**
     * Another vendor's stream, translated by the reply package's {@link StreamTranslator},
     * which itself ends a body that stopped before the vendor finished the reply with an
     * {@code error} event.
     */
    static final class Translated extends StreamHandler {

        private final StreamTranslator translator;

        Translated(StreamTranslator translator) {
            this.translator = translator;
        }

        @Override
        List<String> accept(String line) {
            List<String> out = translator.accept(line);
            return out == null ? List.of() : out;
        }

        @Override
        boolean done() {
            return translator.done();
        }

        @Override
        List<String> end() {
            List<String> out = translator.finish();
            return out == null ? List.of() : out;
        }

        @Override
        List<String> leftOut() {
            return translator.leftOut();
        }
    }
}
