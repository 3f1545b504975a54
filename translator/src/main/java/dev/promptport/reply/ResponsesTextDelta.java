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
 * as before, so an event reads the same either way.
 *
 * @param out the output index, -1 when the event gives none
 */
record ResponsesTextDelta(String itemId, int out, int contentIndex, String delta) {

    private static final String TYPE = "response.output_text.delta";

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
        try {
            JsonLexer p = QuickEvents.opened(json, DEPTH);
            if (p == null) {
                return null;
            }
            String itemId = null;
            String delta = null;
            int out = -1;
            int contentIndex = 0;
            int seen = 0;
            JsonToken t;
            while ((t = p.next()) == JsonToken.FIELD_NAME) {
                String name = p.name();
                JsonToken v = p.next();
                int key;
                switch (name) {
                    case "type" -> key = v == JsonToken.VALUE_STRING && p.string().equals(TYPE) ? KIND : 0;
                    case "sequence_number" -> key = v == JsonToken.VALUE_NUMBER_INT ? SEQUENCE : 0;
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
                    case "delta" -> {
                        key = v == JsonToken.VALUE_STRING ? DELTA : 0;
                        delta = key == 0 ? null : p.string();
                    }
                    // log-probabilities asked for are named by the tree's way
                    case "logprobs" -> key = v == JsonToken.START_ARRAY && p.next() == JsonToken.END_ARRAY ? LOGPROBS : 0;
                    case "obfuscation" -> key = v == JsonToken.VALUE_STRING ? OBFUSCATION : 0;
                    default -> key = 0;
                }
                if (key == 0 || (seen & key) != 0) {
                    return null;
                }
                seen |= key;
            }
            if (t != JsonToken.END_OBJECT || (seen & (KIND | DELTA)) != (KIND | DELTA) || out < 0 && (seen & OUTPUT) != 0) {
                return null;
            }
            p.requireEnd();
            return new ResponsesTextDelta(itemId, out, contentIndex, delta);
        } catch (PromptPortException | NumberFormatException e) {
            return null;
        }
    }
}
