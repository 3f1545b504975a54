package dev.promptport.rules;

/**
 * Whether the prose right before a section ends in a Markdown heading that already names it:
 * "## Search Instructions" above {@code <search_instructions>}, or "## <artifacts_info>" above
 * {@code <artifacts_info>}. A second heading of the same words under it would only repeat it.
 */
final class HeadingAbove {

    private HeadingAbove() {
    }

    /**
     * Whether the last line holding text in [from, to) is a heading of {@code level} whose words,
     * or whose one tag mention, are {@code title}'s, compared by letters and digits in any case.
     */
    static boolean names(String text, int from, int to, int level, String title) {
        if (level < 1) {
            return false;
        }
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > from && text.charAt(start - 1) != '\n') {
            start--;
        }
        // the marks are no letters, so the words compared are the heading's own
        return MarkdownHeadings.levelOfLine(text, start) == level && sameWords(text, start, end, title);
    }

    /** [from, to) of {@code text} and {@code title} hold the same letters and digits, in any case. */
    private static boolean sameWords(String text, int from, int to, String title) {
        int j = 0;
        int n = title.length();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (j < n && !Character.isLetterOrDigit(title.charAt(j))) {
                j++;
            }
            if (j >= n || Character.toLowerCase(c) != Character.toLowerCase(title.charAt(j))) {
                return false;
            }
            j++;
        }
        while (j < n && !Character.isLetterOrDigit(title.charAt(j))) {
            j++;
        }
        return j == n;
    }
}
