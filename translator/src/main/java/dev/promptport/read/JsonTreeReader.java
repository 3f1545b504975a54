package dev.promptport.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;

/**
 * Shared by the readers of other vendors' requests, which are not on the failover hot path
 * and so read a Jackson tree: parse errors with line and column, type checks with pointers.
 */
final class JsonTreeReader {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(AnthropicRequestReader.MAX_NESTING).maxStringLength(200_000_000).build())
            .build());

    private JsonTreeReader() {
    }

    static JsonNode parse(String json, String what) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new PromptPortException("not " + what + ": the JSON is not an object", Loc.pointer(""));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return fail("invalid JSON: " + JsonCursor.plain(e.getOriginalMessage()),
                    at == null ? Loc.NONE : Loc.position(at.getLineNr(), at.getColumnNr()));
        }
    }

    static String text(JsonNode n, Loc at, String what) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new PromptPortException("expected " + what + " as a string", at);
        }
        return n.asText();
    }

    static RawJson raw(JsonNode n) {
        return new RawJson(n.toString());
    }

    static Integer integer(JsonNode n, Loc at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw new PromptPortException("expected an integer", at);
        }
        return n.asInt();
    }

    static Double number(JsonNode n, Loc at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new PromptPortException("expected a number", at);
        }
        return n.asDouble();
    }

    private static JsonNode fail(String message, Loc at) {
        throw new PromptPortException(message, at);
    }
}
