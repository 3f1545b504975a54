package dev.promptport.rules;

/**
 * What kind of line a reworded tag mention sits on, as PP106 names it: a reader looking for
 * "the sentence" that changed should not have to find it in a heading or a list item.
 */
final class ReferencePlace {

    static final String SENTENCE = "sentence";
    static final String HEADING = "heading";
    static final String LIST_ITEM = "list item";
    static final String TABLE_ROW = "table row";
    static final String BOLD_LINE = "line in bold";

    private ReferencePlace() {
    }

    /** The kind of Markdown line that holds {@code offset} in {@code text}. */
    static String of(String text, int offset) {
        LineStarts lines = new LineStarts(text);
        return of(text, lines.start(offset), lines.end(offset));
    }

    /** The kind of the Markdown line {@code text[start, end)}, {@code end} at its line break or the text's end. */
    static String of(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= end) {
            return SENTENCE;
        }
        char c = text.charAt(i);
        if (c == '#') {
            int hashes = run(text, i, end, '#');
            return hashes <= 6 && (i + hashes == end || blank(text.charAt(i + hashes))) ? HEADING : SENTENCE;
        }
        if (c == '|') {
            return TABLE_ROW;
        }
        if ((c == '-' || c == '*' || c == '+') && i + 1 < end && blank(text.charAt(i + 1))) {
            return LIST_ITEM;
        }
        if (c >= '0' && c <= '9') {
            int j = i;
            while (j < end && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            boolean marker = j - i <= 9 && j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                    && blank(text.charAt(j + 1));
            return marker ? LIST_ITEM : SENTENCE;
        }
        if ((c == '*' || c == '_') && boldAlone(text, i, end, c)) {
            return BOLD_LINE;
        }
        return SENTENCE;
    }

    /** A line that opens and closes with the same two or more marks, {@code **About <rules>**}. */
    private static boolean boldAlone(String text, int from, int end, char mark) {
        int open = run(text, from, end, mark);
        if (open < 2 || from + open >= end) {
            return false;
        }
        int close = 0;
        for (int j = end - 1; j > from + open && text.charAt(j) == mark; j--) {
            close++;
        }
        return close == open;
    }

    private static int run(String text, int from, int end, char c) {
        int i = from;
        while (i < end && text.charAt(i) == c) {
            i++;
        }
        return i - from;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }
}
