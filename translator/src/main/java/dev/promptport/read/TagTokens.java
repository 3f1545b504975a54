package dev.promptport.read;

import dev.promptport.tree.Markup.Attribute;

import java.util.Arrays;
import java.util.List;

/**
 * The tags found outside code, in text order, before it is known which of them pair. Kept in
 * parallel arrays of numbers rather than one object per tag: a large prompt holds millions of
 * tags, and that many small objects cost more in garbage collection than the whole scan. Names
 * are numbered by {@link TagNames}; attributes, which few tags carry, get their array only once
 * one does.
 */
final class TagTokens {

    static final byte OPEN = 0;
    static final byte CLOSE = 1;
    static final byte SELF_CLOSING = 2;

    private final String text;
    private final TagNames names;
    private int size;
    private byte[] kinds;
    private int[] starts;
    private int[] ends;
    private int[] nameIds;
    private Object[] attributes;

    TagTokens(String text) {
        this.text = text;
        this.names = new TagNames(text);
        // tagged prompts hold a tag per hundred characters or so: sized for more, the arrays of a
        // typical prompt never grow, and a long text's start no larger than a few kilobytes
        int capacity = Math.max(16, Math.min(256, text.length() / 64));
        this.kinds = new byte[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.nameIds = new int[capacity];
    }

    void add(byte kind, int nameStart, int nameEnd, int nameHash, List<Attribute> attrs, int start, int end) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            nameIds = Arrays.copyOf(nameIds, capacity);
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        nameIds[size] = names.id(nameStart, nameEnd, nameHash);
        if (!attrs.isEmpty()) {
            if (attributes == null) {
                attributes = new Object[kinds.length];
            } else if (attributes.length <= size) {
                attributes = Arrays.copyOf(attributes, kinds.length);
            }
            attributes[size] = attrs;
        }
        size++;
    }

    int size() {
        return size;
    }

    byte kind(int i) {
        return kinds[i];
    }

    /** The number of token i's name; equal numbers, equal names. */
    int nameId(int i) {
        return nameIds[i];
    }

    String name(int i) {
        return names.name(nameIds[i]);
    }

    TagNames names() {
        return names;
    }

    @SuppressWarnings("unchecked")
    List<Attribute> attributes(int i) {
        Object a = attributes == null || i >= attributes.length ? null : attributes[i];
        return a == null ? List.of() : (List<Attribute>) a;
    }

    /**
     * Gives open token i the name {@code nameId} and no attributes: an open tag of several
     * words, {@code <Hard Limits>}, first read as the name "Hard" and a bare attribute, once its
     * close tag shows the words are one name.
     */
    /** Whether token i is exactly {@code <} {@code words} {@code >}. */
    boolean opensWith(int i, String words) {
        int start = starts[i];
        return kinds[i] == OPEN && ends[i] == start + words.length() + 2
                && text.regionMatches(start + 1, words, 0, words.length());
    }

    void rename(int i, int nameId) {
        nameIds[i] = nameId;
        if (attributes != null && i < attributes.length) {
            attributes[i] = null;
        }
    }

    /**
     * Whether open token i is a bare {@code <name>} after a word of a sentence on its line ("at
     * the same time as {@code <str_replace>}."): the way prose mentions a tag. A section's tag
     * starts its line, or follows another tag ({@code </a> <b>} in a flattened prompt).
     */
    boolean mentionedInLine(int i) {
        int start = starts[i];
        if (kinds[i] != OPEN || attributes(i).size() > 0 || text.charAt(ends[i] - 2) == '/') {
            return false;
        }
        int b = start - 1;
        while (b >= 0 && (text.charAt(b) == ' ' || text.charAt(b) == '\t')) {
            b--;
        }
        return b >= 0 && text.charAt(b) != '\n' && text.charAt(b) != '\r' && text.charAt(b) != '>';
    }

    /** Whether no line break stands between the end of token i and the start of token j, which follows it. */
    boolean sameLine(int i, int j) {
        // only the text between the two is read: a long line never makes this longer
        for (int k = ends[i]; k < starts[j]; k++) {
            if (text.charAt(k) == '\n') {
                return false;
            }
        }
        return true;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }
}
