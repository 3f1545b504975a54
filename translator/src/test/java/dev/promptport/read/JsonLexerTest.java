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
        JsonLexer l = afterFirstValue("{\"a\": {\"b\": [\"c\\n\", {\"d\": null}]}, \"e\": 2}");
        l.skipChildren();
        assertThat(l.token()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(l.tokenEnd()).isEqualTo("{\"a\": {\"b\": [\"c\\n\", {\"d\": null}]}".length());
        assertThat(l.next()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(l.name()).isEqualTo("e");
    }

    @Test
    void skippingAValueLeavesTheNameItStoodUnderAsJacksonsParserDoes() {
        JsonLexer l = afterFirstValue("{\"a\": {\"b\": 1, \"c\": {\"d\": 2}}}");
        l.skipChildren();
        assertThat(l.name()).isEqualTo("a");
    }

    @Test
    void skippingAValueStillRefusesItsBadNames() {
        String tooLong = "n".repeat(JsonLexer.MAX_NAME_LENGTH + 1);
        for (String bad : List.of("{\"a\": {\"" + tooLong + "\": 1}}", "{\"a\": {\"b\\x\": 1}}", "{\"a\": {\"b\" 1}}")) {
            JsonLexer l = afterFirstValue(bad);
            assertThatThrownBy(l::skipChildren).as(bad).isInstanceOf(PromptPortException.class);
        }
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

    @Test
    void aRememberedStringEndsAtTheQuoteThatAnEvenRunOfBackslashesPrecedes() {
        TextMemo memo = new TextMemo(16);
        // C:\ then an escaped backslash before an escaped quote (\\\"), and the end right after
        // an escaped backslash (\\"): the quote ends the string when an even run precedes it
        String json = "[\"C:\\\\ \\\\\\\" " + "w".repeat(300) + "\\\\\", 2]";
        for (int i = 0; i < 4; i++) {
            assertThat(stringValue(json, memo)).isEqualTo("C:\\ \\\" " + "w".repeat(300) + "\\");
        }
    }

    @Test
    void aLongObjectSeenTwiceIsSkippedWholeTheThirdTimeAndReadingGoesOnAfterIt() {
        TextMemo memo = new TextMemo(16);
        String schema = "{\"type\": \"object\", \"properties\": {" + "\"field\": {\"type\": \"string\"}, ".repeat(12)
                + "\"last\": [1, 2, {\"deep\": true}]}}";
        String json = "{\"input_schema\": " + schema + ", \"after\": \"yes\"}";
        for (int i = 0; i < 4; i++) {
            JsonLexer l = new JsonLexer(json, 10, memo, true);
            l.next();
            l.next();
            l.next();
            assertThat(l.raw()).isEqualTo(schema);
            assertThat(l.token()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(l.next()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(l.name()).isEqualTo("after");
            assertThat(l.next()).isEqualTo(JsonToken.VALUE_STRING);
            assertThat(l.next()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(l.next()).isNull();
            l.requireEnd();
        }
    }

    @Test
    void aRememberedObjectThatNestsTooDeepForThisLexersLimitIsStillRefused() {
        TextMemo memo = new TextMemo(16);
        String value = "{\"a\": {\"b\": {\"c\": {\"d\": \"" + "x".repeat(300) + "\"}}}}";
        String json = "[" + value + "]";
        for (int i = 0; i < 3; i++) {
            assertThat(rawOfFirst(json, 10, memo)).isEqualTo(value);
        }
        assertThatThrownBy(() -> rawOfFirst(json, 4, memo)).isInstanceOf(LimitExceededException.class);
        assertThat(rawOfFirst(json, 5, memo)).isEqualTo(value);
    }

    @Test
    void objectsThatShareTheirFirstBytesAreToldApart() {
        TextMemo memo = new TextMemo(16);
        String common = "{\"type\": \"object\", \"description\": \"" + "d".repeat(300) + "\", ";
        String one = common + "\"n\": 1}";
        String two = common + "\"n\": 22, \"m\": [3]}";
        for (int i = 0; i < 3; i++) {
            assertThat(rawOfFirst("[" + one + "]", 10, memo)).isEqualTo(one);
        }
        assertThat(rawOfFirst("[" + two + "]", 10, memo)).isEqualTo(two);
        assertThat(rawOfFirst("[" + one + "]", 10, memo)).isEqualTo(one);
    }

    /** The raw text of the first element of a JSON array, read through the memo; the rest is checked too. */
    private static String rawOfFirst(String json, int maxDepth, TextMemo memo) {
        JsonLexer l = new JsonLexer(json, maxDepth, memo, true);
        l.next();
        l.next();
        String raw = l.raw();
        while (l.next() != null) {
            // the rest of the array
        }
        l.requireEnd();
        return raw;
    }

    private static String stringValue(String json, TextMemo memo) {
        JsonLexer l = new JsonLexer(json, 10, memo, true);
        String value = null;
        for (JsonToken t = l.next(); t != null; t = l.next()) {
            if (t == JsonToken.VALUE_STRING && value == null) {
                value = l.string();
            }
        }
        l.requireEnd();
        return value;
    }

    @Test
    void aLexerSkipsARunOnlyWhereItStandsAsItStoodAtTheRunsStart() {
        String first = "{\"seq\":12,\"item\":\"a\",\"text\":\"b\"}";
        JsonLexer.Run run = runOver(first, afterFirstValue(first), 3);
        assertThat(run.length()).isEqualTo(",\"item\":\"a\",\"text\":".length());

        // the same characters after another value, further on: skipped, the lexer after the name
        String later = "{\"seq\":1234,\"item\":\"a\",\"text\":\"c\",\"more\":[1]}";
        JsonLexer m = afterFirstValue(later);
        assertThat(m.skip(run)).isTrue();
        assertThat(m.token()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(m.name()).isEqualTo("text");
        assertThat(m.next()).isEqualTo(JsonToken.VALUE_STRING);
        assertThat(m.string()).isEqualTo("c");
        assertThat(m.next()).isEqualTo(JsonToken.FIELD_NAME);

        // where the lexer stands otherwise (just past the brace), or the text differs: nothing moves
        JsonLexer n = new JsonLexer("{,\"item\":\"a\",\"text\":\"c\"}", 10);
        n.next();
        assertThat(n.skip(run)).isFalse();
        JsonLexer o = afterFirstValue("{\"seq\":1,\"item\":\"A\",\"text\":\"c\"}");
        assertThat(o.skip(run)).isFalse();
        assertThat(o.next()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(o.name()).isEqualTo("item");
    }

    @Test
    void aLexerSkipsARunDeepIntoALaterTextThatOpensAlike() {
        String first = "{\"a\":[{\"b\":\"x\"}]}";
        JsonLexer l = new JsonLexer(first, 10);
        l.next();
        JsonLexer.Run opening = runOver(first, l, 4);
        JsonLexer m = new JsonLexer("{\"a\":[{\"b\":\"y\"}],\"c\":1}", 10);
        m.next();
        assertThat(m.skip(opening)).isTrue();
        List<String> rest = new ArrayList<>();
        for (JsonToken t = m.next(); t != null; t = m.next()) {
            rest.add(t == JsonToken.FIELD_NAME ? m.name() : t.toString());
        }
        assertThat(rest).containsExactly("VALUE_STRING", "END_OBJECT", "END_ARRAY", "c", "VALUE_NUMBER_INT", "END_OBJECT");
        // nor under another depth limit
        JsonLexer shallow = new JsonLexer(first, 2);
        shallow.next();
        assertThat(shallow.skip(opening)).isFalse();
        // a run of chars the one-byte copy cannot tell apart is none
        String wide = "{\"中\":1}";
        JsonLexer w = new JsonLexer(wide, 10);
        w.next();
        assertThat(runOver(wide, w, 1)).isNull();
    }

    @Test
    void aRunMayEndPastTheValueSoThatOnlyWhatFollowsItIsLeftToCheck() {
        String first = "{\"n\":1,\"id\":\"r1\"}";
        JsonLexer l = afterFirstValue(first);
        JsonLexer.Run rest = runOver(first, l, 3);
        assertThat(l.token()).isEqualTo(JsonToken.END_OBJECT);
        JsonLexer m = afterFirstValue("{\"n\":22,\"id\":\"r1\"}  ");
        assertThat(m.skip(rest)).isTrue();
        assertThat(m.next()).isNull();
        m.requireEnd();
        JsonLexer o = afterFirstValue("{\"n\":3,\"id\":\"r1\"} {}");
        assertThat(o.skip(rest)).isTrue();
        assertThatThrownBy(o::requireEnd).isInstanceOf(PromptPortException.class);
    }

    /** A lexer just past the first value of {@code json}, an object whose first value is not a container. */
    /** The run from where {@code l} stands over its next {@code tokens} tokens of {@code source}. */
    private static JsonLexer.Run runOver(String source, JsonLexer l, int tokens) {
        JsonLexer.Place from = l.place();
        for (int i = 0; i < tokens; i++) {
            l.next();
        }
        return JsonLexer.Run.of(source, from, l.place());
    }

    private static JsonLexer afterFirstValue(String json) {
        JsonLexer l = new JsonLexer(json, 10);
        l.next();
        l.next();
        l.next();
        return l;
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
