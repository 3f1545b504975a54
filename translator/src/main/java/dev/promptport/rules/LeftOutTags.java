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

    /** Whether the text after a tag mention ending at {@code from} says to leave the tags out of the reply. */
    private static boolean after(String text, int from) {
        int high = Math.min(text.length(), from + REACH);
        for (int i = from; i < high; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == '\n' && i + 1 < high && text.charAt(i + 1) == '\n') {
                return false;
            }
            if (c == 'i' && startsWithAny(text, i, INCLUDE) && negated(text, i)) {
                return true;
            }
            if ((c == 'w' || c == 'o' || c == 'l') && startsWithAny(text, i, WITHOUT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String text, int at, String[] phrases) {
        for (String p : phrases) {
            if (text.regionMatches(true, at, p, 0, p.length())) {
                return true;
            }
        }
        return false;
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
