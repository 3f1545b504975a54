package dev.promptport.read;

import dev.promptport.tree.ByteWords;

import java.util.Arrays;

/**
 * A long JSON string as a request wrote it, quotes and escapes included, and its decoded text:
 * what the lexer remembers so that the next request carrying the same string, byte for byte,
 * gets the decoded text without a scan. Kept as one byte per character (as the lexer sees the
 * source) plus the true characters wherever that byte is {@code ?}, the one byte that stands
 * for more than one character.
 *
 * @param bytes the string as written, one byte per character
 * @param wild where {@code bytes} holds {@code ?}
 * @param wildChars the characters written there
 * @param value the string's value, or what a reader made of an object or array written so
 */
record WrittenString(byte[] bytes, int[] wild, char[] wildChars, Object value) {

    static WrittenString of(String source, byte[] sourceBytes, int from, int to, Object value) {
        byte[] b = Arrays.copyOfRange(sourceBytes, from, to);
        int[] wild = new int[8];
        int count = 0;
        // '?' is rare in prose: the search skips eight bytes at a time while none of them is one
        for (int i = ByteWords.indexOf(b, 0, '?'); i < b.length; i = ByteWords.indexOf(b, i + 1, '?')) {
            if (count == wild.length) {
                wild = Arrays.copyOf(wild, count * 2);
            }
            wild[count++] = i;
        }
        wild = Arrays.copyOf(wild, count);
        char[] chars = new char[count];
        for (int k = 0; k < count; k++) {
            chars[k] = source.charAt(from + wild[k]);
        }
        return new WrittenString(b, wild, chars, value);
    }

    /** The value of a string. */
    String decoded() {
        return (String) value;
    }

    /** The number of characters the string takes in the source, quotes included. */
    int length() {
        return bytes.length;
    }

    /** Whether the source holds exactly this string from {@code at}. */
    boolean isAt(String source, byte[] sourceBytes, int at) {
        int n = bytes.length;
        if (at + n > source.length() || !Arrays.equals(sourceBytes, at, at + n, bytes, 0, n)) {
            return false;
        }
        for (int k = 0; k < wild.length; k++) {
            if (source.charAt(at + wild[k]) != wildChars[k]) {
                return false;
            }
        }
        return true;
    }
}
