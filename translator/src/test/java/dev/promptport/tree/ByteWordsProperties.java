package dev.promptport.tree;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
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

    @Property(tries = 3000)
    void copyOfCharsReadsAsTheCopyOfTheirString(@ForAll("texts") String text) {
        byte[] into = new byte[text.length()];
        ByteWords.oneBytePerChar(text.toCharArray(), text.length(), into);
        assertThat(into).isEqualTo(ByteWords.oneBytePerChar(text));
    }

    @Example
    void aTextWideThroughoutKeepsEveryOffsetOnceTheEncoderIsNoLongerStartedAgain() {
        // past a few chars beyond U+00FF the copy goes a char at a time: the same bytes either way
        String text = "\"漢字\":" + "かな".repeat(20) + "\"a\\b\né" + "\uD83D\uDE00".repeat(3) + "\uDE00x";
        byte[] expected = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            expected[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        byte[] fromChars = new byte[text.length()];
        ByteWords.oneBytePerChar(text.toCharArray(), text.length(), fromChars);
        byte[] fromString = new byte[text.length()];
        ByteWords.oneBytePerChar(text, fromString, new char[text.length()]);
        assertThat(fromChars).isEqualTo(expected);
        assertThat(fromString).isEqualTo(expected);
        assertThat(ByteWords.oneBytePerChar(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        // ASCII, Latin-1 past ASCII, a wide char, a surrogate pair, lone surrogates of both halves
        return Arbitraries.of("a", "{\"x\":", "\\n", "é", "ÿ", "–", "\u2022", "😀", "\uD83D", "\uDE00", "?", "\u0000", " ")
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
