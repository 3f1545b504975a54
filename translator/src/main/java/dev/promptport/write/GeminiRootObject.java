package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Function parameters must be one object, and Gemini's schema has no alternatives at its root:
 * an anyOf of object shapes there is merged into one object, its properties combined and a
 * property required only where every shape required it.
 */
final class GeminiRootObject {

    private GeminiRootObject() {
    }

    /** {@code out} with an anyOf of object shapes at its root merged into one object; changes go to {@code owner}. */
    static ObjectNode merge(ObjectNode out, GeminiSchema owner) {
        JsonNode any = out.get("anyOf");
        String type = out.path("type").asText();
        if (any == null || !(type.equals("OBJECT") || type.equals("TYPE_UNSPECIFIED")) || out.has("properties")) {
            return out;
        }
        for (JsonNode b : any) {
            if (!"OBJECT".equals(b.path("type").asText())) {
                return out;
            }
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.put("type", "OBJECT");
        GeminiNodes.copyText(out, merged, "title");
        GeminiNodes.copyText(out, merged, "description");
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        Set<String> required = null;
        for (JsonNode b : any) {
            b.path("properties").properties().forEach(p -> {
                if (!props.has(p.getKey())) {
                    props.set(p.getKey(), p.getValue());
                }
            });
            Set<String> r = new LinkedHashSet<>();
            b.path("required").forEach(n -> r.add(n.asText()));
            if (required == null) {
                required = r;
            } else {
                required.retainAll(r);
            }
        }
        if (!props.isEmpty()) {
            merged.set("properties", props);
        }
        if (required != null && !required.isEmpty()) {
            ArrayNode arr = merged.putArray("required");
            required.forEach(arr::add);
        }
        owner.change("", "anyOf", "the " + any.size() + " alternative object shapes at the root were merged into one"
                + " object (function parameters are one object; a property is required only where every shape"
                + " required it), so the model no longer knows which combinations are valid", true);
        return merged;
    }
}
