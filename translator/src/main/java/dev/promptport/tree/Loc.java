package dev.promptport.tree;

/**
 * Where a node came from: a JSON pointer into a request, a line and column in a prompt file,
 * or both (a line and column inside the string that a pointer names).
 *
 * @param pointer JSON pointer (RFC 6901), or {@code null} for prompt files
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record Loc(String pointer, int line, int column) {

    public static final Loc NONE = new Loc(null, 0, 0);

    public static Loc pointer(String pointer) {
        return new Loc(pointer, 0, 0);
    }

    public static Loc position(int line, int column) {
        return new Loc(null, line, column);
    }

    public Loc child(String token) {
        return pointer(childPointer(pointer == null ? "" : pointer, token));
    }

    public Loc child(int index) {
        return pointer((pointer == null ? "" : pointer) + "/" + index);
    }

    /** A line and column inside the text this location names. */
    public Loc at(int line, int column) {
        return new Loc(pointer, line, column);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** The form users see: {@code /messages/2/content}, {@code 12:5} or {@code /system:3:1}. */
    public String display() {
        if (pointer == null) {
            return line > 0 ? line + ":" + column : "";
        }
        String p = pointer.isEmpty() ? "/" : pointer;
        return line > 0 ? p + ":" + line + ":" + column : p;
    }

    static String childPointer(String base, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return base + "/" + token;
        }
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return display();
    }
}
