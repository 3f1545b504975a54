package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code $ref}s of one schema: what each names inside the schema, and how often each is
 * being expanded on the path being converted, which is how recursion is cut.
 */
final class GeminiRefs {

    private final JsonNode root;
    private final Deque<String> expanding = new ArrayDeque<>();

    GeminiRefs(JsonNode root) {
        this.root = root;
    }

    /** The schema a local reference ({@code #}, {@code #/$defs/x}) names, or null. */
    JsonNode resolve(String ref) {
        if (ref.equals("#")) {
            return root;
        }
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode n = root.at(ref.substring(1));
        return n.isMissingNode() ? null : n;
    }

    /** How many times {@code ref} is being expanded on the current path. */
    int occurrences(String ref) {
        int n = 0;
        for (String r : expanding) {
            if (r.equals(ref)) {
                n++;
            }
        }
        return n;
    }

    void push(String ref) {
        expanding.push(ref);
    }

    void pop() {
        expanding.pop();
    }
}
