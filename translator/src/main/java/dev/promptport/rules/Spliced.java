package dev.promptport.rules;

import java.util.Arrays;

/**
 * A text being written as pieces: ranges of a source text and strings put in between, made
 * into one String at the end. A rewrite copies most of its source; a StringBuilder would copy
 * it twice, and for a source with a character past U+00FF (an en dash) it grows a one-byte
 * buffer, throws it away for a two-byte one, and tries a one-byte copy before the two-byte one
 * when the text is made: about six bytes a character. Joined from its pieces, the text costs
 * its own two bytes a character, plus one for each copied range (a copy is one byte a
 * character wherever its range has no wide character).
 *
 * <p>Only the end of the text is ever read or cut, and the source range being written is kept
 * as a range until a string follows it, so cutting it back copies nothing. Not thread-safe;
 * one per rewrite.
 */
final class Spliced {

    private final String source;
    private String[] parts;
    private int count;
    /** The source range after the parts, not yet copied; empty when {@code tailStart == tailEnd}. */
    private int tailStart;
    private int tailEnd;
    private int length;

    /** @param pieces about how many pieces the text will have, so that the list of them need not grow */
    Spliced(String source, int pieces) {
        this.source = source;
        this.parts = new String[Math.max(pieces, 4)];
    }

    int length() {
        return length;
    }

    /** Source {@code [start, end)}; a range that continues the last one extends it. */
    void appendSource(int start, int end) {
        if (start >= end) {
            return;
        }
        if (tailStart == tailEnd || tailEnd != start) {
            closeTail();
            tailStart = start;
        }
        tailEnd = end;
        length += end - start;
    }

    void append(String s) {
        if (!s.isEmpty()) {
            closeTail();
            add(s);
            length += s.length();
        }
    }

    private void closeTail() {
        if (tailStart != tailEnd) {
            add(source.substring(tailStart, tailEnd));
            tailStart = tailEnd;
        }
    }

    private void add(String s) {
        if (count == parts.length) {
            parts = Arrays.copyOf(parts, count * 2);
        }
        parts[count++] = s;
    }

    /** The character at {@code index}, which is near the end. */
    char charAt(int index) {
        int partEnd = length - (tailEnd - tailStart);
        if (index >= partEnd) {
            return source.charAt(tailStart + index - partEnd);
        }
        for (int k = count - 1; ; k--) {
            int partStart = partEnd - parts[k].length();
            if (index >= partStart) {
                return parts[k].charAt(index - partStart);
            }
            partEnd = partStart;
        }
    }

    /** Cuts the text to its first {@code newLength} characters. */
    void setLength(int newLength) {
        int tail = tailEnd - tailStart;
        if (length - newLength <= tail) {
            tailEnd -= length - newLength;
            length = newLength;
            return;
        }
        length -= tail;
        tailEnd = tailStart;
        while (length > newLength) {
            String last = parts[--count];
            parts[count] = null;
            length -= last.length();
            if (length < newLength) {
                // rare: only a string ending in blanks is cut inside
                add(last.substring(0, newLength - length));
                length = newLength;
            }
        }
    }

    @Override
    public String toString() {
        closeTail();
        if (count == 1) {
            return parts[0];
        }
        // sizes the text from its parts and copies each once; the unused slots join as nothing,
        // which costs less than a copy of the list cut to its length
        Arrays.fill(parts, count, parts.length, "");
        return String.join("", parts);
    }
}
