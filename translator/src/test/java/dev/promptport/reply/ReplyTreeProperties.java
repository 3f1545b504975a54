package dev.promptport.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.promptport.Limits;
import dev.promptport.read.GeneratedJson;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.Map;

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

    /** Nested a level past the limit now and then, with a key twice now and then. */
    private static final GeneratedJson JSON = new GeneratedJson(DEPTH + 1, true);

    @Provide
    Arbitrary<String> json() {
        return JSON.texts();
    }

    @Provide
    Arbitrary<String> damaged() {
        return JSON.damagedTexts();
    }
}
