package dev.promptport.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 stream, split on {@code \n}, {@code \r\n} or a lone {@code \r}, as a
 * {@link java.io.BufferedReader} gives them. Read as bytes and turned into a string per
 * line: the JVM builds a string from UTF-8 bytes in bulk, while a reader decodes into chars one
 * at a time and compacts them again. The reading thread of a traffic audit shares the cores
 * with the workers, so its cost is theirs. Malformed bytes become U+FFFD, as with a reader.
 */
final class Utf8Lines {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that break. */
    private boolean skipLf;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line without its line break, or null at the end of the stream. */
    String next() throws IOException {
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
            for (int i = scanned; i < end; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    skipLf = b == '\r';
                    return line;
                }
            }
            scanned = end;
            if (eof) {
                if (start == end) {
                    return null;
                }
                String last = new String(buf, start, end - start, StandardCharsets.UTF_8);
                start = end;
                return last;
            }
            scanned -= fill();
        }
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
            buf = Arrays.copyOf(buf, buf.length * 2);
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
