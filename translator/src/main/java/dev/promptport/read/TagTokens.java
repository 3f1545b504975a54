package dev.promptport.read;

import dev.promptport.tree.Markup.Attribute;

import java.util.Arrays;
import java.util.List;

/**
 * The tags found outside code, in text order, before it is known which of them pair. Kept in
 * parallel arrays rather than one object per tag: a large prompt holds millions of tags, and
 * that many small objects cost more in garbage collection than the whole scan.
 */
final class TagTokens {

    static final byte OPEN = 0;
    static final byte CLOSE = 1;
    static final byte SELF_CLOSING = 2;

    private static final int NAME_CACHE = 256;

    private final String text;
    private final String[] recentNames = new String[NAME_CACHE];
    private int size;
    private byte[] kinds = new byte[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private String[] names = new String[16];
    private Object[] attributes = new Object[16];

    TagTokens(String text) {
        this.text = text;
    }

    void add(byte kind, int nameStart, int nameEnd, List<Attribute> attrs, int start, int end) {
        if (size == kinds.length) {
            int capacity = size * 2;
            kinds = Arrays.copyOf(kinds, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            names = Arrays.copyOf(names, capacity);
            attributes = Arrays.copyOf(attributes, capacity);
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        names[size] = name(nameStart, nameEnd);
        attributes[size] = attrs.isEmpty() ? null : attrs;
        size++;
    }

    int size() {
        return size;
    }

    byte kind(int i) {
        return kinds[i];
    }

    String name(int i) {
        return names[i];
    }

    @SuppressWarnings("unchecked")
    List<Attribute> attributes(int i) {
        Object a = attributes[i];
        return a == null ? List.of() : (List<Attribute>) a;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    /** Prompts repeat a few tag names many times; one string per name is enough. */
    private String name(int from, int to) {
        int length = to - from;
        int slot = (length * 31 + text.charAt(from) * 7 + text.charAt(to - 1)) & (NAME_CACHE - 1);
        String cached = recentNames[slot];
        if (cached != null && cached.length() == length && text.regionMatches(from, cached, 0, length)) {
            return cached;
        }
        String name = text.substring(from, to);
        recentNames[slot] = name;
        return name;
    }
}
