package dev.promptport.read;

import dev.promptport.tree.ByteWords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 bytes as a String: promptport's written requests, requests received as bytes, the lines
 * of a traffic log. JDK 17's {@code new String(bytes, UTF_8)} reads text with any character past
 * U+007F a byte at a time and allocates about five bytes a character; its charset decoder is
 * slower still. Such text is mostly ASCII with a few wider characters (an en dash, a curly
 * quote), so it is decoded as its runs: each run of ASCII copied whole as a one-byte String, each
 * run of other characters decoded on its own, and the runs joined into the one String, sized once.
 * Text with many short runs (most languages other than English) goes to the JDK's decoder, which
 * is then as fast. Public for the library's own callers; not part of promptport's API.
 *
 * <p>Valid UTF-8 gives what the JDK's decoder gives. Bytes that are not valid UTF-8 give a
 * U+FFFD where they stand, as the JDK's decoder does: a malformed sequence lies inside one run
 * of bytes past 0x7F, whose decoding replaces it. How many replacement characters it makes may
 * differ from a decoding of the whole text, so a caller that finds one checks the bytes strictly.
 */
public final class Utf8Text {

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Text() {
    }

    public static String decode(byte[] utf8) {
        return decode(utf8, 0, utf8.length, null);
    }

    /** The bytes {@code [from, to)} decoded. */
    public static String decode(byte[] utf8, int from, int to) {
        return decode(utf8, from, to, null);
    }

    /**
     * The bytes {@code [from, to)} decoded, and, when {@code view} is not null, the text one byte
     * per char in its first chars, as {@link ByteWords#oneBytePerChar(String)} gives it: the
     * copy the JSON lexer scans, made from the runs as they are decoded rather than from the
     * whole text again afterwards.
     *
     * @param view at least {@code to - from} bytes, which no text of those bytes outgrows
     */
    @SuppressWarnings("deprecation") // the one-byte constructor copies ASCII without decoding it
    public static String decode(byte[] utf8, int from, int to, byte[] view) {
        int i = asciiEnd(utf8, from, to);
        if (view != null) {
            System.arraycopy(utf8, from, view, 0, i - from);
        }
        if (i == to) {
            return new String(utf8, 0, from, to - from);
        }
        int most = 8 + (to - from) / 64;
        String[] runs = new String[16];
        int count = 0;
        // the chars decoded so far: where the next run's one-byte copy goes
        int chars = i - from;
        if (i > from) {
            runs[count++] = new String(utf8, 0, from, i - from);
        }
        while (i < to) {
            // bytes past 0x7F are whole characters together: lead and continuation bytes alike
            int end = i + 1;
            while (end < to && utf8[end] < 0) {
                end++;
            }
            if (count + 2 > most) {
                String text = new String(utf8, from, to - from, StandardCharsets.UTF_8);
                if (view != null) {
                    byte[] copy = ByteWords.oneBytePerChar(text);
                    System.arraycopy(copy, 0, view, 0, copy.length);
                }
                return text;
            }
            if (count + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            String wide = new String(utf8, i, end - i, StandardCharsets.UTF_8);
            runs[count++] = wide;
            if (view != null) {
                for (int k = 0; k < wide.length(); k++) {
                    char c = wide.charAt(k);
                    view[chars + k] = c <= 0xFF ? (byte) c : (byte) '?';
                }
            }
            chars += wide.length();
            i = asciiEnd(utf8, end, to);
            if (i > end) {
                runs[count++] = new String(utf8, 0, end, i - end);
                if (view != null) {
                    System.arraycopy(utf8, end, view, chars, i - end);
                }
                chars += i - end;
            }
        }
        // the unused slots join as nothing, which costs less than a copy of the list cut to its length
        Arrays.fill(runs, count, runs.length, "");
        return String.join("", runs);
    }

    /** The first index at or after {@code i} before {@code n} whose byte is past 0x7F, or {@code n}. */
    static int asciiEnd(byte[] b, int i, int n) {
        int limit = n - 8;
        while (i <= limit) {
            long high = ByteWords.word(b, i) & HIGH_BITS;
            if (high != 0) {
                return i + ByteWords.first(high);
            }
            i += 8;
        }
        while (i < n && b[i] >= 0) {
            i++;
        }
        return i;
    }
}
