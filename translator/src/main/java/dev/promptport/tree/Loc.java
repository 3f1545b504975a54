package dev.promptport.tree;

import java.util.Objects;

/**
 * Where a node came from: a JSON pointer into a request, a line and column in a prompt file,
 * or both (a line and column inside the string that a pointer names).
 *
 * <p>A value, compared by its pointer, line and column. A pointer made with {@link #child} is
 * spelled out only when asked for: a reader gives every field it reads a location, and almost
 * none of them is ever shown.
 */
public final class Loc {

    public static final Loc NONE = new Loc(null, 0, 0);

    private final Loc parent;
    private final String token;
    private final int index;
    private final int line;
    private final int column;
    /** The pointer once spelled out (or as given); racing threads spell out the same one. */
    private String pointer;

    /**
     * @param pointer JSON pointer (RFC 6901), or {@code null} for prompt files
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     */
    public Loc(String pointer, int line, int column) {
        this(null, null, -1, pointer, line, column);
    }

    private Loc(Loc parent, String token, int index, String pointer, int line, int column) {
        this.parent = parent;
        this.token = token;
        this.index = index;
        this.pointer = pointer;
        this.line = line;
        this.column = column;
    }

    public static Loc pointer(String pointer) {
        return new Loc(pointer, 0, 0);
    }

    public static Loc position(int line, int column) {
        return new Loc(null, line, column);
    }

    /** JSON pointer (RFC 6901), or {@code null} for prompt files. */
    public String pointer() {
        String p = pointer;
        if (p == null && parent != null) {
            String base = parent.pointer() == null ? "" : parent.pointer();
            p = token != null ? childPointer(base, token) : base + "/" + index;
            pointer = p;
        }
        return p;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    public Loc child(String token) {
        return new Loc(this, token, -1, null, 0, 0);
    }

    public Loc child(int index) {
        return new Loc(this, null, index, null, 0, 0);
    }

    /** A line and column inside the text this location names. */
    public Loc at(int line, int column) {
        return new Loc(pointer(), line, column);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** The form users see: {@code /messages/2/content}, {@code 12:5} or {@code /system:3:1}. */
    public String display() {
        String p = pointer();
        if (p == null) {
            return line > 0 ? line + ":" + column : "";
        }
        p = p.isEmpty() ? "/" : p;
        return line > 0 ? p + ":" + line + ":" + column : p;
    }

    static String childPointer(String base, String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return base + "/" + token;
        }
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Loc l && line == l.line && column == l.column
                && Objects.equals(pointer(), l.pointer());
    }

    @Override
    public int hashCode() {
        return Objects.hash(pointer(), line, column);
    }

    @Override
    public String toString() {
        return display();
    }
}
