package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small operations on JSON Schema nodes and their text, shared by the Gemini schema converter. */
final class GeminiNodes {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The fields of Gemini's Schema message, in the order they are written. */
    private static final List<String> ORDER = List.of("type", "format", "title", "description", "nullable", "enum",
            "items", "minItems", "maxItems", "properties", "required", "minProperties", "maxProperties", "minimum",
            "maximum", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering", "default",
            // only in the JSON Schema form
            "additionalProperties");

    private GeminiNodes() {
    }

    /** Merges {@code from} into {@code into}; true when they disagreed on a keyword. */
    static boolean mergeInto(ObjectNode into, ObjectNode from) {
        boolean conflict = false;
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            JsonNode have = into.get(k);
            if (have == null) {
                into.set(k, v.deepCopy());
            } else if (have.equals(v)) {
                continue;
            } else if (k.equals("properties") && have.isObject() && v.isObject()) {
                ObjectNode props = (ObjectNode) have;
                for (Map.Entry<String, JsonNode> pe : v.properties()) {
                    JsonNode old = props.get(pe.getKey());
                    if (old == null) {
                        props.set(pe.getKey(), pe.getValue().deepCopy());
                    } else if (!old.equals(pe.getValue())) {
                        ObjectNode both = F.objectNode();
                        both.putArray("allOf").add(old).add(pe.getValue().deepCopy());
                        props.set(pe.getKey(), both);
                    }
                }
            } else if (k.equals("required") && have.isArray() && v.isArray()) {
                Set<String> names = new LinkedHashSet<>();
                have.forEach(n -> names.add(n.asText()));
                v.forEach(n -> names.add(n.asText()));
                ArrayNode req = F.arrayNode();
                names.forEach(req::add);
                into.set(k, req);
            } else if (!k.equals("description") && !k.equals("title") && !k.equals("$defs")
                    && !k.equals("definitions") && !GeminiSchema.ANNOTATIONS.contains(k)) {
                conflict = true;
            }
        }
        return conflict;
    }

    static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }

    static JsonNode bound(JsonNode v, JsonNode have, boolean lower) {
        if (!v.isNumber()) {
            return have;
        }
        if (have == null) {
            return v;
        }
        int cmp = v.decimalValue().compareTo(have.decimalValue());
        return lower ? (cmp > 0 ? v : have) : (cmp < 0 ? v : have);
    }

    static ObjectNode typeOnly(String type) {
        ObjectNode n = F.objectNode();
        n.put("type", type);
        return n;
    }

    static ObjectNode withNullable(ObjectNode out) {
        out.put("nullable", true);
        return out;
    }

    static boolean onlyAnnotations(ObjectNode o) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("title", "description", "default", "example", "examples", "nullable").contains(k)
                    && !GeminiSchema.ANNOTATIONS.contains(k)) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode annotations(ObjectNode o) {
        ObjectNode a = F.objectNode();
        for (String k : List.of("title", "description", "default", "example", "examples", "nullable")) {
            if (o.has(k)) {
                a.set(k, o.get(k));
            }
        }
        return a;
    }

    /** Where the text the conversion added to a description starts, or -1. */
    static int addedNote(String description) {
        int first = -1;
        for (String note : new String[] {"Allowed value", GeminiSchema.JSON_TEXT, GeminiNot.NOTE_START}) {
            int at = description.indexOf(note);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** What a map's values are, for the description of a map sent as JSON text: " Each value is a string." */
    static String valuesNote(JsonNode additional) {
        if (additional == null || !additional.isObject() || !additional.path("type").isTextual()) {
            return "";
        }
        String type = additional.path("type").asText().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "string", "number", "integer", "boolean", "array", "object" ->
                    " Each value is " + article(type) + " " + type + ".";
            default -> "";
        };
    }

    static void copyText(JsonNode from, ObjectNode to, String key) {
        JsonNode v = from.get(key);
        if (v != null && v.isTextual()) {
            to.put(key, v.asText());
        }
    }

    static String list(List<JsonNode> values) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(short_(v));
        }
        return b.toString();
    }

    static String short_(JsonNode v) {
        if (v == null) {
            return "null";
        }
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The schema with its keys in the order of Gemini's Schema message, recursively. */
    static ObjectNode ordered(ObjectNode n) {
        ObjectNode out = F.objectNode();
        for (String k : ORDER) {
            JsonNode v = n.get(k);
            if (v == null) {
                continue;
            }
            switch (k) {
                case "items", "additionalProperties" -> out.set(k, v.isObject() ? ordered((ObjectNode) v) : v);
                case "properties" -> {
                    ObjectNode props = out.putObject(k);
                    v.properties().forEach(p -> props.set(p.getKey(),
                            p.getValue().isObject() ? ordered((ObjectNode) p.getValue()) : p.getValue()));
                }
                case "anyOf" -> {
                    ArrayNode arr = out.putArray(k);
                    v.forEach(x -> arr.add(x.isObject() ? ordered((ObjectNode) x) : x));
                }
                default -> out.set(k, v);
            }
        }
        return out;
    }
}
