package dev.promptport.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The inline code spans of a text, found as the tag lexer finds them ({@link TagCodeSpans}):
 * outside fenced blocks, a run of backticks that a run of the same length closes in the same
 * paragraph. One difference: a backslash before the backticks makes them text, as CommonMark
 * has it. Read only for a text something was found in, never on the way.
 */
final class CodeSpanList {

    private CodeSpanList() {
    }

    static List<int[]> of(String s) {
        int n = s.length();
        TagFences fences = new TagFences(s);
        TagCodeSpans spans = new TagCodeSpans(s, fences, new TagSyntax(s, fences));
        List<int[]> out = new ArrayList<>();
        int first = fences.blockEnd(0);
        int i = first < 0 ? 0 : first;
        int nextTick = -1;
        int nextTilde = -1;
        while (i < n) {
            if (nextTick < i) {
                nextTick = next(s, '`', i);
            }
            if (nextTilde < i) {
                nextTilde = next(s, '~', i);
            }
            int at = Math.min(nextTick, nextTilde);
            if (at >= n) {
                break;
            }
            int fenceEnd = fences.blockEndFrom(at, i);
            if (fenceEnd >= 0) {
                i = fenceEnd;
            } else if (at == nextTick) {
                int run = at;
                while (run < n && s.charAt(run) == '`') {
                    run++;
                }
                if (at > 0 && s.charAt(at - 1) == '\\') {
                    // "\`" is a backtick, not code (CommonMark): prompts kept as JavaScript
                    // source write "The directory is \`${cwd}\`." for a backtick around a value
                    i = run;
                    continue;
                }
                int after = spans.skip(at);
                if (after > run) {
                    out.add(new int[] {at, after});
                }
                i = after;
            } else {
                i = at + 1;
            }
        }
        return out;
    }

    private static int next(String s, char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? s.length() : at;
    }
}
