package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The arguments of one Gemini function call streamed piece by piece (Gemini 3 with
 * {@code streamFunctionCallArguments}): each {@code functionCall.partialArgs} entry sets one
 * value at its {@code jsonPath} ({@code $.recipe.steps[1]}); a {@code stringValue} for a path
 * that already holds a string goes on after it, since a long string comes in several pieces.
 * The call's {@code input} is the object the pieces built, which {@link BlockSink} passes on
 * whole when the call ends, as it does every call's arguments.
 */
final class GeminiPartialArgs {

    private final ObjectNode root = Json.MAPPER.createObjectNode();

    /** Adds the pieces of one chunk; an entry without a path or a value adds nothing. */
    void add(JsonNode partialArgs) {
        for (JsonNode arg : partialArgs) {
            String path = Json.text(arg, "jsonPath");
            JsonNode value = value(arg);
            if (path != null && value != null) {
                set(path, value);
            }
        }
    }

    /** Whether any piece of the chunk says more of its value follows. */
    static boolean continues(JsonNode partialArgs) {
        for (JsonNode arg : partialArgs) {
            if (arg.path("willContinue").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** The arguments built so far, as compact JSON. */
    String json() {
        return Json.compact(root);
    }

    private static JsonNode value(JsonNode arg) {
        for (String field : new String[] {"stringValue", "numberValue", "boolValue"}) {
            JsonNode v = arg.get(field);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return arg.has("nullValue") ? Json.MAPPER.nullNode() : null;
    }

    /** Sets {@code value} at {@code path} ({@code $.a.b[0].c}), making the objects and arrays on the way. */
    private void set(String path, JsonNode value) {
        int i = path.startsWith("$") ? 1 : 0;
        JsonNode container = root;
        Object key = null;
        while (i < path.length()) {
            char c = path.charAt(i);
            Object next;
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                next = path.substring(i + 1, end);
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    return;
                }
                String inside = path.substring(i + 1, end);
                next = inside.startsWith("'") || inside.startsWith("\"") ? inside.substring(1, Math.max(1, inside.length() - 1)) : index(inside);
                if (next == null) {
                    return;
                }
                i = end + 1;
            } else {
                return;
            }
            if (key != null) {
                container = child(container, key, next instanceof Integer);
                if (container == null) {
                    return;
                }
            }
            key = next;
        }
        if (key == null) {
            return;
        }
        JsonNode old = get(container, key);
        if (value.isTextual() && old != null && old.isTextual()) {
            value = Json.MAPPER.getNodeFactory().textNode(old.textValue() + value.textValue());
        }
        put(container, key, value);
    }

    private static Integer index(String s) {
        try {
            int n = Integer.parseInt(s.trim());
            // a path far past the array's end would make a huge array of nulls
            return n >= 0 && n <= 100_000 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The object or array at {@code key} of {@code container}, made when missing. */
    private static JsonNode child(JsonNode container, Object key, boolean array) {
        JsonNode c = get(container, key);
        if (c == null || !c.isContainerNode() || c.isArray() != array) {
            c = array ? Json.MAPPER.createArrayNode() : Json.MAPPER.createObjectNode();
            if (!put(container, key, c)) {
                return null;
            }
        }
        return c;
    }

    private static JsonNode get(JsonNode container, Object key) {
        if (key instanceof Integer n) {
            return container.isArray() ? container.get(n) : null;
        }
        return container.isObject() ? container.get((String) key) : null;
    }

    private static boolean put(JsonNode container, Object key, JsonNode value) {
        if (key instanceof Integer n && container instanceof ArrayNode a) {
            while (a.size() <= n) {
                a.addNull();
            }
            a.set(n, value);
            return true;
        }
        if (key instanceof String k && container instanceof ObjectNode o) {
            o.set(k, value);
            return true;
        }
        return false;
    }
}
