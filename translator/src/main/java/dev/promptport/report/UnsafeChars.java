package dev.promptport.report;

import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The scan {@link TerminalText} and {@link JsonEscapes} share: every character a format
 * cannot carry as it is gets replaced by that format's escape. An unpaired surrogate is always
 * replaced (it has no UTF-8 form); a surrogate pair is one character and always kept.
 */
final class UnsafeChars {

    private UnsafeChars() {
    }

    /**
     * @param unsafe whether a character other than a surrogate must be escaped
     * @param escape the escape of a character (a UTF-16 unit)
     */
    static String replace(String s, IntPredicate unsafe, IntFunction<String> escape) {
        int n = s.length();
        int i = 0;
        int pair;
        while (i < n && (pair = kept(s, i, unsafe)) > 0) {
            i += pair;
        }
        if (i >= n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
        while (i < n) {
            int k = kept(s, i, unsafe);
            if (k == 0) {
                out.append(escape.apply(s.charAt(i)));
                i++;
            } else {
                out.append(s, i, i + k);
                i += k;
            }
        }
        return out.toString();
    }

    /** How many units at {@code i} are kept as they are: 1, 2 for a surrogate pair, 0 to escape one. */
    private static int kept(String s, int i, IntPredicate unsafe) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 0;
        }
        if (Character.isLowSurrogate(c)) {
            return 0;
        }
        return unsafe.test(c) ? 0 : 1;
    }
}
