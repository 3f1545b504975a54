package dev.promptport.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;

import static dev.promptport.report.HostileFixtures.strictUtf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonEscapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HOSTILE = "<script>alert(1)</script> \"' \\ \u0000 \u001B[31m \r\n \u2028 \u2029 \u0085 \u009B"
            + " \u007F \u202E \u2066 \u200F \u061C lone \uD800 low \uDC00 pair \uD83D\uDE00 مرحبا";

    private static String jacksonWrites(String value) throws Exception {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("text", value);
        return JSON.writeValueAsString(o);
    }

    @Test
    void jacksonAloneLeavesAnUnpairedSurrogateThatHasNoUtf8Form() throws Exception {
        // guards the reason for JsonEscapes: should Jackson start escaping these, this test says so
        String raw = jacksonWrites(HOSTILE);
        assertThatThrownBy(() -> strictUtf8(raw)).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void escapedTextIsValidUtf8AndReadsBackAsTheSameString() throws Exception {
        String json = JsonEscapes.escape(jacksonWrites(HOSTILE));
        assertThatCode(() -> strictUtf8(json)).doesNotThrowAnyException();
        var back = JSON.readTree(strictUtf8(json));
        assertThat(back.get("text").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void terminalAndLineBreakingCharactersBecomeEscapesOthersStay() throws Exception {
        String json = JsonEscapes.escape(jacksonWrites(HOSTILE));
        assertThat(json).doesNotContain("\u2028", "\u2029", "\u0085", "\u009B", "\u007F", "\u202E", "\u2066",
                "\u200F", "\u061C", "\u0000", "\u001B", "\r");
        assertThat(json).contains("\\u2028", "\\u0085", "\\u009B", "\\u007F", "\\u202E", "\\uD800", "\\uDC00");
        // a surrogate pair is a character like any other, and right-to-left letters are text
        assertThat(json).contains("pair \uD83D\uDE00 مرحبا");
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsIs() throws Exception {
        String json = jacksonWrites("plain \uD83D\uDE00 text");
        assertThat(JsonEscapes.escape(json)).isSameAs(json);
    }
}
