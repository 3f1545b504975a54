package dev.promptport.write;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonOutTest {

    @Test
    void aMissingTextIsWrittenAsJsonNullAsJacksonWroteIt() {
        // found by the fuzz campaign: a redacted thinking block without its data, in a tool
        // result (a block now refused there, see AnthropicRequestReaderTest)
        String json = JsonText.write(false, g -> {
            g.writeStartObject();
            g.writeStringField("type", "redacted_thinking");
            g.writeStringField("data", null);
            g.writeEndObject();
        });
        assertThat(json).isEqualTo("{\"type\":\"redacted_thinking\",\"data\":null}");
    }

    @Test
    void aWideCharacterWhoseLowByteIsAQuoteIsWrittenAsItselfInALongText() {
        // U+2022 ends in 0x22 and U+015C in 0x5C: the long-text search reads low bytes
        String text = "\u2022 bullet \u015C \u010A tab\t".repeat(8) + "\"quoted\"";
        String json = JsonText.write(false, g -> g.writeString(text));
        assertThat(json).isEqualTo("\"" + text.replace("\t", "\\t").replace("\"", "\\\"") + "\"");
    }

    @Test
    void aTextKeptInUtf8FollowingWideCharactersIsCopiedWholePastTheBuffersFirstSize() {
        // the UTF-8 buffer starts a byte a character: three-byte dashes before a kept text use
        // up its room, and the kept text must still land whole after them
        String dashes = "\u2013".repeat(3000);
        String kept = "a system prompt, \"quoted\" – ".repeat(40);
        byte[] spliced = JsonText.writeUtf8(false, g -> {
            g.writeStartArray();
            g.writeString(dashes);
            g.writeRawUtf8(JsonOut.quotedUtf8(kept));
            g.writeEndArray();
        });
        byte[] written = JsonText.writeUtf8(false, g -> {
            g.writeStartArray();
            g.writeString(dashes);
            g.writeString(kept);
            g.writeEndArray();
        });
        assertThat(spliced).isEqualTo(written);
    }

    @Test
    void aRequestPastThePoolsSizeIsItsUtf8WhetherItsTextIsAsciiOrNot() {
        // past 64 KB the buffer is sized for ASCII and handed over when exactly full; a wider
        // character anywhere makes it grow and be cut to size
        String plain = "plain text, ".repeat(7000);
        for (String text : List.of(plain, plain + "\u2013", "\u2013" + plain, plain.replace(",", "\u00e9,"))) {
            byte[] kept = JsonOut.quotedUtf8(text.substring(0, 5000));
            byte[] utf8 = JsonText.writeUtf8(false, g -> {
                g.writeStartArray();
                g.writeString(text);
                g.writeRawUtf8(kept);
                g.writeEndArray();
            });
            String expected = "[\"" + text + "\",\"" + text.substring(0, 5000) + "\"]";
            assertThat(utf8).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTextKeptInUtf8IsRefusedByAWriterThatMakesAString() {
        assertThatThrownBy(() -> JsonText.write(false, g -> g.writeRawUtf8(JsonOut.quotedUtf8("x"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void prettyLayoutIsJacksonsDefault() {
        String json = JsonText.write(true, g -> {
            g.writeStartObject();
            g.writeStringField("a", "x");
            g.writeArrayFieldStart("b");
            g.writeNumber(1);
            g.writeStartObject();
            g.writeBooleanField("c", true);
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("d");
            g.writeEndObject();
            g.writeArrayFieldStart("e");
            g.writeEndArray();
            g.writeEndObject();
        });
        assertThat(json).isEqualTo("""
                {
                  "a" : "x",
                  "b" : [ 1, {
                    "c" : true
                  } ],
                  "d" : { },
                  "e" : [ ]
                }""");
    }

    @Test
    void numbersAtTheEndsOfTheirRangeAreWrittenWholeAtTheEndOfAFullBuffer() {
        String filler = "x".repeat(1990);
        String json = JsonText.write(false, g -> {
            g.writeStartArray();
            g.writeString(filler);
            g.writeNumber(Integer.MIN_VALUE);
            g.writeNumber(Integer.MAX_VALUE);
            g.writeNumber(Long.MIN_VALUE);
            g.writeNumber(Long.MAX_VALUE);
            g.writeNumber(0);
            g.writeNumber(-7L);
            g.writeEndArray();
        });
        assertThat(json).isEqualTo("[\"" + filler + "\",-2147483648,2147483647,-9223372036854775808,"
                + "9223372036854775807,0,-7]");
    }
}
