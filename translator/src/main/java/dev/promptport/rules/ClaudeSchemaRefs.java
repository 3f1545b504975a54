package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The references that keep a schema out of Claude's structured outputs whatever is rewritten:
 * one that leads back to itself (a tree whose children are trees), which Claude's guide lists
 * as refused ("Recursive schemas", and the 400 "Too many recursive definitions in schema"),
 * and one to another document ("External $ref"). Anthropic's SDKs send such a schema as it is
 * and Claude refuses the request, so the caller must send it another way.
 */
final class ClaudeSchemaRefs {

    private final JsonNode root;
    /** The references being followed on the path walked, each with where it was first used. */
    private final Map<String, String> following = new HashMap<>();
    /** References already followed to their end without coming back. */
    private final Set<String> done = new HashSet<>();
    private String problem;

    private ClaudeSchemaRefs(JsonNode root) {
        this.root = root;
    }

    /** Why Claude cannot take the schema, with where, for people; {@code null} when its references are fine. */
    static String problem(JsonNode root) {
        ClaudeSchemaRefs r = new ClaudeSchemaRefs(root);
        r.walk(root, "");
        return r.problem;
    }

    private void walk(JsonNode n, String path) {
        if (problem != null) {
            return;
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), path + "/" + i);
            }
            return;
        }
        if (!n.isObject()) {
            return;
        }
        JsonNode ref = n.get("$ref");
        if (ref != null && ref.isTextual()) {
            follow(ref.asText(), path);
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            // enum and const values are data, not schemas
            if (e.getValue().isContainerNode() && !e.getKey().equals("enum") && !e.getKey().equals("const")) {
                walk(e.getValue(), path + "/" + e.getKey());
            }
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "the root" : path;
    }

    private void follow(String ref, String path) {
        if (!ref.startsWith("#")) {
            problem = "a reference to another document, \"" + ref + "\", at " + at(path);
        } else if (following.containsKey(ref)) {
            // named where the loop starts, not where the walk through it came round
            problem = "a schema that refers to itself at " + at(following.get(ref));
        } else if (!done.contains(ref)) {
            following.put(ref, path);
            walk(root.at(ref.substring(1)), path);
            following.remove(ref);
            done.add(ref);
        }
    }
}
