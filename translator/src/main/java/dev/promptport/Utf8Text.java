package dev.promptport;

import dev.promptport.tree.ByteWords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The String of UTF-8 text that promptport wrote. JDK 17's {@code new String(bytes, UTF_8)}
 * reads text with any character past U+007F a byte at a time and allocates about five bytes a
 * character; its charset decoder is slower still. Written text is mostly ASCII with a few
 * wider characters (an en dash, a curly quote), so it is decoded as its runs: each run of ASCII
 * copied whole as a one-byte String, each run of other characters decoded on its own, and the
 * runs joined into the one String, sized once. Text with many short runs (most languages other
 * than English) goes to the JDK's decoder, which is then as fast.
 */
final class Utf8Text {

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Text() {
    }

    @SuppressWarnings("deprecation") // the one-byte constructor copies ASCII without decoding it
    static String decode(byte[] utf8) {
        int n = utf8.length;
        int i = ascii(utf8, 0, n);
        if (i == n) {
            return new String(utf8, 0, 0, n);
        }
        int most = 8 + n / 64;
        String[] runs = new String[16];
        int count = 0;
        if (i > 0) {
            runs[count++] = new String(utf8, 0, 0, i);
        }
        while (i < n) {
            // bytes past 0x7F are whole characters together: lead and continuation bytes alike
            int end = i + 1;
            while (end < n && utf8[end] < 0) {
                end++;
            }
            if (count + 2 > most) {
                return new String(utf8, StandardCharsets.UTF_8);
            }
            if (count + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[count++] = new String(utf8, i, end - i, StandardCharsets.UTF_8);
            i = ascii(utf8, end, n);
            if (i > end) {
                runs[count++] = new String(utf8, 0, end, i - end);
            }
        }
        // the unused slots join as nothing, which costs less than a copy of the list cut to its length
        Arrays.fill(runs, count, runs.length, "");
        return String.join("", runs);
    }

    /** The first index at or after {@code i} whose byte is past 0x7F, or {@code n}. */
    private static int ascii(byte[] b, int i, int n) {
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
