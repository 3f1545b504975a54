package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's {@code Schema} (an OpenAPI 3.0 subset: upper-case types, {@code nullable},
 * {@code propertyOrdering}, {@code format: "enum"}) as the JSON Schema every other vendor takes;
 * the reverse of the writer's GeminiSchema. A schema already in JSON Schema comes through as it
 * was, as the keywords differ only where the subset has its own.
 */
final class GeminiOpenApiSchema {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Keywords whose value is one schema, or a list or map of schemas, to convert in turn. */
    private static final Set<String> SCHEMA_LISTS = Set.of("anyOf", "items");

    private GeminiOpenApiSchema() {
    }

    static JsonNode toJsonSchema(JsonNode n) {
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(x -> a.add(toJsonSchema(x)));
            return a;
        }
        if (!n.isObject()) {
            return n;
        }
        ObjectNode o = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // Gemini takes the proto's snake_case keywords too (any_of, max_items)
            String k = GeminiFields.camel(e.getKey());
            JsonNode v = e.getValue();
            switch (k) {
                // the order goes into the properties' own order (below), which OpenAI's structured
                // outputs write keys in; Gemini's nullable is spelled below as a type union
                case "propertyOrdering", "nullable" -> { }
                case "type" -> o.set(k, v.isTextual() ? F.textNode(v.asText().toLowerCase(Locale.ROOT)) : v);
                // "enum" as a format only says what the enum keyword already does
                case "format" -> {
                    if (!"enum".equals(v.asText())) {
                        o.set(k, v);
                    }
                }
                case "properties" -> {
                    ObjectNode props = o.putObject(k);
                    JsonNode order = n.has("propertyOrdering") ? n.get("propertyOrdering") : n.path("property_ordering");
                    for (JsonNode name : order.isArray() ? order : F.arrayNode()) {
                        if (name.isTextual() && v.has(name.asText())) {
                            props.set(name.asText(), toJsonSchema(v.get(name.asText())));
                        }
                    }
                    v.fields().forEachRemaining(p -> {
                        if (!props.has(p.getKey())) {
                            props.set(p.getKey(), toJsonSchema(p.getValue()));
                        }
                    });
                }
                default -> o.set(k, SCHEMA_LISTS.contains(k) ? toJsonSchema(v) : v);
            }
        }
        return n.path("nullable").asBoolean(false) ? orNull(o) : o;
    }

    /** A schema that also takes null: a type union, or a null branch where the schema has no one type. */
    private static ObjectNode orNull(ObjectNode o) {
        JsonNode type = o.get("type");
        if (type != null && type.isTextual()) {
            o.putArray("type").add(type.asText()).add("null");
            if (o.get("enum") instanceof ArrayNode values && !containsNull(values)) {
                // the enum would refuse the null the type now allows
                values.addNull();
            }
            return o;
        }
        if (o.get("anyOf") instanceof ArrayNode branches) {
            branches.addObject().put("type", "null");
            return o;
        }
        ObjectNode any = F.objectNode();
        any.putArray("anyOf").add(o).addObject().put("type", "null");
        return any;
    }

    private static boolean containsNull(ArrayNode values) {
        for (JsonNode v : values) {
            if (v.isNull()) {
                return true;
            }
        }
        return false;
    }
}
