package dev.promptport.write;

/**
 * Tool-call ids as Claude takes them: letters, digits, {@code _} and {@code -} only. Other
 * vendors' ids may hold more ({@code call.1/x}); such an id is spelled with {@code _} for each
 * other character and a hash of the whole id after it, so the call and its result still pair
 * and two ids never become one.
 */
final class ClaudeIds {

    private ClaudeIds() {
    }

    static String of(String id) {
        if (id == null || id.isEmpty()) {
            return "toolu_none";
        }
        boolean valid = true;
        for (int i = 0; i < id.length() && valid; i++) {
            valid = allowed(id.charAt(i));
        }
        if (valid) {
            return id;
        }
        StringBuilder b = new StringBuilder(id.length() + 9);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            b.append(allowed(c) ? c : '_');
        }
        return b.append('_').append(Integer.toHexString(id.hashCode())).toString();
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
