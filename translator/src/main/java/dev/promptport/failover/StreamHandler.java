package dev.promptport.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.reply.ClaudePrefill;
import dev.promptport.reply.ReplyContext;
import dev.promptport.reply.StreamTranslator;

import java.util.List;
import java.util.Set;

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
     * Whether the line just accepted ended an event that carried something of the reply. Keep-alives
     * do not: comments, blank {@code data:}, Claude's {@code ping}, chunks without choices or
     * candidates. They prove the connection open, not the reply moving, so they do not hold off
     * the idle timeout, or a stalled model behind them would keep the call from failing over.
     */
    abstract boolean heard();

    /**
     * Why the body turned out not to be this wire's stream (nothing more is accepted), or
     * {@code null}. Streams translated from other vendors report such a body as an
     * {@code error} event instead.
     */
    String failure() {
        return null;
    }

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
            return new Anthropic(redactor, new ClaudePrefill(context));
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

    /**
     * Anthropic's own stream: events are forwarded exactly as received, one string per event.
     * What is not an event is not forwarded: comments (a gateway's {@code : keep-alive}) and
     * blocks without a {@code data:} line, which SSE clients do not dispatch either. Until the
     * first event, a block that is not one of Anthropic's (data that is not a JSON object, a
     * type Anthropic does not send) means the body is not Anthropic's stream at all; after
     * it, only data that is not JSON does, since Anthropic may add event types. Keep-alives are
     * not the reply moving: a block whose data is blank is dropped as a comment is, and a
     * {@code ping} before the first other event is not passed on, so that a stalled endpoint
     * that sends only pings can still be failed over.
     */
    static final class Anthropic extends StreamHandler {

        private static final Set<String> TYPES = Set.of("message_start", "content_block_start",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop", "ping", "error");
        private static final int QUOTED = 120;

        private final Redactor redactor;
        private final ClaudePrefill prefill;
        private final StringBuilder pending = new StringBuilder();
        private boolean started;
        private boolean replying;
        private boolean heard;
        private boolean over;
        private String failure;

        Anthropic(Redactor redactor, ClaudePrefill prefill) {
            this.redactor = redactor;
            this.prefill = prefill;
        }

        @Override
        List<String> accept(String line) {
            heard = false;
            if (over) {
                return List.of();
            }
            if (!line.isEmpty()) {
                if (line.charAt(0) != ':') {
                    pending.append(line).append('\n');
                }
                return List.of();
            }
            String block = pending.append('\n').toString();
            pending.setLength(0);
            String data = eventData(block);
            if (data == null || data.isBlank()) {
                return List.of();
            }
            String type = eventType(block);
            // the first event is parsed whole; after it, Claude's own events are trusted to be
            // JSON objects and only looked at, as every delta of a long reply passes here
            if (started ? !looksLikeObject(data) : !isObject(ErrorJson.parse(data))) {
                return fail("data that is not a JSON object", block);
            }
            if (!started && !TYPES.contains(type)) {
                return fail(type.isEmpty() ? "an event without a type" : "an event of unknown type " + type, block);
            }
            started = true;
            if ("ping".equals(type)) {
                return replying ? List.of(block) : List.of();
            }
            replying = true;
            heard = true;
            if ("message_stop".equals(type) || "error".equals(type)) {
                over = true;
            }
            return prefill.event(block);
        }

        private static boolean isObject(JsonNode root) {
            return root != null && root.isObject();
        }

        private static boolean looksLikeObject(String data) {
            String t = data.strip();
            return t.startsWith("{") && t.endsWith("}");
        }

        private List<String> fail(String what, String block) {
            over = true;
            failure = "the stream sent " + what + " where an Anthropic event belongs: " + redactor.clip(block, QUOTED);
            return List.of();
        }

        @Override
        String failure() {
            return failure;
        }

        @Override
        boolean heard() {
            return heard;
        }

        @Override
        boolean done() {
            return over;
        }

        @Override
        List<String> end() {
            // an event the server never ended with a blank line is dropped, as SSE says
            return over && failure == null ? List.of() : null;
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
        boolean heard() {
            return translator.heard();
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
