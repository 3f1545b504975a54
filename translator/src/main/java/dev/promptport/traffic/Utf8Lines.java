package dev.promptport.traffic;

import dev.promptport.LimitExceededException;
import dev.promptport.read.RequestBytes;
import dev.promptport.read.Utf8Text;
import dev.promptport.tree.ByteWords;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 stream, split on {@code \n}, {@code \r\n} or a lone {@code \r}, as a
 * {@link java.io.BufferedReader} gives them. Read as bytes and turned into a string per
 * line: the JVM builds a string from UTF-8 bytes in bulk, while a reader decodes into chars one
 * at a time and compacts them again. The reading thread of a traffic audit shares the cores
 * with the workers, so its cost is theirs. Malformed bytes become U+FFFD, as with a reader, and
 * the line gets a {@link #problem()}.
 *
 * <p>A line longer than the limit is never held: the buffer stops growing at the limit, the
 * rest of the line is read past up to its line break, and the line comes back empty with a
 * problem naming its length. So a log without line breaks, or with one huge line, costs no more
 * memory than the limit.
 */
final class Utf8Lines implements TrafficAudit.Lines {

    /** The largest array a JVM hands out, with room to spare for its header. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that break. */
    private boolean skipLf;
    private String problem;
    /** The last line one byte per char, as the JSON lexer scans it: its bytes when they are all ASCII. */
    private byte[] view;

    /** @param maxLineBytes the longest line held, in bytes (at most what one array holds) */
    Utf8Lines(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = (int) Math.min(maxLineBytes, MAX_ARRAY - 1);
    }

    /** The next line without its line break, or null at the end of the stream. */
    @Override
    public String next() throws IOException {
        problem = null;
        view = null;
        if (skipLf) {
            if (start == end && !eof) {
                fill();
            }
            if (start < end && buf[start] == '\n') {
                start++;
            }
            skipLf = false;
        }
        int scanned = start;
        while (true) {
            int i = lineBreak(scanned);
            if (i < end) {
                byte b = buf[i];
                String line = line(i - start);
                start = i + 1;
                skipLf = b == '\r';
                return line;
            }
            scanned = end;
            if (end - start > maxLineBytes) {
                return skipRest();
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                String last = line(end - start);
                start = end;
                return last;
            }
            scanned -= fill();
        }
    }

    /** The first {@code \n} or {@code \r} at or after {@code i} in the buffer, or {@link #end}; eight bytes a step. */
    private int lineBreak(int i) {
        byte[] b = buf;
        for (; i + 8 <= end; i += 8) {
            long w = ByteWords.word(b, i);
            long marks = ByteWords.equalTo(w, '\n') | ByteWords.equalTo(w, '\r');
            if (marks != 0) {
                return i + ByteWords.first(marks);
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                return i;
            }
        }
        return end;
    }

    /** Why the line {@link #next()} last returned cannot be audited, or null. */
    @Override
    public String problem() {
        return problem;
    }

    /**
     * The line {@link #next()} last returned one byte per char, the copy the JSON lexer scans:
     * the line's bytes when they are all ASCII, else made as the line is decoded; null for a
     * line that is not valid UTF-8 or too long.
     */
    @Override
    public byte[] view() {
        return view;
    }

    /** The {@code length} bytes from {@code start} as a line, with its problem if they are one. */
    private String line(int length) {
        if (length > maxLineBytes) {
            return tooLong(length);
        }
        if (RequestBytes.ascii(buf, start, start + length)) {
            view = Arrays.copyOfRange(buf, start, start + length);
            return new String(view, StandardCharsets.ISO_8859_1);
        }
        byte[] copy = new byte[length];
        String line = Utf8Text.decode(buf, start, start + length, copy);
        // only malformed bytes or a real U+FFFD put one there; the second check is rare
        if (line.indexOf('\uFFFD') >= 0) {
            int bad = RequestBytes.malformedAt(buf, start, length);
            if (bad >= 0) {
                problem = "not valid UTF-8 text (bad byte at offset " + bad + " of the line)";
                return line;
            }
        }
        view = copy;
        return line;
    }

    /** Reads past the rest of a line over the limit, dropping what is read, up to its line break. */
    private String skipRest() throws IOException {
        long length = end - start;
        start = end;
        while (true) {
            for (int i = start; i < end; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    length += i - start;
                    start = i + 1;
                    skipLf = b == '\r';
                    return tooLong(length);
                }
            }
            length += end - start;
            start = end;
            if (eof) {
                return tooLong(length);
            }
            fill();
        }
    }

    private String tooLong(long length) {
        problem = LimitExceededException.lineSize(maxLineBytes, length).getMessage();
        return "";
    }

    /** Reads more; returns by how much the unread part moved down to make room. */
    private int fill() throws IOException {
        int moved = 0;
        if (start > 0) {
            moved = start;
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            // a full buffer holds one unfinished line within the limit: one byte more tells it is over
            buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLineBytes + 1L));
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
        return moved;
    }
}
