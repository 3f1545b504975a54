package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.write.SchemaAnnotations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the parts of a JSON schema that OpenAI's strict mode refuses but that can be said in
 * the keywords it takes, so that the schema accepts exactly the values it accepted before:
 * annotations go ({@code default} and {@code examples} into the description, where the model
 * still reads them), {@code const} becomes a one-value enum, a {@code oneOf} whose variants are
 * of different types becomes {@code anyOf}, and a {@code $ref} or one-schema {@code allOf}
 * beside other keywords is replaced by the schema it names. What cannot be said so is left for
 * {@link StrictSchema} to name.
 */
final class StrictRewrite {

    /**
     * Keywords that do not decide which values a schema accepts (JSON Schema's annotations, and
     * names no vocabulary defines, which validators ignore); title and description stay, as
     * strict mode takes them.
     */
    private static final Set<String> ANNOTATIONS = SchemaAnnotations.with("nullable", "propertyOrdering");
    /** Annotations whose value the model can use, kept in the description. */
    private static final Map<String, String> TO_DESCRIPTION = Map.of("default", "Default", "examples", "Examples",
            "example", "Example");
    /** Longest value text moved into a description. */
    private static final int MAX_VALUE_TEXT = 200;

    private final JsonNode root;
    /** Each kind of change and the first place it was made. */
    private final Map<String, String> firstAt = new LinkedHashMap<>();
    /** The definitions copied in on the path being walked. */
    private final Deque<String> inlined = new ArrayDeque<>();

    private StrictRewrite(JsonNode root) {
        this.root = root;
    }

    /**
     * The rewritten schema and what changed.
     *
     * @param schema the schema to send, {@code original} itself when nothing changed
     * @param changes each kind of change with where it was first made, for people
     */
    record Result(JsonNode schema, List<String> changes) {
        Result {
            changes = List.copyOf(changes);
        }
    }

    static Result of(JsonNode original) {
        if (!original.isObject()) {
            return new Result(original, List.of());
        }
        JsonNode copy = original.deepCopy();
        StrictRewrite r = new StrictRewrite(copy);
        r.walk(copy, "");
        if (r.firstAt.isEmpty()) {
            return new Result(original, List.of());
        }
        List<String> changes = new ArrayList<>();
        r.firstAt.forEach((kind, path) -> changes.add(kind + (path.isEmpty() ? " at the root" : " at " + path)));
        return new Result(copy, changes);
    }

    private void changed(String kind, String path) {
        firstAt.putIfAbsent(kind, path);
    }

    private void walk(JsonNode n, String path) {
        if (!n.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) n;
        annotations(o, path);
        int depth = inlined.size();
        if (inline(o, path)) {
            annotations(o, path);
        }
        constant(o, path);
        oneOf(o, path);
        try {
            children(o, path);
        } finally {
            while (inlined.size() > depth) {
                inlined.pop();
            }
        }
    }

    private void children(ObjectNode o, String path) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else" ->
                        walk(v, path + "/" + key);
                case "anyOf", "oneOf", "allOf", "prefixItems" -> {
                    for (int i = 0; i < v.size(); i++) {
                        walk(v.get(i), path + "/" + key + "/" + i);
                    }
                }
                case "properties", "$defs", "definitions", "patternProperties", "dependentSchemas" -> {
                    if (v.isObject()) {
                        v.properties().forEach(c -> walk(c.getValue(), path + "/" + key + "/" + c.getKey()));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Drops what only describes, keeping a default or examples in the description. */
    private void annotations(ObjectNode o, String path) {
        List<String> notes = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (TO_DESCRIPTION.containsKey(k)) {
                notes.add(TO_DESCRIPTION.get(k) + ": " + values(k, o.get(k)) + ".");
                changed(k + " moved into the description", path);
                it.remove();
            } else if (ANNOTATIONS.contains(k) || !StrictSchema.knows(k)) {
                changed(k + " left out (it describes, it does not restrict the value)", path);
                it.remove();
            }
        }
        if (!notes.isEmpty()) {
            String desc = o.path("description").asText("");
            String added = String.join(" ", notes);
            o.put("description", desc.isEmpty() ? added : desc + (desc.endsWith(".") ? " " : ". ") + added);
        }
    }

    private static String values(String keyword, JsonNode v) {
        if (!keyword.equals("examples") || !v.isArray()) {
            return shortText(v);
        }
        List<String> each = new ArrayList<>();
        v.forEach(x -> each.add(shortText(x)));
        return shortText(String.join(", ", each));
    }

    private static String shortText(JsonNode v) {
        return shortText(v.toString());
    }

    private static String shortText(String s) {
        return s.length() <= MAX_VALUE_TEXT ? s : s.substring(0, MAX_VALUE_TEXT - 1) + "…";
    }

    /**
     * A {@code $ref} beside other keywords, or an {@code allOf} of one schema, replaced by the
     * schema it names with the other keywords added: strict mode takes a reference only alone
     * and has no allOf. Left as it is where the two disagree on a keyword.
     */
    private boolean inline(ObjectNode o, String path) {
        boolean any = false;
        JsonNode all = o.get("allOf");
        if (all != null && all.isArray() && all.size() == 1 && all.get(0).isObject()) {
            ObjectNode member = (ObjectNode) all.get(0);
            ObjectNode rest = o.deepCopy();
            rest.remove("allOf");
            if (merge(o, member, rest)) {
                changed("allOf of one schema replaced by that schema", path);
                any = true;
            }
        }
        JsonNode ref = o.get("$ref");
        // a definition is copied in once on a path: a copy of itself inside would never end
        if (ref != null && ref.isTextual() && o.size() > 1 && !inlined.contains(ref.asText())) {
            JsonNode target = ref.asText().startsWith("#") ? root.at(ref.asText().substring(1)) : null;
            if (target != null && target.isObject() && !target.has("$ref")) {
                ObjectNode rest = o.deepCopy();
                rest.remove("$ref");
                String name = ref.asText();
                if (merge(o, (ObjectNode) target, rest)) {
                    inlined.push(name);
                    changed("$ref beside other keywords replaced by a copy of the definition it names", path);
                    any = true;
                }
            }
        }
        return any;
    }

    /** {@code o} becomes {@code base} with {@code rest} over it; false, and no change, where they disagree. */
    private static boolean merge(ObjectNode o, ObjectNode base, ObjectNode rest) {
        for (Map.Entry<String, JsonNode> e : rest.properties()) {
            String k = e.getKey();
            JsonNode have = base.get(k);
            if (have != null && !have.equals(e.getValue()) && !k.equals("title") && !k.equals("description")) {
                return false;
            }
        }
        ObjectNode merged = base.deepCopy();
        merged.setAll(rest);
        o.removeAll();
        o.setAll(merged);
        return true;
    }

    /** const is enum with one value, which strict mode takes. */
    private void constant(ObjectNode o, String path) {
        JsonNode c = o.get("const");
        if (c == null) {
            return;
        }
        JsonNode e = o.get("enum");
        boolean inEnum = false;
        if (e != null && e.isArray()) {
            for (JsonNode v : e) {
                inEnum |= v.equals(c);
            }
        }
        if (e != null && !inEnum) {
            // const and an enum without its value accept nothing; StrictSchema names the const
            return;
        }
        o.remove("const");
        ArrayNode one = o.putArray("enum");
        one.add(c);
        changed("const became an enum of its one value", path);
    }

    /**
     * oneOf is anyOf where no value can match two variants: variants that each name a type of
     * their own. integer and number overlap (1 is both), so they do not count as different.
     */
    private void oneOf(ObjectNode o, String path) {
        JsonNode variants = o.get("oneOf");
        if (variants == null || !variants.isArray() || o.has("anyOf")) {
            return;
        }
        List<String> types = new ArrayList<>();
        for (JsonNode v : variants) {
            JsonNode t = v.path("type");
            if (!t.isTextual()) {
                return;
            }
            String type = t.asText().equals("integer") ? "number" : t.asText();
            if (types.contains(type)) {
                return;
            }
            types.add(type);
        }
        o.set("anyOf", o.remove("oneOf"));
        changed("oneOf became anyOf (its variants are of different types, so no value matches two)", path);
    }
}
