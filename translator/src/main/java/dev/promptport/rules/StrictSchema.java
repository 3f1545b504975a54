package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What keeps a JSON schema out of OpenAI's strict structured outputs, which hold the reply to
 * the schema exactly as Claude does: every object must list all its properties as required and
 * forbid others ({@code additionalProperties: false}), the root must be an object, only the
 * keywords of OpenAI's Structured Outputs guide may appear, and the schema must keep within
 * its size limits ({@link StrictLimits}).
 */
final class StrictSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Keywords whose sub-schemas are walked; a $ref'd definition is reached through $defs. */
    private static final Set<String> SINGLE = Set.of("items", "additionalProperties", "not");
    private static final Set<String> LISTS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final Set<String> MAPS = Set.of("properties", "$defs", "definitions");
    /**
     * The keywords strict mode takes (Structured Outputs guide, "Supported schemas"): the types,
     * enum, anyOf, references and definitions, title and description, the object keywords, and
     * per type: pattern and format for strings, multipleOf and the bounds for numbers,
     * minItems and maxItems for arrays.
     */
    private static final Set<String> SUPPORTED = Set.of("type", "enum", "anyOf", "$ref", "$defs", "definitions",
            "title", "description", "properties", "required", "additionalProperties", "items", "pattern", "format",
            "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "minItems", "maxItems");
    /** The string formats strict mode takes. */
    private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration", "email", "hostname",
            "ipv4", "ipv6", "uuid");
    /**
     * Keywords of JSON Schema (2020-12 and the drafts before) that decide which values a schema
     * accepts, or where references point, and that strict mode does not take.
     */
    private static final Set<String> CONSTRAINTS = Set.of("const", "oneOf", "allOf", "not", "if", "then", "else",
            "minLength", "maxLength", "uniqueItems", "prefixItems", "additionalItems", "contains", "minContains",
            "maxContains", "unevaluatedItems", "minProperties", "maxProperties", "patternProperties", "propertyNames",
            "dependentRequired", "dependentSchemas", "dependencies", "unevaluatedProperties", "contentSchema", "$id",
            "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary");

    /** Whether {@code keyword} is one strict mode takes or one that restricts values; others only describe. */
    static boolean knows(String keyword) {
        return SUPPORTED.contains(keyword) || CONSTRAINTS.contains(keyword);
    }

    /** Each kind of problem and the first place it was met. */
    private final Map<String, String> firstAt = new LinkedHashMap<>();

    private StrictSchema() {
    }

    /** The reasons, each with the first place it applies, or an empty list when strict mode takes the schema. */
    static List<String> problems(String schemaJson) {
        JsonNode root;
        try {
            root = MAPPER.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            return List.of("a schema that is not JSON");
        }
        return problems(root);
    }

    /** As {@link #problems(String)}, for a schema already read. */
    static List<String> problems(JsonNode root) {
        StrictSchema s = new StrictSchema();
        s.walk(root, "");
        List<String> out = new ArrayList<>();
        if (!"object".equals(root.path("type").asText())) {
            out.add("a root that is not an object");
        } else if (root.has("anyOf")) {
            out.add("anyOf at the root");
        }
        s.firstAt.forEach((kind, path) -> out.add(kind + (path.isEmpty() ? " at the root" : " at " + path)));
        out.addAll(StrictLimits.exceeded(root));
        // shared through the memo between threads
        return List.copyOf(out);
    }

    private void add(String kind, String path) {
        firstAt.putIfAbsent(kind, path);
    }

    /** The keywords of one schema that strict mode does not take, each named as what it is. */
    private void keywords(JsonNode n, String path) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode v = n.get(k);
            if (k.equals("oneOf")) {
                add("oneOf whose variants can match the same value (strict mode has anyOf only)", path);
            } else if (k.equals("format") && !FORMATS.contains(v.asText())) {
                add("the string format " + v, path);
            } else if (k.equals("items") && !v.isObject()) {
                add("items that is not one schema (a tuple, or true or false)", path);
            } else if (k.equals("$ref") && n.size() > 1) {
                add("$ref beside other keywords (strict mode takes a reference alone)", path);
            } else if (!SUPPORTED.contains(k)) {
                add("the keyword " + k, path);
            }
        }
    }

    private void walk(JsonNode n, String path) {
        if (!n.isObject()) {
            return;
        }
        if (n.has("properties") || "object".equals(n.path("type").asText())) {
            if (!n.path("additionalProperties").isBoolean() || n.path("additionalProperties").asBoolean()) {
                add("objects that allow properties they do not list", path);
            }
            JsonNode props = n.path("properties");
            Set<String> required = new LinkedHashSet<>();
            n.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!required.contains(name)) {
                    add("optional properties", path + "/properties/" + name);
                    break;
                }
            }
        }
        keywords(n, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (SINGLE.contains(key)) {
                walk(v, path + "/" + key);
            } else if (LISTS.contains(key) && v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    walk(v.get(i), path + "/" + key + "/" + i);
                }
            } else if (MAPS.contains(key) && v.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> child = f.next();
                    walk(child.getValue(), path + "/" + key + "/" + child.getKey());
                }
            }
        }
    }
}
