package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schema's {@code not}, which neither Gemini's schema nor the JSON Schema subset it documents
 * holds. The constraint moves into the description, and where the schema gives no type of its own,
 * the type Gemini needs is one the {@code not} allows: a schema that forbids strings must not
 * become a STRING.
 */
final class GeminiNot {

    /**
     * The types in the order one is picked for a value without a type: the kinds a model fills
     * most easily first, OBJECT last since the subset sends an object without properties as text.
     */
    private static final List<String> CANDIDATES = List.of("string", "number", "boolean", "array", "null", "object");
    /** Keywords beside {@code type} in a {@code not} that forbid nothing more. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment");

    /** Where the sentence this class adds to a description starts. */
    static final String NOTE_START = "Must not ";

    private GeminiNot() {
    }

    /**
     * The types a {@code not} forbids outright: those it names when it says nothing but a type.
     * A {@code not} with other keywords ({@code not: {enum: [...]}}) forbids some values of a
     * type, never the whole type.
     */
    static Set<String> forbidden(JsonNode not) {
        Set<String> out = new LinkedHashSet<>();
        if (not == null || !not.isObject() || !not.has("type")) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : not.properties()) {
            if (!e.getKey().equals("type") && !ANNOTATIONS.contains(e.getKey())) {
                return out;
            }
        }
        JsonNode t = not.get("type");
        List<JsonNode> names = new ArrayList<>();
        if (t.isArray()) {
            t.forEach(names::add);
        } else {
            names.add(t);
        }
        for (JsonNode n : names) {
            if (n.isTextual()) {
                String type = n.asText().toLowerCase(Locale.ROOT);
                out.add(type);
                if (type.equals("number")) {
                    out.add("integer");
                }
            }
        }
        return out;
    }

    /**
     * Every type the {@code not} leaves, when it forbids whole types and nothing else: a union of
     * them accepts the same values. {@code null} when no list of types says it ({@code not:
     * {type: integer}} leaves the numbers that are not whole, {@code not: {enum: [...]}} some
     * values of every type).
     */
    static List<String> otherTypes(JsonNode not) {
        Set<String> forbidden = forbidden(not);
        if (forbidden.isEmpty() || forbidden.contains("integer") && !forbidden.contains("number")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String t : CANDIDATES) {
            if (!forbidden.contains(t)) {
                out.add(t);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** A type the {@code not} allows, for a schema that names none. */
    static String allowedType(JsonNode not) {
        Set<String> forbidden = forbidden(not);
        for (String t : CANDIDATES) {
            if (!forbidden.contains(t)) {
                return t;
            }
        }
        return "object";
    }

    /**
     * What the {@code not} rules out, for a person: "a string", "a string or null", "a value
     * matching the JSON Schema {...}" (cut short unless {@code full}: the model reads it whole).
     */
    static String describe(JsonNode not, boolean full) {
        Set<String> forbidden = forbidden(not);
        forbidden.remove(forbidden.contains("number") ? "integer" : "");
        if (forbidden.isEmpty()) {
            return "a value matching the JSON Schema " + (full ? not.toString() : GeminiNodes.short_(not));
        }
        List<String> names = new ArrayList<>();
        for (String t : forbidden) {
            names.add(t.equals("null") ? "null" : GeminiNodes.article(t) + " " + t);
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The sentence for the description: "Must not be a string." */
    static String note(JsonNode not) {
        return NOTE_START + "be " + describe(not, true) + ".";
    }
}
