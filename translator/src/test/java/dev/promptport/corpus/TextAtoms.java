package dev.promptport.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits prose into the pieces a translation must carry over unchanged: the text between
 * tags and line breaks, trimmed. Tags themselves may legitimately become headings, and a
 * reference such as "in <rules> tags" may be reworded, so the words around a tag that a
 * rewrite swallows are not part of an atom.
 */
public final class TextAtoms {

    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9_.:-]*(\\s[^<>]*)?/?>");
    private static final Pattern SWALLOWED_LEAD = Pattern.compile("^(tags?|section|block)\\b\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SWALLOWED_TAIL = Pattern.compile("\\s*\\bthe$", Pattern.CASE_INSENSITIVE);

    private TextAtoms() {
    }

    public static List<String> of(String text) {
        List<String> atoms = new ArrayList<>();
        for (String piece : TAG.split(text)) {
            for (String line : piece.split("\n")) {
                String a = SWALLOWED_TAIL.matcher(SWALLOWED_LEAD.matcher(line.strip()).replaceFirst("")).replaceFirst("").strip();
                if (!a.isEmpty()) {
                    atoms.add(a);
                }
            }
        }
        return atoms;
    }

    /** The first atom of {@code text} not found, in order, in {@code output}; null when all are there. */
    public static String firstMissing(String text, String output) {
        int from = 0;
        for (String atom : of(text)) {
            int at = output.indexOf(atom, from);
            if (at < 0) {
                return atom;
            }
            from = at + atom.length();
        }
        return null;
    }
}
