package dev.promptport.read;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Inline code spans: a run of n backticks opens a span that ends at the next run of exactly n
 * backticks in the same paragraph; without one the run is literal. Unlike CommonMark, a line
 * holding nothing but a tag also ends the paragraph: in a prompt such a line is structure, and
 * one stray backtick in prose must not swallow the sections that follow. The runs of a paragraph are
 * listed once, each with a link to the next run of the same length, so finding every closer
 * costs one pass over the paragraph however many backticks are left unmatched.
 */
final class TagCodeSpans {

    private final String s;
    private final int n;
    private final TagFences fences;
    private final TagSyntax syntax;

    private int paragraphEnd = -1;
    private int[] runStart = new int[8];
    private int[] nextSameLength = new int[8];
    private int runs;
    private int cursor;

    TagCodeSpans(String s, TagFences fences, TagSyntax syntax) {
        this.s = s;
        this.n = s.length();
        this.fences = fences;
        this.syntax = syntax;
    }

    /** Where scanning resumes after the backtick run at {@code p}: past its span, or past the run. */
    int skip(int p) {
        int length = runLength(p);
        if (p >= paragraphEnd) {
            listRuns(p);
        }
        while (cursor < runs && runStart[cursor] < p) {
            cursor++;
        }
        if (cursor >= runs || runStart[cursor] != p) {
            return p + length;
        }
        int closer = nextSameLength[cursor];
        return closer < 0 ? p + length : runStart[closer] + length;
    }

    private int runLength(int p) {
        int k = p;
        while (k < n && s.charAt(k) == '`') {
            k++;
        }
        return k - p;
    }

    /** Lists the runs from {@code p} to the end of its paragraph (a blank line or a fence). */
    private void listRuns(int p) {
        runs = 0;
        cursor = 0;
        int lineEnd = fences.lineEnd(p);
        collect(p, lineEnd);
        paragraphEnd = n;
        while (lineEnd < n) {
            int start = lineEnd + 1;
            int end = fences.lineEnd(start);
            if (blank(start, end) || fences.opensFence(start) || loneTag(start, end)) {
                paragraphEnd = start;
                break;
            }
            collect(start, end);
            lineEnd = end;
        }
        Map<Integer, Integer> following = new HashMap<>();
        for (int r = runs - 1; r >= 0; r--) {
            Integer next = following.put(runLength(runStart[r]), r);
            nextSameLength[r] = next == null ? -1 : next;
        }
    }

    private void collect(int from, int to) {
        int i = from;
        while (i < to) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            if (runs == runStart.length) {
                runStart = Arrays.copyOf(runStart, runs * 2);
                nextSameLength = Arrays.copyOf(nextSameLength, runs * 2);
            }
            runStart[runs++] = i;
            i += runLength(i);
        }
    }

    private boolean loneTag(int start, int end) {
        int i = start;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= end || s.charAt(i) != '<') {
            return false;
        }
        int tagEnd = syntax.read(i, null);
        return tagEnd >= 0 && tagEnd <= end && blank(tagEnd, end);
    }

    private boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
