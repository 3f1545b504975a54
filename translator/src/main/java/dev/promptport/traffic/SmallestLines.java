package dev.promptport.traffic;

import java.util.Arrays;

/** The k smallest line numbers seen, kept sorted; merging two gives the k smallest of both. */
final class SmallestLines {

    private final long[] lines;
    private int size;

    SmallestLines(int k) {
        lines = new long[k];
    }

    /** Adds {@code line}; returns the slot it went to, or -1 when it is not among the smallest. */
    int add(long line) {
        if (lines.length == 0) {
            return -1;
        }
        if (size == lines.length) {
            if (line >= lines[size - 1]) {
                return -1;
            }
            size--;
        }
        int at = Arrays.binarySearch(lines, 0, size, line);
        if (at >= 0) {
            return -1; // already there
        }
        at = -at - 1;
        System.arraycopy(lines, at, lines, at + 1, size - at);
        lines[at] = line;
        size++;
        return at;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return lines[i];
    }

    long[] toArray() {
        return Arrays.copyOf(lines, size);
    }
}
