package dev.promptport.rules;

/** Quotes of input text inside finding messages: one line, and short. */
public final class Snippets {

    private Snippets() {
    }

    /** Line breaks shown as {@code \n}; cut to {@code max} characters without splitting an emoji. */
    public static String abbreviate(String s, int max) {
        String one = oneLine(s);
        if (one.length() <= max) {
            return one;
        }
        int cut = max - 3;
        if (Character.isHighSurrogate(one.charAt(cut - 1))) {
            cut--;
        }
        return one.substring(0, cut) + "...";
    }

    /** Every kind of line break (CRLF, CR, LF) shown as the two characters {@code \n}. */
    static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\\n").replace('\r', '\n').replace("\n", "\\n");
    }
}
