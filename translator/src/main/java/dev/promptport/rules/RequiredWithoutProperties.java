package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.Tool;

/**
 * An object schema that lists {@code required} names but no {@code properties}, which JSON
 * Schema allows and Groq refuses ("'required' present but 'properties' is missing";
 * usestrix/strix#1088). Each required name gets a property that accepts any value, and an empty
 * {@code required} goes: the schema accepts exactly the values it did.
 */
final class RequiredWithoutProperties {

    private static final java.util.Set<String> VALUES = java.util.Set.of("enum", "const", "default", "examples");

    private RequiredWithoutProperties() {
    }

    static Tool.Function fit(Tool.Function f) {
        String json = f.schema().json();
        if (!json.contains("\"required\"")) {
            return f;
        }
        JsonNode root = RawTrees.parse(json);
        if (root == null || !fix(root)) {
            return f;
        }
        return f.withSchema(new RawJson(root.toString()));
    }

    /** Fixes every such object in {@code node}; whether one was found. */
    private static boolean fix(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o && o.path("required").isArray() && !o.has("properties")) {
            if (o.path("required").isEmpty()) {
                o.remove("required");
            } else {
                ObjectNode properties = o.putObject("properties");
                o.path("required").forEach(n -> properties.putObject(n.asText()));
            }
            changed = true;
        }
        if (node instanceof ObjectNode o) {
            for (var e : o.properties()) {
                // values, not schemas: an example object is sent as written
                if (!VALUES.contains(e.getKey())) {
                    changed |= fix(e.getValue());
                }
            }
        } else {
            for (JsonNode child : node) {
                changed |= fix(child);
            }
        }
        return changed;
    }
}
