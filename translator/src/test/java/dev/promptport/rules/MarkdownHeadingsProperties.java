package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick test for a heading mark, found by its '#', answers as the four string searches it replaced. */
class MarkdownHeadingsProperties {

    @Property(tries = 5000)
    void findsAMarkAfterALineBreakAndUpToThreeSpacesAsStringSearchesDo(@ForAll("lines") String text) {
        boolean expected = text.contains("\n#") || text.contains("\n #") || text.contains("\n  #")
                || text.contains("\n   #");
        assertThat(MarkdownHeadings.markAfterLineBreak(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of("\n", " ", "  ", "\t", "#", "##", "# Title", "C#", "x", "–", "\r\n")
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
