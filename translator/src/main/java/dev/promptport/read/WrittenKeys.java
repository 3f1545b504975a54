package dev.promptport.read;

import dev.promptport.tree.ByteWords;
import dev.promptport.tree.TextMemo;

/**
 * What the lexer works out from the bytes of a request to find a string or value it has seen
 * before as written (see {@link WrittenString}): memo keys, the end of a string, how deep a
 * value nests. Pure functions of the bytes, one byte per character as the lexer sees them.
 */
final class WrittenKeys {

    private static final long MIX = 0x9E3779B97F4A7C15L;

    private WrittenKeys() {
    }

    /**
     * A string's key: its length {@code n} (quotes included) and sixteen words spread over it,
     * hashed. Strings that share a long opening (one application's prompts often do) still
     * differ here.
     */
    static long string(byte[] bytes, int open, int n) {
        long h = n;
        int span = n - 9;
        for (int k = 0; k < 16; k++) {
            h = (h ^ ByteWords.word(bytes, open + 1 + (int) ((long) span * k / 16))) * MIX;
        }
        h = (h ^ ByteWords.word(bytes, open + n - 9)) * MIX;
        return h ^ (h >>> 29);
    }

    /**
     * An object's or array's key: its length is unknown before it is read, so its first
     * {@link TextMemo#MIN_CHARS} bytes are hashed (there must be that many), with {@code salt};
     * never 0, which callers use for "no key".
     */
    static long value(byte[] bytes, int open, long salt) {
        long h = 0x5DEECE66DL + salt * 0xC2B2AE3D27D4EB4FL;
        for (int k = 0; k < TextMemo.MIN_CHARS; k += 8) {
            h = (h ^ ByteWords.word(bytes, open + k)) * MIX;
        }
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    /**
     * The quote that closes the string opening at {@code open}, found from its first quote
     * {@code q} by skipping escaped ones, or the length. A quote is escaped when an odd run of
     * backslashes precedes it. Prompts with attributes ({@code <doc id=\"1\">}) hold many
     * escaped quotes, and a search for the next quote is much cheaper than the full scan. For a
     * string that breaks a rule the answer may be wrong: the lexer trusts it only when the bytes
     * match a string it checked before, and otherwise its full scan decides.
     */
    static int closingQuote(String source, byte[] bytes, int q, int open) {
        int length = source.length();
        while (q >= 0 && q < length) {
            int b = q - 1;
            while (b > open && bytes[b] == '\\') {
                b--;
            }
            if (((q - 1 - b) & 1) == 0) {
                return q;
            }
            q = source.indexOf('"', q + 1);
        }
        return length;
    }

    /** How deep brackets nest in the valid JSON value from {@code from} to {@code to}. */
    static int nesting(byte[] bytes, int from, int to) {
        int d = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++d);
            } else if (c == '}' || c == ']') {
                d--;
            }
        }
        return deepest;
    }
}
