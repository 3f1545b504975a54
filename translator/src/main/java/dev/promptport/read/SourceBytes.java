package dev.promptport.read;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.promptport.tree.ByteWords;

/**
 * The request lexer's one-byte view of its source ({@link ByteWords#oneBytePerChar}), in a
 * buffer from Jackson's per-thread pool when the source is neither short nor huge: a request is
 * then not copied into a new array each time. Only a lexer that reads to its end takes one, and
 * gives it back there; a lexer left before its end just leaves the pool to make a new one.
 */
final class SourceBytes {

    /** Shorter sources are cheaper copied into a new array than through the pool's encoder. */
    private static final int MIN_POOLED = 1 << 10;
    /** Longer ones get an array of their own, so the pool keeps no huge one. */
    static final int MAX_POOLED = 1 << 16;

    private SourceBytes() {
    }

    /** {@code source} one byte per char, in the first {@code source.length()} bytes of the array. */
    static byte[] pooled(String source) {
        int n = source.length();
        if (n < MIN_POOLED || n > MAX_POOLED) {
            return ByteWords.oneBytePerChar(source);
        }
        BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
        try {
            byte[] b = recycler.allocByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, n);
            char[] chars = recycler.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, n);
            ByteWords.oneBytePerChar(source, b, chars);
            recycler.releaseCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, chars);
            return b;
        } finally {
            recycler.releaseToPool();
        }
    }

    /** An array of at least {@code n} bytes, from the pool when {@code n} is neither short nor huge. */
    static byte[] take(int n) {
        if (n < MIN_POOLED || n > MAX_POOLED) {
            return new byte[n];
        }
        BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
        try {
            return recycler.allocByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, n);
        } finally {
            recycler.releaseToPool();
        }
    }

    /** Gives back an array {@link #pooled} or {@link #take} made; one it did not take from the pool stays out of it. */
    static void giveBack(byte[] bytes) {
        if (bytes.length >= MIN_POOLED && bytes.length <= MAX_POOLED) {
            BufferRecycler recycler = JsonRecyclerPools.defaultPool().acquireAndLinkPooled();
            recycler.releaseByteBuffer(BufferRecycler.BYTE_READ_IO_BUFFER, bytes);
            recycler.releaseToPool();
        }
    }
}
