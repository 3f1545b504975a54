package dev.promptport.write;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast quoting of long texts writes exactly what Jackson's {@code writeString} writes. */
class JsonQuoteProperties {

    @Property(tries = 3000)
    void quotesLongTextsExactlyAsJacksonDoes(@ForAll("texts") String text) {
        String ours = JsonText.write(false, g -> {
            g.writeStartArray();
            JsonQuote.write(g, text);
            JsonQuote.write(g, text);
            g.writeEndArray();
        });
        String jackson = JsonText.write(false, g -> {
            g.writeStartArray();
            g.writeString(text);
            g.writeString(text);
            g.writeEndArray();
        });
        assertThat(ours).isEqualTo(jackson);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(90),
                Arbitraries.of("\n", "\r\n", "\t", "\"", "\\", "\u0000", "\u001F", "\u007F", "\b", "\f", "é", "ÿ", "–",
                        "日本", "\uD83D\uDE00", "\uD800", "\uDC00", "\u2028", "<context>", "?"));
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
