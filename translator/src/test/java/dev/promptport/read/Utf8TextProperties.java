package dev.promptport.read;

import dev.promptport.tree.ByteWords;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8TextProperties {

    @Property(tries = 3000)
    void decodesWrittenTextAsTheJdkDoes(@ForAll("texts") String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8Text.decode(utf8)).isEqualTo(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Property(tries = 2000)
    void decodesAStretchOfALongerArrayAsTheJdkDoes(@ForAll("texts") String text, @ForAll("texts") String before,
            @ForAll("texts") String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = (before + text + after).getBytes(StandardCharsets.UTF_8);
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        assertThat(Utf8Text.decode(utf8, head.length, head.length + length)).isEqualTo(text);
    }

    /** The lexer's copy made while decoding is the one it would make from the text, valid bytes or not. */
    @Property(tries = 3000)
    void theOneByteCopyMadeWhileDecodingIsTheTextsOwn(@ForAll("texts") String text, @ForAll("texts") String before,
            @ForAll("bytes") byte[] mangle, @ForAll int at, @ForAll boolean mangled) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = (before + text).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; mangled && i < mangle.length && utf8.length > head.length; i++) {
            utf8[head.length + Math.floorMod(at + i * 7, utf8.length - head.length)] = mangle[i];
        }
        byte[] view = new byte[utf8.length - head.length];
        String decoded = Utf8Text.decode(utf8, head.length, utf8.length, view);
        assertThat(decoded).isEqualTo(Utf8Text.decode(utf8, head.length, utf8.length));
        assertThat(Arrays.copyOf(view, decoded.length())).isEqualTo(ByteWords.oneBytePerChar(decoded));
    }

    /** Callers check the bytes strictly when a replacement character shows: one must show wherever the JDK's does. */
    @Property(tries = 3000)
    void bytesThatAreNotUtf8ShowAReplacementCharacterWhereverTheJdksDecoderShowsOne(@ForAll("texts") String text,
            @ForAll("bytes") byte[] mangle, @ForAll int at) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < mangle.length && utf8.length > 0; i++) {
            utf8[Math.floorMod(at + i * 7, utf8.length)] = mangle[i];
        }
        boolean jdk = new String(utf8, StandardCharsets.UTF_8).indexOf('\uFFFD') >= 0;
        assertThat(Utf8Text.decode(utf8).indexOf('\uFFFD') >= 0).isEqualTo(jdk);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4);
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
