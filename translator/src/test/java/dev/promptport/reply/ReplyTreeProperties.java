package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.promptport.Limits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply tree read with the request lexer against Jackson's tree reader, which it stands in
 * for: on generated replies and on those damaged, it gives the very nodes Jackson gives (the
 * same kinds of number, decimals written the same way), or none, leaving the text (and its
 * error) to Jackson; and it never gives up on a good reply without a key twice.
 */
class ReplyTreeProperties {

    private static final int DEPTH = 10;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder().maxNestingDepth(DEPTH).build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    private static final ObjectReader JACKSON = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Property(tries = 3000)
    void readsEveryGoodReplyAsJacksonsTreeReaderDoes(@ForAll("json") String text) {
        String jackson = jackson(text);
        // refused for a key twice or past the depth limit: Jackson's to say so
        assertThat(quick(text)).isEqualTo(jackson.startsWith("REFUSED") ? "LEFT TO JACKSON" : jackson);
    }

    @Property(tries = 6000)
    void givesJacksonsTreeOrLeavesTheTextToJackson(@ForAll("damaged") String text) {
        String quick = quick(text);
        if (!quick.equals("LEFT TO JACKSON")) {
            assertThat(quick).isEqualTo(jackson(text));
        }
    }

    @Example
    void typesNumbersAsJacksonDoesAtEveryBoundary() {
        String text = "[0,-0,2147483647,2147483648,-2147483648,-2147483649,9223372036854775807,9223372036854775808,"
                + "-9223372036854775808,-9223372036854775809,123456789012345678901234567890,1.50,1E+2,-0.0,0e0,1e400,"
                + "2.0e-7,12345678901234567890.123456789]";
        assertThat(quick(text)).isEqualTo(jackson(text)).contains("IntNode", "LongNode", "BigIntegerNode", "DecimalNode");
    }

    @Example
    void leavesAKeyTwiceAndTheDepthLimitToJackson() {
        assertThat(quick("{\"a\":1,\"b\":{\"c\":null,\"c\":null}}")).isEqualTo("LEFT TO JACKSON");
        String deep = "[".repeat(DEPTH + 1) + "]".repeat(DEPTH + 1);
        assertThat(quick(deep)).isEqualTo("LEFT TO JACKSON");
        assertThat(jackson(deep)).startsWith("REFUSED");
        String atTheLimit = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        assertThat(quick(atTheLimit)).isEqualTo(jackson(atTheLimit)).doesNotStartWith("REFUSED");
    }

    @Example
    void readsWithTheLimitsTheRepliesAreReadWith() throws JsonProcessingException {
        String reply = "{\"choices\":[{\"message\":{\"content\":\"Hi \\u00e9\"},\"logprobs\":{\"p\":-0.0012}}],\"n\":3}";
        JsonNode viaJson = Json.readReply(reply, Json.factory(Limits.DEFAULTS));
        assertThat(describe(viaJson)).isEqualTo(jackson(reply));
        assertThat(describe(Json.readReply(reply, null))).isEqualTo(jackson(reply));
    }

    private static String quick(String text) {
        JsonNode n = ReplyTree.read(text, LIMITS, Json.MAPPER.getNodeFactory());
        return n == null ? "LEFT TO JACKSON" : describe(n);
    }

    private static String jackson(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonNode n = JACKSON.readTree(p);
            return n == null || n.isMissingNode() ? "REFUSED empty" : describe(n);
        } catch (IOException e) {
            return "REFUSED " + e.getMessage();
        }
    }

    /** Every node with its class, numbers as written back: what the feeds and the writers see. */
    private static String describe(JsonNode n) {
        StringBuilder b = new StringBuilder();
        describe(n, b);
        return b.toString();
    }

    private static void describe(JsonNode n, StringBuilder b) {
        b.append(n.getClass().getSimpleName()).append('(');
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                b.append(Json.compact(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()))).append(':');
                describe(e.getValue(), b);
                b.append(',');
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                describe(item, b);
                b.append(',');
            }
        } else {
            b.append(Json.compact(n));
        }
        b.append(')');
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            StringBuilder b = new StringBuilder();
            value(r, b, 0);
            return space(r) + b + space(r);
        });
    }

    @Provide
    Arbitrary<String> damaged() {
        return Combinators.combine(json(), Arbitraries.longs()).as(ReplyTreeProperties::damage);
    }

    private static String damage(String text, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.setLength(at);
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, pick(r, "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "\u0000", "e", "-", ".", "0",
                        "\uD800", "\uFEFF", "'", "NaN", "01", "1.", "\\u12", "[[[[[[[[[[[["));
                case 3 -> b.setCharAt(at, pick(r, "{}[]:,\"\\ 0a\u0001").charAt(0));
                default -> b.append(pick(r, " {}", "x", ",", " ", "]", "\n"));
            }
        }
        return b.toString();
    }

    private static void value(Random r, StringBuilder b, int depth) {
        switch (r.nextInt(depth >= DEPTH + 1 ? 4 : 7)) {
            case 0 -> b.append(pick(r, "true", "false", "null"));
            case 1 -> number(r, b);
            case 2, 3 -> string(r, b);
            case 4 -> {
                b.append('[').append(space(r));
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(space(r));
                    value(r, b, depth + 1);
                }
                b.append(space(r)).append(']');
            }
            default -> {
                b.append('{').append(space(r));
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(space(r));
                    // names from a few, so that a key twice comes up
                    b.append('"').append(pick(r, "id", "type", "text", "content", "usage", "a\\u0062", "ab", "")).append('"');
                    b.append(space(r)).append(':').append(space(r));
                    value(r, b, depth + 1);
                }
                b.append(space(r)).append('}');
            }
        }
    }

    private static void number(Random r, StringBuilder b) {
        if (r.nextBoolean()) {
            b.append('-');
        }
        switch (r.nextInt(4)) {
            case 0 -> b.append('0');
            case 1 -> b.append(1 + r.nextInt(9));
            case 2 -> b.append(Math.abs(r.nextLong()) >>> r.nextInt(63));
            default -> b.append(Math.abs(r.nextLong()) >>> 1).append(1 + r.nextInt(Integer.MAX_VALUE));
        }
        if (r.nextInt(3) == 0) {
            b.append('.').append(r.nextInt(4) == 0 ? "50" : String.valueOf(r.nextInt(100000)));
        }
        if (r.nextInt(4) == 0) {
            b.append(pick(r, "e", "E", "e+", "E-")).append(r.nextInt(500));
        }
    }

    private static void string(Random r, StringBuilder b) {
        b.append('"');
        int n = r.nextInt(r.nextInt(6) == 0 ? 300 : 12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(10)) {
                case 0 -> b.append(pick(r, "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r"));
                case 1 -> b.append(String.format("\\u%04x", r.nextInt(0x10000)));
                case 2 -> b.append(pick(r, "é", "日本", "\uD83D\uDE00", "\u202E", "\u00FF", "Ģ", "\u2028"));
                default -> {
                    char c = (char) (' ' + r.nextInt(95));
                    b.append(c == '"' || c == '\\' ? 'q' : c);
                }
            }
        }
        b.append('"');
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String pick(Random r, String chars) {
        int i = r.nextInt(chars.length());
        return chars.substring(i, i + 1);
    }

    private static String space(Random r) {
        return r.nextInt(3) > 0 ? "" : pick(r, " ", "\n", "\r\n", "\t", "  \n  ");
    }
}
