package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.read.JsonLexer;

/**
 * What the stream events read without a tree ({@link ChatTextChunk}, {@link ResponsesTextDelta},
 * {@link GeminiTextChunk}) share: which events are small enough for it, and how an index of 0 is
 * written.
 */
final class QuickEvents {

    /** Longer events go through the tree, whose limits apply to them. */
    private static final int MAX_CHARS = 1 << 14;

    private QuickEvents() {
    }

    /**
     * A lexer on {@code json}'s opening brace, or null when the event is too long or not an object.
     *
     * @param depth how deep the event may nest: deeper is not the event looked for
     * @throws dev.promptport.PromptPortException when the lexer refuses the start
     */
    static JsonLexer opened(String json, int depth) {
        if (json.length() > MAX_CHARS || json.isEmpty() || json.charAt(0) != '{') {
            return null;
        }
        JsonLexer p = new JsonLexer(json, depth);
        p.next();
        return p;
    }

    /** Whether the value {@code v} the lexer is on is the whole number 0, written so (not 0.0, -0 or 00). */
    static boolean zero(JsonLexer p, String json, JsonToken v) {
        return v == JsonToken.VALUE_NUMBER_INT && p.tokenEnd() - p.tokenStart() == 1 && json.charAt(p.tokenStart()) == '0';
    }
}
