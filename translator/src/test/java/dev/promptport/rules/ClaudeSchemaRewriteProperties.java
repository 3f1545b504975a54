package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema sent to Claude only loosens what the original said (a limit moved into a
 * description is no longer checked), except that objects no longer take properties they do not
 * list: so every value the original accepts, and that uses only listed properties, Claude's
 * schema accepts too. Every object here lists all of a, b and c, the only names values use.
 */
class ClaudeSchemaRewriteProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final List<String> NAMES = List.of("a", "b", "c");

    @Property(tries = 1500)
    void everyValueTheOriginalAcceptsClaudesSchemaAcceptsToo(@ForAll("schemas") JsonNode schema,
                                                             @ForAll("values") JsonNode value) {
        JsonNode sent = ClaudeSchemaRewrite.of(schema).schema();
        if (SCHEMAS.getSchema(schema).validate(value).isEmpty()) {
            assertThat(SCHEMAS.getSchema(sent).validate(value)).as("sent %s", sent).isEmpty();
        }
    }

    @Property(tries = 500)
    void rewritingTheRewrittenSchemaChangesNothing(@ForAll("schemas") JsonNode schema) {
        ClaudeSchemaRewrite.Result once = ClaudeSchemaRewrite.of(schema);
        ClaudeSchemaRewrite.Result twice = ClaudeSchemaRewrite.of(once.schema());
        assertThat(twice.changes()).isEmpty();
        assertThat(twice.schema()).isEqualTo(once.schema());
    }

    @Property(tries = 500)
    void everyLimitMovedIsStillWrittenInADescription(@ForAll("schemas") JsonNode schema) {
        ClaudeSchemaRewrite.Result r = ClaudeSchemaRewrite.of(schema);
        String text = r.schema().toString();
        r.moved().forEach(k -> assertThat(text).contains(k + ": "));
    }

    @Provide
    Arbitrary<JsonNode> schemas() {
        return schema(2);
    }

    private Arbitrary<JsonNode> schema(int depth) {
        if (depth == 0) {
            return Arbitraries.oneOf(integers(), strings());
        }
        return Arbitraries.oneOf(integers(), strings(), array(depth), object(depth), oneOf());
    }

    private Arbitrary<JsonNode> integers() {
        Arbitrary<Integer> limit = Arbitraries.integers().between(-2, 8).injectNull(0.5);
        return Combinators.combine(limit, limit, Arbitraries.integers().between(1, 3).injectNull(0.6), limit)
                .as((min, max, multiple, exclusive) -> {
                    ObjectNode o = F.objectNode().put("type", "integer");
                    putIf(o, "minimum", min);
                    putIf(o, "maximum", max);
                    putIf(o, "multipleOf", multiple);
                    putIf(o, "exclusiveMaximum", exclusive);
                    return o;
                });
    }

    private Arbitrary<JsonNode> strings() {
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 6).injectNull(0.5);
        Arbitrary<String> pattern = Arbitraries.of("^[a-z]*$", "^(a)\\1", "\\bab", "^(?!x)").injectNull(0.6);
        Arbitrary<String> format = Arbitraries.of("email", "phone", "date").injectNull(0.7);
        return Combinators.combine(length, length, pattern, format).as((min, max, p, fmt) -> {
            ObjectNode o = F.objectNode().put("type", "string");
            putIf(o, "minLength", min);
            putIf(o, "maxLength", max);
            if (p != null) {
                o.put("pattern", p);
            }
            if (fmt != null) {
                o.put("format", fmt);
            }
            return o;
        });
    }

    private Arbitrary<JsonNode> array(int depth) {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 3).injectNull(0.4);
        return Combinators.combine(schema(depth - 1), count, count, Arbitraries.of(true, false))
                .as((items, min, max, unique) -> {
                    ObjectNode o = F.objectNode().put("type", "array");
                    o.set("items", items);
                    putIf(o, "minItems", min);
                    putIf(o, "maxItems", max);
                    if (unique) {
                        o.put("uniqueItems", true);
                    }
                    return o;
                });
    }

    private Arbitrary<JsonNode> object(int depth) {
        Arbitrary<JsonNode> extra = Arbitraries.of(F.missingNode(), F.booleanNode(true), F.booleanNode(false),
                F.objectNode().put("type", "string"));
        return Combinators.combine(schema(depth - 1).list().ofSize(3), Arbitraries.subsetOf(NAMES), extra,
                Arbitraries.integers().between(0, 3).injectNull(0.6)).as((props, required, more, minProps) -> {
                    ObjectNode o = F.objectNode().put("type", "object");
                    ObjectNode p = o.putObject("properties");
                    for (int i = 0; i < NAMES.size(); i++) {
                        p.set(NAMES.get(i), props.get(i));
                    }
                    ArrayNode req = o.putArray("required");
                    NAMES.stream().filter(required::contains).forEach(req::add);
                    if (!more.isMissingNode()) {
                        o.set("additionalProperties", more);
                    }
                    putIf(o, "minProperties", minProps);
                    return o;
                });
    }

    private Arbitrary<JsonNode> oneOf() {
        return Combinators.combine(integers(), strings()).as((i, s) -> {
            ObjectNode o = F.objectNode();
            o.putArray("oneOf").add(i).add(s);
            return o;
        });
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return value(2);
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.integers().between(-3, 9).map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.of("", "a", "ab", "abcdefg", "x@y.io", "2024-01-31", "xa").map(s -> (JsonNode) F.textNode(s)));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> arrays = value(depth - 1).list().ofMaxSize(4).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.subsetOf(NAMES), value(depth - 1).list().ofSize(3))
                .as((names, vs) -> {
                    ObjectNode o = F.objectNode();
                    for (int i = 0; i < NAMES.size(); i++) {
                        if (names.contains(NAMES.get(i))) {
                            o.set(NAMES.get(i), vs.get(i));
                        }
                    }
                    return o;
                });
        return Arbitraries.oneOf(leaves, arrays, objects);
    }

    private static void putIf(ObjectNode o, String keyword, Integer v) {
        if (v != null) {
            o.put(keyword, v);
        }
    }
}
