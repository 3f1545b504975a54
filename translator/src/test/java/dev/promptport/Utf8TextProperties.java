package dev.promptport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8TextProperties {

    @Property(tries = 3000)
    void decodesWrittenTextAsTheJdkDoes(@ForAll("texts") String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Text.decode(utf8)).isEqualTo(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    /** Mostly ASCII with a few wide characters, and text of many short runs (the JDK's decoder then). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(200),
                Arbitraries.of("\u2013", "\u00e9", "\u00ff", "\u0100", "\u65e5\u672c\u8a9e", "\ud83d\ude00", "\u0080",
                        "\u07ff", "\u0800", "\uffff", " ", "\n"));
        return pieces.list().ofMaxSize(80).map(l -> String.join("", l));
    }
}
