package dev.promptport.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class Base64TypesTest {

    private static String encoded(byte[] head) {
        byte[] b = new byte[24];
        System.arraycopy(head, 0, b, 0, head.length);
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theFirstBytesOfEachKnownTypeNameIt() {
        // eight bytes are enough for all but WebP, which names itself at its ninth
        assertThat(Base64Types.of(encoded(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))).isEqualTo("image/png");
        assertThat(Base64Types.of(encoded(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))).isEqualTo("image/jpeg");
        assertThat(Base64Types.of(encoded(ascii("GIF89a")))).isEqualTo("image/gif");
        assertThat(Base64Types.of(encoded(ascii("RIFF\u0024\0\0\0WEBPVP8 ")))).isEqualTo("image/webp");
        assertThat(Base64Types.of(encoded(ascii("%PDF-1.7")))).isEqualTo("application/pdf");
    }

    @Test
    void otherBytesTooFewBytesAndTextThatIsNotBase64NameNone() {
        assertThat(Base64Types.of(encoded(ascii("RIFF\u0024\0\0\0WAVEfmt ")))).isNull();
        assertThat(Base64Types.of(encoded(ascii("hello, world")))).isNull();
        assertThat(Base64Types.of("iVBORw0KGgo=")).isEqualTo("image/png");
        assertThat(Base64Types.of("iVBO")).isNull();
        assertThat(Base64Types.of("not base64 at all, not at all")).isNull();
    }
}
