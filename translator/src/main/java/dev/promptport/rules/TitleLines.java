package dev.promptport.rules;

/**
 * A mention that is the whole text of a Markdown heading ({@code ## <artifacts_info>}) or of a
 * line set in bold or italics alone ({@code **<rules>**}): the line names a section as its
 * title does, so the reworded mention is the title itself, not a sentence about the section.
 */
final class TitleLines {

    private TitleLines() {
    }

    /** Whether the mention from {@code offset}, {@code length} characters long, is all its line says. */
    static boolean only(String text, int offset, int length) {
        return only(text, offset, length, new LineStarts(text).start(offset));
    }

    /** As {@link #only(String, int, int)}, for a mention on the line that starts at {@code lineStart}. */
    static boolean only(String text, int offset, int length, int lineStart) {
        int i = skipBlanks(text, lineStart, offset);
        int hashes = 0;
        while (i < offset && text.charAt(i) == '#') {
            i++;
            hashes++;
        }
        if (hashes > 6 || hashes > 0 && (i >= offset || text.charAt(i) != ' ')) {
            return false;
        }
        i = skipBlanks(text, i, offset);
        int marks = 0;
        char mark = i < offset ? text.charAt(i) : 0;
        while (i < offset && (mark == '*' || mark == '_') && text.charAt(i) == mark) {
            i++;
            marks++;
        }
        if (i != offset || hashes == 0 && marks == 0) {
            // words before the mention, or a line that is neither a heading nor emphasis
            return false;
        }
        int j = offset + length;
        for (int m = 0; m < marks; m++, j++) {
            if (j >= text.length() || text.charAt(j) != mark) {
                return false;
            }
        }
        if (j < text.length() && text.charAt(j) == mark) {
            return false;
        }
        j = skipBlanks(text, j, text.length());
        if (j < text.length() && text.charAt(j) == '\r') {
            j++;
        }
        return j >= text.length() || text.charAt(j) == '\n';
    }

    private static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
