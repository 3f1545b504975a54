package dev.promptport.tree;

import java.util.Arrays;

/** Turns offsets into a text into 1-based line and column numbers. Immutable. */
public final class LineIndex {

    /** The first {@code count} entries are the lines' starts; the rest is room never used. */
    private final int[] lineStarts;
    private final int count;

    private LineIndex(int[] lineStarts, int count) {
        this.lineStarts = lineStarts;
        this.count = count;
    }

    public static LineIndex of(CharSequence text) {
        if (text instanceof String s) {
            return upTo(s, s.length());
        }
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(starts, count);
    }

    /**
     * The lines of {@code text} as far as {@code end}: enough to locate offsets up to
     * {@code end}, and no more. Findings usually sit in the first part of a long prompt, and the
     * rest of it need not be read to place them.
     */
    public static LineIndex upTo(String text, int end) {
        // room for lines of 64 characters on average, so that a prompt's index is mostly made
        // in one array, not in several that each replace the last
        int[] starts = new int[16 + end / 64];
        int count = 1;
        // indexOf is vectorized by the JVM; a charAt loop is several times slower on long prompts
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return new LineIndex(starts, count);
    }

    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, 0, count, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The position of {@code offset}, inside the text that {@code base} names. */
    public Loc locate(Loc base, int offset) {
        int line = line(offset);
        int column = offset - lineStarts[line - 1] + 1;
        if (base == null || base.pointer() == null) {
            // a prompt file: lines count from the file's first line
            int baseLine = base == null || base.line() == 0 ? 1 : base.line();
            return Loc.position(baseLine + line - 1, line == 1 && base != null && base.column() > 0
                    ? base.column() + column - 1 : column);
        }
        return base.at(line, column);
    }
}
