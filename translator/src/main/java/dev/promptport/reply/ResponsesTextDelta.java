package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.PromptPortException;
import dev.promptport.read.JsonLexer;

/**
 * The Responses stream event that carries only a piece of the reply's text, which a stream sends
 * hundreds of times:
 * {@code {"type":"response.output_text.delta","sequence_number":…,"item_id":…,"output_index":0,
 * "content_index":0,"delta":"…","logprobs":[],"obfuscation":…}}. Read with the request lexer,
 * without building a Jackson tree (as {@link ChatTextChunk} does for OpenAI Chat).
 *
 * <p>Anything else is not this event: another key, a key twice, a value of another kind, log
 * probabilities, an index past an int, JSON the lexer refuses, a long event. The tree reads those
 * as before, so an event reads the same either way. Within a stream, what the deltas repeat around
 * their sequence number is skipped ({@link Runs}).
 *
 * @param out the output index, -1 when the event gives none
 */
record ResponsesTextDelta(String itemId, int out, int contentIndex, String delta) {

    private static final String TYPE = "response.output_text.delta";
    private static final String SEQUENCE_NAME = "sequence_number";
    private static final String DELTA_NAME = "delta";

    /** The event and its (empty) log-probabilities. */
    private static final int DEPTH = 2;

    // the event's keys, each allowed once
    private static final int KIND = 1;
    private static final int SEQUENCE = 2;
    private static final int ITEM = 4;
    private static final int OUTPUT = 8;
    private static final int CONTENT = 16;
    private static final int DELTA = 32;
    private static final int LOGPROBS = 64;
    private static final int OBFUSCATION = 128;

    /** The event, or null when {@code json} is any other. */
    static ResponsesTextDelta read(String json) {
        return read(json, null);
    }

    /**
     * As {@link #read(String)}, with what the stream's earlier deltas held around their sequence
     * number: a delta that holds the very same characters there is read on after them.
     *
     * @param runs the stream's, or null
     */
    static ResponsesTextDelta read(String json, Runs runs) {
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            Values values = new Values();
            Run opening = runs == null ? null : runs.opening;
            boolean opened = opening != null && values.skip(p, opening);
            // where a new opening starts, when the one looked for is not this delta's
            JsonLexer.Place start = runs != null && !opened && runs.openings.open() ? p.place() : null;
            JsonToken t = opened ? JsonToken.FIELD_NAME : p.next();
            // where the run after the sequence number starts, and the keys seen before it
            JsonLexer.Place middleFrom = null;
            int seenBefore = 0;
            Run newOpening = null;
            Run newMiddle = null;
            while (t == JsonToken.FIELD_NAME) {
                String name = p.name();
                if (start != null && name.equals(SEQUENCE_NAME)) {
                    newOpening = Run.read(json, start, p.place(), 0, values);
                } else if (middleFrom != null && name.equals(DELTA_NAME)) {
                    newMiddle = Run.read(json, middleFrom, p.place(), seenBefore, values);
                    middleFrom = null;
                }
                if (!values.read(p, json, name, p.next())) {
                    return null;
                }
                if (runs != null && name.equals(SEQUENCE_NAME)) {
                    Run middle = runs.middle;
                    if (middle == null || !values.skip(p, middle)) {
                        middleFrom = runs.middles.open() ? p.place() : null;
                        seenBefore = values.seen;
                        t = p.next();
                    }
                } else {
                    t = p.next();
                }
            }
            if (t != JsonToken.END_OBJECT || !values.whole()) {
                return null;
            }
            p.requireEnd();
            if (runs != null) {
                runs.keep(newOpening, newMiddle);
            }
            return new ResponsesTextDelta(values.itemId, values.out, values.contentIndex, values.delta);
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        }
    }

    /** What is read of a delta's keys. */
    private static final class Values {

        private String itemId;
        private String delta;
        private int out = -1;
        private int contentIndex;
        private int seen;

        /** Reads the value {@code v} of key {@code name}: false when it is not this event's. */
        boolean read(JsonLexer p, String json, String name, JsonToken v) {
            int key;
            switch (name) {
                case "type" -> key = v == JsonToken.VALUE_STRING && p.string().equals(TYPE) ? KIND : 0;
                case SEQUENCE_NAME -> key = v == JsonToken.VALUE_NUMBER_INT ? SEQUENCE : 0;
                case "item_id" -> {
                    key = v == JsonToken.VALUE_STRING ? ITEM : 0;
                    itemId = key == 0 ? null : p.string();
                }
                case "output_index" -> {
                    key = v == JsonToken.VALUE_NUMBER_INT ? OUTPUT : 0;
                    out = key == 0 ? -1 : Integer.parseInt(json, p.tokenStart(), p.tokenEnd(), 10);
                }
                case "content_index" -> {
                    key = v == JsonToken.VALUE_NUMBER_INT ? CONTENT : 0;
                    contentIndex = key == 0 ? 0 : Integer.parseInt(json, p.tokenStart(), p.tokenEnd(), 10);
                }
                case DELTA_NAME -> {
                    key = v == JsonToken.VALUE_STRING ? DELTA : 0;
                    delta = key == 0 ? null : p.string();
                }
                // log-probabilities asked for are named by the tree's way
                case "logprobs" -> key = v == JsonToken.START_ARRAY && p.next() == JsonToken.END_ARRAY ? LOGPROBS : 0;
                case "obfuscation" -> key = v == JsonToken.VALUE_STRING ? OBFUSCATION : 0;
                default -> key = 0;
            }
            if (key == 0 || (seen & key) != 0) {
                return false;
            }
            seen |= key;
            return true;
        }

        /**
         * When the text holds {@code run} where the lexer stands, skips it and takes what it
         * held: false when it does not, or when a key of the run was seen already, which the text
         * then holds twice.
         */
        boolean skip(JsonLexer p, Run run) {
            if ((seen & run.seen) != 0 || !p.skip(run.lexed)) {
                return false;
            }
            seen |= run.seen;
            if ((run.seen & ITEM) != 0) {
                itemId = run.itemId;
            }
            if ((run.seen & OUTPUT) != 0) {
                out = run.out;
            }
            if ((run.seen & CONTENT) != 0) {
                contentIndex = run.contentIndex;
            }
            return true;
        }

        /** Whether the event holds what it must: its type and text, and an output index that fits an int. */
        boolean whole() {
            return (seen & (KIND | DELTA)) == (KIND | DELTA) && (out >= 0 || (seen & OUTPUT) == 0);
        }
    }

    /**
     * A run of a delta's text between two of its keys, and what its keys held: the keys that
     * come before its varying sequence number (the opening), or between that number and the
     * text. OpenAI writes the same there in every text delta of an item.
     *
     * @param lexed the run's characters, as the lexer skips them
     * @param seen the keys the run holds, never the text's
     */
    private record Run(JsonLexer.Run lexed, int seen, String itemId, int out, int contentIndex) {

        /**
         * The run from {@code from} to {@code to} of a delta read that far, whose keys are those
         * seen since {@code seenBefore}; null when it holds the text, which varies, or a char the
         * one-byte copy cannot tell apart.
         */
        static Run read(String json, JsonLexer.Place from, JsonLexer.Place to, int seenBefore, Values values) {
            int seen = values.seen & ~seenBefore;
            JsonLexer.Run lexed = (seen & DELTA) != 0 ? null : JsonLexer.Run.of(json, from, to);
            return lexed == null ? null : new Run(lexed, seen, values.itemId, values.out, values.contentIndex);
        }
    }

    /**
     * What a stream's text deltas held around their sequence number, one for each stream, kept by
     * its feed. A run is taken from a delta read to its end, as long as its {@link RunChanges} allow.
     */
    static final class Runs {

        private Run opening;
        private Run middle;
        private final RunChanges openings = new RunChanges();
        private final RunChanges middles = new RunChanges();

        /** A delta was read whole, and held these runs where the ones looked for were not (null: none). */
        private void keep(Run newOpening, Run newMiddle) {
            if (newOpening != null && openings.take()) {
                opening = newOpening;
            }
            if (newMiddle != null && middles.take()) {
                middle = newMiddle;
            }
        }
    }
}
