package dev.promptport.read;

import dev.promptport.PromptPortException;
import dev.promptport.tree.Loc;

/** The lexer's error messages, each naming the line and column where the JSON goes wrong. */
final class JsonErrors {

    private final String source;
    private final byte[] bytes;
    private final int length;

    /** @param bytes the source one byte per char, in its first {@code length} bytes */
    JsonErrors(String source, byte[] bytes, int length) {
        this.source = source;
        this.bytes = bytes;
        this.length = length;
    }

    /** The line and column of a source offset, counting lines the way JSON does (LF, CR or CRLF). */
    Loc position(int offset) {
        int line = 1;
        int lineStart = 0;
        int upTo = Math.min(offset, length);
        for (int i = 0; i < upTo; i++) {
            byte c = bytes[i];
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < upTo && bytes[i + 1] == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return Loc.position(line, offset - lineStart + 1);
    }

    PromptPortException unexpected(int i, String expected) {
        if (i >= length) {
            return error(i, "unexpected end of the input where " + expected + " should be");
        }
        return error(i, "unexpected " + describe(i) + " where " + expected + " should be");
    }

    PromptPortException unrecognized(int i) {
        // the word runs as far as a Java name would, as in Jackson's message users may know
        int j = i + 1;
        while (j < length && j - i < 256 && Character.isJavaIdentifierPart(source.charAt(j))) {
            j++;
        }
        return error(i, "unrecognized word '" + source.substring(i, j)
                + "' (a value is an object, array, string, number, true, false or null)");
    }

    String describe(int i) {
        char c = source.charAt(i);
        if (c < 0x20 || c == 0x7F) {
            return "control character U+" + String.format("%04X", (int) c);
        }
        return Character.isHighSurrogate(c) && i + 1 < length ? "'" + source.substring(i, i + 2) + "'" : "'" + c + "'";
    }

    PromptPortException tooLong(int offset, String what, int length, int max) {
        return new PromptPortException(String.format("the JSON exceeds a safety limit: %s is %,d characters long;"
                + " at most %,d are allowed", what, length, max), position(offset));
    }

    String where(int offset) {
        Loc at = position(offset);
        return "line " + at.line() + ", column " + at.column();
    }

    PromptPortException error(int offset, String message) {
        return new PromptPortException("invalid JSON: " + message, position(offset));
    }
}
