package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/**
 * Spells a schema {@link GeminiSchema} converted as the plain JSON Schema that Gemini's
 * {@code parametersJsonSchema} and {@code responseJsonSchema} take: lower-case types, null as
 * a type of its own instead of {@code nullable}, {@code examples} instead of {@code example}.
 * The converted schema already has no references and one type per schema, so what Gemini
 * reads is what the findings about the conversion describe.
 */
final class GeminiJsonSchema {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeminiJsonSchema() {
    }

    static ObjectNode of(ObjectNode s) {
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, JsonNode> e : s.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "type" -> {
                    // TYPE_UNSPECIFIED stands beside anyOf, whose variants carry the types
                    if (!v.asText().equals("TYPE_UNSPECIFIED")) {
                        out.put(k, v.asText().toLowerCase(Locale.ROOT));
                    }
                }
                case "nullable" -> {
                }
                case "example" -> out.putArray("examples").add(v);
                case "items", "additionalProperties" -> out.set(k, v.isObject() ? of((ObjectNode) v) : v);
                case "properties" -> {
                    ObjectNode props = out.putObject(k);
                    v.properties().forEach(p -> props.set(p.getKey(), of((ObjectNode) p.getValue())));
                }
                case "anyOf" -> {
                    ArrayNode variants = out.putArray(k);
                    v.forEach(b -> variants.add(of((ObjectNode) b)));
                }
                default -> out.set(k, v);
            }
        }
        return s.path("nullable").asBoolean(false) ? orNull(out) : out;
    }

    /**
     * The schema or null. A type list would not do: {@code ["string", "null"]} beside an enum
     * still refuses null, since null is not among the enum's values.
     */
    private static ObjectNode orNull(ObjectNode s) {
        ObjectNode nothing = F.objectNode().put("type", "null");
        if (s.has("anyOf")) {
            s.remove("type");
            ((ArrayNode) s.get("anyOf")).add(nothing);
            return s;
        }
        ObjectNode out = F.objectNode();
        // the description says what the value means, whichever variant it takes
        for (String k : new String[] {"title", "description"}) {
            JsonNode v = s.remove(k);
            if (v != null) {
                out.set(k, v);
            }
        }
        out.putArray("anyOf").add(s).add(nothing);
        return out;
    }
}
