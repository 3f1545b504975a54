package dev.promptport.read;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TagScannerProperties {

    /** Fragments that combine into the kind of broken markup people paste into prompts. */
    static Arbitrary<String> tagSoup() {
        return Arbitraries.of("<a>", "</a>", "<b x=\"1\">", "</b>", "<c/>", "<context>", "</context>",
                        "<example index='2'>", "</example>", "text", " ", "\n", "\n\n", "`", "``", "```\n",
                        "~~~\n", "<", "<!--", "-->", "x<y", "{{v}}", "<br>", "é", "=\"", "/>")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> soup() {
        return tagSoup();
    }

    @Property
    void neverThrowsAndCoversArbitraryStrings(@ForAll String text) {
        checkCovers(text);
    }

    @Property(tries = 500)
    void neverThrowsAndCoversTagSoup(@ForAll("soup") String text) {
        checkCovers(text);
    }

    @Property(tries = 300)
    void problemsPointAtTagsLeftAsText(@ForAll("soup") String text) {
        Markup m = TagScanner.scan(text);
        int previous = -1;
        for (Markup.Problem p : m.problems()) {
            assertThat(p.offset()).isGreaterThanOrEqualTo(previous);
            previous = p.offset();
            String tag = text.substring(p.offset(), p.offset() + p.length());
            assertThat(tag).startsWith(p.kind() == Markup.Problem.Kind.UNOPENED ? "</" + p.name() : "<" + p.name())
                    .endsWith(">");
            assertThat(insideSomeTag(m.nodes(), p.offset())).isFalse();
        }
    }

    @Property(tries = 300)
    void scanningIsDeterministic(@ForAll("soup") String text) {
        assertThat(TagScanner.scan(text)).isEqualTo(TagScanner.scan(text));
    }

    private static void checkCovers(String text) {
        Markup m = TagScanner.scan(text);
        StringBuilder rebuilt = new StringBuilder();
        int end = cover(text, m.nodes(), 0, rebuilt);
        assertThat(end).isEqualTo(text.length());
        assertThat(rebuilt.toString()).isEqualTo(text);
        if (!TagScanner.mayContainTags(text)) {
            assertThat(m.hasElements()).isFalse();
            assertThat(m.problems()).isEmpty();
        }
    }

    /** Checks nodes tile [from, …) with no gap, no overlap and no two chunks side by side. */
    private static int cover(String text, List<Node> nodes, int from, StringBuilder rebuilt) {
        int at = from;
        Node previous = null;
        for (Node n : nodes) {
            assertThat(n.start()).isEqualTo(at);
            assertThat(n.end()).isGreaterThan(n.start());
            if (n instanceof Chunk c) {
                assertThat(previous instanceof Chunk).as("two chunks side by side").isFalse();
                rebuilt.append(text, c.start(), c.end());
            } else if (n instanceof Element e) {
                assertThat(e.start()).isLessThan(e.openEnd());
                assertThat(e.openEnd()).isLessThanOrEqualTo(e.closeStart());
                assertThat(e.closeStart()).isLessThanOrEqualTo(e.end());
                assertThat(text.substring(e.start(), e.openEnd())).startsWith("<" + e.name()).endsWith(">");
                rebuilt.append(text, e.start(), e.openEnd());
                if (e.selfClosing()) {
                    assertThat(e.children()).isEmpty();
                    assertThat(text.substring(e.start(), e.end())).endsWith("/>");
                } else {
                    assertThat(cover(text, e.children(), e.openEnd(), rebuilt)).isEqualTo(e.closeStart());
                    assertThat(text.substring(e.closeStart(), e.end())).startsWith("</" + e.name()).endsWith(">");
                    rebuilt.append(text, e.closeStart(), e.end());
                }
            }
            at = n.end();
            previous = n;
        }
        return at;
    }

    private static boolean insideSomeTag(List<Node> nodes, int offset) {
        for (Node n : nodes) {
            if (n instanceof Element e && offset >= e.start() && offset < e.end()) {
                return offset < e.openEnd() || offset >= e.closeStart() || insideSomeTag(e.children(), offset);
            }
        }
        return false;
    }
}
