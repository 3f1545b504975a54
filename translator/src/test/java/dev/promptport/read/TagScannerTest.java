package dev.promptport.read;

import dev.promptport.Limits;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Attribute;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TagScannerTest {

    /** The tree as text: elements as [name|children], chunks as their characters. */
    static String shape(String text) {
        StringBuilder b = new StringBuilder();
        shape(text, TagScanner.scan(text).nodes(), b);
        return b.toString();
    }

    private static void shape(String text, List<Node> nodes, StringBuilder b) {
        for (Node n : nodes) {
            if (n instanceof Chunk c) {
                b.append(text, c.start(), c.end());
            } else if (n instanceof Element e) {
                b.append('[').append(e.name());
                if (e.selfClosing()) {
                    b.append("/]");
                    continue;
                }
                b.append('|');
                shape(text, e.children(), b);
                b.append(']');
            }
        }
    }

    static List<String> problems(String text) {
        return TagScanner.scan(text).problems().stream()
                .map(p -> p.kind() + " " + p.name() + "@" + p.offset() + "+" + p.length()).toList();
    }

    @Test
    void tagThatGivesItsNameAValueOpensASectionItsPlainCloseEnds() {
        // OpenHands' and Qwen's tool-call syntax: <function=NAME> … </function>
        String text = "<function=execute_bash>\n<parameter=command>ls -la</parameter>\n</function>";
        assertThat(shape(text)).isEqualTo("[function|\n[parameter|ls -la]\n]");
        assertThat(problems(text)).isEmpty();
        Element call = (Element) TagScanner.scan(text).nodes().get(0);
        assertThat(call.attributes()).containsExactly(new Attribute("function", "execute_bash"));
        // anything else after the value, or no value, leaves the '<' as text
        assertThat(shape("a <b=c d> e")).isEqualTo("a <b=c d> e");
        assertThat(shape("x <y=> z")).isEqualTo("x <y=> z");
    }

    @Test
    void sectionNamedInSeveralWordsPairsWithItsCloseTag() {
        // open_deep_research's prompts: <Hard Limits> … </Hard Limits>
        String text = "<Task>\nCall the tool.\n</Task>\n<Hard Limits>\n<b>Stop</b> early\n</Hard Limits>";
        assertThat(shape(text)).isEqualTo("[Task|\nCall the tool.\n]\n[Hard Limits|\n[b|Stop] early\n]");
        assertThat(problems(text)).isEmpty();
        Element limits = (Element) TagScanner.scan(text).nodes().get(2);
        assertThat(limits.attributes()).isEmpty();
        // a bare attribute closed by the name alone is still an attribute; a close of several
        // words that nothing opened is text, as before, and no problem
        assertThat(shape("<details open>\nMore\n</details>")).isEqualTo("[details|\nMore\n]");
        assertThat(shape("Stray </Hard Limits> here")).isEqualTo("Stray </Hard Limits> here");
        assertThat(problems("Stray </Hard Limits> here")).isEmpty();
        assertThat(shape("<a b>x</a c>")).isEqualTo("<a b>x</a c>");
    }

    @Test
    void plainTextIsOneChunk() {
        Markup m = TagScanner.scan("Just prose.\nTwo lines.");
        assertThat(m.nodes()).containsExactly(new Chunk(0, 22));
        assertThat(m.problems()).isEmpty();
        assertThat(m.hasElements()).isFalse();
    }

    @Test
    void emptyTextHasNoNodes() {
        assertThat(TagScanner.scan("").nodes()).isEmpty();
    }

    @Test
    void sectionBecomesElementWithExactOffsets() {
        String text = "Hi <context>Acme</context>!";
        Markup m = TagScanner.scan(text);
        assertThat(m.nodes()).hasSize(3);
        Element e = (Element) m.nodes().get(1);
        assertThat(e.name()).isEqualTo("context");
        assertThat(e.start()).isEqualTo(3);
        assertThat(e.openEnd()).isEqualTo(12);
        assertThat(e.closeStart()).isEqualTo(16);
        assertThat(e.end()).isEqualTo(26);
        assertThat(e.children()).containsExactly(new Chunk(12, 16));
        assertThat(m.nodes().get(0)).isEqualTo(new Chunk(0, 3));
        assertThat(m.nodes().get(2)).isEqualTo(new Chunk(26, 27));
    }

    @Test
    void nestedSectionsNestInTheTree() {
        assertThat(shape("<examples>\n<example>one</example>\n<example>two</example>\n</examples>"))
                .isEqualTo("[examples|\n[example|one]\n[example|two]\n]");
    }

    @Test
    void attributesInBothQuoteStylesAndBare() {
        Element e = (Element) TagScanner.scan("<doc a=\"1 2\" b='x \"y\"' c=3 d\n  e = \"5\">t</doc>").nodes().get(0);
        assertThat(e.attributes()).containsExactly(new Attribute("a", "1 2"), new Attribute("b", "x \"y\""),
                new Attribute("c", "3"), new Attribute("d", ""), new Attribute("e", "5"));
        assertThat(e.attribute("c")).isEqualTo("3");
    }

    /** Web frameworks' attribute names and a template's optional mark are attributes, not the end of the tag. */
    @Test
    void frameworkAndTemplateAttributeNamesAreRead() {
        Element e = (Element) TagScanner.scan("<table header-row?=\"true|false\" @click=\"go()\" [value]=\"v\" (change)=\"c()\" "
                + "*ngIf=\"ok\" #ref>t</table>").nodes().get(0);
        assertThat(e.attributes()).extracting(Attribute::name)
                .containsExactly("header-row?", "@click", "[value]", "(change)", "*ngIf", "#ref");
    }

    @Test
    void aQuotedValueMayGoOnToTheNextLineButNotPastABlankOne() {
        Element e = (Element) TagScanner.scan("<rule note=\"two\nlines\">t</rule>").nodes().get(0);
        assertThat(e.attribute("note")).isEqualTo("two\nlines");
        assertThat(shape("Say <b title=\"open\n\nNext\">x</b>")).isEqualTo("Say <b title=\"open\n\nNext\">x</b>");
    }

    /** A comparison in a quoted value is part of it; the start of another tag never is. */
    @Test
    void aQuotedValueMayHoldAComparisonButNoTag() {
        Element e = (Element) TagScanner.scan("<rule when=\"x < 3 and len(y) <= 4\">t</rule>").nodes().get(0);
        assertThat(e.attribute("when")).isEqualTo("x < 3 and len(y) <= 4");
        assertThat(shape("<rule when=\"a<b>c\">t</rule>")).isEqualTo("<rule when=\"a<b>c\">t</rule>");
    }

    @Test
    void attributeValuesAreNotDecoded() {
        Element e = (Element) TagScanner.scan("<a t=\"x &amp; y > z\">q</a>").nodes().get(0);
        assertThat(e.attribute("t")).isEqualTo("x &amp; y > z");
    }

    @Test
    void selfClosingTagIsElementWithoutChildren() {
        Markup m = TagScanner.scan("a <br/> b <slot name=\"x\" /> c");
        assertThat(shape("a <br/> b <slot name=\"x\" /> c")).isEqualTo("a [br/] b [slot/] c");
        Element slot = (Element) m.nodes().get(3);
        assertThat(slot.selfClosing()).isTrue();
        assertThat(slot.openEnd()).isEqualTo(slot.end());
        assertThat(slot.closeStart()).isEqualTo(slot.end());
        assertThat(slot.children()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void lessThanInProseIsText() {
        String text = "if x<y and a < b, a <= b, a <- b, I <3 it, x << 2, <> and <{var}> or <1st>";
        assertThat(TagScanner.scan(text).nodes()).containsExactly(new Chunk(0, text.length()));
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void lessThanBeforeASectionDoesNotSwallowIt() {
        assertThat(shape("if x<y then\n<context>c</context>")).isEqualTo("if x<y then\n[context|c]");
    }

    @Test
    void placeholdersPassThroughAsText() {
        String text = "Hello {{name}}, your {var} and <{var}> and {{<b>}}";
        assertThat(shape("Hello {{name}}, your {var} and <{var}>")).isEqualTo("Hello {{name}}, your {var} and <{var}>");
        assertThat(problems(text)).containsExactly("UNCLOSED b@45+3");
    }

    @Test
    void whitespaceAfterLessThanIsNoTag() {
        assertThat(shape("< a>x</a>")).isEqualTo("< a>x</a>");
        assertThat(problems("< a>x</a>")).containsExactly("UNOPENED a@5+4");
    }

    @Test
    void malformedAttributesMakeTheTagText() {
        assertThat(shape("<a b=\"x>y</a>")).isEqualTo("<a b=\"x>y</a>");
        assertThat(shape("<a+b>x</a+b>")).isEqualTo("<a+b>x</a+b>");
        assertThat(shape("<a b=>x</a>")).isEqualTo("<a b=>x</a>");
        assertThat(shape("<a b=\"1\"c=\"2\">x</a>")).isEqualTo("<a b=\"1\"c=\"2\">x</a>");
    }

    @Test
    void tagNamesMayHoldDigitsUnderscoresDashesDotsAndColons() {
        assertThat(shape("<h1>t</h1><ns:tag>u</ns:tag><a.b-c_d>v</a.b-c_d>"))
                .isEqualTo("[h1|t][ns:tag|u][a.b-c_d|v]");
    }

    @Test
    void closeTagMayEndWithBlanks() {
        assertThat(shape("<a>x</a  >")).isEqualTo("[a|x]");
    }

    @Test
    void openTagMaySpanLines() {
        assertThat(shape("<document\n  index=\"1\"\n  source=\"a.txt\">body</document>")).isEqualTo("[document|body]");
    }

    @Test
    void tagsInFencedCodeAreText() {
        String text = """
                <context>
                ```xml
                <config><item></config>
                ```
                </context>
                ~~~~
                <a>x</a>
                ~~~~
                """;
        assertThat(shape(text)).isEqualTo("""
                [context|
                ```xml
                <config><item></config>
                ```
                ]
                ~~~~
                <a>x</a>
                ~~~~
                """);
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void fenceMayBeIndentedUpToThreeSpaces() {
        assertThat(shape("   ```\n<a>x</a>\n   ```\n")).isEqualTo("   ```\n<a>x</a>\n   ```\n");
        assertThat(shape("    ```\n<a>x</a>\n")).isEqualTo("    ```\n[a|x]\n");
    }

    @Test
    void fenceIndentedUnderAListItemIsCode() {
        // agent-creator's prompt: the example an agent file holds, fenced inside a nested list item
        String text = """
                1. Design:
                   - **Examples**: Create blocks with:
                     ```
                     <example>
                     user: "hi"
                     </example>
                     ```
                   - **Model**: <b>y</b>
                """;
        assertThat(shape(text)).isEqualTo(text.replace("<b>y</b>", "[b|y]"));
    }

    @Test
    void fenceInTextShiftedRightIsCode() {
        // a prompt kept indented in source code: its margin is four spaces in, and so is its fence
        String text = """
                    Example:

                    ```python
                    print(render(user))
                    <user>
                      <name>John</name>
                    </user>
                    ```
                    <b>y</b>
                """;
        assertThat(shape(text)).isEqualTo(text.replace("<b>y</b>", "[b|y]"));
        String unclosed = "    Example:\n    ```\n    <a>x</a>\n";
        assertThat(shape(unclosed)).isEqualTo(unclosed);
        // an example cut short inside a section: the fence ends where the section's margin does
        String cutShort = "  <answer>\n    First:\n    ```\n    <a>x</a>\n    ...\n  </answer>\n";
        assertThat(shape(cutShort)).isEqualTo("  [answer|\n    First:\n    ```\n    <a>x</a>\n    ...\n  ]\n");
        // code pasted flush left inside a shifted fence is still the fence's, up to its close
        String flush = "  <tool>\n    Add:\n    ```js\n<a>x</a>\n  ]\n    ```\n  </tool>\n";
        assertThat(shape(flush)).isEqualTo("  [tool|\n    Add:\n    ```js\n<a>x</a>\n  ]\n    ```\n  ]\n");
        String tooFar = "    Example:\n\n        ```\n<a>x</a>\n";
        assertThat(shape(tooFar)).isEqualTo(tooFar.replace("<a>x</a>", "[a|x]"));
    }

    @Test
    void indentedBacktickLineAfterProseIsNoFence() {
        String text = "Some prose.\n\n     ```\n<a>x</a>\n";
        assertThat(shape(text)).isEqualTo(text.replace("<a>x</a>", "[a|x]"));
        String tooFar = "- item\n\n         ```\n<a>x</a>\n";
        assertThat(shape(tooFar)).isEqualTo(tooFar.replace("<a>x</a>", "[a|x]"));
    }

    @Test
    void fenceClosesOnlyWithTheSameCharacterAndAtLeastItsLength() {
        String text = "````\n<a>x</a>\n```\n~~~~\n<b>y</b>\n`````\n<c>z</c>";
        assertThat(shape(text)).isEqualTo(text.replace("<c>z</c>", "[c|z]"));
    }

    @Test
    void closingFenceCarriesNothingElse() {
        String text = "```\n<a>x</a>\n``` not a close\n<b>y</b>\n";
        assertThat(shape(text)).isEqualTo(text);
    }

    @Test
    void unclosedFenceRunsToTheEnd() {
        String text = "<a>x</a>\n```\n<b>y</b>\n";
        assertThat(shape(text)).isEqualTo("[a|x]\n```\n<b>y</b>\n");
    }

    @Test
    void backtickInInfoStringMeansNoFence() {
        assertThat(shape("```a`\n<b>y</b>")).isEqualTo("```a`\n[b|y]");
    }

    @Test
    void tagsInInlineCodeAreText() {
        String text = "Write `<answer>` or ``a`<b>`c`` then <c>ok</c>";
        assertThat(shape(text)).isEqualTo("Write `<answer>` or ``a`<b>`c`` then [c|ok]");
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void unmatchedBacktickIsLiteral() {
        assertThat(shape("a ` b <c>x</c>")).isEqualTo("a ` b [c|x]");
        assertThat(shape("a `` b <c>x</c> ` d")).isEqualTo("a `` b [c|x] ` d");
    }

    @Test
    void codeSpanEndsAtTheParagraph() {
        assertThat(shape("`a\n\n<c>x</c> b`")).isEqualTo("`a\n\n[c|x] b`");
        assertThat(shape("`a\n<c>x</c> b`")).isEqualTo("`a\n<c>x</c> b`");
    }

    @Test
    void codeSpanEndsAtALineHoldingOnlyATag() {
        String text = "<task>\nUse the ` key.\n</task>\n<rules>\nNever run `eval`.\n</rules>";
        assertThat(shape(text)).isEqualTo("[task|\nUse the ` key.\n]\n[rules|\nNever run `eval`.\n]");
        assertThat(shape("`a\n <b x=\"1\"> \nc`")).isEqualTo("`a\n <b x=\"1\"> \nc`");
        assertThat(problems("`a\n <b x=\"1\"> \nc`")).containsExactly("UNCLOSED b@4+9");
    }

    @Test
    void commentsAreText() {
        assertThat(shape("<!-- <a> --><b>x</b>")).isEqualTo("<!-- <a> -->[b|x]");
        assertThat(problems("<!-- <a> --><b>x</b>")).isEmpty();
    }

    @Test
    void unclosedCommentIsJustText() {
        assertThat(shape("<!-- <a>x</a>")).isEqualTo("<!-- [a|x]");
    }

    @Test
    void unclosedTagIsTextWithProblem() {
        String text = "Say <b>hi";
        assertThat(shape(text)).isEqualTo(text);
        assertThat(problems(text)).containsExactly("UNCLOSED b@4+3");
    }

    @Test
    void strayCloseIsTextWithProblem() {
        assertThat(shape("a</b> c")).isEqualTo("a</b> c");
        assertThat(problems("a</b> c")).containsExactly("UNOPENED b@1+4");
    }

    @Test
    void closeOfAnOuterTagLeavesTheInnerOneAsText() {
        String text = "<a>x<b>y</a>z</b>";
        assertThat(shape(text)).isEqualTo("[a|x<b>y]z</b>");
        assertThat(problems(text)).containsExactly("MISMATCHED b@4+3", "UNOPENED b@13+4");
    }

    @Test
    void aNamespacedOpeningTagPairsWithItsClosingTagWithoutThePrefix() {
        // the tool-use appendix of Anthropic's prompt-engineering tutorial shows calls with the
        // namespace on the opening tag only: <ns:parameter name="$PARAMETER_NAME">$PARAMETER_VALUE</parameter>
        String text = """
                <function_calls>
                <invoke name="search">
                <fn:parameter name="query">weather in Paris</parameter>
                <fn:parameter name="filter" op=">=" note='a > b'>temperature > 20</parameter>
                <fn:parameter name="limit" type="int" optional>5</parameter>
                </invoke>
                </function_calls>""";
        assertThat(problems(text)).isEmpty();
        assertThat(shape(text)).isEqualTo("""
                [function_calls|
                [invoke|
                [fn:parameter|weather in Paris]
                [fn:parameter|temperature > 20]
                [fn:parameter|5]
                ]
                ]""");
        Markup m = TagScanner.scan(text);
        Element parameter = (Element) ((Element) ((Element) m.nodes().get(0)).children().get(1)).children().get(3);
        assertThat(parameter.attributes()).containsExactly(new Attribute("name", "filter"), new Attribute("op", ">="),
                new Attribute("note", "a > b"));
        // and the other way round
        assertThat(shape("<parameter>v</fn:parameter>")).isEqualTo("[parameter|v]");
    }

    @Test
    void aPrefixPairsOnlyWithTheInnermostOpenTagAndNeverWithAnotherPrefix() {
        assertThat(problems("<a:x>v</b:x>")).containsExactly("UNCLOSED a:x@0+5", "UNOPENED b:x@6+6");
        assertThat(problems("<fn:x><y>v</x></y>")).containsExactly("UNCLOSED fn:x@0+6", "UNOPENED x@10+4");
        // a close of the same name, unprefixed, still takes the tag that carries that very name
        assertThat(shape("<x><fn:x>v</x>")).isEqualTo("[x|<fn:x>v]");
    }

    /**
     * Devin's command catalogue: a command's section names the command in a sentence of its own
     * body. That mention is text, as it would be anywhere else, and the close ends the section.
     */
    @Test
    void aMentionOfItsOwnNameInASectionsProseDoesNotTakeTheSectionsClose() {
        String text = "<str_replace path=\"/f\">\nCall <open_file> at the same time as <str_replace>.\n</str_replace>\n";
        assertThat(shape(text)).isEqualTo("[str_replace|\nCall <open_file> at the same time as <str_replace>.\n]\n");
        assertThat(problems(text)).containsExactly("MISMATCHED open_file@29+11", "MISMATCHED str_replace@61+13");
        // a mention before the sections of its name, and a bare section tag after another tag, pair as written
        assertThat(shape("<note>\nSee the <note> below.\n</note>\n<note>\nreal\n</note>"))
                .isEqualTo("[note|\nSee the <note> below.\n]\n[note|\nreal\n]");
        assertThat(shape("<a>\n</b> <a>\nx\n</a>\n</a>")).isEqualTo("[a|\n</b> [a|\nx\n]\n]");
        // an inline element of the name, closed on its own line, is one
        assertThat(shape("<b id=\"1\">\nsay <b>x</b> here\n</b>")).isEqualTo("[b|\nsay [b|x] here\n]");
        // two mentions and no section: the close takes the nearer, as before
        assertThat(problems("Use <x> or\nthe <x> tag\n</x>")).containsExactly("UNCLOSED x@4+3");
    }

    @Test
    void namesAreCaseSensitive() {
        assertThat(shape("<a>x</A>")).isEqualTo("<a>x</A>");
        assertThat(problems("<a>x</A>")).containsExactly("UNCLOSED a@0+3", "UNOPENED A@4+4");
    }

    @Test
    void voidElementsAloneAreTextWithoutProblem() {
        String text = "line<br>more<hr> <img src=x.png> <p>para<br>graph</p>";
        assertThat(shape(text)).isEqualTo("line<br>more<hr> <img src=x.png> [p|para<br>graph]");
        assertThat(problems(text)).isEmpty();
    }

    @Test
    void voidNamesStillPairWhenClosed() {
        assertThat(shape("<source>wiki</source>")).isEqualTo("[source|wiki]");
    }

    @Test
    void tagNamesAreAsciiOnlyButContentIsAnyText() {
        assertThat(shape("<контекст>текст</контекст>")).isEqualTo("<контекст>текст</контекст>");
        assertThat(problems("<контекст>текст</контекст>")).isEmpty();
        assertThat(shape("<context>Привет, мир — 你好 🌍</context>")).isEqualTo("[context|Привет, мир — 你好 🌍]");
    }

    @Test
    void adjacentTextIsOneChunk() {
        Markup m = TagScanner.scan("a <x> b </y> c <br> d");
        assertThat(m.nodes()).containsExactly(new Chunk(0, 21));
    }

    @Test
    void childrenCoverTheContentExactly() {
        Element e = (Element) TagScanner.scan("<a>1<b>2</b>3</a>").nodes().get(0);
        assertThat(e.children()).hasSize(3);
        assertThat(e.children().get(0).start()).isEqualTo(e.openEnd());
        assertThat(e.children().get(2).end()).isEqualTo(e.closeStart());
    }

    @Test
    void mayContainTagsIsACheapPreFilter() {
        assertThat(TagScanner.mayContainTags("a < b and 1<2 <{x}>")).isFalse();
        assertThat(TagScanner.mayContainTags("x<y")).isTrue();
        assertThat(TagScanner.mayContainTags("end </")).isTrue();
        assertThat(TagScanner.mayContainTags("ends with <")).isFalse();
        assertThat(TagScanner.mayContainTags(null)).isFalse();
    }

    @Test
    void nullIsScannedAsEmpty() {
        assertThat(TagScanner.scan(null).nodes()).isEmpty();
    }

    @Test
    void unclosedTagsDoNotCountTowardsTheDepthLimit() {
        int limit = Limits.DEFAULTS.maxTagDepth();
        String text = "see <x> ".repeat(limit + 10) + "<context>c</context>";
        Markup m = TagScanner.scan(text, Limits.DEFAULTS, Loc.NONE);
        assertThat(m.nodes().get(m.nodes().size() - 1)).isInstanceOf(Element.class);
        assertThat(m.problems()).hasSize(limit + 10);
    }

    @Test
    void hugeAndDeepInputsFinishQuickly() {
        StringBuilder b = new StringBuilder(50_100_000);
        String block = """
                <context>
                Some prose with a < b, `code <x>` and {{var}}.
                </context>
                <example index="1">if x<y then <answer>z</answer></example>
                ```
                <not>a tag</not>
                ```
                stray </b> and <c> here
                """;
        while (b.length() < 50_000_000) {
            b.append(block);
        }
        String huge = b.toString();
        String deep = "<a>".repeat(10_000) + "x" + "</a>".repeat(10_000);
        String backticks = "` `` ``` ".repeat(200_000) + "<!--".repeat(200_000) + "<a b=\"".repeat(200_000);
        // a guard against a hang or quadratic blow-up, not a speed measurement (that is JMH's job)
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(TagScanner.scan(huge).nodes()).isNotEmpty();
            assertThat(TagScanner.scan(deep).problems()).isEmpty();
            assertThat(TagScanner.scan(backticks).hasElements()).isFalse();
        });
    }
}
