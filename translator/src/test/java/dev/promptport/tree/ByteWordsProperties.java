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

    @Property(tries = 3000)
    void aTextsCopyHoldsEachCharThatFitsAByteAndAQuestionMarkForEveryOtherChar(@ForAll("texts") String text) {
        // a surrogate pair is two chars, so two question marks: every offset stays where it was
        byte[] expected = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            expected[i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        assertThat(ByteWords.oneBytePerChar(text)).isEqualTo(expected);
    }

    @Example
    void aLongTextWithOneEmojiKeepsEveryOffset() {
        String text = "x?".repeat(5000) + "\uD83D\uDE00" + "–é?".repeat(5000) + "\uD83D";
        byte[] copy = ByteWords.oneBytePerChar(text);
        assertThat(copy).hasSize(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertThat(copy[i]).as("offset %d", i).isEqualTo(c <= 0xFF ? (byte) c : (byte) '?');
        }
    }

    /** Every word of marks there is: a high bit set in any of its eight bytes. */
    @Example
    void theFirstMarkedByteIsTheOneItsLowestMarkStandsIn() {
        for (int set = 1; set < 256; set++) {
            long marks = 0;
            for (int k = 0; k < 8; k++) {
                if ((set & (1 << k)) != 0) {
                    marks |= 0x80L << (8 * k);
                }
            }
            assertThat(ByteWords.first(marks)).as("marks %016x", marks).isEqualTo(Long.numberOfTrailingZeros(marks) / 8);
        }
    }

    @Property(tries = 2000)
    void theFirstQuoteBackslashOrControlCharacterAWordMarksIsTheFirstInItsBytes(@ForAll byte[] eight) {
        byte[] b = Arrays.copyOf(eight, 8);
        long w = ByteWords.word(b, 0);
        long marks = ByteWords.equalTo(w, '"') | ByteWords.equalTo(w, '\\') | ByteWords.below(w, 0x20);
        int expected = -1;
        for (int i = 0; i < 8 && expected < 0; i++) {
            if (b[i] == '"' || b[i] == '\\' || (b[i] >= 0 && b[i] < 0x20)) {
                expected = i;
            }
        }
        if (expected < 0) {
            assertThat(marks).isZero();
        } else {
            assertThat(ByteWords.first(marks)).isEqualTo(expected);
        }
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
