package dev.promptport.rules;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

import dev.promptport.tree.DeferredText;

import java.util.Arrays;

/**
 * A text being written as ranges of a source text and strings put in between, made into one
 * String at the end. It is written in a char buffer from Jackson's per-thread pool, sized for
 * the source and a little more, so only the String itself is allocated: one byte a character,
 * or three for a text with a character past U+00FF (an en dash), which the JDK first tries to
 * store at one byte. A StringBuilder grows and copies, and for such a text throws a one-byte
 * buffer away for a two-byte one: about six bytes a character.
 *
 * <p>Not thread-safe; one per rewrite, and {@link #text()} ends it.
 */
final class Spliced {

    /** Longer texts are written in a buffer of their own, so the pool keeps no huge one. */
    private static final int MAX_POOLED = 1 << 16;

    private final String source;
    private final boolean pooled;
    private char[] buf;
    private int length;

    /** @param extra about how many characters the text adds to its source, so that the buffer need not grow */
    Spliced(String source, int extra) {
        this.source = source;
        int size = source.length() + extra;
        this.pooled = size <= MAX_POOLED;
        if (pooled) {
            BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
            try {
                // the slot the JSON reader decodes strings in: a rewrite never runs inside a decode
                buf = recycler.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, size);
            } finally {
                recycler.releaseToPool();
            }
        } else {
            buf = new char[size];
        }
    }

    int length() {
        return length;
    }

    /** Source {@code [start, end)}. */
    void appendSource(int start, int end) {
        if (start < end) {
            room(end - start);
            source.getChars(start, end, buf, length);
            length += end - start;
        }
    }

    void append(String s) {
        int n = s.length();
        room(n);
        s.getChars(0, n, buf, length);
        length += n;
    }

    private void room(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(length + n, buf.length + (buf.length >> 1)));
        }
    }

    char charAt(int index) {
        return buf[index];
    }

    /** Cuts the text to its first {@code newLength} characters. */
    void setLength(int newLength) {
        length = newLength;
    }

    /** The text written; the buffer goes back to the pool, so nothing may be written after. */
    String text() {
        String text = new String(buf, 0, length);
        release();
        return text;
    }

    /**
     * Hands the text written to {@code sink} as characters, without making a String; the buffer
     * then goes back to the pool, so nothing may be written after.
     */
    void writeTo(DeferredText.Sink sink) {
        try {
            sink.chars(buf, length);
        } finally {
            release();
        }
    }

    private void release() {
        if (pooled && buf.length <= MAX_POOLED) {
            BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
            try {
                recycler.releaseCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, buf);
            } finally {
                recycler.releaseToPool();
            }
        }
        buf = null;
    }
}
