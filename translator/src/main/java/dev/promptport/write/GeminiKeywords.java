package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords {@link GeminiSchema} fits one by one into Gemini's Schema: exclusive bounds, enum
 * and const, array items (tuples among them) and object properties. Nested schemas go back to
 * the converter, and every change is reported through it.
 */
final class GeminiKeywords {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final GeminiSchema owner;

    GeminiKeywords(GeminiSchema owner) {
        this.owner = owner;
    }

    /** exclusiveMinimum/Maximum as a number (2019+) or as a flag on minimum/maximum (draft 4). */
    JsonNode exclusive(ObjectNode o, JsonNode v, String inclusive, JsonNode have, String type, String at) {
        boolean lower = inclusive.equals("minimum");
        String kw = lower ? "exclusiveMinimum" : "exclusiveMaximum";
        JsonNode value;
        if (v.isBoolean()) {
            if (!v.booleanValue()) {
                owner.change(at, kw, kw + ": false dropped (it is the default)", false);
                return have;
            }
            value = o.get(inclusive);
            if (value == null || !value.isNumber()) {
                owner.change(at, kw, kw + ": true without " + inclusive + " dropped", false);
                return have;
            }
        } else if (v.isNumber()) {
            value = v;
        } else {
            owner.change(at, kw, kw + " " + GeminiNodes.short_(v) + " is not a number, so it was dropped", true);
            return have;
        }
        JsonNode bound;
        if (type.equals("integer") && value.decimalValue().stripTrailingZeros().scale() <= 0) {
            bound = F.numberNode(value.bigIntegerValue().add(java.math.BigInteger.valueOf(lower ? 1 : -1)));
            owner.change(at, kw, kw + " " + value + " became " + inclusive + " " + bound
                    + " (the same bound for integers; Gemini has no exclusive bounds)", false);
        } else {
            bound = value;
            owner.change(at, kw, kw + " " + value + " became " + inclusive + " " + value
                    + ": Gemini has no exclusive bounds, so " + value + " itself is now allowed", true);
        }
        if (v.isBoolean()) {
            // replaces the inclusive bound it qualifies
            return have == null || have.equals(value) ? bound : GeminiNodes.bound(bound, have, lower);
        }
        return GeminiNodes.bound(bound, have, lower);
    }

    /** enum and const: string enums stay; other values move into the description. */
    void values(ObjectNode o, ObjectNode out, String type, String path, boolean report) {
        JsonNode c = o.get("const");
        JsonNode e = o.get("enum");
        if (c == null && e == null) {
            return;
        }
        String kw = c != null ? "const" : "enum";
        String at = GeminiSchema.child(path, kw);
        List<JsonNode> values = new ArrayList<>();
        if (c != null) {
            values.add(c);
            if (e != null) {
                owner.change(GeminiSchema.child(path, "enum"), "enum", "enum dropped next to const", false);
            }
        } else if (e.isArray()) {
            e.forEach(values::add);
        } else {
            owner.change(at, kw, "enum " + GeminiNodes.short_(e) + " is not a list, so it was dropped", true);
            return;
        }
        List<String> strings = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        boolean hadNull = false;
        for (JsonNode v : values) {
            if (v.isNull()) {
                hadNull = true;
            } else if (v.isTextual()) {
                strings.add(v.asText());
            } else {
                others.add(v);
            }
        }
        if (hadNull && !type.equals("null")) {
            out.put("nullable", true);
            owner.nullableChange(at, kw, "null in " + kw + " became nullable: true");
        }
        if (type.equals("string")) {
            if (!strings.isEmpty()) {
                ArrayNode arr = out.putArray("enum");
                strings.forEach(arr::add);
                if (c != null) {
                    owner.change(at, kw, "const " + GeminiNodes.short_(c) + " became enum [" + GeminiNodes.short_(c) + "]: Gemini has no const",
                            false);
                }
            }
            if (!others.isEmpty() && report) {
                owner.change(at, kw, kw + " values " + GeminiNodes.list(others) + " dropped: they are not strings", true);
            }
            return;
        }
        if (type.equals("null")) {
            return;
        }
        List<JsonNode> fitting = new ArrayList<>();
        for (JsonNode v : others) {
            if (type.equals(GeminiTypes.valueType(v)) || type.equals("number") && v.isNumber()) {
                fitting.add(v);
            }
        }
        if (fitting.isEmpty()) {
            if (report && !values.isEmpty() && !(hadNull && values.size() == 1)) {
                owner.change(at, kw, kw + " " + GeminiNodes.list(values) + " dropped: no value is " + GeminiNodes.article(type) + " "
                        + type, true);
            }
            return;
        }
        String allowed = (fitting.size() == 1 ? "Allowed value: " : "Allowed values: ") + GeminiNodes.list(fitting) + ".";
        String desc = out.path("description").asText("");
        if (!desc.contains(allowed)) {
            out.put("description", desc.isEmpty() ? allowed : desc + (desc.endsWith(".") ? " " : ". ") + allowed);
        }
        owner.change(at, kw, kw + " " + GeminiNodes.list(fitting) + " moved into the description: Gemini's enum holds strings only",
                true);
    }

    /** not: Gemini's schema cannot forbid values, so the description says which ones the schema forbade. */
    void not(ObjectNode out, JsonNode not, String path) {
        notNote(out, not);
        String type = out.path("type").asText().toLowerCase(java.util.Locale.ROOT);
        // a not that forbids other types than this one forbids none of its values
        boolean met = !type.isEmpty() && GeminiNot.otherTypes(not) != null && !GeminiNot.forbidden(not).contains(type);
        owner.change(GeminiSchema.child(path, "not"), "not", "not " + GeminiNodes.short_(not)
                + " moved into the description (\"" + GeminiNot.NOTE_START + "be " + GeminiNot.describe(not, false)
                + ".\"): Gemini's schema cannot forbid values" + (met ? ", and no " + type.toUpperCase(java.util.Locale.ROOT)
                + " is one the not forbids" : ""), !met);
    }

    /** Adds what a not forbids to the description, for the model to read. */
    static void notNote(ObjectNode out, JsonNode not) {
        String note = GeminiNot.note(not);
        String desc = out.path("description").asText("");
        if (!desc.contains(note)) {
            out.put("description", desc.isEmpty() ? note : desc + (desc.endsWith(".") ? " " : ". ") + note);
        }
    }

    void items(ObjectNode o, ObjectNode out, String path, int depth) {
        JsonNode items = o.get("items");
        JsonNode prefix = o.get("prefixItems");
        List<JsonNode> tuple = new ArrayList<>();
        List<String> tuplePaths = new ArrayList<>();
        JsonNode restItems = null;
        String restPath = null;
        if (prefix != null && prefix.isArray()) {
            for (int i = 0; i < prefix.size(); i++) {
                tuple.add(prefix.get(i));
                tuplePaths.add(GeminiSchema.child(GeminiSchema.child(path, "prefixItems"), Integer.toString(i)));
            }
            if (items != null && !(items.isBoolean() && !items.booleanValue())) {
                restItems = items;
                restPath = GeminiSchema.child(path, "items");
            }
        } else if (items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                tuple.add(items.get(i));
                tuplePaths.add(GeminiSchema.child(GeminiSchema.child(path, "items"), Integer.toString(i)));
            }
            JsonNode additional = o.get("additionalItems");
            if (additional != null && !(additional.isBoolean() && !additional.booleanValue())) {
                restItems = additional;
                restPath = GeminiSchema.child(path, "additionalItems");
            }
        } else if (items != null) {
            out.set("items", owner.schema(items, GeminiSchema.child(path, "items"), depth + 1));
            if (o.has("additionalItems")) {
                owner.change(GeminiSchema.child(path, "additionalItems"), "additionalItems", "additionalItems dropped"
                        + " (it has no effect next to a single items schema)", false);
            }
            return;
        }
        if (tuple.isEmpty() && restItems == null) {
            out.set("items", GeminiNodes.typeOnly("STRING"));
            owner.change(GeminiSchema.child(path, "items"), "items", "the array has no item schema; Gemini requires one, so its"
                    + " items became STRING", true);
            return;
        }
        String kw = prefix != null ? "prefixItems" : "items";
        if (restItems != null) {
            tuple.add(restItems);
            tuplePaths.add(restPath);
        }
        List<ObjectNode> distinct = new ArrayList<>();
        for (int i = 0; i < tuple.size(); i++) {
            ObjectNode b = owner.schema(tuple.get(i), tuplePaths.get(i), depth + 2);
            if (!distinct.contains(b)) {
                distinct.add(b);
            }
        }
        if (distinct.size() == 1) {
            out.set("items", distinct.get(0));
        } else {
            ObjectNode any = F.objectNode();
            ArrayNode branches = F.arrayNode();
            String common = null;
            for (ObjectNode b : distinct) {
                branches.add(b);
                String t = b.path("type").asText();
                common = common == null ? t : common.equals(t) ? common : "TYPE_UNSPECIFIED";
            }
            any.put("type", common);
            any.set("anyOf", branches);
            out.set("items", any);
        }
        owner.change(GeminiSchema.child(path, kw), kw, "the tuple (items by position) became one item schema"
                + (distinct.size() > 1 ? " (anyOf of the positions)" : "") + ": Gemini has no tuples", true);
    }

    void properties(ObjectNode o, ObjectNode out, String path, int depth) {
        JsonNode props = o.get("properties");
        String ppath = GeminiSchema.child(path, "properties");
        Set<String> names = new LinkedHashSet<>();
        if (props != null && props.isObject()) {
            ObjectNode converted = F.objectNode();
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                String at = GeminiSchema.child(ppath, e.getKey());
                if (e.getValue().isBoolean() && !e.getValue().booleanValue()) {
                    owner.change(at, "properties", "property \"" + e.getKey() + "\" is forbidden (schema false);"
                            + " Gemini cannot forbid a property, so it was left out", true);
                    continue;
                }
                converted.set(e.getKey(), owner.schema(e.getValue(), at, depth + 1));
                names.add(e.getKey());
            }
            if (!converted.isEmpty()) {
                out.set("properties", converted);
            }
        } else if (props != null) {
            owner.change(ppath, "properties", "properties " + GeminiNodes.short_(props) + " is not an object, so it was dropped", true);
        }
        JsonNode req = o.get("required");
        if (req != null && req.isArray()) {
            ArrayNode kept = F.arrayNode();
            List<String> dropped = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode r : req) {
                if (r.isTextual() && names.contains(r.asText())) {
                    if (seen.add(r.asText())) {
                        kept.add(r.asText());
                    }
                } else {
                    dropped.add(r.isTextual() ? "\"" + r.asText() + "\"" : r.toString());
                }
            }
            if (!kept.isEmpty()) {
                out.set("required", kept);
            }
            if (!dropped.isEmpty()) {
                owner.change(GeminiSchema.child(path, "required"), "required", "required " + String.join(", ", dropped)
                        + " dropped: not among the listed properties, which Gemini rejects", true);
            }
        } else if (req != null && !(req.isBoolean())) {
            owner.change(GeminiSchema.child(path, "required"), "required", "required " + GeminiNodes.short_(req) + " is not a list, so it was dropped",
                    true);
        }
        JsonNode order = o.get("propertyOrdering");
        if (order != null) {
            boolean ok = order.isArray() && order.size() > 0;
            if (ok) {
                for (JsonNode n : order) {
                    ok &= n.isTextual() && names.contains(n.asText());
                }
            }
            if (ok) {
                out.set("propertyOrdering", order);
            } else {
                owner.change(GeminiSchema.child(path, "propertyOrdering"), "propertyOrdering", "propertyOrdering dropped: it does not"
                        + " list the properties", false);
            }
        }
    }

    /** Copies the annotations of {@code from} (the schema around a reference or a union) over {@code out}. */
    void overlay(ObjectNode out, ObjectNode from, String path) {
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "title" -> {
                    if (v.isTextual()) {
                        out.put(k, v.asText());
                    }
                }
                case "description" -> {
                    if (v.isTextual()) {
                        // keep what the conversion added to the schema's own description: the
                        // allowed values of a non-string enum, or that a string holds an object
                        String old = out.path("description").asText("");
                        int allowed = GeminiNodes.addedNote(old);
                        String tail = allowed < 0 ? "" : old.substring(allowed);
                        String text = v.asText();
                        out.put(k, tail.isEmpty() || text.contains(tail) ? text
                                : text + (text.endsWith(".") || text.isEmpty() ? " " : ". ") + tail);
                    }
                }
                case "default", "example" -> out.set(k, v);
                case "examples" -> {
                    if (!from.has("example") && v.isArray() && v.size() > 0) {
                        out.set("example", v.get(0));
                        owner.change(GeminiSchema.child(path, k), k, "examples became example (the first one): Gemini takes one example",
                                false);
                    }
                }
                case "nullable" -> {
                    if (v.asBoolean(false)) {
                        out.put("nullable", true);
                    }
                }
                case "type" -> {
                    // TYPE_UNSPECIFIED around a union: the variants carry the types
                }
                case "not" -> {
                    // below, once the description is in place
                }
                case "$defs", "definitions" -> {
                    if (!path.isEmpty()) {
                        owner.change(GeminiSchema.child(path, k), k, k + " dropped: its references were inlined", false);
                    }
                }
                default -> owner.change(GeminiSchema.child(path, k), k, k + " dropped: Gemini's schema has no such keyword here",
                        !GeminiSchema.ANNOTATIONS.contains(k) && !k.startsWith("x-") && !k.startsWith("$"));
            }
        }
        if (from.has("not")) {
            not(out, from.get("not"), path);
        }
    }
}
