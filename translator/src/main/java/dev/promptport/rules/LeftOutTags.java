package dev.promptport.rules;

/**
 * "Respond with the template between {@code <template_response></template_response>} XML tags.
 * Do NOT include the tags in your response": the tags only mark where the text to write starts
 * and ends, so the reply holds none of them and asks for no tags.
 */
final class LeftOutTags {

    // the rest of the sentence and the next one, as far as the paragraph goes
    private static final int REACH = 160;
    private static final String[] INCLUDE = {"include the tags", "include these tags", "include those tags",
            "include the xml tags", "include these xml tags", "include those xml tags"};
    private static final String[] WITHOUT = {"without the tags", "without these tags", "without the xml tags",
            "omit the tags", "omit these tags", "leave out the tags", "leave out these tags"};
    private static final String[] NOT = {"not ", "n't ", "never "};

    private LeftOutTags() {
    }

    /**
     * Whether the tag {@code <name>} at {@code offset}, or the pair {@code <name></name>} there,
     * is followed by words that leave the tags out of the reply.
     */
    static boolean afterMention(String text, int offset, String name) {
        int end = offset + name.length() + 2;
        if (text.startsWith("</", end) && text.startsWith(name, end + 2) && text.startsWith(">", end + 2 + name.length())) {
            end += name.length() + 3;
        }
        return after(text, end);
    }

    /**
     * Whether the text after a tag mention ending at {@code from} says to leave the tags out of
     * the reply. Every phrase ends in "tags", so only where that word stands are the phrases
     * matched, backwards from it: one pass over the reach, and a few comparisons at each "tags".
     */
    private static boolean after(String text, int from) {
        int high = Math.min(text.length(), from + REACH);
        int paragraph = text.indexOf("\n\n", from);
        if (paragraph >= 0 && paragraph < high) {
            high = paragraph;
        }
        for (int t = from; t + TAGS.length() <= high; t++) {
            if ((text.charAt(t) | 0x20) != 't' || !text.regionMatches(true, t, TAGS, 0, TAGS.length())
                    || !afterPhraseWord(text, from, t)) {
                continue;
            }
            int end = t + TAGS.length();
            int include = endsWithAny(text, from, end, INCLUDE);
            if (include >= 0 && negated(text, include)) {
                return true;
            }
            if (endsWithAny(text, from, end, WITHOUT) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final String TAGS = "tags";

    /**
     * Whether the word before "tags" at {@code t} is one every phrase has there (the, these,
     * those, xml): most mentions are followed by "… tags" of another kind ("in {@code <answer>}
     * tags"), which this rules out before any phrase is compared.
     */
    private static boolean afterPhraseWord(String text, int from, int t) {
        if (t - 1 <= from || text.charAt(t - 1) != ' ') {
            return false;
        }
        int start = t - 1;
        while (start > from && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        int n = t - 1 - start;
        for (String w : PHRASE_WORDS) {
            if (w.length() == n && text.regionMatches(true, start, w, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] PHRASE_WORDS = {"the", "these", "those", "xml"};

    /** Where the phrase of {@code phrases} that ends at {@code end}, and starts at or after {@code from}, starts; -1 for none. */
    private static int endsWithAny(String text, int from, int end, String[] phrases) {
        for (String p : phrases) {
            int at = end - p.length();
            if (at >= from && text.regionMatches(true, at, p, 0, p.length())) {
                return at;
            }
        }
        return -1;
    }

    /** "do NOT include", "don't include", "never include". */
    private static boolean negated(String text, int include) {
        for (String word : NOT) {
            int at = include - word.length();
            if (at >= 0 && text.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
