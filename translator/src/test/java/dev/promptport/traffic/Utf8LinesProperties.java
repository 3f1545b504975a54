package dev.promptport.traffic;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's byte-level line reader gives exactly the lines a UTF-8 BufferedReader gives. */
class Utf8LinesProperties {

    @Property(tries = 1000)
    void linesAreThoseOfAReader(@ForAll("logs") byte[] log) throws IOException {
        assertThat(lines(new Utf8Lines(trickle(log))))
                .isEqualTo(readerLines(log));
    }

    @Test
    void aLineLongerThanTheBufferAndACharacterAcrossItsEdgeComeWhole() throws IOException {
        String line = "x".repeat((1 << 16) - 1) + "é" + "y".repeat(100_000);
        byte[] log = (line + "\r\nnext\rlast").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new Utf8Lines(new ByteArrayInputStream(log)))).containsExactly(line, "next", "last");
    }

    /** JSON-ish lines, every kind of line break, multi-byte and malformed UTF-8. */
    @Provide
    Arbitrary<byte[]> logs() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of("\n", "\r\n", "\r", "\r\r\n", "é", "😀", "{\"a\":1}").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3));
        return piece.list().ofMaxSize(40).map(parts -> {
            int n = parts.stream().mapToInt(b -> b.length).sum();
            byte[] all = new byte[n];
            int at = 0;
            for (byte[] b : parts) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return all;
        });
    }

    private static List<String> lines(Utf8Lines in) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l = in.next(); l != null; l = in.next()) {
            out.add(l);
        }
        return out;
    }

    private static List<String> readerLines(byte[] log) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            out.add(l);
        }
        return out;
    }

    /** Hands the bytes over a few at a time, so line breaks and characters fall across reads. */
    private static InputStream trickle(byte[] log) {
        return new ByteArrayInputStream(log) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }
}
