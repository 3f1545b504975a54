package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.read.DuplicateKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Translates a vendor's server-sent-event stream into Anthropic's, one line at a time.
 *
 * <p>Feed every line of the upstream body to {@link #accept} (without its line break; blank
 * lines matter, they end an event) and send on what it returns; call {@link #finish} when the
 * upstream body ends. The output is Anthropic's event sequence: {@code message_start},
 * {@code ping}, per block {@code content_block_start} / {@code content_block_delta}… /
 * {@code content_block_stop}, then {@code message_delta} (stop reason and the final usage) and
 * {@code message_stop}; or an {@code error} event, after which nothing more is written.
 * Gemini's stream without {@code ?alt=sse}, one JSON array of chunks, is read item by item
 * ({@link JsonArrayItems}) instead of events.
 *
 * <p>Incremental: text and reasoning pieces are passed on as they arrive. A tool call's
 * arguments are collected until the call ends and then sent as one {@code input_json_delta},
 * checked and repaired as in a whole reply ({@link ToolInput}: arguments encoded twice, cut
 * off or not JSON), so the stream's {@code input} is the whole reply's. Memory holds one
 * upstream event, the arguments of the tool calls in progress, and, while a prefill is being
 * restored, at most the prefix's length of text.
 *
 * <p>When the upstream misbehaves the stream ends with an Anthropic {@code error} event
 * ({@code api_error}) instead of a normal stop, so a client never mistakes a broken reply for a
 * complete one: a {@code data:} line that is not JSON (the message names the line), an upstream
 * {@code error} event, or a body that ends before the vendor said the reply was complete.
 * Not thread-safe; one instance per stream.
 */
public final class StreamTranslator {

    private final ReplyFormat format;
    private final UnaryOperator<String> scrub;
    private final Limits limits;
    private final JsonFactory limited;
    private final EventEmitter emitter;
    private final StreamFeed feed;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    /** The event's data while it is one line; then {@link #data} holds none of it. */
    private String onlyData;
    private String eventName;
    private int dataLine;
    private int lineNo;
    /** The last line accepted ended an event that carried something of the reply ({@link #heard}). */
    private boolean heard;
    /** A {@code data:} line came; without one the input is no stream at all ({@link #noEvents}). */
    private boolean sawData;
    /** The first character of the first line that is not blank or a comment, to tell what a non-stream input is. */
    private char firstChar;
    /** Lines before the first {@code data:} line that were no SSE field: their numbers and lengths. */
    private List<int[]> beforeData;
    /** Gemini's stream as one JSON array (no {@code ?alt=sse}), read item by item; {@code null} for server-sent events. */
    private JsonArrayItems arrayItems;

    public StreamTranslator(ReplyFormat format, ReplyContext ctx) {
        this(format, ctx, null);
    }

    /**
     * @param limits an event whose JSON nests deeper than these allow ends the stream with an
     *     error naming the limit; {@code null} leaves Jackson's own nesting limit of 1000
     */
    public StreamTranslator(ReplyFormat format, ReplyContext ctx, Limits limits) {
        this(format, ctx, limits, UnaryOperator.identity());
    }

    /**
     * @param scrub applied to upstream text before an error message quotes a clipped piece of
     *     it (a {@code data:} line that is not JSON), so that a secret the server echoed can be
     *     masked whole: once cut in two it would no longer be recognised
     */
    public StreamTranslator(ReplyFormat format, ReplyContext ctx, Limits limits, UnaryOperator<String> scrub) {
        this.scrub = Objects.requireNonNull(scrub, "scrub");
        this.format = Objects.requireNonNull(format, "format");
        this.limits = limits;
        this.limited = limits == null ? null : Json.factory(limits);
        this.emitter = new EventEmitter(ctx == null ? ReplyContext.NONE : ctx);
        this.feed = switch (format) {
            case OPENAI_CHAT -> new OpenAiChatFeed(emitter);
            case OPENAI_RESPONSES -> new ResponsesFeed(emitter);
            case GEMINI -> new GeminiFeed(emitter);
        };
    }

    /**
     * One line of the upstream SSE body ({@code data: {...}}, {@code event: …}, a blank line,
     * {@code data: [DONE]}, a {@code :} comment). Returns the complete Anthropic events it
     * produced, each {@code "event: NAME\ndata: JSON\n\n"}; often none (an event is handled
     * when the blank line that ends it arrives).
     */
    public List<String> accept(String line) {
        if (line != null && (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 && line.indexOf('\r') < line.length() - 1)) {
            List<String> all = new ArrayList<>();
            for (String l : line.split("\r\n|\r|\n", -1)) {
                all.addAll(accept(l));
            }
            return all;
        }
        lineNo++;
        heard = false;
        if (emitter.terminated() || line == null) {
            return List.of();
        }
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (arrayItems != null) {
            return arrayLine(l);
        }
        if (l.isEmpty()) {
            dispatch();
            return emitter.drain();
        }
        if (l.charAt(0) == ':') {
            return List.of();
        }
        if (firstChar == 0) {
            String t = l.strip();
            firstChar = t.isEmpty() ? 0 : t.charAt(0);
            if (firstChar == '[' && format == ReplyFormat.GEMINI && !sawData) {
                arrayItems = new JsonArrayItems();
                return arrayLine(l);
            }
        }
        int colon = l.indexOf(':');
        int valueStart = colon < 0 ? l.length() : colon + 1;
        if (valueStart < l.length() && l.charAt(valueStart) == ' ') {
            valueStart++;
        }
        // nearly every line is data: its field is told without cutting it out
        String field = colon == 4 && l.startsWith("data") ? "data" : colon < 0 ? l : l.substring(0, colon);
        String value = l.substring(valueStart);
        switch (field) {
            case "data" -> {
                sawData = true;
                if (beforeData != null) {
                    beforeData.forEach(n -> notAField(n[0], n[1]));
                    beforeData = null;
                }
                if (!hasData) {
                    dataLine = lineNo;
                    // most events are one line of data, kept as it is rather than copied twice
                    onlyData = value;
                } else {
                    if (onlyData != null) {
                        data.append(onlyData);
                        onlyData = null;
                    }
                    data.append('\n').append(value);
                }
                hasData = true;
            }
            case "event" -> eventName = value;
            case "id", "retry" -> {
                // they carry nothing to translate
            }
            default -> {
                // no SSE field: a reader ignores the line, so what it holds is in no event. A
                // chunk cut from its "data:" by a stray carriage return ends up here. The line
                // is named by number, not quoted: it may hold what a server echoed
                if (!l.isBlank()) {
                    notAField(lineNo, l.length());
                }
            }
        }
        return List.of();
    }

    /**
     * Names a line that is no SSE field. Before the first {@code data:} line it is only noted: a
     * body without one is no stream at all, which its error says, line by line or not.
     */
    private void notAField(int line, int length) {
        if (!sawData) {
            if (beforeData == null) {
                beforeData = new ArrayList<>();
            }
            beforeData.add(new int[] {line, length});
            return;
        }
        emitter.leftOut("line " + line + " of the stream (" + length
                + " characters), which is no server-sent event field and so in no event");
    }

    /**
     * The upstream body ended: handles a last event that had no blank line after it, then ends
     * the message normally if the vendor had finished it (a finish reason, {@code [DONE]},
     * {@code response.completed}), else with an {@code error} event. Nothing is returned twice;
     * calling it again returns nothing.
     */
    public List<String> finish() {
        if (!emitter.terminated()) {
            dispatch();
        }
        if (!emitter.terminated() && !sawData && arrayItems == null) {
            emitter.fail("api_error", noEvents());
        }
        if (!emitter.terminated()) {
            feed.end();
        }
        return emitter.drain();
    }

    /**
     * A line of Gemini's stream sent as one JSON array: each item it completes is a chunk, as
     * a {@code data:} event's JSON would be.
     */
    private List<String> arrayLine(String line) {
        for (String item : arrayItems.line(line)) {
            if (emitter.terminated()) {
                break;
            }
            translate(item, null, lineNo);
        }
        return emitter.drain();
    }

    /** Why an input without a single {@code data:} line is no stream: most often a whole reply. */
    private String noEvents() {
        String base = "the " + format.id() + " input holds no server-sent events (no \"data:\" lines)";
        if (firstChar == '{') {
            return base + "; it looks like a whole reply: translate it as one (Replies.translate, or promptport reply"
                    + " without --stream)";
        }
        return base;
    }

    /**
     * What the stream has held so far that Anthropic's events have no place for (an image the
     * model made, the vendor's own web citations), one line each, for the caller to log.
     */
    public List<String> leftOut() {
        return emitter.leftOutSoFar();
    }

    /**
     * Whether the last line given to {@link #accept} ended an event that carried something of the
     * reply: not a keep-alive (an empty {@code data:} line, a chunk without choices or candidates),
     * nor a comment or a line of an event not yet ended. A caller that gives up on a silent stream
     * counts only these as the stream moving, so that a stalled model behind keep-alives is left in time.
     */
    public boolean heard() {
        return heard;
    }

    /** Whether the stream is over ({@code message_stop} or {@code error} was returned). */
    public boolean done() {
        return emitter.terminated();
    }

    /** Translates a whole SSE capture; the events are returned in order. */
    public static List<String> translateAll(String sse, ReplyFormat f, ReplyContext c) {
        return translateAll(sse, f, c, null);
    }

    /** As {@link #translateAll(String, ReplyFormat, ReplyContext)} with {@code limits} (or {@code null}). */
    public static List<String> translateAll(String sse, ReplyFormat f, ReplyContext c, Limits limits) {
        return new StreamTranslator(f, c, limits).acceptAll(sse);
    }

    /**
     * A whole SSE capture through this translator, {@link #finish()} included; the events are
     * returned in order, and {@link #leftOut()} says what had no place in them.
     */
    public List<String> acceptAll(String sse) {
        List<String> out = new ArrayList<>();
        if (sse != null && !sse.isEmpty()) {
            String[] lines = sse.split("\r\n|\r|\n", -1);
            int n = lines.length;
            if (n > 0 && lines[n - 1].isEmpty()) {
                n--;
            }
            for (int i = 0; i < n; i++) {
                out.addAll(accept(lines[i]));
            }
        }
        out.addAll(finish());
        return out;
    }

    private void dispatch() {
        if (!hasData) {
            eventName = null;
            return;
        }
        String d = onlyData != null ? onlyData : data.toString();
        onlyData = null;
        String name = eventName;
        int at = dataLine;
        data.setLength(0);
        hasData = false;
        eventName = null;
        String trimmed = d.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        heard = true;
        if (trimmed.equals("[DONE]")) {
            feed.doneMarker();
            return;
        }
        try {
            translate(trimmed, name, at);
        } catch (StackOverflowError e) {
            // only a depth limit set far past the default lets a value nest this deep
            emitter.fail("api_error", "the " + format.id() + " event on line " + at + " is nested too deeply to translate"
                    + " on this thread's stack; lower the JSON depth limit (Limits.withMaxJsonDepth)");
        }
    }

    /** One event's JSON ({@code at}: the line it began on) through the vendor's feed. */
    private void translate(String trimmed, String name, int at) {
        try {
            if (feed.quick(trimmed)) {
                heard = true;
                return;
            }
        } catch (RuntimeException e) {
            emitter.fail("api_error", "the " + format.id() + " event on line " + at + " could not be translated: " + e.getMessage());
            return;
        }
        JsonNode node;
        try {
            node = Json.readReply(trimmed, limited);
        } catch (JsonProcessingException e) {
            String twice = DuplicateKeys.pointer(e);
            if (twice != null) {
                emitter.fail("api_error", "the " + format.id() + " event on line " + at + " was refused: "
                        + DuplicateKeys.message("the event", twice) + " (at " + twice + ")");
                return;
            }
            if (limits != null && Json.tooDeep(e)) {
                emitter.fail("api_error", "the " + format.id() + " event on line " + at + " was refused: "
                        + LimitExceededException.jsonDepth(limits.maxJsonDepth(), null).getMessage());
                return;
            }
            String shown = scrub.apply(trimmed);
            // the parser's message quotes the bad token clipped, which may cut through a secret
            String why = shown.equals(trimmed) ? e.getOriginalMessage() : "invalid JSON";
            emitter.fail("api_error", "the " + format.id() + " stream sent data that is not JSON on line " + at
                    + ": " + why + " (" + AnthropicErrors.snippet(shown) + ")");
            return;
        }
        try {
            node = feed.normalized(node, trimmed);
        } catch (PromptPortException e) {
            emitter.fail("api_error", "the " + format.id() + " event on line " + at + " was refused: " + e.getMessage()
                    + " (at " + e.location().pointer() + ")");
            return;
        }
        heard = !feed.idle(node);
        try {
            feed.event(name, node);
        } catch (RuntimeException e) {
            emitter.fail("api_error", "the " + format.id() + " event on line " + at + " could not be translated: " + e.getMessage());
        }
    }
}
