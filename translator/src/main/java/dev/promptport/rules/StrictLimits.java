package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The size limits of OpenAI's strict mode (Structured Outputs guide, "Objects have limitations
 * on nesting depth and size", and the limits on enums and names): at most 10 levels of nesting,
 * 5,000 object properties in all, 1,000 enum values in all, 120,000 characters of property
 * names, definition names, enum and const values together, and 15,000 characters for the
 * values of one string enum of more than 250 values. OpenAI refuses a schema over any of them.
 */
final class StrictLimits {

    static final int MAX_NESTING = 10;
    static final int MAX_PROPERTIES = 5_000;
    static final int MAX_ENUM_VALUES = 1_000;
    static final int MAX_TEXT = 120_000;
    static final int LARGE_ENUM = 250;
    static final int MAX_LARGE_ENUM_TEXT = 15_000;

    private final JsonNode root;
    private int properties;
    private int enumValues;
    private long text;
    private String deepest;
    private String largeEnum;
    /** The definitions followed on the path being walked, so a recursive one is followed once. */
    private final Deque<String> followed = new ArrayDeque<>();

    private StrictLimits(JsonNode root) {
        this.root = root;
    }

    /** The limits the schema is over, each as a phrase for people; empty when it is within all. */
    static List<String> exceeded(JsonNode root) {
        StrictLimits s = new StrictLimits(root);
        s.count(root);
        s.nesting(root, "", 0);
        List<String> out = new ArrayList<>();
        if (s.deepest != null) {
            out.add("more than " + MAX_NESTING + " levels of nesting (at " + s.deepest + ")");
        }
        if (s.properties > MAX_PROPERTIES) {
            out.add(String.format(Locale.ROOT, "more than %,d object properties in all (%,d)", MAX_PROPERTIES, s.properties));
        }
        if (s.enumValues > MAX_ENUM_VALUES) {
            out.add(String.format(Locale.ROOT, "more than %,d enum values in all (%,d)", MAX_ENUM_VALUES, s.enumValues));
        }
        if (s.text > MAX_TEXT) {
            out.add(String.format(Locale.ROOT, "more than %,d characters of property names, definition names and enum values"
                    + " in all (%,d)", MAX_TEXT, s.text));
        }
        if (s.largeEnum != null) {
            out.add(String.format(Locale.ROOT, "an enum of %s values whose text is over %,d characters (more than %d values"
                    + " may have %,d characters in all)", s.largeEnum, MAX_LARGE_ENUM_TEXT, LARGE_ENUM,
                    MAX_LARGE_ENUM_TEXT));
        }
        return out;
    }

    /** Counts properties, enum values and names over the whole schema, each definition once. */
    private void count(JsonNode n) {
        if (n.isArray()) {
            n.forEach(this::count);
            return;
        }
        if (!n.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if ((k.equals("properties") || k.equals("$defs") || k.equals("definitions")) && v.isObject()) {
                for (Map.Entry<String, JsonNode> p : v.properties()) {
                    properties += k.equals("properties") ? 1 : 0;
                    text += p.getKey().length();
                    count(p.getValue());
                }
            } else if (k.equals("enum") && v.isArray()) {
                enumValues += v.size();
                long enumText = 0;
                for (JsonNode x : v) {
                    enumText += x.isTextual() ? x.asText().length() : x.toString().length();
                }
                text += enumText;
                if (v.size() > LARGE_ENUM && enumText > MAX_LARGE_ENUM_TEXT && largeEnum == null) {
                    largeEnum = String.format(Locale.ROOT, "%,d", v.size());
                }
            } else if (k.equals("const")) {
                text += v.isTextual() ? v.asText().length() : v.toString().length();
            } else if (v.isContainerNode()) {
                count(v);
            }
        }
    }

    /**
     * Nesting counts the objects and arrays a value sits in, the root being the first; a
     * reference is followed where it is used, and a recursive one once.
     */
    private void nesting(JsonNode n, String path, int level) {
        if (!n.isObject() || deepest != null) {
            return;
        }
        JsonNode ref = n.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#") && !followed.contains(ref.asText())) {
            JsonNode target = root.at(ref.asText().substring(1));
            if (!target.isMissingNode()) {
                followed.push(ref.asText());
                nesting(target, path, level);
                followed.pop();
            }
        }
        String type = n.path("type").asText();
        boolean container = type.equals("object") || type.equals("array") || n.has("properties") || n.has("items");
        int here = container ? level + 1 : level;
        if (here > MAX_NESTING) {
            deepest = path.isEmpty() ? "the root" : path;
            return;
        }
        n.path("properties").properties().forEach(p -> nesting(p.getValue(), path + "/properties/" + p.getKey(), here));
        nesting(n.path("items"), path + "/items", here);
        JsonNode any = n.path("anyOf");
        for (int i = 0; i < any.size(); i++) {
            nesting(any.get(i), path + "/anyOf/" + i, level);
        }
    }
}
