package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Dotprompt's Picoschema ({@code name: string, age?: integer, tags(array): string}) as JSON
 * Schema, by the rules of google/dotprompt's own parser ({@code js/src/picoschema.ts}): a
 * {@code ?} makes a field optional and nullable, {@code (array)}, {@code (object)} and
 * {@code (enum)} give its kind, text after a comma is its description, {@code any} is any value
 * and {@code (*)} names the type of every other field. A schema that is JSON Schema already
 * (a {@code type} of its own, or {@code properties}) is taken as it is.
 */
final class Picoschema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SCALARS = Set.of("any", "boolean", "integer", "null", "number", "string");
    private static final Set<String> JSON_SCHEMA_TYPES = Set.of("any", "boolean", "integer", "null", "number", "string",
            "object", "array");
    private static final String WILDCARD = "(*)";

    private Picoschema() {
    }

    /**
     * The schema as JSON Schema, or {@code null} when it cannot be converted here: it names a
     * schema registered in the application (Dotprompt resolves those at run time), or its shape
     * is not Picoschema.
     */
    static JsonNode toJsonSchema(JsonNode schema) {
        try {
            if (schema.isTextual()) {
                return scalar(schema.asText());
            }
            if (schema.isObject() && JSON_SCHEMA_TYPES.contains(schema.path("type").asText(""))) {
                return schema;
            }
            if (schema.isObject() && schema.path("properties").isObject()) {
                return ((ObjectNode) schema.deepCopy()).put("type", "object");
            }
            return pico(schema);
        } catch (NotConvertible e) {
            return null;
        }
    }

    private static ObjectNode pico(JsonNode node) {
        if (node.isTextual()) {
            return scalar(node.asText());
        }
        if (!node.isObject()) {
            throw new NotConvertible();
        }
        ObjectNode out = NODES.objectNode().put("type", "object");
        ObjectNode properties = out.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        JsonNode others = NODES.booleanNode(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals(WILDCARD)) {
                others = pico(e.getValue());
                continue;
            }
            int paren = key.indexOf('(');
            String name = paren < 0 ? key : key.substring(0, paren);
            boolean optional = name.endsWith("?");
            String property = optional ? name.substring(0, name.length() - 1) : name;
            if (!optional) {
                required.add(property);
            }
            if (paren < 0) {
                ObjectNode prop = pico(e.getValue());
                if (optional) {
                    nullable(prop);
                }
                properties.set(property, prop);
                continue;
            }
            int close = key.lastIndexOf(')');
            String[] kind = described(key.substring(paren + 1, close > paren ? close : key.length()));
            ObjectNode prop;
            switch (kind[0]) {
                case "array" -> {
                    prop = NODES.objectNode();
                    if (optional) {
                        prop.putArray("type").add("array").add("null");
                    } else {
                        prop.put("type", "array");
                    }
                    prop.set("items", pico(e.getValue()));
                }
                case "object" -> {
                    prop = pico(e.getValue());
                    if (optional) {
                        nullable(prop);
                    }
                }
                case "enum" -> {
                    if (!e.getValue().isArray()) {
                        throw new NotConvertible();
                    }
                    prop = NODES.objectNode();
                    ArrayNode values = ((ArrayNode) e.getValue().deepCopy());
                    boolean hasNull = false;
                    for (JsonNode v : values) {
                        hasNull |= v.isNull();
                    }
                    if (optional && !hasNull) {
                        values.addNull();
                    }
                    prop.set("enum", values);
                }
                default -> throw new NotConvertible();
            }
            if (kind[1] != null) {
                prop.put("description", kind[1]);
            }
            properties.set(property, prop);
        }
        if (!required.isEmpty()) {
            out.set("required", required);
        }
        out.set("additionalProperties", others);
        return out;
    }

    /** A type named in a string ({@code integer, the age}); {@code any} is a schema without a type. */
    private static ObjectNode scalar(String text) {
        String[] kind = described(text);
        if (!SCALARS.contains(kind[0])) {
            // a schema registered by name in the application
            throw new NotConvertible();
        }
        ObjectNode out = NODES.objectNode();
        if (!kind[0].equals("any")) {
            out.put("type", kind[0]);
        }
        if (kind[1] != null) {
            out.put("description", kind[1]);
        }
        return out;
    }

    /** {@code type, description} split at the first comma, the blanks after it dropped. */
    private static String[] described(String text) {
        int comma = text.indexOf(',');
        if (comma < 0) {
            return new String[] {text, null};
        }
        int from = comma + 1;
        while (from < text.length() && text.charAt(from) == ' ') {
            from++;
        }
        return new String[] {text.substring(0, comma), text.substring(from)};
    }

    /** An optional field may also be null, as Dotprompt writes it; a field of any type already may. */
    private static void nullable(ObjectNode prop) {
        JsonNode type = prop.get("type");
        if (type != null && type.isTextual()) {
            prop.putArray("type").add(type.asText()).add("null");
        }
    }

    /** Thrown inside the conversion where a schema cannot be written as JSON Schema here. */
    private static final class NotConvertible extends RuntimeException {
        NotConvertible() {
            super(null, null, false, false);
        }
    }
}
