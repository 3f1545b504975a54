package dev.promptport.read;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/**
 * A JSON string's value from its text, once the lexer has checked it and noted where its
 * escapes are: the runs between escapes are copied from the source in bulk, so decoding needs
 * no second search.
 */
final class JsonEscapes {

    /** Longer strings are decoded in a buffer of their own, so the pool keeps no huge one. */
    private static final int MAX_POOLED = 1 << 16;

    private JsonEscapes() {
    }

    /**
     * The string between {@code from} and {@code to} in {@code source} (quotes excluded), which
     * holds {@code count} escapes; {@code escapes} has where the first of them start, as many as
     * it holds, and the rest are searched for. {@code bytes} is the source one byte per char.
     */
    static String decode(String source, byte[] bytes, int from, int to, int[] escapes, int count) {
        int size = to - from;
        if (size > MAX_POOLED) {
            return decode(source, bytes, from, to, escapes, count, new char[size]);
        }
        // a char buffer from Jackson's per-thread pool: a request's text is then allocated
        // once, as its String, not also as a buffer to build it in
        BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
        try {
            char[] buffer = recycler.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, size);
            String value = decode(source, bytes, from, to, escapes, count, buffer);
            recycler.releaseCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, buffer);
            return value;
        } finally {
            recycler.releaseToPool();
        }
    }

    private static String decode(String source, byte[] bytes, int from, int to, int[] escapes, int count, char[] out) {
        int n = 0;
        int i = from;
        for (int k = 0; k < count; k++) {
            // past the escapes the lexer noted, the next backslash is the next escape: what an
            // escape stands for never holds one
            int s = k < escapes.length ? escapes[k] : source.indexOf('\\', i);
            source.getChars(i, s, out, n);
            n += s - i;
            byte e = bytes[s + 1];
            switch (e) {
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'u' -> {
                    out[n++] = (char) (hex(bytes[s + 2]) << 12 | hex(bytes[s + 3]) << 8 | hex(bytes[s + 4]) << 4 | hex(bytes[s + 5]));
                    i = s + 6;
                    continue;
                }
                default -> out[n++] = (char) e;
            }
            i = s + 2;
        }
        source.getChars(i, to, out, n);
        n += to - i;
        return new String(out, 0, n);
    }

    /** The value of a hex digit, or -1. */
    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
