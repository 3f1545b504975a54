package dev.promptport.rules;

/**
 * Whether every match of an RE2 regular expression lies within one line: it can consume no line
 * feed, and it has no anchor that means the whole text ({@code \A}, {@code \z}, or {@code ^} and
 * {@code $} without the {@code m} flag). Such a rule's match that holds one of its literals is
 * found by searching only the lines that hold one: a long prompt is not walked end to end by
 * RE2/J's slowest engine for a word it names a few times.
 *
 * <p>Read from the pattern's text, and cautious: whatever this reader does not know for certain
 * (a Unicode class, {@code \s}, a character class whose range spans the line feed, a negated
 * class that does not exclude it, {@code .} under the {@code s} flag) answers no, which only
 * costs the search of the whole text.
 */
final class LineBoundRegex {

    private LineBoundRegex() {
    }

    static boolean of(String regex) {
        if (regex.indexOf('\n') >= 0) {
            return false;
        }
        boolean multiline = leadingFlags(regex).indexOf('m') >= 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n || !escapeOutsideClass(regex.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
                case '[' -> {
                    i = classEnd(regex, i);
                    if (i < 0) {
                        return false;
                    }
                }
                case '(' -> {
                    // a flag group: s lets '.' match a line feed; m set or cleared inside the pattern is not followed
                    if (i + 1 < n && regex.charAt(i + 1) == '?' && i + 2 < n && flagChar(regex.charAt(i + 2))) {
                        String flags = flags(regex, i + 2);
                        if (flags.indexOf('s') >= 0 || i > 0 && flags.indexOf('m') >= 0 || flags.indexOf('-') >= 0) {
                            return false;
                        }
                    }
                }
                case '^', '$' -> {
                    if (!multiline) {
                        return false;
                    }
                }
                default -> {
                }
            }
        }
        return true;
    }

    /** The flags of a group opening the pattern ({@code (?im)}), or "". */
    private static String leadingFlags(String regex) {
        return regex.startsWith("(?") && regex.length() > 2 && flagChar(regex.charAt(2)) ? flags(regex, 2) : "";
    }

    private static boolean flagChar(char c) {
        return c == 'i' || c == 'm' || c == 's' || c == 'U' || c == '-';
    }

    private static String flags(String regex, int from) {
        int k = from;
        while (k < regex.length() && flagChar(regex.charAt(k))) {
            k++;
        }
        return regex.substring(from, k);
    }

    /**
     * Escapes that match a character other than a line feed, or nothing at a place a line
     * start or end keeps: word boundaries, word and digit classes, a tab, a carriage return,
     * an escaped sign.
     */
    private static boolean escapeOutsideClass(char e) {
        return e == 'b' || e == 'B' || e == 'w' || e == 'd' || e == 't' || e == 'r' || !Character.isLetterOrDigit(e);
    }

    /**
     * The index of the {@code ]} closing the class opened at {@code open}, or -1 when the class
     * may match a line feed or is not understood.
     */
    private static int classEnd(String regex, int open) {
        int n = regex.length();
        int i = open + 1;
        boolean negated = i < n && regex.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean excludesLineFeed = false;
        int first = i;
        int previous = -1;
        for (; i < n; i++) {
            char c = regex.charAt(i);
            if (c == ']' && i > first) {
                return negated && !excludesLineFeed ? -1 : i;
            }
            if (c == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
                return -1;
            }
            int code;
            if (c == '\\') {
                if (i + 1 >= n) {
                    return -1;
                }
                char e = regex.charAt(++i);
                if (e == 'n' || e == 's') {
                    if (!negated) {
                        return -1;
                    }
                    excludesLineFeed = true;
                    previous = -1;
                    continue;
                }
                if (e == 'w' || e == 'd') {
                    previous = -1;
                    continue;
                }
                if (Character.isLetterOrDigit(e) && e != 't' && e != 'r') {
                    return -1;
                }
                code = e == 't' ? '\t' : e == 'r' ? '\r' : e;
            } else {
                code = c;
            }
            if (code == '-' && previous >= 0 && i + 1 < n && regex.charAt(i + 1) != ']') {
                // a range: its upper end is the next character, escaped or not
                int hi = regex.charAt(i + 1);
                if (hi == '\\') {
                    if (i + 2 >= n || Character.isLetterOrDigit(regex.charAt(i + 2))) {
                        return -1;
                    }
                    hi = regex.charAt(i + 2);
                    i++;
                }
                i++;
                if (!negated && previous <= '\n' && hi >= '\n') {
                    return -1;
                }
                if (negated && previous <= '\n' && hi >= '\n') {
                    excludesLineFeed = true;
                }
                previous = -1;
                continue;
            }
            previous = code;
        }
        return -1;
    }
}
