package dev.promptport.read;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The distinct tag names of one text, each numbered in order of first appearance. Prompts repeat
 * a few names many times: one string per name is enough, and with a number per name the pairing
 * compares and counts names through plain arrays instead of string maps.
 */
final class TagNames {

    /** HTML elements that never have a closing tag; alone they are ordinary text, not a mistake. */
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "meta", "link", "wbr",
            "area", "base", "col", "embed", "source", "track", "param");

    private final String text;
    // open addressing: slot holds id + 1, 0 when free; kept at most half full
    private int[] slots = new int[32];
    private String[] names = new String[16];
    // per id, side by side: its hash, where it first appears and its length. A candidate is
    // checked against the text itself, whose characters are at hand, rather than through the
    // name's string, and the three numbers of a name share a cache line
    private int[] facts = new int[3 * 16];
    // per id: 0 not yet asked, 1 void, 2 not void
    private byte[] voids;
    private int count;

    TagNames(String text) {
        this.text = text;
    }

    /**
     * The id of the name at [from, to) of the text; {@code hash} is its {@link String#hashCode},
     * worked out by the caller while it read the name.
     */
    int id(int from, int to, int hash) {
        int mask = slots.length - 1;
        int length = to - from;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(slot, hash, from, to);
            }
            int id = entry - 1;
            int f = 3 * id;
            if (facts[f] == hash && facts[f + 2] == length && sameText(from, facts[f + 1], length)) {
                return id;
            }
        }
    }

    int size() {
        return count;
    }

    String name(int id) {
        return names[id];
    }

    /**
     * Whether two different names are one name with and without a namespace prefix
     * ({@code ns:parameter} and {@code parameter}): asked only of a closing tag nothing opened.
     */
    boolean sameLocalName(int a, int b) {
        String x = names[a];
        String y = names[b];
        int colonX = x.lastIndexOf(':');
        int colonY = y.lastIndexOf(':');
        if ((colonX < 0) == (colonY < 0)) {
            // both bare, or both prefixed: a different prefix is a different name
            return false;
        }
        int fromX = colonX + 1;
        int fromY = colonY + 1;
        return x.length() - fromX == y.length() - fromY && x.length() > fromX
                && x.regionMatches(fromX, y, fromY, x.length() - fromX);
    }

    static boolean isHtmlVoid(String name) {
        return VOID.contains(name.toLowerCase(Locale.ROOT));
    }

    boolean isVoid(int id) {
        if (voids == null || voids.length < count) {
            voids = voids == null ? new byte[count] : Arrays.copyOf(voids, count);
        }
        if (voids[id] == 0) {
            voids[id] = (byte) (isHtmlVoid(names[id]) ? 1 : 2);
        }
        return voids[id] == 1;
    }

    private int add(int slot, int hash, int from, int to) {
        int id = count++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
            facts = Arrays.copyOf(facts, 3 * id * 2);
        }
        String known = FieldNames.known(text, from, to);
        names[id] = known != null ? known : text.substring(from, to);
        facts[3 * id] = hash;
        facts[3 * id + 1] = from;
        facts[3 * id + 2] = to - from;
        slots[slot] = id + 1;
        if (count * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < count; id++) {
            int slot = spread(facts[3 * id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }

    private boolean sameText(int a, int b, int length) {
        // the JDK compares the text's own bytes, with no check per character
        return text.regionMatches(a, text, b, length);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
