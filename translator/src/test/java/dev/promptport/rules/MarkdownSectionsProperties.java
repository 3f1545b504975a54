package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.DeferredText;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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

    /** Words without code, whose rewrite is left to the writer: mentions and strays among them. */
    private static final Arbitrary<String> PLAIN_WORD = Arbitraries.of("Acme", "widgets", "be", "brief", "x<y", "a < b",
            "{{name}}", "über", "日本語", "1.", "-", "#", "##", "<br>", "<answer>", "<rules>", "<documents>",
            "<glossary>", "</note>", "</rules>", "<x/>", "&amp;", "<", "<<rules>", "the <rules> tags");

    private static Arbitrary<String> line() {
        return line(WORD);
    }

    private static Arbitrary<String> line(Arbitrary<String> word) {
        return word.list().ofMinSize(1).ofMaxSize(8).map(words -> String.join(" ", words));
    }

    private static Arbitrary<String> fence() {
        return line().map(l -> "```\n" + l + "\n<rules>\n```");
    }

    /** Prose, code (with {@code code}) and tagged sections nested up to {@code depth}, laid out as people write them. */
    private static Arbitrary<String> block(int depth, boolean code) {
        if (depth == 0) {
            return code ? Arbitraries.oneOf(line(), line(), fence()) : line(PLAIN_WORD);
        }
        Arbitrary<String> inner = block(depth - 1, code).list().ofMinSize(0).ofMaxSize(3)
                .map(parts -> String.join("\n", parts));
        Arbitrary<String> section = Combinators.combine(NAME, ATTRIBUTES, inner, Arbitraries.integers().between(0, 5))
                .as((name, attributes, body, layout) -> switch (layout) {
                    case 0 -> "<" + name + attributes + ">" + body + "</" + name + ">";
                    case 1 -> "Some " + "<" + name + ">" + body + "</" + name + "> here";
                    case 2 -> "<" + name + attributes + ">\n" + body + "\n";
                    case 3 -> "  <" + name + attributes + ">\n\n" + body + "\n\n</" + name + ">  ";
                    default -> "<" + name + attributes + ">\n" + body + "\n</" + name + ">";
                });
        return Arbitraries.oneOf(code ? line() : line(PLAIN_WORD), section, section);
    }

    @Provide
    Arbitrary<String> prompts() {
        return blocks(true);
    }

    private static Arbitrary<String> blocks(boolean code) {
        return block(3, code).list().ofMaxSize(6).flatMap(parts -> Arbitraries.of("\n", "\n\n", "\r\n", " ")
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

    @Provide
    Arbitrary<String> plainPrompts() {
        return blocks(false);
    }

    @Property(tries = 600)
    void aRewriteLeftToBeWrittenIsTheTextWrittenAtOnce(@ForAll("prompts") String text) {
        checkDeferred(text);
    }

    @Property(tries = 800)
    void aRewriteOfPromptsWithoutCodeLeftToBeWrittenIsTheTextWrittenAtOnce(@ForAll("plainPrompts") String text) {
        checkDeferred(text);
        // the writer's way is met often, strays and all, or this would test the other way alone
        Statistics.coverage(c -> {
            // about 7 % and 4 % of tries: these bounds hold but for a very unlucky run
            c.check("left to be written").count(n -> n >= 15);
            c.check("left to be written, strays and all").count(n -> n >= 6);
        });
    }

    @Provide
    Arbitrary<String> strays() {
        // a section that converts, with strays inside and around it whose partners may be on the other side
        Arbitrary<String> pieces = Arbitraries.of("<rules>", "</rules>", "<rules>>", "\n<rules>\n", "\n</rules>\n",
                "<a>", "</a>", "\n", "text", "the <rules> tags", "<", "<br>").list().ofMaxSize(4)
                .map(parts -> String.join("", parts));
        return Combinators.combine(pieces, Arbitraries.of("<context>", "\n<context>\n"), pieces,
                        Arbitraries.of("</context>", "\n</context>\n"), pieces)
                .as((before, open, inside, close, after) -> before + open + inside + close + after);
    }

    @Property(tries = 2000)
    void aRewriteOfStraysLeftToBeWrittenIsTheTextWrittenAtOnce(@ForAll("strays") String text) {
        checkDeferred(text);
    }

    @Property(tries = 300)
    void aRewriteOfTagSoupLeftToBeWrittenIsTheTextWrittenAtOnce(@ForAll("soup") String text) {
        checkDeferred(text);
    }

    /**
     * A rewrite left to be written must be the one written at once, and in particular one that
     * a second run would leave alone: deciding that before writing is where a mistake would hide.
     */
    private static void checkDeferred(String text) {
        Markup m = TagScanner.scan(text);
        MarkdownSections.Rewrite now = MarkdownSections.plan(text, m, VOCAB, Set.of(), false);
        MarkdownSections.Rewrite later = MarkdownSections.plan(text, m, VOCAB, Set.of(), true);
        assertThat(reported(later)).isEqualTo(reported(now));
        if (later.deferred() == null) {
            Statistics.collect(now.text() == text ? "nothing converts" : "written at once");
            assertThat(later.text()).isEqualTo(now.text());
            return;
        }
        Statistics.collect(m.problems().isEmpty() ? "left to be written" : "left to be written, strays and all");
        StringBuilder lent = new StringBuilder();
        later.deferred().writeTo(new DeferredText.Sink() {
            @Override
            public void chars(char[] chars, int length) {
                lent.append(chars, 0, length);
            }

            @Override
            public void text(String t) {
                throw new AssertionError("never made, so never a String");
            }
        });
        assertThat(lent.toString()).isEqualTo(now.text());
        assertThat(later.deferred().isBlank()).isEqualTo(now.text().isBlank());
        assertThat(later.deferred().text()).isEqualTo(now.text()).isSameAs(later.deferred().text());
        assertThat(rewrite(now.text())).isEqualTo(now.text());
    }

    private static List<dev.promptport.Finding> reported(MarkdownSections.Rewrite r) {
        FindingSink sink = new FindingSink(Catalogue.builtIn());
        r.report(Loc.NONE, sink);
        return sink.findings();
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
     * reworded references, so chunks are compared in the pieces between them. A converted
     * section's lines lose the indentation they share, which is layout rather than text, so
     * lines are compared without their leading white space.
     */
    private static void checkNothingLost(String text) {
        Markup m = TagScanner.scan(text);
        String out = unindented(rewrite(text));
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
        for (String whole : pieces) {
            String piece = unindented(whole);
            int found = out.indexOf(piece, at);
            assertThat(found).as("%s lost from %s", piece, out).isGreaterThanOrEqualTo(0);
            at = found + piece.length();
        }
    }

    private static final java.util.regex.Pattern LINE_INDENT = java.util.regex.Pattern.compile("(?m)^[ \\t]+");

    private static String unindented(String s) {
        return LINE_INDENT.matcher(s).replaceAll("");
    }

    /** Found by noTextIsLostInTagSoup: a section's indented lines, inside an unclosed tag and a code fence too. */
    @Example
    void anIndentedSectionLosesOnlyTheIndentationItsLinesShare() {
        checkNothingLost("Intro\n<br>\n  line1\n  line2\n</br>");
        checkNothingLost(" <br>\n <a>```\n text<a><a><a><a><a><a></a></br>");
        assertThat(rewrite("Intro\n<br>\n  line1\n    line2\n</br>")).endsWith("line1\n  line2");
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
