package dev.promptport.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a value the reader kept as written ({@code RawJson}) as a tree, for the rewrite steps
 * that look inside one: a tool's options, an extra field, a hosted tool's block. Such values are
 * rare and small, so a tree is cheap here; the hot path never comes this way.
 */
final class RawTrees {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawTrees() {
    }

    /**
     * The tree of {@code json}, or {@code null} when Jackson cannot read it: a value cut from
     * parsed input is valid JSON, but it may nest deeper than Jackson's own limit when the
     * caller raised promptport's.
     */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** An empty list to build on. */
    static com.fasterxml.jackson.databind.node.ArrayNode list() {
        return JSON.createArrayNode();
    }

    /** An empty object to build on. */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return JSON.createObjectNode();
    }
}
