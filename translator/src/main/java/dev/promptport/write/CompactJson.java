package dev.promptport.write;

/**
 * Removes the whitespace between tokens of a JSON text that is known to be valid (it was cut
 * from a parsed input). Strings are copied untouched. Text without such whitespace is
 * returned as it is, without copying.
 */
final class CompactJson {

    private CompactJson() {
    }

    static String of(String json) {
        int n = json.length();
        int i = 0;
        boolean inString = false;
        // find the first removable blank before allocating anything
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                break;
            }
        }
        if (i == n) {
            return json;
        }
        StringBuilder b = new StringBuilder(n);
        b.append(json, 0, i);
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < n) {
                    b.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
