package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

import java.util.ArrayList;
import java.util.List;

/**
 * An object schema with {@code "required": null}, which schema generators write for an object
 * whose properties are all optional (Claude Code for some tools, Go structs with a nil list,
 * TypeBox). Claude takes it, but OpenAI checks function parameters against JSON Schema and
 * refuses the whole request ("null is not of type 'array'"). The null lists no property, so
 * leaving it out keeps the schema accepting exactly the values it did (PP155 says where).
 * Gemini's schema conversion drops it on its own.
 */
final class NullRequired {

    private static final java.util.Set<String> VALUES = java.util.Set.of("enum", "const", "default", "examples");

    private NullRequired() {
    }

    static Tool.Function fit(Tool.Function f, StepContext ctx) {
        String json = f.schema().json();
        if (!has(json)) {
            return f;
        }
        JsonNode root = RawTrees.parse(json);
        List<String> where = new ArrayList<>(1);
        if (root == null || !fix(root, "", where)) {
            return f;
        }
        StringBuilder said = new StringBuilder();
        for (String p : where) {
            said.append(said.length() == 0 ? "" : "; ").append(p).append("/required: null lists no property, so it was left out");
        }
        ctx.sink().report("PP155", f.schemaLoc(), f.name(), ctx.targetName(), said.toString());
        return f.withSchema(new RawJson(root.toString()));
    }

    /** Whether {@code "required"} is followed by {@code null} somewhere: a scan that allocates nothing. */
    static boolean has(String json) {
        int at = json.indexOf("\"required\"");
        while (at >= 0) {
            int i = at + 10;
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            if (i < json.length() && json.charAt(i) == ':') {
                i++;
                while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                    i++;
                }
                if (json.startsWith("null", i)) {
                    return true;
                }
            }
            at = json.indexOf("\"required\"", at + 10);
        }
        return false;
    }

    /** Leaves out every such null in {@code node} (at {@code pointer}), noting where; whether one was found. */
    private static boolean fix(JsonNode node, String pointer, List<String> where) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            if (o.has("required") && o.get("required").isNull()) {
                o.remove("required");
                where.add(pointer);
                changed = true;
            }
            for (var e : o.properties()) {
                // values, not schemas: an example object is sent as written
                if (!VALUES.contains(e.getKey())) {
                    changed |= fix(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), where);
                }
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode child : node) {
                changed |= fix(child, pointer + "/" + i++, where);
            }
        }
        return changed;
    }
}
