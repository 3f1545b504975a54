package dev.promptport.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.RawJson;

import java.io.IOException;

/**
 * Shared by the readers of other vendors' requests, which are not on the failover hot path
 * and so read a Jackson tree: parse errors with line and column, type checks with pointers.
 */
final class JsonTreeReader {

    /**
     * Reads trees from parsers of {@link JsonLimits#factory}, which carry the limits, and refuses
     * a key twice in one object ({@link DuplicateKeys}).
     */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    private JsonTreeReader() {
    }

    /**
     * @throws PromptPortException when the text is not a JSON object, or a
     *     {@link dev.promptport.LimitExceededException} when it nests deeper than {@code limits} allow
     */
    static JsonNode parse(String json, String what, Limits limits) {
        JsonNode root = parseAny(json, what, limits);
        if (!root.isObject()) {
            throw new PromptPortException("not " + what + ": the JSON is not an object", Loc.pointer(""));
        }
        return root;
    }

    /** As {@link #parse}, for a text whose top level may be any JSON value but null. */
    static JsonNode parseAny(String json, String what, Limits limits) {
        try (JsonParser parser = JsonLimits.factory(limits).createParser(json)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (StreamConstraintsException e) {
                throw JsonLimits.error(e, limits.maxJsonDepth(), parser);
            }
            if (root == null || root.isMissingNode()) {
                throw new PromptPortException("not " + what + ": the file holds no JSON value", Loc.position(1, 1));
            }
            afterTheValue(parser);
            return root;
        } catch (JsonProcessingException e) {
            String twice = DuplicateKeys.pointer(e);
            if (twice != null) {
                return fail(DuplicateKeys.message(what, twice), Loc.pointer(twice));
            }
            JsonLocation at = e.getLocation();
            return fail("invalid JSON: " + JsonLimits.plain(e.getOriginalMessage()),
                    at == null ? Loc.NONE : Loc.position(at.getLineNr(), at.getColumnNr()));
        } catch (IOException e) {
            throw new PromptPortException("cannot read " + what + ": " + e.getMessage(), Loc.NONE, e);
        }
    }

    /**
     * Refuses anything but blanks after the value, as the Anthropic request reader does: a second
     * value or a stray word there means the text is not the one request it seems to be.
     */
    private static void afterTheValue(JsonParser parser) throws IOException {
        JsonLocation end = parser.currentTokenLocation();
        JsonToken more;
        try {
            more = parser.nextToken();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : end;
            throw new PromptPortException("invalid JSON: unexpected text after the end of the JSON value",
                    Loc.position(at.getLineNr(), at.getColumnNr()));
        }
        if (more != null) {
            JsonLocation at = parser.currentTokenLocation();
            throw new PromptPortException("invalid JSON: unexpected '" + parser.getText() + "' after the end of the JSON value",
                    Loc.position(at.getLineNr(), at.getColumnNr()));
        }
    }

    /**
     * {@code n} when it is a list or absent (null); anything else is an input error at
     * {@code at}: the vendor refuses it, and reading it as no list would drop what it holds.
     */
    static JsonNode list(JsonNode n, Loc at, String what) {
        if (n == null || n.isNull() || n.isArray()) {
            return n;
        }
        throw new PromptPortException("expected " + what + " as a list, not " + kind(n), at);
    }

    /** As {@link #list}, for an object. */
    static JsonNode object(JsonNode n, Loc at, String what) {
        if (n == null || n.isNull() || n.isObject()) {
            return n;
        }
        throw new PromptPortException("expected " + what + " as an object, not " + kind(n), at);
    }

    /** What a JSON value is, as an error message says it: "a number", "an object". */
    static String kind(JsonNode n) {
        return n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : n.isObject() ? "an object"
                : n.isArray() ? "an array" : n.isTextual() ? "a string" : "null";
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

    /**
     * A tool's input schema as every target takes it: OpenAI treats {@code {}} or a schema
     * without {@code type} as an object, and Claude refuses one without {@code type: "object"},
     * so such a schema gets it. A missing schema is an object with no properties.
     */
    static RawJson objectSchema(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return new RawJson("{\"type\":\"object\",\"properties\":{}}");
        }
        if (schema.isObject() && !schema.has("type")) {
            com.fasterxml.jackson.databind.node.ObjectNode typed = MAPPER.createObjectNode().put("type", "object");
            typed.setAll((com.fasterxml.jackson.databind.node.ObjectNode) schema);
            return raw(typed);
        }
        return raw(schema);
    }

    static Integer integer(JsonNode n, Loc at) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw new PromptPortException("expected an integer", at);
        }
        if (!n.isIntegralNumber() && n.asDouble() != Math.rint(n.asDouble())) {
            // 1.5 where a count belongs: the vendor refuses it rather than round it
            throw new PromptPortException("expected a whole number, not " + n, at);
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
