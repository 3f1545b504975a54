package dev.promptport.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** JSON-path rendering identical to validate.py's {@code jpath}: {@code $.a.b[0]["odd key"]}. */
final class JsonPaths {

    private static final Pattern IDENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private JsonPaths() {
    }

    static String jpath(List<Object> parts) {
        StringBuilder sb = new StringBuilder("$");
        for (Object p : parts) {
            if (p instanceof Integer) {
                sb.append('[').append(p).append(']');
            } else if (IDENT.matcher(String.valueOf(p)).matches()) {
                sb.append('.').append(p);
            } else {
                sb.append('[').append(new TextNode(String.valueOf(p))).append(']');
            }
        }
        return sb.toString();
    }

    static List<Object> elements(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                out.add(path.getElement(i));
            }
        }
        return out;
    }

    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object p : path) {
            if (n == null) {
                break;
            }
            n = p instanceof Integer && n.isArray() ? n.get((Integer) p) : n.get(String.valueOf(p));
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    static String shortJson(JsonNode v) {
        return shortJson(v, 60);
    }

    static String shortJson(JsonNode v, int max) {
        String s = v == null || v.isMissingNode() ? "null" : v.toString();
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
