package dev.promptport.rules;

import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

/**
 * A tool schema whose root names no type gets {@code "type":"object"}. A tool's input is always a
 * JSON object, so the schema accepts the same inputs as before; but Claude refuses an
 * {@code input_schema} without that type (Anthropic's InputSchema requires it) and OpenAI refuses
 * function parameters of any type but object, so without it the whole request fails. MCP servers
 * and Claude Code plugins often send such schemas, led by {@code $schema} alone. The type is
 * not all Claude asks: a root {@code anyOf}, {@code oneOf} or {@code allOf} beside it is still
 * refused, and {@link ClaudeRootUnion} folds it.
 */
final class ObjectRoot {

    private ObjectRoot() {
    }

    static Tool.Function fit(Tool.Function f) {
        String json = f.schema().json();
        if (!untyped(json)) {
            return f;
        }
        int open = json.indexOf('{');
        String rest = json.substring(open + 1);
        String sep = rest.isBlank() || rest.strip().startsWith("}") ? "" : ",";
        return f.withSchema(new RawJson(json.substring(0, open + 1) + "\"type\":\"object\"" + sep + rest));
    }

    /** Whether the root is an object with no "type" field: one pass over the text, nothing allocated. */
    static boolean untyped(String json) {
        if (json.startsWith("{\"type\"")) {
            // how almost every schema starts: decided without reading on
            return false;
        }
        int n = json.length();
        int i = 0;
        while (i < n && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        if (i == n || json.charAt(i) != '{') {
            return false;
        }
        int depth = 0;
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                int close = stringEnd(json, i);
                if (depth == 1 && close - i == 5 && json.startsWith("type", i + 1) && keyAt(json, close + 1)) {
                    return false;
                }
                i = close;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return true;
    }

    /** The index of the quote that closes the string opened at {@code open}. */
    private static int stringEnd(String json, int open) {
        int i = open + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** Whether a colon follows {@code from}, past any whitespace: the string before it was a key. */
    private static boolean keyAt(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i < json.length() && json.charAt(i) == ':';
    }
}
