package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;
import dev.promptport.read.DuplicateKeys;
import dev.promptport.read.JsonLimits;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Predicate;

/** JSON plumbing shared by the reply translators. */
final class Json {

    /** Keeps numbers exactly as the vendor wrote them (tool arguments pass through unchanged). */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static final JsonFactory FACTORY = MAPPER.getFactory();

    /** The nodes {@link #MAPPER}'s tree reader makes, for {@link ReplyTree}. */
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    /** Reads vendor replies, refusing a key twice in one object ({@link DuplicateKeys}). */
    private static final ObjectReader REPLY = MAPPER.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {
    }

    static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** A parser factory enforcing {@code limits}' JSON depth; built for the call unless the limits are the defaults. */
    static JsonFactory factory(Limits limits) {
        return JsonLimits.factory(limits);
    }

    /**
     * A vendor's reply or stream event, parsed by a parser of {@code factory} (the default one
     * when {@code null}). A key twice in one object is an error whose
     * {@link DuplicateKeys#pointer} says where. A good text is read by {@link ReplyTree}, at a
     * third of the cost; Jackson reads the rest, and gives their errors.
     */
    static JsonNode readReply(String text, JsonFactory factory) throws JsonProcessingException {
        JsonNode quick = ReplyTree.read(text, (factory == null ? FACTORY : factory).streamReadConstraints(), NODES);
        if (quick != null) {
            return quick;
        }
        if (factory == null) {
            return REPLY.readTree(text);
        }
        try (JsonParser p = factory.createParser(text)) {
            try {
                return REPLY.readTree(p);
            } catch (StreamConstraintsException e) {
                throw e.getLocation() != null ? e : new StreamConstraintsException(e.getOriginalMessage(), p.currentLocation());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code e} is the JSON nesting deeper than the factory allows. */
    static boolean tooDeep(JsonProcessingException e) {
        return e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("nesting depth");
    }

    /** The string at {@code field}, or {@code null} when absent, null or not a string. */
    static String text(JsonNode n, String field) {
        if (n == null) {
            return null;
        }
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    /**
     * The largest count read as one: 2^53 - 1, the largest whole number every JSON reader holds
     * exactly (JavaScript's included). No vendor counts so many tokens; a larger count is a broken
     * one, and summing two such counts could wrap around into a negative number.
     */
    static final long MAX_COUNT = (1L << 53) - 1;

    /** The whole number at {@code field} (30.0 counts as 30); 0 when absent, not a number, a fraction or past {@link #MAX_COUNT}. */
    static long count(JsonNode n, String field) {
        if (n == null) {
            return 0;
        }
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            return 0;
        }
        if (!v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue())) {
            // 30.5 tokens is no count but a broken one; a part of it would be a guess
            return 0;
        }
        if (!v.canConvertToLong()) {
            return 0;
        }
        return count(v.asLong());
    }

    /** A count as read: a negative count is none, and one past {@link #MAX_COUNT} a broken one. */
    static long count(long l) {
        return l > MAX_COUNT ? 0 : Math.max(0, l);
    }

    /** What a JSON value is, as an error message says it: "a number", "an object". */
    static String kind(JsonNode n) {
        return n.isNumber() ? "a number" : n.isBoolean() ? "a boolean" : n.isObject() ? "an object"
                : n.isArray() ? "an array" : n.isTextual() ? "a string" : "null";
    }

    /**
     * Refuses a value that is there (not absent, not null) but of another kind than the one
     * {@code ok} takes: what it holds could not be read, and would be lost unseen.
     */
    static void expect(JsonNode v, Predicate<JsonNode> ok, String expected, String pointer) {
        if (v != null && !v.isNull() && !ok.test(v)) {
            throw new PromptPortException("expected " + expected + ", not " + kind(v), Loc.pointer(pointer));
        }
    }

    /**
     * A tool call's arguments as JSON text: a string as it is, and an object (or any other
     * value) as its compact JSON, as servers that send them already parsed give them; null when
     * absent or null.
     */
    static String arguments(JsonNode holder, String field) {
        JsonNode a = holder == null ? null : holder.get(field);
        if (a == null || a.isNull()) {
            return null;
        }
        return a.isTextual() ? a.textValue() : compact(a);
    }

    static boolean isObject(JsonNode n) {
        return n != null && n.isObject();
    }

    /** Writes one JSON value with {@code body} and returns it as compact text. */
    static String write(Body body) {
        StringWriter sw = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Whether {@link #appendQuoted} writes {@code s} between its quotes as it is: no quote, backslash or control character. */
    static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code s} as a JSON string, escaped exactly as Jackson's generator does by default. */
    static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        int run = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            b.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        b.append(s, run, s.length()).append('"');
    }

    /**
     * Compact JSON text of a tree, as Jackson's {@link #MAPPER} writes it: written straight into
     * a builder, which costs a fraction of Jackson's writer set up for each call (a Gemini
     * function call's arguments are written so on every reply). A node kind the readers do not
     * make (a double, a binary or a Java object node) is left to Jackson.
     */
    static String compact(JsonNode n) {
        StringBuilder b = new StringBuilder(64);
        if (!appendCompact(b, n)) {
            try {
                return MAPPER.writeValueAsString(n);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    /** Appends {@code n}; false, with the builder half written, when it holds a node kind left to Jackson. */
    private static boolean appendCompact(StringBuilder b, JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    appendQuoted(b, e.getKey());
                    b.append(':');
                    if (!appendCompact(b, e.getValue())) {
                        return false;
                    }
                }
                b.append('}');
            }
            case ARRAY -> {
                b.append('[');
                for (int i = 0, size = n.size(); i < size; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    if (!appendCompact(b, n.get(i))) {
                        return false;
                    }
                }
                b.append(']');
            }
            case STRING -> appendQuoted(b, n.textValue());
            case BOOLEAN -> b.append(n.booleanValue());
            case NULL -> b.append("null");
            case NUMBER -> {
                // as Jackson's generator writes them: digits, and a decimal's toString (1E+2 stays so)
                switch (n.numberType()) {
                    case INT -> b.append(n.intValue());
                    case LONG -> b.append(n.longValue());
                    case BIG_INTEGER -> b.append(n.bigIntegerValue());
                    case BIG_DECIMAL -> b.append(n.decimalValue());
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
