package dev.promptport.report;

import java.util.Locale;

/**
 * Makes input text safe to display: the HTML report passes every string from an input
 * through {@link #display} before it becomes a text node or an attribute value (jsoup then
 * escapes markup characters).
 *
 * <ul>
 *   <li>control characters other than tab and line feed (C0, DEL, C1) become U+FFFD; a
 *       carriage return right before a line feed is dropped;</li>
 *   <li>bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
 *       U+061C) are shown as {@code ⟨U+202E⟩}, so they cannot reorder the page and the reader
 *       sees that they are there;</li>
 *   <li>unpaired surrogates become U+FFFD.</li>
 * </ul>
 */
final class HtmlText {

    static final char REPLACEMENT = '\uFFFD';

    private HtmlText() {
    }

    static String display(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        int n = s.length();
        while (i < n && plain(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                continue;
            }
            if (isBidiControl(c)) {
                out.append('\u27E8').append("U+").append(String.format(Locale.ROOT, "%04X", (int) c)).append('\u27E9');
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.append(c).append(s.charAt(++i));
                } else {
                    out.append(REPLACEMENT);
                }
            } else if (Character.isLowSurrogate(c) || isControl(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean plain(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\t') {
            return true;
        }
        if (isControl(c) || isBidiControl(c)) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return false;
        }
        return !Character.isLowSurrogate(c);
    }

    static boolean isControl(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F;
    }

    static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
