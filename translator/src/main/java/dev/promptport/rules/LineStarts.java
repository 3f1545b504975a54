package dev.promptport.rules;

import java.util.Arrays;

/**
 * Where the lines of one text start and end, found in one pass when first asked. A section plan
 * asks for the line of every tag mention it rewords; reading back to the line's start each time
 * made a prompt with thousands of tags on one long line (pasted markup) cost its line's length
 * for each of them.
 */
final class LineStarts {

    /**
     * Shorter texts are read back and forth at each place, as their lines cannot be long: the
     * index of a typical prompt's lines cost more memory than the reading saved.
     */
    static final int INDEXED = 1 << 13;

    private final String text;
    /** The places of the text's line breaks ({@code '\n'}), in order; null until asked. */
    private int[] breaks;
    private int count;

    LineStarts(String text) {
        this.text = text;
    }

    /** Where the line holding {@code offset} starts. */
    int start(int offset) {
        if (text.length() < INDEXED) {
            int start = offset;
            while (start > 0 && text.charAt(start - 1) != '\n') {
                start--;
            }
            return start;
        }
        int k = place(offset);
        return k > 0 ? breaks[k - 1] + 1 : 0;
    }

    /** Where the line holding {@code offset} ends: its line break, or the text's end. */
    int end(int offset) {
        if (text.length() < INDEXED) {
            int end = text.indexOf('\n', offset);
            return end < 0 ? text.length() : end;
        }
        int k = place(offset);
        return k < count ? breaks[k] : text.length();
    }

    /** How many line breaks come before {@code offset}. */
    private int place(int offset) {
        if (breaks == null) {
            find();
        }
        int k = Arrays.binarySearch(breaks, 0, count, offset);
        return k >= 0 ? k : -k - 1;
    }

    private void find() {
        breaks = new int[16];
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == breaks.length) {
                breaks = Arrays.copyOf(breaks, count * 2);
            }
            breaks[count++] = i;
        }
    }
}
