package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of value a JSON Schema describes, read from its keywords: the questions
 * {@link GeminiSchema} asks while it fits a schema into Gemini's one-type-per-schema subset.
 */
final class GeminiTypes {

    private static final Set<String> OBJECT_KEYS = Set.of("properties", "required", "minProperties", "maxProperties",
            "propertyOrdering", "additionalProperties", "patternProperties", "propertyNames", "dependentRequired",
            "dependentSchemas", "dependencies", "unevaluatedProperties");
    private static final Set<String> ARRAY_KEYS = Set.of("items", "prefixItems", "additionalItems", "minItems",
            "maxItems", "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedItems");
    private static final Set<String> STRING_KEYS = Set.of("minLength", "maxLength", "pattern");
    private static final Set<String> NUMBER_KEYS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf");

    private GeminiTypes() {
    }

    static boolean isNull(JsonNode b) {
        if (!b.isObject()) {
            return false;
        }
        JsonNode t = b.get("type");
        if (t != null && t.isTextual() && t.asText().equalsIgnoreCase("null")) {
            return true;
        }
        if (t != null && t.isArray() && t.size() == 1 && t.get(0).asText().equalsIgnoreCase("null")) {
            return true;
        }
        JsonNode c = b.get("const");
        if (c != null && c.isNull() && t == null) {
            return true;
        }
        JsonNode e = b.get("enum");
        return t == null && e != null && e.isArray() && e.size() == 1 && e.get(0).isNull();
    }

    /** Whether a schema says what kind of value it is (rather than only adding constraints). */
    static boolean typed(ObjectNode o) {
        JsonNode t = o.get("type");
        if (t != null && !(t.isTextual() && t.asText().equals("TYPE_UNSPECIFIED"))) {
            return true;
        }
        for (String k : List.of("properties", "items", "prefixItems", "enum", "const", "$ref", "allOf")) {
            if (o.has(k)) {
                return true;
            }
        }
        return false;
    }

    static boolean constraintOnly(JsonNode b) {
        if (!b.isObject()) {
            return false;
        }
        for (String k : List.of("type", "properties", "items", "prefixItems", "enum", "const", "$ref", "anyOf",
                "oneOf", "allOf")) {
            if (b.has(k)) {
                return false;
            }
        }
        return true;
    }

    static String infer(ObjectNode o) {
        JsonNode e = o.get("enum");
        if (e != null && e.isArray()) {
            return valuesType(e);
        }
        if (o.has("const")) {
            JsonNode c = o.get("const");
            return c.isNull() ? "null" : valueType(c);
        }
        for (String k : OBJECT_KEYS) {
            if (o.has(k)) {
                return "object";
            }
        }
        for (String k : ARRAY_KEYS) {
            if (o.has(k)) {
                return "array";
            }
        }
        for (String k : STRING_KEYS) {
            if (o.has(k)) {
                return "string";
            }
        }
        for (String k : NUMBER_KEYS) {
            if (o.has(k)) {
                return "number";
            }
        }
        if (o.has("format")) {
            String f = o.get("format").asText();
            return f.equals("int32") || f.equals("int64") ? "integer"
                    : f.equals("float") || f.equals("double") ? "number" : "string";
        }
        return null;
    }

    private static String valuesType(JsonNode values) {
        String type = null;
        for (JsonNode v : values) {
            if (v.isNull()) {
                continue;
            }
            String t = valueType(v);
            if (type == null) {
                type = t;
            } else if (!type.equals(t)) {
                type = (type.equals("integer") || type.equals("number")) && (t.equals("integer") || t.equals("number"))
                        ? "number" : "string";
            }
        }
        return type == null ? "string" : type;
    }

    static String valueType(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isArray() ? "array" : "object";
    }

    static String scope(String k) {
        return OBJECT_KEYS.contains(k) ? "object" : ARRAY_KEYS.contains(k) ? "array"
                : STRING_KEYS.contains(k) ? "string" : NUMBER_KEYS.contains(k) ? "number" : null;
    }

    static boolean fits(String scope, String type) {
        return scope.equals(type) || scope.equals("number") && type.equals("integer");
    }

    /** The Gemini type of a schema without looking into it, for cut-off places. */
    static String shallowType(JsonNode n) {
        if (!n.isObject()) {
            return "STRING";
        }
        JsonNode t = n.get("type");
        if (t != null && t.isTextual() && !t.asText().equalsIgnoreCase("null")
                && !t.asText().equals("TYPE_UNSPECIFIED")) {
            return t.asText().toUpperCase(Locale.ROOT);
        }
        if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equalsIgnoreCase("null")) {
                    return x.asText().toUpperCase(Locale.ROOT);
                }
            }
        }
        String inferred = infer((ObjectNode) n);
        return inferred == null || inferred.equals("null") ? "OBJECT" : inferred.toUpperCase(Locale.ROOT);
    }
}
