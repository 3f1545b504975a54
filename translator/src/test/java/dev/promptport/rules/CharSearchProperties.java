package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Quick tests answer as the searches they stand in front of or replaced: a heading mark, a tag, an example's introduction. */
class CharSearchProperties {

    @Property(tries = 5000)
    void findsAMarkAfterALineBreakAndUpToThreeSpacesOrTabsAsAPatternSearchDoes(@ForAll("lines") String text) {
        // blanks as the full scan of the headings counts them: a tab is one
        boolean expected = java.util.regex.Pattern.compile("\n[ \t]{0,3}#").matcher(text).find();
        assertThat(MarkdownHeadings.markAfterLineBreak(text)).isEqualTo(expected);
    }

    @Property(tries = 5000)
    void findsATagByItsAngleBracketAsAStringSearchDoes(@ForAll("tagSoup") String text, @ForAll boolean close,
            @ForAll("names") String name) {
        assertThat(MarkdownSections.holdsTag(text, close, name)).isEqualTo(text.contains((close ? "</" : "<") + name));
    }

    @Provide
    Arbitrary<String> tagSoup() {
        return Arbitraries.of("<", "</", "/", "a", "ab", "b", "<a", "</ab", ">", " ", "–").list().ofMaxSize(10)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("", "a", "ab", "b", "/a");
    }

    @Property(tries = 5000)
    void aLineThatIntroducesAnExampleAlwaysPassesTheQuickLookForItsWords(@ForAll("introductions") String line) {
        String lower = line.strip().toLowerCase(java.util.Locale.ROOT);
        boolean asks = ShownSections.EXAMPLE_WORD.matcher(lower).find() || ShownSections.EXAMPLE_HEADING.matcher(lower).matches()
                || ShownSections.EXAMPLE_TITLE.matcher(lower).matches();
        if (asks) {
            assertThat(ShownSections.hasExampleWordStart(line, 0, line.length())).isTrue();
        }
    }

    @Provide
    Arbitrary<String> introductions() {
        return Arbitraries.of("For ", "example", "EXAMPLES", "Usage", "ſyntax", "İnstance", "instance", "e.g.", "E.G",
                "like this", "LIKE SO", "like the following", "structure", "## ", "#", " ", ":", "here's the ", "x", "_", "9", "1",
                "é", "İ", ". ", "-")
                .list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of("\n", " ", "  ", "\t", "#", "##", "# Title", "C#", "x", "–", "\r\n")
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
