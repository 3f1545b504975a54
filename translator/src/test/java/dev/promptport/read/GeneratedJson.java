package dev.promptport.read;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Random;

/**
 * JSON texts made from a seed for the property tests that hold a reader to Jackson, and the
 * same texts damaged: truncated, a character cut, structural characters, control characters,
 * lone surrogates and broken literals put in.
 *
 * @param maxDepth containers nest at most this deep
 * @param fewNames field names come from a handful, so that an object holds a key twice now and then
 */
public record GeneratedJson(int maxDepth, boolean fewNames) {

    private static final String[] FEW_NAMES = {"id", "type", "text", "content", "usage", "a\\u0062", "ab", ""};

    /** Texts made from random seeds. */
    public Arbitrary<String> texts() {
        return Arbitraries.longs().map(this::text);
    }

    /** Those texts damaged ({@link #damage}). */
    public Arbitrary<String> damagedTexts() {
        return Combinators.combine(texts(), Arbitraries.longs()).as(GeneratedJson::damage);
    }

    /** A text: one value, with white space around it now and then. */
    public String text(long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        value(r, b, 0);
        return space(r) + b + space(r);
    }

    /** {@code text} with one to three edits, most of which make it invalid JSON. */
    public static String damage(String text, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(6)) {
                case 0 -> b.setLength(at);
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, pick(r, "{}[]:,\"\\ \n\t\u0000\u001Fe-+.0x'\uD83D\uDE00\uD800\uFEFF/u"));
                case 3 -> b.setCharAt(at, pick(r, "{}[]:,\"\\ 0a\u0001").charAt(0));
                case 4 -> b.insert(at, pick(r, "truefalsenull", "tru", "nul", "-0", "01", "1.", ".5", "1e", "1e+", "\\u12", "\\x",
                        "NaN", "[[[[[[[[[[[["));
                default -> b.append(pick(r, " {}", "x", ",", " ", "]", "\n"));
            }
        }
        return b.toString();
    }

    private void value(Random r, StringBuilder b, int depth) {
        switch (r.nextInt(depth >= maxDepth ? 4 : 7)) {
            case 0 -> b.append(pick(r, "true", "false", "null"));
            case 1 -> number(r, b);
            case 2, 3 -> string(r, b);
            case 4 -> {
                b.append('[').append(space(r));
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(space(r)).append(',').append(space(r));
                    }
                    value(r, b, depth + 1);
                }
                b.append(space(r)).append(']');
            }
            default -> {
                b.append('{').append(space(r));
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(space(r)).append(',').append(space(r));
                    }
                    if (fewNames) {
                        b.append('"').append(pick(r, FEW_NAMES)).append('"');
                    } else {
                        string(r, b);
                    }
                    b.append(space(r)).append(':').append(space(r));
                    value(r, b, depth + 1);
                }
                b.append(space(r)).append('}');
            }
        }
    }

    /** Whole numbers of every size an int, a long and past a long hold; fractions; exponents. */
    private static void number(Random r, StringBuilder b) {
        if (r.nextBoolean()) {
            b.append('-');
        }
        switch (r.nextInt(5)) {
            case 0 -> b.append('0');
            case 1 -> b.append(1 + r.nextInt(9));
            case 2 -> b.append(1 + r.nextInt(Integer.MAX_VALUE));
            case 3 -> b.append(Math.abs(r.nextLong()) >>> r.nextInt(63));
            default -> b.append(Math.abs(r.nextLong()) >>> 1).append(1 + r.nextInt(Integer.MAX_VALUE));
        }
        if (r.nextInt(3) == 0) {
            b.append('.').append(r.nextInt(4) == 0 ? "50" : String.valueOf(r.nextInt(100000)));
        }
        if (r.nextInt(4) == 0) {
            b.append(pick(r, "e", "E", "e+", "E-")).append(r.nextInt(500));
        }
    }

    private static void string(Random r, StringBuilder b) {
        b.append('"');
        int n = r.nextInt(r.nextInt(6) == 0 ? 600 : 20);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(12)) {
                case 0 -> b.append(pick(r, "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r"));
                case 1 -> b.append(String.format(pick(r, "\\u%04x", "\\u%04X"), r.nextInt(0x10000)));
                case 2 -> b.append(pick(r, "é", "–", "日本", "\uD83D\uDE00", "\u202E", "\u007F", "\u00FF", "?", "<tag>", "Ģ", "\u2028"));
                default -> {
                    char c = (char) (' ' + r.nextInt(95));
                    b.append(c == '"' || c == '\\' ? 'q' : c);
                }
            }
        }
        b.append('"');
    }

    private static String pick(Random r, String chars) {
        int i = r.nextInt(chars.length());
        return chars.substring(i, i + 1);
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String space(Random r) {
        return r.nextInt(3) > 0 ? "" : pick(r, " ", "\n", "\r\n", "\t", "  \n  ", "\r");
    }
}
