package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Gemini {@code parametersJsonSchema} whose types are written Gemini's way ({@code "OBJECT"}),
 * as clients that build it from Gemini's own Schema do (Google ADK's tests), with JSON Schema's
 * lower-case type names, which every other vendor requires (Claude refuses {@code "OBJECT"}).
 * JSON Schema has no upper-case type, so the rename changes no meaning.
 */
final class GeminiJsonSchemaTypes {

    private static final Set<String> GEMINI_TYPES = Set.of("STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT", "NULL");

    /** Keywords whose values are data, not schemas: a "type" inside them is the caller's value. */
    private static final Set<String> DATA = Set.of("enum", "const", "default", "examples", "example");

    private GeminiJsonSchemaTypes() {
    }

    /** {@code schema} itself when no type is upper-case (the usual case: nothing is copied), else a copy with them lowered. */
    static JsonNode lowered(JsonNode schema) {
        if (schema == null || !hasUpperType(schema)) {
            return schema;
        }
        JsonNode copy = schema.deepCopy();
        lower(copy);
        return copy;
    }

    private static boolean hasUpperType(JsonNode n) {
        if (n.isArray()) {
            for (JsonNode x : n) {
                if (hasUpperType(x)) {
                    return true;
                }
            }
            return false;
        }
        if (!n.isObject()) {
            return false;
        }
        for (var it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (DATA.contains(e.getKey())) {
                continue;
            }
            if (e.getKey().equals("type") && isUpper(e.getValue())) {
                return true;
            }
            if (hasUpperType(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(JsonNode type) {
        if (type.isTextual()) {
            return GEMINI_TYPES.contains(type.asText());
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && GEMINI_TYPES.contains(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void lower(JsonNode n) {
        if (n.isArray()) {
            n.forEach(GeminiJsonSchemaTypes::lower);
            return;
        }
        if (!(n instanceof ObjectNode o)) {
            return;
        }
        for (var it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (DATA.contains(e.getKey())) {
                continue;
            }
            JsonNode v = e.getValue();
            if (e.getKey().equals("type") && v.isTextual() && GEMINI_TYPES.contains(v.asText())) {
                e.setValue(TextNode.valueOf(v.asText().toLowerCase(Locale.ROOT)));
            } else if (e.getKey().equals("type") && v instanceof ArrayNode types) {
                for (int i = 0; i < types.size(); i++) {
                    if (types.get(i).isTextual() && GEMINI_TYPES.contains(types.get(i).asText())) {
                        types.set(i, TextNode.valueOf(types.get(i).asText().toLowerCase(Locale.ROOT)));
                    }
                }
            } else {
                lower(v);
            }
        }
    }
}
