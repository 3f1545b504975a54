package dev.promptport.tree;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The tagged-section structure of a piece of prose, as offsets into that prose. The text
 * itself is never copied: every rewrite slices the original string with these offsets, so
 * what lies between and inside tags reaches the output byte for byte.
 *
 * @param nodes top-level nodes in order; together they cover the whole text
 * @param problems tags that looked like markup but could not be paired, in text order
 */
public record Markup(List<Node> nodes, List<Problem> problems) {

    public Markup {
        nodes = List.copyOf(nodes);
        problems = inTextOrder(problems);
    }

    /** No text has more problems than this but tag soup; fewer are put in order without a comparator. */
    private static final int FEW = 16;

    /**
     * {@code problems} by offset. A pairing finds them out of order (an unclosed tag only at the
     * text's end), but most texts have a handful: those are put in order in place, where a
     * sort's comparator calls would cost more than the whole job.
     */
    private static List<Problem> inTextOrder(List<Problem> problems) {
        Problem[] a = problems.toArray(new Problem[0]);
        if (a.length > FEW) {
            Arrays.sort(a, Comparator.comparingInt(Problem::offset));
        } else {
            for (int i = 1; i < a.length; i++) {
                Problem p = a[i];
                int j = i - 1;
                while (j >= 0 && a[j].offset() > p.offset()) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = p;
            }
        }
        return List.of(a);
    }

    /** True when at least one well-formed tagged section was found. */
    public boolean hasElements() {
        for (Node n : nodes) {
            if (n instanceof Element) {
                return true;
            }
        }
        return false;
    }

    /** A slice of the text [start, end). */
    public sealed interface Node {
        int start();

        int end();
    }

    /** Text that is not markup: prose, code, or a {@code <} that opens no well-formed tag. */
    public record Chunk(int start, int end) implements Node {
    }

    /**
     * A well-formed, closed tagged section. The open tag is [start, openEnd), the close tag
     * [closeStart, end); a self-closing tag has {@code openEnd == closeStart == end}.
     */
    public record Element(String name, List<Attribute> attributes, int start, int openEnd,
                          int closeStart, int end, List<Node> children) implements Node {
        public Element {
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }

        public boolean selfClosing() {
            return openEnd == end;
        }

        public String attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a.value();
                }
            }
            return null;
        }
    }

    public record Attribute(String name, String value) {
    }

    /**
     * A tag that could not be paired. {@code offset} and {@code length} span the tag itself,
     * which stays in the text as plain characters.
     */
    public record Problem(Kind kind, String name, int offset, int length) {
        public enum Kind {
            /** An opening tag with no closing tag. */
            UNCLOSED,
            /** A closing tag with no opening tag. */
            UNOPENED,
            /** A closing tag that closes a section other than the innermost open one. */
            MISMATCHED
        }
    }
}
