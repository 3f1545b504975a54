package dev.promptport.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.promptport.PromptPortException;
import dev.promptport.tree.TextMemo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request lexer against Jackson, the parser it replaced on the hot path: on generated JSON
 * and on that JSON damaged, both accept the same texts and read the same tokens, names,
 * strings and numbers.
 */
class JsonLexerProperties {

    private static final int DEPTH = 12;
    private static final JsonFactory JACKSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DEPTH).build()).build();

    @Property(tries = 3000)
    void readsGeneratedJsonExactlyAsJacksonDoes(@ForAll("json") String text) {
        assertThat(lexer(text)).isEqualTo(jackson(text)).doesNotContain("REJECTED");
    }

    @Property(tries = 6000)
    void acceptsAndRefusesDamagedJsonExactlyAsJacksonDoes(@ForAll("damaged") String text) {
        assertThat(lexer(text)).isEqualTo(jackson(text));
    }

    /** Strings with more escapes than the lexer notes down, whose rest the decoder finds itself. */
    @Property(tries = 500)
    void readsStringsWithManyEscapesExactlyAsJacksonDoes(@ForAll("escaped") String a, @ForAll("escaped") String b) {
        String text = "{\"a\":\"" + a + "\",\"" + b + "\":[\"" + b + a + "\"]}";
        assertThat(lexer(text)).isEqualTo(jackson(text)).doesNotContain("REJECTED");
    }

    @Provide
    Arbitrary<String> escaped() {
        Arbitrary<String> piece = Arbitraries.of("\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\ud83d\\ude00",
                "\\u2013", "x", "é", "–", " ", "ab");
        return piece.list().ofMinSize(0).ofMaxSize(120).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void readsTheSameThroughAMemoOnEverySighting(@ForAll("json") String text, @ForAll long seed) {
        // the damaged copy shares most long strings with the original, nearly but not exactly
        String other = GeneratedJson.damage(text, seed);
        TextMemo memo = new TextMemo(8);
        List<String> expected = jackson(text);
        for (int i = 0; i < 3; i++) {
            assertThat(lexer(text, memo)).isEqualTo(expected);
            assertThat(lexer(other, memo)).isEqualTo(jackson(other));
        }
    }

    @Property(tries = 1000)
    void takesValuesWholeThroughAMemoExactlyAsWritten(@ForAll("json") String text, @ForAll long seed) {
        // objects and arrays in a damaged copy often start with the same bytes as the original's
        String other = GeneratedJson.damage(text, seed);
        TextMemo memo = new TextMemo(8);
        List<String> expected = rawValues(text, null);
        List<String> expectedOther = rawValues(other, null);
        for (int i = 0; i < 3; i++) {
            assertThat(rawValues(text, memo)).isEqualTo(expected);
            assertThat(rawValues(other, memo)).isEqualTo(expectedOther);
        }
    }

    /** Every object or array that is a field's value, taken whole as written; the other tokens as they come. */
    private static List<String> rawValues(String text, TextMemo memo) {
        List<String> out = new ArrayList<>();
        try {
            JsonLexer l = new JsonLexer(text, DEPTH, memo, true);
            boolean afterName = false;
            for (JsonToken t = l.next(); t != null; t = l.next()) {
                if (afterName && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
                    out.add("RAW " + l.raw() + " then " + l.token());
                } else {
                    out.add(t + " " + (t == JsonToken.FIELD_NAME ? l.name() : t == JsonToken.VALUE_STRING ? l.string() : ""));
                }
                afterName = t == JsonToken.FIELD_NAME;
            }
            l.requireEnd();
        } catch (PromptPortException e) {
            return List.of("REJECTED");
        }
        return out;
    }

    static List<String> lexer(String text) {
        return lexer(text, null);
    }

    /**
     * The token stream, one token a line with its text, or only "REJECTED" when the text is
     * refused (where each stops inside a bad token differs and does not matter).
     */
    static List<String> lexer(String text, TextMemo memo) {
        List<String> out = new ArrayList<>();
        try {
            JsonLexer l = new JsonLexer(text, DEPTH, memo, true);
            for (JsonToken t = l.next(); t != null; t = l.next()) {
                out.add(t + " " + switch (t) {
                    case FIELD_NAME -> l.name();
                    case VALUE_STRING -> l.string();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> l.literal();
                    default -> "";
                });
            }
            l.requireEnd();
        } catch (PromptPortException e) {
            return List.of("REJECTED");
        }
        return out;
    }

    static List<String> jackson(String text) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JACKSON.createParser(text)) {
            int depth = 0;
            JsonToken t = p.nextToken();
            if (t == null) {
                return List.of("REJECTED");
            }
            do {
                out.add(t + " " + switch (t) {
                    case FIELD_NAME -> p.currentName();
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
                    default -> "";
                });
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (depth == 0) {
                    break;
                }
                t = p.nextToken();
            } while (t != null);
            if (depth != 0 || p.nextToken() != null) {
                return List.of("REJECTED");
            }
        } catch (IOException e) {
            return List.of("REJECTED");
        }
        return out;
    }

    /** Nested a level less than the limit: every text is one the lexer must take. */
    private static final GeneratedJson JSON = new GeneratedJson(DEPTH - 1, false);

    @Provide
    Arbitrary<String> json() {
        return JSON.texts();
    }

    @Provide
    Arbitrary<String> damaged() {
        return JSON.damagedTexts();
    }
}
