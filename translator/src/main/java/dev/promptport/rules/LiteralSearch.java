package dev.promptport.rules;

/**
 * Where a pattern rule's literals stand in a text. Every pattern rule with literals asks this of
 * every prompt text before RE2/J searches it, so it jumps between the places where a literal's
 * rarest character stands: the JVM searches for one character many times faster than for a
 * string, most of all in a text with a character past U+00FF.
 */
final class LiteralSearch {

    /** English letters from most to least frequent; a character not here is rarer than all. */
    private static final String FREQUENT = " etaoinshrdlcumwfgypbvkjxqz";

    private LiteralSearch() {
    }

    /** Each literal's anchor ({@link #anchor}, {@link #exactAnchor}), worked out once with the rule. */
    static int[] anchors(String[] literals, boolean ignoreCase) {
        int[] anchors = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            anchors[i] = literals[i].isEmpty() ? 0 : ignoreCase ? anchor(literals[i]) : exactAnchor(literals[i]);
        }
        return anchors;
    }

    static boolean containsAny(String text, String[] literals, int[] anchors, boolean ignoreCase) {
        for (int i = 0; i < literals.length; i++) {
            if (indexOf(text, literals[i], anchors[i], ignoreCase, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code text.indexOf(lit, from)}, or its case-blind form; {@code a} is the literal's anchor. */
    static int indexOf(String text, String lit, int a, boolean ignoreCase, int from) {
        if (lit.isEmpty()) {
            return Math.min(Math.max(from, 0), text.length());
        }
        return ignoreCase ? indexOfIgnoreCase(text, lit, a, from) : indexOfExactly(text, lit, a, from);
    }

    private static int indexOfExactly(String text, String lit, int a, int from) {
        int n = lit.length();
        char c = lit.charAt(a);
        int last = text.length() - n;
        for (int p = text.indexOf(c, Math.max(from, 0) + a); p >= 0; p = text.indexOf(c, p + 1)) {
            int i = p - a;
            if (i > last) {
                return -1;
            }
            if (text.regionMatches(i, lit, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String text, String lit, int a, int from) {
        int n = lit.length();
        // anchoring on a first letter such as 's' or 'c' would stop at every word
        char lower = Character.toLowerCase(lit.charAt(a));
        char upper = Character.toUpperCase(lit.charAt(a));
        int last = text.length() - n;
        int start = Math.max(from, 0) + a;
        int nextLower = text.indexOf(lower, start);
        int nextUpper = lower == upper ? -1 : text.indexOf(upper, start);
        while (nextLower >= 0 || nextUpper >= 0) {
            int p = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper) ? nextLower : nextUpper;
            int i = p - a;
            if (i > last) {
                return -1;
            }
            // most anchors stand in other words: their literal's ends rule them out for less than the whole comparison
            if (sameIgnoringCase(text.charAt(i), lit.charAt(0)) && sameIgnoringCase(text.charAt(i + n - 1), lit.charAt(n - 1))
                    && text.regionMatches(true, i, lit, 0, n)) {
                return i;
            }
            if (p == nextLower) {
                nextLower = text.indexOf(lower, p + 1);
            } else {
                nextUpper = text.indexOf(upper, p + 1);
            }
        }
        return -1;
    }

    /**
     * Whether {@code String.regionMatches(true, …)} holds the two chars equal: ASCII letters by
     * their case bit, any other pair as that method compares them (some letters past ASCII, such
     * as the Kelvin sign, are a case of an ASCII letter).
     */
    static boolean sameIgnoringCase(char a, char b) {
        if (a == b) {
            return true;
        }
        if ((a | b) < 0x80) {
            char lower = (char) (a | 0x20);
            return lower == (b | 0x20) && lower >= 'a' && lower <= 'z';
        }
        char upperA = Character.toUpperCase(a);
        char upperB = Character.toUpperCase(b);
        return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
    }

    /** The index of the literal's rarest character in prose, case kept: capitals and signs are rarer than any small letter. */
    static int exactAnchor(String lit) {
        int best = 0;
        int bestRank = exactRank(lit.charAt(0));
        for (int i = 1; i < lit.length(); i++) {
            int r = exactRank(lit.charAt(i));
            if (r > bestRank) {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    private static int exactRank(char c) {
        int r = FREQUENT.indexOf(c);
        return r < 0 ? FREQUENT.length() : r;
    }

    /**
     * The index of the literal's rarest character in prose. The first character stays the
     * anchor when it is as rare: 's' and 'k' have case partners beyond ASCII (long s, Kelvin
     * sign) that only a first-character anchor has ever matched, so they are never chosen
     * anew.
     */
    static int anchor(String lit) {
        int best = 0;
        int bestRank = rank(lit.charAt(0));
        for (int i = 1; i < lit.length(); i++) {
            char c = Character.toLowerCase(lit.charAt(i));
            int r = rank(c);
            if (r > bestRank && c != 's' && c != 'k') {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    private static int rank(char c) {
        int r = FREQUENT.indexOf(Character.toLowerCase(c));
        return r < 0 ? FREQUENT.length() : r;
    }
}
