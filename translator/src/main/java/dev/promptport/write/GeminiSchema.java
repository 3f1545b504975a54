package dev.promptport.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.write.GeminiWriter.Converted;
import dev.promptport.write.GeminiWriter.SchemaChange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON Schema (as tools carry it) into the subset of OpenAPI 3.0 that Gemini's
 * {@code Schema} message holds: one upper-case {@code type} per schema, {@code nullable}
 * instead of type unions, no references, string enums only. Every change is recorded with the
 * JSON pointer, relative to the input schema, of the keyword it concerns; keywords inside a
 * {@code $defs} entry are reported once, at the entry, however often it is inlined.
 *
 * <p>Gemini's {@code Schema} refuses an OBJECT without properties ("should be non-empty for
 * OBJECT type"), which is how JSON Schema spells a free-form object or a map. In the subset
 * such an object below the root becomes a STRING holding the object as JSON text. Where the
 * model also takes plain JSON Schema ({@code parametersJsonSchema}, {@code responseJsonSchema}),
 * {@link #convert(String, boolean)} converts once more in that form instead, which keeps the
 * object an object, and the values of a map typed ({@code additionalProperties}).
 *
 * <p>The conversion is idempotent: a converted schema converts to itself with no changes, so
 * a rewrite step may replace a tool's schema with the converted one and the writer, which
 * converts again, changes nothing more.
 */
final class GeminiSchema {

    /** How many times one {@code $ref} may be expanded on a path before it is cut. */
    static final int REF_UNROLL = 2;
    /** Nesting levels written before deeper schemas are cut. */
    static final int MAX_DEPTH = 40;
    /** Schema nodes written before references stop being expanded (guards exponential unrolling). */
    static final int MAX_NODES = 5000;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Numbers are kept as written: {@code 0.10} stays {@code 0.10}, {@code 1e3} stays {@code 1E+3}. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** What the description of an object sent as a STRING says of its value. */
    static final String JSON_TEXT = "A JSON object, written as JSON text.";

    /** Keywords that describe but do not constrain: dropping them changes no accepted value. */
    static final Set<String> ANNOTATIONS = SchemaAnnotations.with("$id", "$anchor", "$dynamicAnchor", "$vocabulary",
            "$defs", "definitions");

    private final JsonNode root;
    /** Whether the schema is written as JSON Schema, which takes objects without properties. */
    private final boolean json;
    /** Whether an object without properties (or a map at the root) had to change for the subset. */
    private boolean openObjects;
    /** Whether a not of whole types had to become one type for the subset (JSON Schema holds the rest). */
    private boolean notTypes;
    /** Whether an {@code additionalProperties: false} had to go for the subset (JSON Schema keeps it). */
    private boolean closedObjects;
    private final Map<String, SchemaChange> changes = new LinkedHashMap<>();
    private final GeminiRefs refs;
    private int nodes;
    private final GeminiKeywords keywords = new GeminiKeywords(this);

    private GeminiSchema(JsonNode root, boolean json) {
        this.root = root;
        this.json = json;
        this.refs = new GeminiRefs(root);
    }

    /** The schema in Gemini's OpenAPI subset, which every Gemini model takes. */
    static Converted convert(String schemaJson) {
        return convert(schemaJson, false);
    }

    /**
     * The schema in Gemini's OpenAPI subset or, when {@code jsonSchemaAllowed} and the subset
     * cannot hold an object of it, as plain JSON Schema. The subset stays the first choice: it is
     * the form every Gemini model documents, and what the other conversions were checked against.
     * An object closed with {@code additionalProperties: false} is one the subset cannot hold: the
     * API reference lists the keyword for {@code responseJsonSchema}, and its own
     * {@code parametersJsonSchema} example closes the object so.
     */
    static Converted convert(String schemaJson, boolean jsonSchemaAllowed) {
        JsonNode root;
        try {
            root = MAPPER.readTree(schemaJson);
        } catch (StreamConstraintsException e) {
            // the request's own limit let it through, raised past the default: the schema is
            // still more than Gemini's conversion walks, an input error rather than a failure
            throw new PromptPortException("a tool's or the reply's JSON schema nests deeper than "
                    + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels, more than promptport converts for Gemini;"
                    + " flatten the schema (use $defs and $ref for repeated parts)", Loc.NONE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        GeminiSchema subset = new GeminiSchema(root, false);
        Converted converted = subset.run();
        return jsonSchemaAllowed && (subset.openObjects || subset.notTypes || subset.closedObjects) ? new GeminiSchema(root, true).run() : converted;
    }

    private Converted run() {
        JsonNode top = root;
        if (top.isObject() && !GeminiTypes.typed((ObjectNode) top) && !top.has("anyOf") && !top.has("oneOf")
                && GeminiTypes.infer((ObjectNode) top) == null) {
            // tool input is always an object; a schema that says nothing more has no parameters
            ObjectNode o = ((ObjectNode) top).deepCopy();
            o.put("type", "object");
            top = o;
        }
        ObjectNode out = schema(top, "", 0);
        out = GeminiRootObject.merge(out, this);
        ObjectNode ordered = GeminiNodes.ordered(out);
        boolean empty = "OBJECT".equals(ordered.path("type").asText()) && ordered.path("properties").isEmpty()
                && !ordered.has("anyOf") && !ordered.path("additionalProperties").isObject();
        if (empty && !json && top.path("additionalProperties").isObject()) {
            // a map at the root: JSON Schema keeps its keys, the subset sends no parameters
            openObjects = true;
        }
        try {
            return new Converted(MAPPER.writeValueAsString(json ? GeminiJsonSchema.of(ordered) : ordered),
                    List.copyOf(changes.values()), empty, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree cannot fail", e);
        }
    }

    // ------------------------------------------------------------------ dispatch

    ObjectNode schema(JsonNode in, String path, int depth) {
        nodes++;
        if (in == null || in.isBoolean() || in.isObject() && in.isEmpty()) {
            if (in != null && in.isBoolean() && !in.booleanValue()) {
                change(path, "schema", "the schema false (no value allowed) has no Gemini form; it became STRING", true);
                return GeminiNodes.typeOnly("STRING");
            }
            return anyValue(F.objectNode(), path);
        }
        if (!in.isObject()) {
            change(path, "schema", GeminiNodes.short_(in) + " is not a schema; it became STRING", true);
            return GeminiNodes.typeOnly("STRING");
        }
        ObjectNode o = (ObjectNode) in;
        if (depth > MAX_DEPTH) {
            ObjectNode cut = plainType(GeminiTypes.shallowType(o), o, path);
            change(path, "schema", "nested deeper than " + MAX_DEPTH + " levels; cut to a plain "
                    + cut.path("type").asText(), true);
            return cut;
        }
        if (o.has("$ref")) {
            return ref(o, path, depth);
        }
        if (o.has("allOf")) {
            return allOf(o, path, depth);
        }
        if (o.has("anyOf") || o.has("oneOf")) {
            return union(o, path, depth);
        }
        return plain(o, path, depth);
    }

    // ------------------------------------------------------------------ $ref

    private ObjectNode ref(ObjectNode o, String path, int depth) {
        JsonNode refNode = o.get("$ref");
        String ref = refNode.isTextual() ? refNode.asText() : null;
        ObjectNode rest = o.deepCopy();
        rest.remove("$ref");
        JsonNode target = ref == null ? null : refs.resolve(ref);
        String at = child(path, "$ref");
        if (target == null) {
            change(at, "$ref", "$ref " + GeminiNodes.short_(refNode) + " cannot be resolved inside the schema"
                    + " (Gemini's schema has no references), so it was dropped", true);
            return rest.isEmpty() ? anyValue(rest, path) : schema(rest, path, depth);
        }
        if (refs.occurrences(ref) >= REF_UNROLL || nodes > MAX_NODES) {
            ObjectNode cut = GeminiNodes.typeOnly(GeminiTypes.shallowType(target));
            GeminiNodes.copyText(target, cut, "description");
            keywords.overlay(cut, rest, path);
            if ("OBJECT".equals(cut.path("type").asText())) {
                cut = openObject(cut, F.objectNode(), path);
            }
            change(at, "$ref", "recursive $ref \"" + ref + "\" cut after " + REF_UNROLL
                    + " levels (Gemini's schema has no references); it became a plain " + cut.path("type").asText(),
                    true);
            return cut;
        }
        change(at, "$ref", "$ref \"" + ref + "\" inlined (Gemini's schema has no references)", false);
        refs.push(ref);
        try {
            String targetPath = ref.startsWith("#") ? ref.substring(1) : path;
            if (rest.isEmpty()) {
                return schema(target, targetPath, depth);
            }
            if (GeminiNodes.onlyAnnotations(rest)) {
                ObjectNode out = schema(target, targetPath, depth);
                keywords.overlay(out, rest, path);
                return out;
            }
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : F.objectNode();
            merged.setAll(rest);
            return schema(merged, path, depth);
        } finally {
            refs.pop();
        }
    }

    // ------------------------------------------------------------------ allOf

    private ObjectNode allOf(ObjectNode o, String path, int depth) {
        JsonNode all = o.get("allOf");
        ObjectNode merged = o.deepCopy();
        merged.remove("allOf");
        String at = child(path, "allOf");
        if (!all.isArray() || all.isEmpty()) {
            change(at, "allOf", "empty allOf dropped", false);
            return schema(merged, path, depth);
        }
        List<String> pushed = new ArrayList<>();
        boolean conflict = false;
        try {
            for (JsonNode member : all) {
                JsonNode m = member;
                // a member that is a reference is merged as the schema it names
                while (m.isObject() && m.has("$ref") && m.get("$ref").isTextual()) {
                    String ref = m.get("$ref").asText();
                    JsonNode target = refs.resolve(ref);
                    if (target == null || refs.occurrences(ref) >= REF_UNROLL) {
                        change(at, "allOf", "allOf member $ref \"" + ref + "\" "
                                + (target == null ? "cannot be resolved" : "is recursive") + ", so it was left out", true);
                        m = null;
                        break;
                    }
                    refs.push(ref);
                    pushed.add(ref);
                    ObjectNode rest = ((ObjectNode) m).deepCopy();
                    rest.remove("$ref");
                    ObjectNode t = target.isObject() ? ((ObjectNode) target).deepCopy() : F.objectNode();
                    conflict |= GeminiNodes.mergeInto(t, rest);
                    m = t;
                }
                if (m != null && m.isObject()) {
                    conflict |= GeminiNodes.mergeInto(merged, (ObjectNode) m);
                } else if (m != null && !(m.isBoolean() && m.booleanValue())) {
                    change(at, "allOf", "allOf member " + GeminiNodes.short_(m) + " is not a schema, so it was left out", true);
                }
            }
            change(at, "allOf", all.size() == 1 ? "allOf with one schema replaced by that schema"
                    : "allOf of " + all.size() + " schemas merged into one (properties and required combined"
                    + (conflict ? "; where they disagreed, the first value was kept)" : ")"), conflict);
            return schema(merged, path, depth);
        } finally {
            for (int i = 0; i < pushed.size(); i++) {
                refs.pop();
            }
        }
    }

    // ------------------------------------------------------------------ anyOf / oneOf

    private ObjectNode union(ObjectNode o, String path, int depth) {
        String kw = o.has("anyOf") ? "anyOf" : "oneOf";
        JsonNode list = o.get(kw);
        ObjectNode base = o.deepCopy();
        base.remove("anyOf");
        base.remove("oneOf");
        String at = child(path, kw);
        if (kw.equals("anyOf") && o.has("oneOf")) {
            change(child(path, "oneOf"), "oneOf", "oneOf next to anyOf dropped: Gemini has only anyOf", true);
        } else if (kw.equals("oneOf")) {
            change(at, "oneOf", "oneOf became anyOf (Gemini has no oneOf)", false);
        }
        if (!list.isArray() || list.isEmpty()) {
            change(at, kw, "empty " + kw + " dropped", false);
            return schema(base, path, depth);
        }
        boolean nullable = false;
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (GeminiTypes.isNull(list.get(i))) {
                nullable = true;
            } else {
                rest.add(i);
            }
        }
        if (nullable) {
            nullableChange(at, kw, "the null branch of " + kw + " became nullable: true");
        }
        boolean baseTyped = GeminiTypes.typed(base);
        if (rest.isEmpty()) {
            base.put("type", "null");
            return schema(base, path, depth);
        }
        if (baseTyped && rest.stream().allMatch(i -> GeminiTypes.constraintOnly(list.get(i)))) {
            change(at, kw, kw + " of constraints on the enclosing schema dropped: Gemini cannot express them"
                    + " (for example \"one of these properties is required\")", true);
            ObjectNode out = schema(base, path, depth);
            return nullable ? GeminiNodes.withNullable(out) : out;
        }
        if (rest.size() == 1 && !baseTyped) {
            int i = rest.get(0);
            if (!nullable) {
                change(at, kw, kw + " with one schema replaced by that schema", false);
            }
            ObjectNode out = schema(list.get(i), child(at, Integer.toString(i)), depth);
            keywords.overlay(out, base, path);
            return nullable ? GeminiNodes.withNullable(out) : out;
        }
        ArrayNode branches = F.arrayNode();
        for (int i : rest) {
            branches.add(schema(list.get(i), child(at, Integer.toString(i)), depth + 1));
        }
        ObjectNode out;
        if (baseTyped) {
            out = schema(base, path, depth);
        } else {
            out = F.objectNode();
            keywords.overlay(out, base, path);
            String common = null;
            for (JsonNode b : branches) {
                String t = b.path("type").asText();
                common = common == null ? t : common.equals(t) ? common : "TYPE_UNSPECIFIED";
            }
            // proto3 cannot tell TYPE_UNSPECIFIED from a missing type: the variants carry the types
            out.put("type", common == null || common.isEmpty() ? "TYPE_UNSPECIFIED" : common);
        }
        if (nullable) {
            out.put("nullable", true);
        }
        out.set("anyOf", branches);
        return out;
    }

    // ------------------------------------------------------------------ one schema

    private ObjectNode plain(ObjectNode o, String path, int depth) {
        List<String> types = new ArrayList<>();
        JsonNode t = o.get("type");
        String at = child(path, "type");
        if (t != null && t.isTextual()) {
            addType(types, t.asText(), at);
        } else if (t != null && t.isArray()) {
            for (JsonNode x : t) {
                addType(types, x.asText(), at);
            }
        } else if (t != null) {
            change(at, "type", "type " + GeminiNodes.short_(t) + " is not a type name, so it was dropped", true);
        }
        boolean nullable = o.path("nullable").asBoolean(false);
        if (types.remove("null")) {
            if (types.isEmpty()) {
                types.add("null");
            } else {
                nullable = true;
                nullableChange(at, "type", types.size() == 1
                        ? "type " + GeminiNodes.short_(t) + " became " + types.get(0).toUpperCase(Locale.ROOT) + " with nullable: true"
                        : "null in type " + GeminiNodes.short_(t) + " became nullable: true");
            }
        }
        if (types.isEmpty()) {
            String inferred = GeminiTypes.infer(o);
            if (inferred == null && o.has("not")) {
                return anyValueBut(o, nullable, path, depth);
            }
            if (inferred == null) {
                ObjectNode out = F.objectNode();
                keywords.overlay(out, o, path);
                return anyValue(out, path);
            }
            change(path, "type", "type " + inferred.toUpperCase(Locale.ROOT) + " added: Gemini's schema requires a type",
                    false);
            types.add(inferred);
        }
        if (types.size() > 1) {
            return split(o, types, nullable, path, depth);
        }
        return single(o, types.get(0), nullable, path, depth, true);
    }

    private void addType(List<String> types, String name, String at) {
        String t = name.toLowerCase(Locale.ROOT);
        switch (t) {
            case "string", "number", "integer", "boolean", "array", "object", "null" -> {
                if (!types.contains(t)) {
                    types.add(t);
                }
            }
            case "type_unspecified" -> {
            }
            default -> change(at, "type", "unknown type \"" + name + "\" dropped", true);
        }
    }

    /** A type union without null: one anyOf variant per type. */
    private ObjectNode split(ObjectNode o, List<String> types, boolean nullable, String path, int depth) {
        ObjectNode out = F.objectNode();
        out.put("type", "TYPE_UNSPECIFIED");
        keywords.overlay(out, GeminiNodes.annotations(o), path);
        if (nullable) {
            out.put("nullable", true);
        }
        ObjectNode rest = o.deepCopy();
        for (String k : List.of("title", "description", "default", "example", "examples", "nullable")) {
            rest.remove(k);
        }
        for (Iterator<String> it = rest.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            String scope = GeminiTypes.scope(k);
            if (scope != null && types.stream().noneMatch(ty -> GeminiTypes.fits(scope, ty))) {
                change(child(path, k), k, k + " dropped: it applies to " + scope + " values only", false);
            }
        }
        ArrayNode branches = out.putArray("anyOf");
        for (String ty : types) {
            branches.add(single(rest, ty, false, path, depth + 1, false));
        }
        change(child(path, "type"), "type", "type " + GeminiNodes.short_(o.get("type")) + " became anyOf "
                + types.stream().map(x -> x.toUpperCase(Locale.ROOT)).toList() + ": Gemini's type takes one value", false);
        return out;
    }

    /**
     * One schema of one type. {@code report} is false for the variants of a split type union,
     * where keywords for the other variants' types are not losses.
     */
    private ObjectNode single(ObjectNode o, String type, boolean nullable, String path, int depth, boolean report) {
        ObjectNode out = F.objectNode();
        out.put("type", type.toUpperCase(Locale.ROOT));
        if (nullable) {
            out.put("nullable", true);
        }
        List<JsonNode> nonStringValues = new ArrayList<>();
        JsonNode minimum = null;
        JsonNode maximum = null;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            String at = child(path, k);
            String scope = GeminiTypes.scope(k);
            if (scope != null && !GeminiTypes.fits(scope, type)) {
                if (report) {
                    change(at, k, k + " dropped: it applies to " + scope + " values only, and this is "
                            + GeminiNodes.article(type) + " " + type.toUpperCase(Locale.ROOT), false);
                }
                continue;
            }
            switch (k) {
                case "type", "anyOf", "oneOf", "allOf", "$ref", "not" -> {
                }
                case "nullable" -> {
                    if (!v.isBoolean()) {
                        change(at, k, "nullable " + GeminiNodes.short_(v) + " is not a boolean, so it was dropped", false);
                    }
                }
                case "format", "title", "description", "pattern" -> {
                    if (v.isTextual()) {
                        out.put(k, v.asText());
                    } else {
                        change(at, k, k + " " + GeminiNodes.short_(v) + " is not a string, so it was dropped", false);
                    }
                }
                case "default", "example" -> out.set(k, v);
                case "examples" -> {
                    if (!o.has("example")) {
                        JsonNode first = v.isArray() ? v.path(0) : v;
                        if (!first.isMissingNode()) {
                            out.set("example", first);
                        }
                        change(at, k, "examples became example (the first one): Gemini takes one example", false);
                    } else {
                        change(at, k, "examples dropped next to example", false);
                    }
                }
                case "enum", "const" -> {
                    // handled below, once the type is known
                }
                case "minItems", "maxItems", "minProperties", "maxProperties", "minLength", "maxLength" -> {
                    if (v.isNumber() && v.decimalValue().signum() >= 0
                            && v.decimalValue().stripTrailingZeros().scale() <= 0) {
                        out.put(k, v.longValue());
                    } else {
                        change(at, k, k + " " + GeminiNodes.short_(v) + " is not a count, so it was dropped", true);
                    }
                }
                case "minimum" -> minimum = GeminiNodes.bound(v, minimum, true);
                case "maximum" -> maximum = GeminiNodes.bound(v, maximum, false);
                case "exclusiveMinimum" -> minimum = keywords.exclusive(o, v, "minimum", minimum, type, at);
                case "exclusiveMaximum" -> maximum = keywords.exclusive(o, v, "maximum", maximum, type, at);
                case "items", "prefixItems", "additionalItems" -> {
                    // handled below
                }
                case "properties", "required", "propertyOrdering" -> {
                    // handled below
                }
                case "additionalProperties" -> {
                    if (v.isBoolean() && v.booleanValue()) {
                        change(at, k, "additionalProperties: true dropped (it is the default)", false);
                    } else if (json && (v.isBoolean() || v.isObject())) {
                        // JSON Schema holds both forms
                        out.set(k, v.isBoolean() ? v : schema(v, at, depth + 1));
                    } else if (v.isBoolean()) {
                        closedObjects = true;
                        change(at, k, "additionalProperties: false dropped: Gemini's schema cannot forbid"
                                + " other keys", true);
                    } else {
                        change(at, k, "additionalProperties dropped: Gemini's schema describes listed"
                                + " properties only, not keys of free-form maps", true);
                    }
                }
                case "$defs", "definitions" -> change(at, k, k + " dropped: its references were inlined", false);
                default -> change(at, k, (k.startsWith("x-") ? "extension " : "") + k + " dropped:"
                        + " Gemini's schema has no such keyword", !ANNOTATIONS.contains(k) && !k.startsWith("x-")
                        && !k.startsWith("$"));
            }
        }
        if (o.has("not")) {
            keywords.not(out, o.get("not"), path);
        }
        if (minimum != null) {
            out.set("minimum", minimum);
        }
        if (maximum != null) {
            out.set("maximum", maximum);
        }
        keywords.values(o, out, type, path, report);
        switch (type) {
            case "array" -> keywords.items(o, out, path, depth);
            case "object" -> {
                keywords.properties(o, out, path, depth);
                if (depth > 0 && !out.has("properties")) {
                    return openObject(out, o, path);
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * A schema of one type and nothing more, where the nesting is cut, with the description of
     * the schema it stands for; an object becomes what {@link #openObject} makes it.
     */
    private ObjectNode plainType(String type, JsonNode from, String path) {
        ObjectNode cut = GeminiNodes.typeOnly(type);
        GeminiNodes.copyText(from, cut, "description");
        return type.equals("OBJECT") ? openObject(cut, F.objectNode(), path) : cut;
    }

    /**
     * An object below the root that lists no properties: any object, or a map of the values its
     * {@code additionalProperties} describes. Gemini's subset refuses an OBJECT without
     * properties. JSON Schema takes it as it is. In the subset it becomes a STRING that holds
     * the object as JSON text, and the description says so: the model still writes the whole
     * object, keys and values, where dropping the type is not allowed (Schema.type is required)
     * and an invented property would tell the model a key that does not exist.
     */
    private ObjectNode openObject(ObjectNode out, ObjectNode source, String path) {
        if (json) {
            change(path, "type", "an object without listed properties stays an object: the schema is sent as JSON"
                    + " Schema, since Gemini's OpenAPI schema refuses an OBJECT without properties", false);
            return out;
        }
        openObjects = true;
        ObjectNode text = GeminiNodes.typeOnly("STRING");
        GeminiNodes.copyText(out, text, "title");
        String desc = out.path("description").asText("");
        String note = JSON_TEXT + (source.has("properties") ? "" : GeminiNodes.valuesNote(source.get("additionalProperties")));
        text.put("description", desc.isEmpty() ? note : desc + (desc.endsWith(".") ? " " : ". ") + note);
        if (out.path("nullable").asBoolean(false)) {
            text.put("nullable", true);
        }
        change(path, "type", "an object without listed properties became a STRING holding the object as JSON text:"
                + " Gemini's schema refuses an OBJECT without properties, so the value arrives as a string of JSON, to be"
                + " parsed before use", true);
        return text;
    }

    /**
     * A schema of no type with a {@code not}: any value but what the {@code not} forbids. JSON
     * Schema takes the types it leaves as a union, the same values. The subset holds no union of
     * OBJECT without properties, so there it becomes one type the {@code not} allows, never the one
     * it forbids; either way the description says what is forbidden.
     */
    private ObjectNode anyValueBut(ObjectNode o, boolean nullable, String path, int depth) {
        JsonNode not = o.get("not");
        List<String> others = GeminiNot.otherTypes(not);
        if (others != null && json) {
            ObjectNode rest = o.deepCopy();
            rest.remove("not");
            rest.remove("nullable");
            ObjectNode out = F.objectNode();
            out.put("type", "TYPE_UNSPECIFIED");
            keywords.overlay(out, rest, path);
            GeminiKeywords.notNote(out, not);
            ArrayNode branches = out.putArray("anyOf");
            others.forEach(t -> branches.add(GeminiNodes.typeOnly(t.toUpperCase(Locale.ROOT))));
            change(child(path, "not"), "not", "not " + GeminiNodes.short_(not) + " became anyOf the types it allows "
                    + others + " (Gemini's schema has no not)", false);
            return out;
        }
        // the JSON Schema form would hold it exactly
        notTypes |= others != null;
        String type = GeminiNot.allowedType(not);
        change(path, "type", "the schema accepts any value but " + GeminiNot.describe(not, false)
                + "; Gemini's schema needs one type, so it became " + type.toUpperCase(Locale.ROOT)
                + ", one the original allows", true);
        return single(o, type, nullable, path, depth, true);
    }

    // ------------------------------------------------------------------ helpers

    private ObjectNode anyValue(ObjectNode out, String path) {
        out.put("type", "STRING");
        change(path, "schema", "the schema accepts any value; Gemini's schema needs one type, so it became STRING",
                true);
        return out;
    }

    /**
     * A null folded into {@code nullable: true}: a change of the subset's form only. Written as
     * JSON Schema ({@code parametersJsonSchema}), the null is sent as it came, so nothing changed
     * to tell of.
     */
    void nullableChange(String path, String keyword, String what) {
        if (!json) {
            change(path, keyword, what, false);
        }
    }

    void change(String path, String keyword, String what, boolean lossy) {
        String key = path + '\u0000' + what;
        if (!changes.containsKey(key)) {
            changes.put(key, new SchemaChange(path, keyword, what, lossy));
        }
    }

    static String child(String path, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return path + "/" + token;
        }
        return path + "/" + token.replace("~", "~0").replace("/", "~1");
    }

}
