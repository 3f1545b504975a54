package dev.promptport.rules;

import com.google.re2j.Matcher;

import java.util.Arrays;

/**
 * The matches of a pattern rule in a text, in order. For a rule whose matches stay within a
 * line and hold one of its literals ({@link PatternMatch.Compiled#withinLine}), a long text is
 * searched line by line, only where a literal stands: RE2/J walks a long input with its slowest
 * engine, and a 100,000-character prompt that names Claude a few times took tens of
 * milliseconds per rule. A match found so is the one the whole text's search finds, at the same
 * place: a line starts after a line feed and ends before one, which word boundaries and the
 * {@code m} flag's anchors read as they read the text's own start and end.
 */
final class MatchSpans {

    /** Shorter texts are searched whole: finding their lines would cost more than it saves. */
    static final int LINES_FROM = 4096;

    private final String text;
    private final Matcher matcher;
    /** Start and end of each line to search, in order; null when the text is searched whole. */
    private final int[] lines;
    private int line = -1;
    private int offset;

    MatchSpans(PatternMatch.Compiled compiled, String text) {
        this(compiled, text, compiled.withinLine() && text.length() >= LINES_FROM);
    }

    /** @param byLine whether to search only the lines that hold a literal (the caller has checked it may) */
    MatchSpans(PatternMatch.Compiled compiled, String text, boolean byLine) {
        this.text = text;
        this.lines = byLine ? linesWithLiterals(compiled, text) : null;
        this.matcher = compiled.pattern().matcher(byLine ? "" : text);
    }

    /** Moves to the next match; false when there is none. */
    boolean next() {
        if (lines == null) {
            return matcher.find();
        }
        while (line < 0 || !matcher.find()) {
            line += 2;
            if (line >= lines.length) {
                return false;
            }
            offset = lines[line - 1];
            matcher.reset(new TextSlice(text, offset, lines[line]));
        }
        return true;
    }

    int start() {
        return offset + matcher.start();
    }

    int end() {
        return offset + matcher.end();
    }

    String group() {
        return text.substring(start(), end());
    }

    /** The lines holding any of the literals, as start and end pairs in order, each once. */
    private static int[] linesWithLiterals(PatternMatch.Compiled compiled, String text) {
        String[] literals = compiled.literals();
        int[] found = new int[16];
        int count = 0;
        for (int k = 0; k < literals.length; k++) {
            int from = 0;
            int at;
            while ((at = LiteralSearch.indexOf(text, literals[k], compiled.anchors()[k],
                    compiled.literalsIgnoreCase(), from)) >= 0) {
                int start = text.lastIndexOf('\n', at) + 1;
                int end = text.indexOf('\n', at);
                end = end < 0 ? text.length() : end;
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = start;
                from = end;
            }
        }
        // the same line may hold several literals: order the line starts and keep each once
        int[] starts = Arrays.copyOf(found, count);
        Arrays.sort(starts);
        int[] lines = new int[count * 2];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && starts[i] == starts[i - 1]) {
                continue;
            }
            int end = text.indexOf('\n', starts[i]);
            lines[n++] = starts[i];
            lines[n++] = end < 0 ? text.length() : end;
        }
        return Arrays.copyOf(lines, n);
    }

    /** A view of part of a text, so that a line is searched without being copied. */
    private record TextSlice(String text, int from, int to) implements CharSequence {

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(from + start, from + end);
        }

        @Override
        public String toString() {
            return text.substring(from, to);
        }
    }
}
