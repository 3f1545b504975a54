package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.tree.TextMemo;

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
 * forbid others ({@code additionalProperties: false}), and the root must be an object.
 */
final class StrictSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Keywords whose sub-schemas are walked; a $ref'd definition is reached through $defs. */
    private static final Set<String> SINGLE = Set.of("items", "additionalProperties", "not");
    private static final Set<String> LISTS = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    private static final Set<String> MAPS = Set.of("properties", "$defs", "definitions");

    /** Each kind of problem and the first place it was met. */
    private final Map<String, String> firstAt = new LinkedHashMap<>();

    private StrictSchema() {
    }

    /** The memo key of a schema's problems. */
    private static final Object PROBLEMS = new Object();

    /** As {@link #problems(String)}, remembered by {@code memo} (when not null): traffic repeats its schemas. */
    static List<String> problems(String schemaJson, TextMemo memo) {
        return memo == null ? problems(schemaJson) : memo.get(schemaJson, PROBLEMS, () -> problems(schemaJson));
    }

    /** The reasons, each with the first place it applies, or an empty list when strict mode takes the schema. */
    static List<String> problems(String schemaJson) {
        StrictSchema s = new StrictSchema();
        JsonNode root;
        try {
            root = MAPPER.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            return List.of("a schema that is not JSON");
        }
        s.walk(root, "");
        List<String> out = new ArrayList<>();
        if (!"object".equals(root.path("type").asText())) {
            out.add("a root that is not an object");
        }
        s.firstAt.forEach((kind, path) -> out.add(kind + (path.isEmpty() ? " at the root" : " at " + path)));
        // shared through the memo between threads
        return List.copyOf(out);
    }

    private void add(String kind, String path) {
        firstAt.putIfAbsent(kind, path);
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
