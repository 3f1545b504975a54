package dev.promptport.read;

/**
 * Fenced code blocks (``` or ~~~), as CommonMark draws them: at most three spaces before the
 * fence, or more inside a list item, whose content starts further right, or in text that is
 * all shifted right (a prompt pasted from an indented string), whose margin is further right.
 */
final class TagFences {

    private final String s;
    private final int n;

    /** The last shifted fence found never closed: no closer follows it for one as strict. */
    private int unclosedFrom = -1;
    private char unclosedFence;
    private int unclosedLength;
    private int unclosedCloseIndent;

    TagFences(String s) {
        this.s = s;
        this.n = s.length();
    }

    boolean opensFence(int lineStart) {
        return fenceLength(lineStart) > 0;
    }

    private boolean knownUnclosed(int lineStart, char fence, int length, int closeIndent) {
        return unclosedFrom >= 0 && lineStart > unclosedFrom && fence == unclosedFence
                && length >= unclosedLength && closeIndent <= unclosedCloseIndent;
    }

    /**
     * When a fence opens at {@code lineStart}, the end of its closing line (or, for a fence
     * never closed, of the text, or of its last line within the margin of shifted text);
     * otherwise -1.
     */
    int blockEnd(int lineStart) {
        int length = fenceLength(lineStart);
        if (length == 0) {
            return -1;
        }
        int indent = indent(lineStart);
        char fence = s.charAt(lineStart + indent);
        // a fence inside a list item may close as far right as it opened, and three spaces more
        int closeIndent = indent > 3 ? indent + 3 : 3;
        // in shifted text, a fence never closed (an example cut short) ends with the text's margin
        int margin = indent > 3 && !inListItem(lineStart, indent) ? shiftedMargin(lineStart) : 0;
        boolean mayClose = margin == 0 || !knownUnclosed(lineStart, fence, length, closeIndent);
        int dedent = -1;
        int line = lineEnd(lineStart);
        while (line < n) {
            int start = line + 1;
            int end = lineEnd(start);
            if (mayClose && closes(start, end, fence, length, closeIndent)) {
                return end;
            }
            if (margin > 0 && dedent < 0 && indent(start) < margin && !blank(start + indent(start), end)) {
                if (!mayClose) {
                    return line;
                }
                dedent = line;
            }
            line = end;
        }
        if (margin > 0) {
            // remembered so that later fences like it end at their margin without a search to
            // the end of the text each
            unclosedFrom = lineStart;
            unclosedFence = fence;
            unclosedLength = length;
            unclosedCloseIndent = closeIndent;
        }
        return dedent >= 0 ? dedent : n;
    }

    /**
     * The end of the fenced block opened by the backtick or tilde at {@code at}, or -1 when it
     * opens none. It opens one only on a line that starts after {@code from} (where scanning
     * resumed: an earlier line start was passed inside a tag, comment or code), with only
     * spaces before it: how many a fence may have is for {@link #blockEnd} to say.
     */
    int blockEndFrom(int at, int from) {
        int lineStart = at;
        while (lineStart - 1 >= from && s.charAt(lineStart - 1) == ' ') {
            lineStart--;
        }
        if (lineStart - 1 < from || s.charAt(lineStart - 1) != '\n') {
            return -1;
        }
        return blockEnd(lineStart);
    }

    int lineEnd(int from) {
        int i = s.indexOf('\n', from);
        return i < 0 ? n : i;
    }

    private int indent(int lineStart) {
        int j = lineStart;
        while (j < n && s.charAt(j) == ' ') {
            j++;
        }
        return j - lineStart;
    }

    private int fenceLength(int lineStart) {
        if (lineStart >= n) {
            return 0;
        }
        int indent = indent(lineStart);
        int j = lineStart + indent;
        if (j >= n || (s.charAt(j) != '`' && s.charAt(j) != '~')) {
            return 0;
        }
        // four spaces make an indented line, unless a list item above holds the fence or the
        // text above is shifted as far right
        if (indent > 3 && !inListItem(lineStart, indent) && !inShiftedText(lineStart, indent)) {
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

    /**
     * Whether the line at {@code lineStart}, indented {@code indent} spaces, is content of a
     * list item: the nearest line above that is less indented is one whose text starts at most
     * three spaces left of it, as in "   - Examples:" above a fence indented five. Lines as
     * far right are passed over (the item's own paragraph), a few dozen at most, so a text of
     * indented backtick lines is still read in linear time.
     */
    private boolean inListItem(int lineStart, int indent) {
        int end = lineStart - 1;
        for (int passed = 0; end > 0 && passed < 40; passed++) {
            int start = s.lastIndexOf('\n', end - 1) + 1;
            int lineIndent = indent(start);
            int text = start + lineIndent;
            if (text < end && s.charAt(text) != '\r' && lineIndent < indent) {
                int content = listContent(text, end);
                return content >= 0 && content - start <= indent && indent - (content - start) <= 3;
            }
            end = start - 1;
        }
        return false;
    }

    /**
     * Whether the nearest non-blank line above the line at {@code lineStart} is indented four
     * spaces or more and at most three spaces left of it: the text's margin is there, as in a
     * docstring or a prompt kept indented in source code, so the fence counts from it.
     */
    private boolean inShiftedText(int lineStart, int indent) {
        int margin = shiftedMargin(lineStart);
        return margin > 3 && margin <= indent && indent - margin <= 3;
    }

    /** How far the nearest non-blank line above the line at {@code lineStart} is indented, or 0. */
    private int shiftedMargin(int lineStart) {
        int end = lineStart - 1;
        while (end > 0) {
            int start = s.lastIndexOf('\n', end - 1) + 1;
            int lineIndent = indent(start);
            if (!blank(start + lineIndent, end)) {
                return lineIndent;
            }
            end = start - 1;
        }
        return 0;
    }

    private boolean blank(int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Where the text of a list item whose marker is at {@code at} starts, or -1 for no marker. */
    private int listContent(int at, int end) {
        int k = at;
        char c = s.charAt(k);
        if (c == '-' || c == '*' || c == '+') {
            k++;
        } else {
            while (k < end && k - at < 9 && Character.isDigit(s.charAt(k))) {
                k++;
            }
            if (k == at || k >= end || (s.charAt(k) != '.' && s.charAt(k) != ')')) {
                return -1;
            }
            k++;
        }
        if (k >= end || s.charAt(k) != ' ') {
            return -1;
        }
        while (k < end && s.charAt(k) == ' ') {
            k++;
        }
        return k;
    }

    private boolean closes(int start, int end, char fence, int length, int closeIndent) {
        int indent = indent(start);
        if (indent > closeIndent) {
            return false;
        }
        int j = start + indent;
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
