package dev.promptport.read;

import dev.promptport.tree.ByteWords;

/**
 * Where each string of one JSON text ends, for {@link JsonLexer}: its escapes checked, raw
 * control characters refused, and the first escapes' places noted for decoding. A short string
 * (a field name, a role, a type) is looked at a word and a byte at a time. A long one is found
 * with the next quote, backslash and control character at or after the scan position: scanning
 * only moves forward, so each is searched for once over the whole text, quotes and backslashes
 * with {@code String.indexOf}, which the JIT vectorises.
 */
final class StringEnds {

    /** Strings up to this long are looked at a word and a byte at a time (see {@link #end(int)}). */
    private static final int SHORT_STRING = 32;
    /** How many of a string's escapes are noted where they stand (see {@link #escapes()}). */
    private static final int ESCAPES_NOTED = 32;

    private final String source;
    /** The source one byte per char ({@link ByteWords#oneBytePerChar}). */
    private final byte[] bytes;
    private final int length;
    /** Made at the first escape: a stream chunk or a tool call's arguments often have none. */
    private int[] escapes;
    private int escapeCount;
    private int nextQuote = -1;
    private int nextBackslash = -1;
    private int nextControl = -1;

    StringEnds(String source, byte[] bytes, int length) {
        this.source = source;
        this.bytes = bytes;
        this.length = length;
    }

    /** Whether the string last asked for holds an escape, so decoding it needs more than a copy. */
    boolean escaped() {
        return escapeCount > 0;
    }

    /**
     * Where the first escapes of the string last asked for are, so decoding need not search for
     * them again; a string with more has the rest searched for as it is decoded
     * ({@link JsonEscapes}), which costs less than an array grown for the longest string. Null
     * while no string has held an escape.
     */
    int[] escapes() {
        return escapes;
    }

    int escapeCount() {
        return escapeCount;
    }

    /** The next quote at or after the scan position, as far as it is known (-1 before any scan). */
    int nextQuote() {
        return nextQuote;
    }

    /** The first quote after {@code open}, or the text's length; the scan position moves to it. */
    int quoteAfter(int open) {
        if (nextQuote <= open) {
            nextQuote = found(source.indexOf('"', open + 1));
        }
        return nextQuote;
    }

    /**
     * Just past the closing quote of the string whose opening quote is at {@code open}, its
     * escapes checked, raw control characters refused; {@link #escaped()} then tells whether it
     * holds an escape. Strings are asked for in text order.
     */
    int end(int open) {
        escapeCount = 0;
        // a short string (a field name, a role, a type) is looked at here, eight bytes a step and
        // then byte by byte: cheaper than the searches below, which pay off over a prompt's long
        // text; a word marks its first quote, backslash or control character at once
        int stop = Math.min(length, open + 1 + SHORT_STRING);
        int k = open + 1;
        for (; k + 8 <= stop; k += 8) {
            long w = ByteWords.word(bytes, k);
            long marks = ByteWords.equalTo(w, '"') | ByteWords.equalTo(w, '\\') | ByteWords.below(w, 0x20);
            if (marks != 0) {
                k += ByteWords.first(marks);
                if (bytes[k] == '"') {
                    return k + 1;
                }
                stop = k;
                break;
            }
        }
        for (; k < stop; k++) {
            byte c = bytes[k];
            if (c == '"') {
                return k + 1;
            }
            if (c == '\\' || c >= 0 && c < 0x20) {
                break;
            }
        }
        int i = open + 1;
        while (true) {
            i = special(i);
            if (i >= length) {
                throw errors().error(length, "unexpected end of the input inside a string that starts at "
                        + errors().where(open));
            }
            byte c = bytes[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (escapes == null) {
                    escapes = new int[ESCAPES_NOTED];
                }
                if (escapeCount < escapes.length) {
                    escapes[escapeCount] = i;
                }
                escapeCount++;
                i = escape(i);
            } else {
                throw errors().error(i, "a control character (U+" + String.format("%04X", c & 0xFF)
                        + ") must be escaped inside a string");
            }
        }
    }

    /** Checks the escape at {@code i} (a backslash) and returns the index after it. */
    private int escape(int i) {
        if (i + 1 >= length) {
            throw errors().error(length, "unexpected end of the input inside an escape");
        }
        switch (bytes[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                for (int k = i + 2; k < i + 6; k++) {
                    if (k >= length || JsonEscapes.hex(bytes[k]) < 0) {
                        throw errors().error(Math.min(k, length), "a \\u escape needs four hexadecimal digits");
                    }
                }
                return i + 6;
            }
            default -> throw errors().error(i + 1, "'\\" + source.charAt(i + 1) + "' is not a JSON escape");
        }
    }

    /**
     * The first index at or after {@code i} holding a quote, a backslash or a control character,
     * or {@link #length}; {@code i} never goes back between calls.
     */
    private int special(int i) {
        if (nextQuote < i) {
            nextQuote = found(source.indexOf('"', i));
        }
        if (nextBackslash < i) {
            nextBackslash = found(source.indexOf('\\', i));
        }
        if (nextControl < i) {
            // no need to look past this string's end: a string skipped whole through the memo
            // would otherwise make a field name's scan run across it
            nextControl = control(i, nextQuote);
        }
        return Math.min(nextQuote, Math.min(nextBackslash, nextControl));
    }

    private int found(int index) {
        return index < 0 ? length : index;
    }

    /**
     * The first control character at or after {@code i}, or {@code limit} when there is none
     * before it (or a little past it), eight bytes a step.
     */
    private int control(int i, int limit) {
        byte[] b = bytes;
        int last = length - 8;
        while (i <= last) {
            if (i >= limit) {
                return limit;
            }
            long m = ByteWords.below(ByteWords.word(b, i), 0x20);
            if (m != 0) {
                return i + ByteWords.first(m);
            }
            i += 8;
        }
        while (i < length && (b[i] < 0 || b[i] >= 0x20)) {
            i++;
        }
        return i;
    }

    /** Error messages are rare: their helper is made when one is needed. */
    private JsonErrors errors() {
        return new JsonErrors(source, bytes, length);
    }
}
