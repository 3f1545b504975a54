package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.write.SchemaAnnotations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites a JSON schema so that Claude's structured outputs (a reply schema, a strict tool)
 * take it, as Anthropic's own SDKs do before they send one: a keyword Claude refuses moves into
 * the description as {@code {minimum: 1, maximum: 5}}, where the model still reads it, every
 * object gets {@code additionalProperties: false}, and oneOf becomes anyOf. Sources:
 * anthropics/anthropic-sdk-python @ src/anthropic/lib/_parse/_transform.py ({@code transform_schema}),
 * anthropics/anthropic-sdk-typescript @ src/lib/transform-json-schema.ts, and
 * BerriAI/litellm @ litellm/llms/anthropic/chat/transformation.py ({@code filter_anthropic_output_schema}).
 * What Claude takes is its structured-outputs guide's "JSON Schema limitations"
 * (platform.claude.com/docs/en/build-with-claude/structured-outputs, mirrored at
 * thevibeworks/claude-code-docs @ content/en/build-with-claude/structured-outputs.md).
 *
 * <p>Unlike {@link StrictRewrite} this loosens the schema: Claude does not enforce what moved
 * into a description, so each move is named. A reference to itself cannot be rewritten away;
 * {@link ClaudeSchemaRefs} names it.
 */
final class ClaudeSchemaRewrite {

    /**
     * The keywords Claude takes: the types, enum, const, anyOf, allOf, references and
     * definitions, default, the object keywords, items, and per type pattern (simple ones),
     * format (some) and minItems (0 or 1). Title and description are text for the model.
     */
    private static final Set<String> SUPPORTED = Set.of("type", "enum", "const", "anyOf", "allOf", "$ref", "$defs",
            "definitions", "default", "required", "additionalProperties", "properties", "items", "format", "minItems",
            "pattern", "title", "description");
    /** The string formats Claude takes; the SDKs move any other into the description. */
    private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration", "email", "hostname",
            "uri", "ipv4", "ipv6", "uuid");
    /** Keywords that only describe and say nothing the model needs: left out rather than moved. */
    private static final Set<String> LEFT_OUT = SchemaAnnotations.with("propertyOrdering");
    /**
     * The regular expression features Claude's guide lists as refused: backreferences,
     * lookahead and lookbehind, word boundaries.
     */
    private static final Pattern COMPLEX_PATTERN = Pattern.compile("\\\\[1-9bB]|\\(\\?<?[=!]");
    /** Longest value text moved into a description. */
    private static final int MAX_VALUE_TEXT = 200;

    private final JsonNode root;
    /** Each keyword moved into a description and the first place it was. */
    private final Map<String, String> moved = new LinkedHashMap<>();
    /** Each other kind of change and the first place it was made. */
    private final Map<String, String> firstAt = new LinkedHashMap<>();

    private ClaudeSchemaRewrite(JsonNode root) {
        this.root = root;
    }

    /**
     * The rewritten schema and what changed.
     *
     * @param schema the schema to send, {@code original} itself when nothing changed
     * @param moved the keywords moved into descriptions, which Claude no longer enforces
     * @param changes each kind of change with where it was first made, for people
     */
    record Result(JsonNode schema, List<String> moved, List<String> changes) {
        Result {
            moved = List.copyOf(moved);
            changes = List.copyOf(changes);
        }
    }

    static Result of(JsonNode original) {
        if (!original.isObject()) {
            return new Result(original, List.of(), List.of());
        }
        JsonNode copy = original.deepCopy();
        ClaudeSchemaRewrite r = new ClaudeSchemaRewrite(copy);
        r.walk(copy, "");
        if (r.moved.isEmpty() && r.firstAt.isEmpty()) {
            return new Result(original, List.of(), List.of());
        }
        List<String> changes = new ArrayList<>();
        if (!r.moved.isEmpty()) {
            List<String> names = new ArrayList<>(r.moved.keySet());
            String first = r.moved.values().iterator().next();
            changes.add(NameList.of(names) + " moved into the description" + where("first at", first));
        }
        r.firstAt.forEach((kind, path) -> changes.add(kind + where("at", path)));
        return new Result(copy, new ArrayList<>(r.moved.keySet()), changes);
    }

    private static String where(String at, String path) {
        return path.isEmpty() ? " at the root" : " (" + at + " " + path + ")";
    }

    private void walk(JsonNode n, String path) {
        if (!n.isObject()) {
            return;
        }
        ObjectNode o = (ObjectNode) n;
        nullable(o, path);
        oneOf(o, path);
        allOfRefs(o, path);
        Map<String, JsonNode> toDescription = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (LEFT_OUT.contains(k)) {
                firstAt.putIfAbsent(k + " left out (it describes, it does not restrict the value)", path);
                it.remove();
            } else if (refused(k, e.getValue())) {
                toDescription.put(k, e.getValue());
                moved.putIfAbsent(k, path);
                it.remove();
            }
        }
        describe(o, toDescription);
        close(o, path);
        children(o, path);
    }

    /** Whether Claude refuses {@code keyword} with this value. */
    private static boolean refused(String keyword, JsonNode v) {
        return switch (keyword) {
            case "format" -> !v.isTextual() || !FORMATS.contains(v.asText());
            case "minItems" -> !v.isIntegralNumber() || v.asLong() > 1;
            case "pattern" -> !v.isTextual() || COMPLEX_PATTERN.matcher(v.asText()).find();
            // a tuple, or true or false, in place of one schema for every item
            case "items" -> !v.isObject();
            case "enum" -> !v.isArray() || hasContainer(v);
            case "additionalProperties" -> false;
            default -> !SUPPORTED.contains(keyword);
        };
    }

    private static boolean hasContainer(JsonNode values) {
        for (JsonNode v : values) {
            if (v.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    /** The refused keywords written into the description as the SDKs write them, after a blank line. */
    private static void describe(ObjectNode o, Map<String, JsonNode> refused) {
        if (refused.isEmpty()) {
            return;
        }
        List<String> each = new ArrayList<>();
        refused.forEach((k, v) -> each.add(k + ": " + shortText(v.toString())));
        String note = "{" + String.join(", ", each) + "}";
        String desc = o.path("description").asText("");
        o.put("description", desc.isEmpty() ? note : desc + "\n\n" + note);
    }

    private static String shortText(String s) {
        return s.length() <= MAX_VALUE_TEXT ? s : s.substring(0, MAX_VALUE_TEXT - 1) + "…";
    }

    /** OpenAPI's and Gemini's {@code nullable: true} is JSON Schema's "null" among the types. */
    private void nullable(ObjectNode o, String path) {
        JsonNode nullable = o.remove("nullable");
        if (nullable == null) {
            return;
        }
        JsonNode type = o.get("type");
        if (nullable.asBoolean(false) && type != null && type.isTextual() && !type.asText().equals("null")) {
            ArrayNode both = o.putArray("type");
            both.add(type.asText()).add("null");
        } else if (nullable.asBoolean(false) && type != null && type.isArray()) {
            boolean has = false;
            for (JsonNode t : type) {
                has |= t.asText().equals("null");
            }
            if (!has) {
                ((ArrayNode) type).add("null");
            }
        }
        firstAt.putIfAbsent("nullable became \"null\" among the types", path);
    }

    /** Claude has no oneOf; anyOf accepts every value oneOf did, and more where variants overlap. */
    private void oneOf(ObjectNode o, String path) {
        JsonNode variants = o.get("oneOf");
        if (variants == null || !variants.isArray() || o.has("anyOf")) {
            return;
        }
        o.set("anyOf", o.remove("oneOf"));
        firstAt.putIfAbsent("oneOf became anyOf (a value may now match more than one variant)", path);
    }

    /**
     * Claude's guide refuses allOf with $ref: a member that is only a reference is replaced by
     * a copy of the definition it names, which accepts the same values.
     */
    private void allOfRefs(ObjectNode o, String path) {
        JsonNode all = o.get("allOf");
        if (all == null || !all.isArray()) {
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            JsonNode member = all.get(i);
            JsonNode ref = member.get("$ref");
            if (member.size() == 1 && ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                JsonNode target = root.at(ref.asText().substring(1));
                if (target.isObject()) {
                    ((ArrayNode) all).set(i, target.deepCopy());
                    firstAt.putIfAbsent("$ref inside allOf replaced by a copy of the definition it names", path);
                }
            }
        }
    }

    /** Claude requires every object to forbid the properties it does not list. */
    private void close(ObjectNode o, String path) {
        if (!isObject(o)) {
            return;
        }
        JsonNode extra = o.get("additionalProperties");
        if (extra != null && extra.isBoolean() && !extra.asBoolean()) {
            return;
        }
        o.put("additionalProperties", false);
        firstAt.putIfAbsent("objects that allowed properties they do not list now forbid them"
                + " (additionalProperties: false, which Claude requires)", path);
    }

    private static boolean isObject(ObjectNode o) {
        JsonNode type = o.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("object")) {
                    return true;
                }
            }
            return false;
        }
        return type != null ? type.asText().equals("object") : o.has("properties");
    }

    private void children(ObjectNode o, String path) {
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            switch (key) {
                case "items" -> walk(v, path + "/items");
                case "anyOf", "allOf" -> {
                    for (int i = 0; i < v.size(); i++) {
                        walk(v.get(i), path + "/" + key + "/" + i);
                    }
                }
                case "properties", "$defs", "definitions" -> {
                    if (v.isObject()) {
                        v.properties().forEach(c -> walk(c.getValue(), path + "/" + key + "/" + c.getKey()));
                    }
                }
                default -> {
                }
            }
        }
    }
}
