package dev.promptport.read;

/** Fenced code blocks (``` or ~~~), as CommonMark draws them. */
final class TagFences {

    private final String s;
    private final int n;

    TagFences(String s) {
        this.s = s;
        this.n = s.length();
    }

    boolean opensFence(int lineStart) {
        return fenceLength(lineStart) > 0;
    }

    /**
     * When a fence opens at {@code lineStart}, the end of its closing line (or of the text,
     * for a fence never closed); otherwise -1.
     */
    int blockEnd(int lineStart) {
        int length = fenceLength(lineStart);
        if (length == 0) {
            return -1;
        }
        char fence = s.charAt(fenceStart(lineStart));
        int line = lineEnd(lineStart);
        while (line < n) {
            int start = line + 1;
            int end = lineEnd(start);
            if (closes(start, end, fence, length)) {
                return end;
            }
            line = end;
        }
        return n;
    }

    int lineEnd(int from) {
        int i = s.indexOf('\n', from);
        return i < 0 ? n : i;
    }

    /** Up to three spaces of indentation, as in CommonMark; four make an indented line. */
    private int fenceStart(int lineStart) {
        int j = lineStart;
        while (j < n && j - lineStart < 3 && s.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    private int fenceLength(int lineStart) {
        if (lineStart >= n) {
            return 0;
        }
        int j = fenceStart(lineStart);
        if (j >= n || (s.charAt(j) != '`' && s.charAt(j) != '~')) {
            return 0;
        }
        char fence = s.charAt(j);
        int k = j;
        while (k < n && s.charAt(k) == fence) {
            k++;
        }
        if (k - j < 3) {
            return 0;
        }
        if (fence == '`') {
            // a backtick in the info string makes the line an inline code span, not a fence
            for (int i = k; i < n && s.charAt(i) != '\n'; i++) {
                if (s.charAt(i) == '`') {
                    return 0;
                }
            }
        }
        return k - j;
    }

    private boolean closes(int start, int end, char fence, int length) {
        int j = fenceStart(start);
        int k = j;
        while (k < end && s.charAt(k) == fence) {
            k++;
        }
        if (k - j < length) {
            return false;
        }
        for (; k < end; k++) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
