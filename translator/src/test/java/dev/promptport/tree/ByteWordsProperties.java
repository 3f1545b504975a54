package dev.promptport.tree;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy into a pooled buffer reads as the copy into a new array, whatever the text holds and the buffer held. */
class ByteWordsProperties {

    @Property(tries = 3000)
    void copyIntoALongerUsedBufferKeepsEveryOffsetAsTheNewArrayDoes(@ForAll("texts") String text, @ForAll byte fill) {
        byte[] into = new byte[text.length() + 9];
        Arrays.fill(into, fill);
        char[] chars = new char[text.length() + 3];
        ByteWords.oneBytePerChar(text, into, chars);
        assertThat(Arrays.copyOf(into, text.length())).isEqualTo(ByteWords.oneBytePerChar(text));
        for (int i = text.length(); i < into.length; i++) {
            assertThat(into[i]).isEqualTo(fill);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        // ASCII, Latin-1 past ASCII, a wide char, a surrogate pair, lone surrogates of both halves
        return Arbitraries.of("a", "{\"x\":", "\\n", "é", "ÿ", "–", "\u2022", "😀", "\uD83D", "\uDE00", "?", "\u0000", " ")
                .list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
