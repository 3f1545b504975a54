package dev.promptport.traffic;

import java.io.IOException;
import java.io.InputStream;

/**
 * A decompressing stream that ends where its reading fails (a gzip file cut short), keeping
 * why. Below a {@link java.io.BufferedInputStream} it matters: a buffered read that fails
 * part way throws away what it had already copied, so without this the lines before the cut
 * were lost with the cut.
 */
final class CutShort extends InputStream {

    private final InputStream in;
    private IOException failure;

    CutShort(InputStream in) {
        this.in = in;
    }

    /** Why the stream ended early, or null while it has not. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (failure != null) {
            return -1;
        }
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    @Override
    public int available() {
        if (failure != null) {
            return 0;
        }
        try {
            return in.available();
        } catch (IOException e) {
            failure = e;
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
