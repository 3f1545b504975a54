package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSectionsProperties {

    private static final TagVocabulary VOCAB = Catalogue.builtIn().tags();

    // no "the", "tag(s)", "section(s)" or "block(s)": those words are what a reworded reference swallows
    private static final Arbitrary<String> WORD = Arbitraries.of("Acme", "widgets", "be", "brief", "x<y", "a < b",
            "{{name}}", "{var}", "`code <rules>`", "über", "日本語", "1.", "-", "#", "##", "<br>", "<answer>",
            "<rules>", "<documents>", "<glossary>", "</note>", "<x/>", "&amp;", "``", "`");

    private static final Arbitrary<String> NAME = Arbitraries.of("context", "instructions", "rules", "example",
            "examples", "document", "answer", "note", "userProfile", "output_format", "thinking", "step");

    private static final Arbitrary<String> ATTRIBUTES = Arbitraries.of("", "", "", " index=\"1\"", " name='Q3'",
            " tone=warm", " id=\"2\" kind=\"x\"");

    private static Arbitrary<String> line() {
        return WORD.list().ofMinSize(1).ofMaxSize(8).map(words -> String.join(" ", words));
    }

    private static Arbitrary<String> fence() {
        return line().map(l -> "```\n" + l + "\n<rules>\n```");
    }

    /** Prose, code and tagged sections nested up to {@code depth}, laid out as people write them. */
    private static Arbitrary<String> block(int depth) {
        if (depth == 0) {
            return Arbitraries.oneOf(line(), line(), fence());
        }
        Arbitrary<String> inner = block(depth - 1).list().ofMinSize(0).ofMaxSize(3)
                .map(parts -> String.join("\n", parts));
        Arbitrary<String> section = Combinators.combine(NAME, ATTRIBUTES, inner, Arbitraries.integers().between(0, 5))
                .as((name, attributes, body, layout) -> switch (layout) {
                    case 0 -> "<" + name + attributes + ">" + body + "</" + name + ">";
                    case 1 -> "Some " + "<" + name + ">" + body + "</" + name + "> here";
                    case 2 -> "<" + name + attributes + ">\n" + body + "\n";
                    case 3 -> "  <" + name + attributes + ">\n\n" + body + "\n\n</" + name + ">  ";
                    default -> "<" + name + attributes + ">\n" + body + "\n</" + name + ">";
                });
        return Arbitraries.oneOf(line(), section, section);
    }

    @Provide
    Arbitrary<String> prompts() {
        return block(3).list().ofMaxSize(6).flatMap(parts -> Arbitraries.of("\n", "\n\n", "\r\n", " ")
                .map(sep -> String.join(sep, parts)));
    }

    @Provide
    Arbitrary<String> soup() {
        // tags on lines of their own too, so that sections do convert and strays interact with them
        return Arbitraries.of("<a>", "</a>", "<b x=\"1\">", "</b>", "<c/>", "\n<a>\n", "\n</a>\n", "\n<b>\n",
                        "\n</b>\n", "\n<context>\n", "\n</context>\n", "<example>", "</example>", "\n<example>\n",
                        "\n</example>\n", "<answer>", "</answer>", "<br>", "</br>", "\n<br>\n", "\n</br>\n", "text",
                        " ", "\n", "\n\n", "`", "```\n", "<", "<!--", "-->", "x<y", "é")
                .list().ofMaxSize(50).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void noTextIsLost(@ForAll("prompts") String text) {
        checkNothingLost(text);
    }

    @Property(tries = 400)
    void noTextIsLostInTagSoup(@ForAll("soup") String text) {
        checkNothingLost(text);
    }

    @Property(tries = 400)
    void rewritingTwiceChangesNothing(@ForAll("prompts") String text) {
        String once = rewrite(text);
        Statistics.collect(once.equals(text) ? "unchanged" : "rewritten");
        assertThat(rewrite(once)).isEqualTo(once);
    }

    @Property(tries = 400)
    void rewritingTagSoupTwiceChangesNothing(@ForAll("soup") String text) {
        String once = rewrite(text);
        Statistics.collect(once.equals(text) ? "unchanged" : "rewritten");
        assertThat(rewrite(once)).isEqualTo(once);
    }

    @Property
    void neverThrows(@ForAll String text) {
        assertThat(rewrite(text)).isNotNull();
    }

    @Property(tries = 200)
    void textWithoutSectionsIsReturnedAsIs(@ForAll("soup") String text) {
        Markup m = TagScanner.scan(text);
        if (!m.hasElements()) {
            assertThat(MarkdownSections.rewrite(text, m, VOCAB, Loc.NONE, new FindingSink(Catalogue.builtIn())))
                    .isSameAs(text);
        }
    }

    private static String rewrite(String text) {
        return MarkdownSections.rewrite(text, TagScanner.scan(text), VOCAB, Loc.NONE,
                new FindingSink(Catalogue.builtIn()));
    }

    /**
     * Every chunk's text appears in the output, in order. Stray tags inside a chunk may be
     * reworded references, so chunks are compared in the pieces between them.
     */
    private static void checkNothingLost(String text) {
        Markup m = TagScanner.scan(text);
        String out = rewrite(text);
        List<Markup.Problem> strays = new ArrayList<>(m.problems());
        strays.sort(Comparator.comparingInt(Markup.Problem::offset));
        List<String> pieces = new ArrayList<>();
        for (Chunk c : chunks(m.nodes(), new ArrayList<>())) {
            int from = c.start();
            for (Markup.Problem p : strays) {
                if (p.offset() >= c.start() && p.offset() < c.end()) {
                    pieces.add(text.substring(from, p.offset()).strip());
                    from = p.offset() + p.length();
                }
            }
            pieces.add(text.substring(from, c.end()).strip());
        }
        int at = 0;
        for (String piece : pieces) {
            int found = out.indexOf(piece, at);
            assertThat(found).as("%s lost from %s", piece, out).isGreaterThanOrEqualTo(0);
            at = found + piece.length();
        }
    }

    private static List<Chunk> chunks(List<Node> nodes, List<Chunk> into) {
        for (Node n : nodes) {
            if (n instanceof Chunk c) {
                into.add(c);
            } else if (n instanceof Element e) {
                chunks(e.children(), into);
            }
        }
        return into;
    }
}
