package dev.promptport.read;

import com.fasterxml.jackson.core.JsonToken;
import dev.promptport.LimitExceededException;
import dev.promptport.PromptPortException;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLexerTest {

    @Test
    void aMisplacedCommaIsNamedAtItsLineAndColumn() {
        assertThatThrownBy(() -> all("{\n  \"messages\": [,]\n}"))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("invalid JSON: unexpected ',' where a value (an object, array, string, number, true, false"
                        + " or null) should be")
                .satisfies(e -> assertThat(((PromptPortException) e).location().line()).isEqualTo(2))
                .satisfies(e -> assertThat(((PromptPortException) e).location().column()).isEqualTo(16));
    }

    @Test
    void columnsCountUtf16UnitsSoAnEmojiCountsTwiceAsInEveryEditor() {
        PromptPortException e = refused("{\"a\": \"\uD83D\uDE00\" x}");
        assertThat(e.location().column()).isEqualTo(12);
        assertThat(e.getMessage()).contains("unexpected 'x' where ',' or '}' should be");
    }

    @Test
    void lineBreaksBetweenTokensMayBeLfCrOrCrLf() {
        assertThat(refused("{\r\n\"a\":\r1,\n\"b\" 2}").location()).satisfies(at -> {
            assertThat(at.line()).isEqualTo(4);
            assertThat(at.column()).isEqualTo(5);
        });
    }

    @Test
    void aRawControlCharacterInAStringIsRefusedWhereItStands() {
        PromptPortException e = refused("{\"text\": \"one\ttwo\"}");
        assertThat(e.getMessage()).isEqualTo("invalid JSON: a control character (U+0009) must be escaped inside a string");
        assertThat(e.location().column()).isEqualTo(14);
    }

    @Test
    void anUnfinishedStringSaysWhereItStarted() {
        assertThat(refused("{\n\"text\": \"never closed}").getMessage())
                .isEqualTo("invalid JSON: unexpected end of the input inside a string that starts at line 2, column 9");
    }

    @Test
    void textAfterTheValueIsRefusedRatherThanIgnored() {
        assertThat(refused("{\"messages\": []}\n{\"messages\": []}").getMessage())
                .isEqualTo("invalid JSON: unexpected '{' after the end of the JSON value");
        assertThat(all("{\"messages\": []}\n\t ")).containsExactly("START_OBJECT", "FIELD_NAME messages",
                "START_ARRAY", "END_ARRAY", "END_OBJECT");
    }

    @Test
    void badWordsAndNumbersAreNamed() {
        assertThat(refused("[tru]").getMessage()).startsWith("invalid JSON: unrecognized word 'tru'");
        assertThat(refused("[nullx]").getMessage()).startsWith("invalid JSON: unrecognized word 'nullx'");
        assertThat(refused("[012]").getMessage()).isEqualTo(
                "invalid JSON: a number cannot start with a zero followed by more digits");
        assertThat(refused("[1.]").getMessage()).isEqualTo("invalid JSON: a decimal point must be followed by a digit");
        assertThat(refused("[\"\\x\"]").getMessage()).isEqualTo("invalid JSON: '\\x' is not a JSON escape");
    }

    @Test
    void escapesAreDecodedAndALoneSurrogateEscapeIsKept() {
        assertThat(all("[\"a\\n\\t\\\"\\\\\\/\\u00e9\\uD83D\\uDE00\\ud800!\"]"))
                .containsExactly("START_ARRAY", "VALUE_STRING a\n\t\"\\/é\uD83D\uDE00\uD800!", "END_ARRAY");
    }

    @Test
    void stringsLongerThanOneWordAreReadWholeAcrossEveryByteOffset() {
        for (int pad = 0; pad < 17; pad++) {
            String body = "x".repeat(pad) + "é–\\n" + "y".repeat(40) + "\\\"z";
            assertThat(all("[\"" + body + "\"," + pad + "]")).containsExactly("START_ARRAY",
                    "VALUE_STRING " + "x".repeat(pad) + "é–\n" + "y".repeat(40) + "\"z", "VALUE_NUMBER_INT " + pad,
                    "END_ARRAY");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsTheNamedLimitAtTheBracket() {
        assertThat(all("[[[]]]", 3)).hasSize(6);
        assertThatThrownBy(() -> all("[[[[]]]]", 3)).isInstanceOf(LimitExceededException.class)
                .hasMessage("the JSON nests deeper than the JSON depth limit (3); raise it with --max-json-depth")
                .satisfies(e -> assertThat(((PromptPortException) e).location().column()).isEqualTo(4));
    }

    @Test
    void aFieldNameLongerThanTheSafetyLimitIsRefused() {
        String name = "n".repeat(JsonLexer.MAX_NAME_LENGTH + 1);
        assertThat(refused("{\"" + name + "\": 1}").getMessage()).isEqualTo(
                "the JSON exceeds a safety limit: a field name is 50,001 characters long; at most 50,000 are allowed");
    }

    @Test
    void skippingAValueChecksItWithoutStoppingAtItsStrings() {
        JsonLexer l = new JsonLexer("{\"a\": {\"b\": [\"c\\n\", {\"d\": null}]}, \"e\": 2}", 10);
        l.next();
        l.next();
        l.next();
        l.skipChildren();
        assertThat(l.token()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(l.tokenEnd()).isEqualTo("{\"a\": {\"b\": [\"c\\n\", {\"d\": null}]}".length());
        assertThat(l.next()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(l.name()).isEqualTo("e");
    }

    @Test
    void aLongStringSeenTwiceIsTakenWholeFromTheMemoTheThirdTime() {
        TextMemo memo = new TextMemo(16);
        String text = "You are a support assistant.\\n<context>\\n" + "Shipments move between depots. ".repeat(20) + "</context>";
        String json = "{\"system\": \"" + text + "\", \"n\": 1}";
        String first = stringValue(json, memo);
        String second = stringValue(json, memo);
        String third = stringValue(json, memo);
        assertThat(first).isEqualTo(second).isEqualTo(third).startsWith("You are a support assistant.\n<context>\n");
        assertThat(third).isSameAs(stringValue(json, memo));
    }

    @Test
    void aRememberedStringIsNotMistakenForOneThatDiffersInACharacterPastLatin1() {
        TextMemo memo = new TextMemo(16);
        String body = "x".repeat(150) + "%s" + "y".repeat(150);
        String dash = "[\"" + body.formatted("\u2013") + "\"]";
        String emDash = "[\"" + body.formatted("\u2014") + "\"]";
        for (int i = 0; i < 3; i++) {
            assertThat(stringValue(dash, memo)).contains("\u2013");
        }
        assertThat(stringValue(emDash, memo)).contains("\u2014");
        assertThat(stringValue(dash.replace("\u2013", "?"), memo)).contains("?");
    }

    @Test
    void aRememberedStringDoesNotVouchForACopyWithAControlCharacterInIt() {
        TextMemo memo = new TextMemo(16);
        String good = "[\"" + "a".repeat(300) + "\"]";
        for (int i = 0; i < 3; i++) {
            stringValue(good, memo);
        }
        String bad = "[\"" + "a".repeat(150) + "\u0001" + "a".repeat(149) + "\"]";
        assertThatThrownBy(() -> stringValue(bad, memo)).hasMessageContaining("control character (U+0001)");
    }

    @Test
    void aLongStringWithAnEscapedQuoteEarlyIsReadWholeThroughTheMemo() {
        TextMemo memo = new TextMemo(16);
        String json = "[\"say \\\"hi\\\" " + "z".repeat(300) + "\", 2]";
        for (int i = 0; i < 3; i++) {
            assertThat(stringValue(json, memo)).isEqualTo("say \"hi\" " + "z".repeat(300));
        }
    }

    private static String stringValue(String json, TextMemo memo) {
        JsonLexer l = new JsonLexer(json, 10, memo);
        String value = null;
        for (JsonToken t = l.next(); t != null; t = l.next()) {
            if (t == JsonToken.VALUE_STRING && value == null) {
                value = l.string();
            }
        }
        l.requireEnd();
        return value;
    }

    private static PromptPortException refused(String json) {
        try {
            all(json);
        } catch (PromptPortException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    private static List<String> all(String json) {
        return all(json, 100);
    }

    private static List<String> all(String json, int depth) {
        JsonLexer l = new JsonLexer(json, depth);
        List<String> out = new ArrayList<>();
        for (JsonToken t = l.next(); t != null; t = l.next()) {
            out.add(switch (t) {
                case FIELD_NAME -> t + " " + l.name();
                case VALUE_STRING -> t + " " + l.string();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> t + " " + l.literal();
                default -> t.toString();
            });
        }
        l.requireEnd();
        return out;
    }
}
