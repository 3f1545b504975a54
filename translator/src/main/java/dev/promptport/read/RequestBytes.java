package dev.promptport.read;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A request received as UTF-8 bytes, as the text the readers take, with the one-byte copy the
 * JSON lexer scans ({@link JsonLexer}). An ASCII request's bytes are that copy already; any
 * other request's copy is made as its bytes are decoded, so the lexer never encodes the whole
 * text again. Public for the library's own callers (the traffic audit, failover); not part of
 * promptport's API.
 *
 * @param text the request decoded
 * @param view {@code text} one byte per char in its first {@code text.length()} bytes (the bytes
 *     themselves when the request is ASCII), or null for the lexer to make it
 */
public record RequestBytes(String text, byte[] view) {

    public RequestBytes {
        if (view != null && view.length < text.length()) {
            throw new IllegalArgumentException("the one-byte copy is shorter than the text");
        }
    }

    /**
     * Decodes {@code utf8}, which is only read, never changed or kept beyond the text's copy.
     *
     * @throws PromptPortException when the bytes are not valid UTF-8, naming the first bad byte
     */
    public static RequestBytes of(byte[] utf8) {
        return of(utf8, false);
    }

    /**
     * As {@link #of}, for a caller done with the request when its call returns: the copy of a
     * request past ASCII is made in a buffer from Jackson's per-thread pool, which
     * {@link #giveBack} returns it to.
     */
    public static RequestBytes ofPooled(byte[] utf8) {
        return of(utf8, true);
    }

    private static RequestBytes of(byte[] utf8, boolean pooled) {
        if (ascii(utf8, 0, utf8.length)) {
            return new RequestBytes(new String(utf8, StandardCharsets.ISO_8859_1), utf8);
        }
        byte[] view = pooled ? SourceBytes.take(utf8.length) : new byte[utf8.length];
        String text = Utf8Text.decode(utf8, 0, utf8.length, view);
        // only malformed bytes or a real U+FFFD put one there; the strict check is for those
        if (text.indexOf('\uFFFD') >= 0) {
            int bad = malformedAt(utf8);
            if (bad >= 0) {
                if (pooled) {
                    SourceBytes.giveBack(view);
                }
                throw new PromptPortException(String.format(java.util.Locale.ROOT,
                        "the request is not valid UTF-8 text (byte 0x%02X at offset %d); send it as UTF-8",
                        utf8[bad] & 0xFF, bad), at(utf8, bad));
            }
        }
        return new RequestBytes(text, view);
    }

    /**
     * Gives back the copy {@link #ofPooled} made of {@code utf8}; an ASCII request's copy is
     * the caller's own bytes, which never go into the pool.
     */
    public void giveBack(byte[] utf8) {
        if (view != utf8) {
            SourceBytes.giveBack(view);
        }
    }

    /** Whether every byte in {@code [from, to)} is below 0x80, eight at a time, stopping at the first that is not. */
    public static boolean ascii(byte[] b, int from, int to) {
        return Utf8Text.asciiEnd(b, from, to) == to;
    }

    private static int malformedAt(byte[] utf8) {
        return malformedAt(utf8, 0, utf8.length);
    }

    /** The offset from {@code from} of the first of {@code length} bytes that is not valid UTF-8, or -1. */
    public static int malformedAt(byte[] b, int from, int length) {
        ByteBuffer in = ByteBuffer.wrap(b, from, length);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        CoderResult r = strict.decode(in, CharBuffer.allocate(length), true);
        return r.isError() ? in.position() - from : -1;
    }

    /** The line and column (in chars) of the byte at {@code offset}. */
    private static Loc at(byte[] utf8, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (utf8[i] == '\n') {
                line++;
                column = 1;
            } else if ((utf8[i] & 0xC0) != 0x80) {
                // a continuation byte belongs to the char its lead byte started; a four-byte
                // char is two chars, as a column counts them elsewhere
                column += (utf8[i] & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return Loc.position(line, column);
    }
}
