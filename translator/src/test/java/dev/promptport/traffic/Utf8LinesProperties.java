package dev.promptport.traffic;

import dev.promptport.tree.ByteWords;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit's byte-level line reader gives exactly the lines a UTF-8 BufferedReader gives, tells
 * which of them are not valid UTF-8, and holds no line longer than its limit.
 */
class Utf8LinesProperties {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Property(tries = 1000)
    void linesAreThoseOfAReader(@ForAll("logs") byte[] log) throws IOException {
        assertThat(lines(new Utf8Lines(trickle(log), NO_LIMIT)))
                .isEqualTo(readerLines(log));
    }

    /**
     * Each line comes with its one-byte copy for the lexer: an ASCII line's bytes exactly, any
     * other's made as it was decoded; a line that is not UTF-8 is bad and comes with none.
     */
    @Property(tries = 1000)
    void aLineComesWithItsOneByteCopyItsBytesExactlyWhenTheyAreAscii(@ForAll("logs") byte[] log) throws IOException {
        Utf8Lines in = new Utf8Lines(trickle(log), NO_LIMIT);
        for (String l = in.next(); l != null; l = in.next()) {
            if (in.problem() != null) {
                assertThat(in.view()).isNull();
            } else if (l.chars().allMatch(c -> c < 0x80)) {
                assertThat(in.view()).isEqualTo(l.getBytes(StandardCharsets.US_ASCII));
            } else {
                assertThat(Arrays.copyOf(in.view(), l.length())).isEqualTo(ByteWords.oneBytePerChar(l));
            }
        }
    }

    /** A line break is never part of a UTF-8 sequence, so a log is valid exactly when each of its lines is. */
    @Property(tries = 1000)
    void aLineHasAProblemExactlyWhenTheLogIsNotValidUtf8(@ForAll("logs") byte[] log) throws IOException {
        Utf8Lines in = new Utf8Lines(trickle(log), NO_LIMIT);
        boolean anyProblem = false;
        for (String l = in.next(); l != null; l = in.next()) {
            if (in.problem() != null) {
                assertThat(in.problem()).startsWith("not valid UTF-8 text (bad byte at offset ");
                anyProblem = true;
            }
        }
        assertThat(anyProblem).isEqualTo(!validUtf8(log));
    }

    @Test
    void aLineLongerThanTheBufferAndACharacterAcrossItsEdgeComeWhole() throws IOException {
        String line = "x".repeat((1 << 16) - 1) + "é" + "y".repeat(100_000);
        byte[] log = (line + "\r\nnext\rlast").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new Utf8Lines(new ByteArrayInputStream(log), NO_LIMIT))).containsExactly(line, "next", "last");
    }

    @Test
    void anInvalidByteNamesItsOffsetInTheLineAndTheNextLineIsFine() throws IOException {
        byte[] log = "{\"a\":\"\u00e9\"}\n{\"a\":\"x\u00ff\"}\n{}\n".getBytes(StandardCharsets.ISO_8859_1);
        // read as Latin-1, é is the one byte 0xe9: a UTF-8 lead byte that a quote then breaks off
        Utf8Lines in = new Utf8Lines(new ByteArrayInputStream(log), NO_LIMIT);
        in.next();
        assertThat(in.problem()).isEqualTo("not valid UTF-8 text (bad byte at offset 6 of the line)");
        in.next();
        assertThat(in.problem()).isEqualTo("not valid UTF-8 text (bad byte at offset 7 of the line)");
        assertThat(in.next()).isEqualTo("{}");
        assertThat(in.problem()).isNull();
    }

    @Test
    void aRealReplacementCharacterIsNoProblem() throws IOException {
        Utf8Lines in = new Utf8Lines(new ByteArrayInputStream("a\uFFFDb\n".getBytes(StandardCharsets.UTF_8)), NO_LIMIT);
        assertThat(in.next()).isEqualTo("a\uFFFDb");
        assertThat(in.problem()).isNull();
    }

    @Test
    void aLineOverTheLimitIsReadPastWithoutGrowingTheBufferAndTheNextLinesComeWhole() throws IOException {
        long huge = 50L << 20;
        Generated log = new Generated(huge, "\r\nnext\nlast");
        Utf8Lines in = new Utf8Lines(log, 1000);
        assertThat(in.next()).isEmpty();
        assertThat(in.problem()).isEqualTo("the line is " + huge
                + " bytes, larger than the input size limit (1000 bytes); raise it with --max-input-mb");
        assertThat(in.next()).isEqualTo("next");
        assertThat(in.problem()).isNull();
        assertThat(in.next()).isEqualTo("last");
        assertThat(in.next()).isNull();
        assertThat(log.largestBuffer).isLessThanOrEqualTo(1 << 16);
    }

    @Test
    void theBufferGrowsToTheLimitAndNoFurther() throws IOException {
        int limit = 300_000;
        Generated log = new Generated(20L << 20, "\n" + "y".repeat(limit) + "\n");
        Utf8Lines in = new Utf8Lines(log, limit);
        assertThat(in.next()).isEmpty();
        assertThat(in.problem()).contains("larger than the input size limit (300000 bytes)");
        assertThat(in.next()).isEqualTo("y".repeat(limit));
        assertThat(in.problem()).isNull();
        assertThat(in.next()).isNull();
        assertThat(log.largestBuffer).isLessThanOrEqualTo(limit + 1);
    }

    @Test
    void aStreamWithoutALineBreakIsOneLineOverTheLimit() throws IOException {
        Utf8Lines in = new Utf8Lines(new Generated(30L << 20, ""), 1 << 20);
        assertThat(in.next()).isEmpty();
        assertThat(in.problem()).isEqualTo("the line is " + (30L << 20)
                + " bytes, larger than the input size limit (1 MB); raise it with --max-input-mb");
        assertThat(in.next()).isNull();
    }

    @Test
    void aLineExactlyAtTheLimitIsKeptAndOneByteMoreIsNot() throws IOException {
        Utf8Lines in = new Utf8Lines(new ByteArrayInputStream("abcd\nabcde\nabcd".getBytes(StandardCharsets.UTF_8)), 4);
        assertThat(in.next()).isEqualTo("abcd");
        assertThat(in.problem()).isNull();
        assertThat(in.next()).isEmpty();
        assertThat(in.problem()).startsWith("the line is 5 bytes, larger");
        assertThat(in.next()).isEqualTo("abcd");
        assertThat(in.problem()).isNull();
    }

    /**
     * {@code size} bytes of {@code x} made up as they are read, then {@code tail}: a huge line
     * without a huge array. Remembers the largest buffer it was asked to fill.
     */
    static final class Generated extends InputStream {
        private long left;
        private final ByteArrayInputStream tail;
        int largestBuffer;

        Generated(long size, String tail) {
            this.left = size;
            this.tail = new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestBuffer = Math.max(largestBuffer, b.length);
            if (left == 0) {
                return tail.read(b, off, len);
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 'x');
            left -= n;
            return n;
        }
    }

    private static boolean validUtf8(byte[] log) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(log));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
