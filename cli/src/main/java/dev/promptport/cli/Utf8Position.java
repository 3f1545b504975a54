package dev.promptport.cli;

/** Where a byte offset of UTF-8 text lies, as an editor shows it: line and column from 1. */
final class Utf8Position {

    private Utf8Position() {
    }

    /**
     * {@code line:column} of {@code offset}. The column counts characters, not bytes: a
     * continuation byte (10xxxxxx) belongs to the character before it.
     */
    static String of(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return line + ":" + column;
    }
}
