package dev.promptport.write;

import dev.promptport.tree.TextMemo;

/**
 * Removes the whitespace between tokens of a JSON text that is known to be valid (it was cut
 * from a parsed input). Strings are copied untouched. Text without such whitespace is
 * returned as it is, without copying.
 */
final class CompactJson {

    /** The memo key of a JSON text's compact form. */
    private static final Object COMPACT = new Object();

    private CompactJson() {
    }

    /**
     * {@link #of(String)}, remembered in {@code memo} (when not null) for long texts: a tool's
     * schema comes again with every request of a conversation.
     */
    static String of(String json, TextMemo memo) {
        return memo != null && TextMemo.worthIt(json) ? memo.get(json, COMPACT, () -> of(json)) : of(json);
    }

    static String of(String json) {
        int n = json.length();
        int i = 0;
        // find the first removable blank before allocating anything
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                i = stringEnd(json, i);
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                break;
            } else {
                i++;
            }
        }
        if (i >= n) {
            return json;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(json, 0, i);
        while (i < n) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = stringEnd(json, i);
                b.append(json, i, end);
                i = end;
            } else {
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    b.append(c);
                }
                i++;
            }
        }
        return b.toString();
    }

    /** Just past the string that opens at {@code quote}; jumps quote to quote, which indexOf does fast. */
    private static int stringEnd(String json, int quote) {
        int q = json.indexOf('"', quote + 1);
        while (q > 0) {
            int backslashes = 0;
            while (json.charAt(q - 1 - backslashes) == '\\') {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return q + 1;
            }
            q = json.indexOf('"', q + 1);
        }
        return json.length();
    }
}
