package dev.promptport.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.promptport.tree.DeferredText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonOut} writes exactly what Jackson's generator writes, compact and with Jackson's
 * default pretty printer (the golden files' layout): the same escapes, numbers and spacing.
 */
class JsonOutProperties {

    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JACKSON);

    /** A value to write: a tree of maps, lists and scalars, or raw JSON. */
    private record Raw(String json) {
    }

    @Property(tries = 3000)
    void quotesTextsExactlyAsJacksonDoes(@ForAll("texts") String text) {
        for (boolean pretty : new boolean[] {false, true}) {
            String ours = JsonText.write(pretty, g -> {
                g.writeStartArray();
                g.writeString(text);
                g.writeRawValue(JsonOut.quoted(text));
                g.writeEndArray();
            });
            String jackson = jackson(pretty, g -> {
                g.writeStartArray();
                g.writeString(text);
                g.writeString(text);
                g.writeEndArray();
            });
            assertThat(ours).isEqualTo(jackson);
        }
    }

    @Property(tries = 3000)
    void quotesDeferredTextsFromTheirCharactersExactlyAsJacksonDoes(@ForAll("texts") String text) {
        // once lent as characters (a buffer longer than the text, as a pool's is), once as the String made before
        DeferredText lent = new DeferredText() {
            @Override
            protected String make() {
                return text;
            }

            @Override
            protected void write(Sink sink) {
                char[] pooled = java.util.Arrays.copyOf(text.toCharArray(), text.length() + 7);
                java.util.Arrays.fill(pooled, text.length(), pooled.length, '"');
                sink.chars(pooled, text.length());
            }
        };
        for (boolean pretty : new boolean[] {false, true}) {
            String ours = JsonText.write(pretty, g -> {
                g.writeStartArray();
                g.writeDeferred(lent);
                g.writeEndArray();
            });
            String jackson = jackson(pretty, g -> {
                g.writeStartArray();
                g.writeString(text);
                g.writeEndArray();
            });
            assertThat(ours).isEqualTo(jackson);
        }
        lent.text();
        assertThat(JsonText.write(false, g -> g.writeDeferred(lent))).isEqualTo(JsonText.write(false, g -> g.writeString(text)));
    }

    @Property(tries = 2000)
    void writesValuesAndLayoutExactlyAsJacksonDoes(@ForAll("values") Object value) {
        for (boolean pretty : new boolean[] {false, true}) {
            String ours = JsonText.write(pretty, g -> ours(g, value));
            String jackson = jackson(pretty, g -> MAPPER.writeTree(g, node(value)));
            assertThat(ours).isEqualTo(jackson);
        }
    }

    @Property(tries = 2000)
    void utf8IsTheTextsUtf8WithUnpairedSurrogatesWrittenAsEscapes(@ForAll("values") Object value) throws Exception {
        for (boolean pretty : new boolean[] {false, true}) {
            byte[] utf8 = JsonText.writeUtf8(pretty, g -> ours(g, value));
            String text = JsonText.write(pretty, g -> ours(g, value));
            assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(loneSurrogatesEscaped(text));
            // strict: bytes that are not UTF-8 throw here rather than becoming U+FFFD
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8));
        }
    }

    @Property(tries = 2000)
    void textsKeptInUtf8AreSplicedInWhereTheyWereWritten(@ForAll("texts") String text, @ForAll("values") Object value) {
        // the same value around the text, once written as it comes and once copied in from its
        // UTF-8 kept apart, as a remembered system prompt is: at the start, between and at the end
        for (boolean pretty : new boolean[] {false, true}) {
            byte[] kept = JsonOut.quotedUtf8(text);
            byte[] spliced = JsonText.writeUtf8(pretty, g -> {
                g.writeStartArray();
                g.writeRawUtf8(kept);
                ours(g, value);
                g.writeRawUtf8(kept);
                g.writeStartObject();
                g.writeFieldName("text");
                g.writeRawUtf8(kept);
                g.writeEndObject();
                g.writeEndArray();
            });
            byte[] written = JsonText.writeUtf8(pretty, g -> {
                g.writeStartArray();
                g.writeString(text);
                ours(g, value);
                g.writeString(text);
                g.writeStartObject();
                g.writeFieldName("text");
                g.writeString(text);
                g.writeEndObject();
                g.writeEndArray();
            });
            assertThat(new String(spliced, StandardCharsets.UTF_8)).isEqualTo(new String(written, StandardCharsets.UTF_8));
            assertThat(spliced).isEqualTo(written);
        }
    }

    /** The reference: each surrogate without its partner as a JSON escape, the rest as it is. */
    private static String loneSurrogatesEscaped(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static void ours(JsonOut g, Object v) {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = (String) e.getKey();
                Object x = e.getValue();
                // the field shortcuts the writers use, where one fits
                if (x == null || x instanceof String) {
                    // a null string is JSON's null, as in Jackson
                    g.writeStringField(name, (String) x);
                } else if (x instanceof Integer i) {
                    g.writeNumberField(name, i);
                } else if (x instanceof Double d) {
                    g.writeNumberField(name, d);
                } else if (x instanceof Boolean b) {
                    g.writeBooleanField(name, b);
                } else if (x instanceof Map<?, ?> inner && inner.size() % 2 == 0) {
                    g.writeObjectFieldStart(name);
                    writeEntries(g, inner);
                    g.writeEndObject();
                } else if (x instanceof List<?> list && list.size() % 2 == 0) {
                    g.writeArrayFieldStart(name);
                    list.forEach(item -> ours(g, item));
                    g.writeEndArray();
                } else {
                    g.writeFieldName(name);
                    ours(g, x);
                }
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            l.forEach(item -> ours(g, item));
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Raw r) {
            g.writeRawValue(r.json());
        } else {
            // a null text, which the writers may pass: JSON's null, as Jackson writes it
            g.writeString(null);
        }
    }

    private static void writeEntries(JsonOut g, Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            g.writeFieldName((String) e.getKey());
            ours(g, e.getValue());
        }
    }

    /** The same value as Jackson's tree, which Jackson writes with its own generator. */
    private static JsonNode node(Object v) {
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = MAPPER.createObjectNode();
            m.forEach((k, x) -> o.set((String) k, node(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = MAPPER.createArrayNode();
            l.forEach(x -> a.add(node(x)));
            return a;
        }
        if (v instanceof Raw r) {
            return MAPPER.getNodeFactory().rawValueNode(new RawValue(r.json()));
        }
        return v == null ? MAPPER.getNodeFactory().nullNode() : MAPPER.valueToTree(v);
    }

    private interface JacksonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static String jackson(boolean pretty, JacksonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JACKSON.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            body.write(g);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(90),
                Arbitraries.of("\n", "\r\n", "\t", "\"", "\\", "\u0000", "\u001F", "\u007F", "\b", "\f", "é", "ÿ", "–",
                        "日本", "\uD83D\uDE00", "\uD800", "\uDC00", "\u2028", "<context>", "?",
                        // wide characters whose low byte is a quote, a backslash, a line break
                        "\u2022", "\u015C", "\u010A", "\u0100"));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Object> values() {
        return value(4);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                texts().map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(0.7, 1.0, 1e-7, 1e21, 123456.789, -0.0, Double.NaN, Double.POSITIVE_INFINITY)
                        .map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of(new Raw("{\"type\":\"object\"}"), new Raw("[1,2]"), new Raw("\"x\""), new Raw("null")),
                Arbitraries.just(null));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.of("a", "type", "text", "role\n", "na\"me", "é", ""),
                value(depth - 1)).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(2, list), net.jqwik.api.Tuple.of(3, map));
    }
}
