package dev.promptport.tree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Looks at eight bytes at once (one {@code long}) for the scans on the translate hot path: the
 * request lexer's search for control characters, the memo's search for {@code ?}, the writer's
 * search for characters to escape. It lives with the shared model because the reader and the
 * writer both use it; it is not part of promptport's API.
 *
 * <p>Each test sets the high bit of every byte that matches. A subtraction may borrow into the
 * bytes above a match and mark some of them too, but never a byte below one, so the lowest set
 * bit always marks the first match ({@link #first}). Bytes of 0x80 and above never match
 * {@link #below}.
 */
public final class ByteWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /**
     * {@code s}'s chars from {@code from} to {@code to}, one byte each, to be found again in
     * another text's {@link #oneBytePerChar} copy: null when one is past U+00FF or a {@code '?'},
     * which that copy cannot tell apart.
     */
    public static byte[] exactBytes(String s, int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c > 0xFF || c == '?') {
                return null;
            }
            b[i - from] = (byte) c;
        }
        return b;
    }

    /**
     * {@code s} one byte per char, at the same offsets: Latin-1 keeps every ASCII char, so every
     * JSON structural char and escape, in place; a char past U+00FF becomes {@code ?}, which
     * needs no escape. (The encoder alone would turn a surrogate pair into one {@code ?}.)
     */
    public static byte[] oneBytePerChar(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int n = s.length();
        if (b.length == n) {
            return b;
        }
        // The encoder wrote one '?' for each surrogate pair (an emoji): the copy is taken again
        // with a second '?' for each. Only the '?' are looked at in the text; a loop over every
        // char of a 400,000-char conversation with one emoji took a tenth of its failover.
        byte[] out = new byte[n];
        int i = 0;
        int j = 0;
        while (j < b.length) {
            int q = indexOf(b, j, '?');
            System.arraycopy(b, j, out, i, q - j);
            i += q - j;
            if (q == b.length) {
                break;
            }
            out[i] = '?';
            if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out[i + 1] = '?';
                i += 2;
            } else {
                i++;
            }
            j = q + 1;
        }
        return out;
    }

    /** The first index at or after {@code from} where {@code b} holds {@code c}, or {@code b.length}. */
    public static int indexOf(byte[] b, int from, char c) {
        int i = from;
        for (int limit = b.length - 8; i <= limit; i += 8) {
            long m = equalTo(word(b, i), c);
            if (m != 0) {
                return i + first(m);
            }
        }
        while (i < b.length && b[i] != (byte) c) {
            i++;
        }
        return i;
    }

    /**
     * As {@link #oneBytePerChar(String)}, into the first {@code s.length()} bytes of {@code into}
     * (a pooled buffer, so a request's copy is not allocated each time), by way of
     * {@code chars}, which holds at least as many.
     */
    public static void oneBytePerChar(String s, byte[] into, char[] chars) {
        int n = s.length();
        s.getChars(0, n, chars, 0);
        oneBytePerChar(chars, n, into);
    }

    /**
     * {@code chars[0, n)} one byte per char into {@code into}, as {@link #oneBytePerChar(String)}
     * gives them. Latin-1's encoder copies the chars on whole vectors until one past
     * U+00FF; each such char, or surrogate pair, becomes as many {@code ?} as it has chars, so
     * every offset stays where it was. The encoder starts again after each: past a few, as in
     * Chinese or Japanese text, a char at a time costs less.
     */
    public static void oneBytePerChar(char[] chars, int n, byte[] into) {
        CharBuffer in = CharBuffer.wrap(chars, 0, n);
        ByteBuffer out = ByteBuffer.wrap(into, 0, n);
        CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
        for (int restarts = 0; ; restarts++) {
            CoderResult r = latin1.encode(in, out, true);
            if (!r.isError()) {
                return;
            }
            if (restarts == MAX_RESTARTS) {
                for (int i = in.position(); i < n; i++) {
                    char c = chars[i];
                    into[i] = c <= 0xFF ? (byte) c : (byte) '?';
                }
                return;
            }
            for (int k = r.length(); k > 0; k--) {
                out.put((byte) '?');
                in.get();
            }
        }
    }

    /** Chars past U+00FF the encoder is started again after, before the rest goes a char at a time. */
    private static final int MAX_RESTARTS = 8;

    /** The eight bytes of {@code b} from {@code i}, the first in the lowest bits. */
    public static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Marks the bytes of {@code w} equal to {@code c}. */
    public static long equalTo(long w, char c) {
        long x = w ^ (ONES * c);
        return (x - ONES) & ~x & HIGHS;
    }

    /** Marks the bytes of {@code w} below {@code n}, which is at most 0x80. */
    public static long below(long w, int n) {
        return (w - ONES * n) & ~w & HIGHS;
    }

    /**
     * The position in its word of the first byte {@code marks} marks; {@code marks} is not 0
     * and marks bytes by their high bit only, as {@link #equalTo} and {@link #below} do.
     * The lowest mark, moved to its byte's low bit, multiplies a word whose byte {@code 7 - k}
     * holds {@code k} into the top byte: a multiply where {@link Long#numberOfTrailingZeros}
     * is two calls under the quick compiler (C1), which a small traffic log runs under.
     */
    public static int first(long marks) {
        return (int) ((((marks & -marks) >>> 7) * POSITIONS) >>> 56);
    }

    /** Byte {@code 7 - k} holds {@code k}. */
    private static final long POSITIONS = 0x0001020304050607L;
}
