package dev.promptport.rules;

import dev.promptport.read.TagScanner;

import java.util.Arrays;
import java.util.List;

/**
 * Where a text's Markdown headings are ("# Billing", level 1), outside code fences: found once,
 * then asked for each section, since scanning each section's own text would read a nested
 * prompt's lines once per level.
 */
final class MarkdownHeadings {

    private static final MarkdownHeadings NONE = new MarkdownHeadings(new int[0], new byte[0], 0);

    private final int[] at;
    private final byte[] level;
    private final int count;

    private MarkdownHeadings(int[] at, byte[] level, int count) {
        this.at = at;
        this.level = level;
        this.count = count;
    }

    static MarkdownHeadings of(String text) {
        // most prompts have no line that starts with '#': one search answers for every section
        if (!markAfterLineBreak(text) && levelOfLine(text, 0) == 0) {
            return NONE;
        }
        int[] at = new int[8];
        byte[] level = new byte[8];
        int count = 0;
        // the tag scanner's fences, so a heading here is never a line it reads as code: a fence
        // in a list item may stand four or more spaces in, and only its own kind closes it
        List<int[]> fenced = TagScanner.fencedBlocks(text);
        int nextFence = 0;
        for (int line = 0; ; ) {
            if (nextFence < fenced.size() && fenced.get(nextFence)[0] == line) {
                line = fenced.get(nextFence++)[1];
            } else {
                int n = levelOfLine(text, line);
                if (n > 0) {
                    if (count == at.length) {
                        at = Arrays.copyOf(at, count * 2);
                        level = Arrays.copyOf(level, count * 2);
                    }
                    at[count] = indentEnd(text, line);
                    level[count++] = (byte) n;
                }
            }
            int lineBreak = text.indexOf('\n', line);
            if (lineBreak < 0) {
                break;
            }
            line = lineBreak + 1;
        }
        return new MarkdownHeadings(at, level, count);
    }

    /**
     * Whether a '#' follows a line break and at most three spaces or tabs. Searched for by the '#',
     * rare in prose, rather than as four strings: the JVM finds one character many times
     * faster than a string, most of all in a text with a character past U+00FF.
     */
    static boolean markAfterLineBreak(String text) {
        for (int h = text.indexOf('#'); h >= 0; h = text.indexOf('#', h + 1)) {
            int i = h - 1;
            // blanks as indentEnd counts them: a tab is one, as in "\t# Step 1" of an indented prompt
            while (i >= 0 && i >= h - 3 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i--;
            }
            if (i >= 0 && text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * The level of the heading on the line that starts at {@code lineStart} ("## Rules" is 2),
     * or 0 when the line is no heading. The one rule for a heading line: at most three blanks,
     * one to six '#', then a space or a tab ("#5" and "#hashtag" are text, and a fourth blank
     * before the marks makes an indented code line). Unlike CommonMark, a tab counts as one
     * blank: prompts indent a whole example by a tab, and once its section's indent is taken
     * off, "\t# Step 1" is a heading beside the section's own.
     */
    static int levelOfLine(String text, int lineStart) {
        return levelAt(text, indentEnd(text, lineStart));
    }

    /** Past up to three blanks at the start of the line at {@code line}. */
    private static int indentEnd(String text, int line) {
        int j = line;
        while (j < text.length() && j - line < 3 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }

    /** The level of the heading whose marks start at {@code j}, or 0 when none does. */
    private static int levelAt(String text, int j) {
        int k = j;
        while (k < text.length() && text.charAt(k) == '#') {
            k++;
        }
        return k > j && k - j <= 6 && k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t') ? k - j : 0;
    }

    /** The level of the highest heading that starts a line in [from, to); 7 when there is none. */
    int top(int from, int to) {
        int i = Arrays.binarySearch(at, 0, count, from);
        int top = 7;
        for (i = i >= 0 ? i : -i - 1; i < count && at[i] < to; i++) {
            top = Math.min(top, level[i]);
        }
        return top;
    }

    /** The level of the last heading that starts in [from, to); 0 when there is none. */
    int lastIn(int from, int to) {
        int i = Arrays.binarySearch(at, 0, count, to);
        i = i >= 0 ? i : -i - 1;
        return i == 0 || at[i - 1] < from ? 0 : level[i - 1];
    }
}
