package dev.promptport.rules;

import dev.promptport.Finding;
import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/** PP106 names the kind of line its reworded mention is on, not always "the sentence". */
class ReferencePlaceTest {

    @Test
    void rewordedMentionNamesTheLineItIsOn() {
        SectionRewrites.Result r = rewrite("""
                <rules>
                Be kind.
                </rules>

                ## About <rules>
                - Apply <rules> first.
                12. Then apply <rules> again.
                | <rules> | always |
                **Before <rules>**
                Follow the <rules> above.
                """);
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP106")).extracting(Finding::message).containsExactly(
                "The heading referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.",
                "The list item referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.",
                "The list item referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.",
                "The table row referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.",
                "The line in bold referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.",
                "The sentence referred to <rules>, which is now the heading \"Rules\"; the reference was reworded to name the section.");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP106")).first().extracting(Finding::fix)
                .isEqualTo("Read the reworded line once to check it still says what you meant.");
    }

    @Test
    void aMentionOfSeveralSectionsNamesTheirHeadingsAsTheRewordedTextDoes() {
        SectionRewrites.Result r = rewrite("""
                <example>
                Hello.
                </example>

                <example>
                Goodbye.
                </example>

                Answer in the style of the <example> sections.
                """);
        assertThat(r.text()).contains("the \"Example\" sections");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("PP106")).extracting(Finding::message).containsExactly(
                "The sentence referred to <example>, which are now the \"Example\" headings; the reference was reworded to"
                        + " name the sections.");
    }

    @Test
    void markdownMarkersOnlyCountAtTheStartOfTheLine() {
        assertThat(ReferencePlace.of("#hashtag <x>", 9)).isEqualTo(ReferencePlace.SENTENCE);
        assertThat(ReferencePlace.of("**Note:** see <x>.", 14)).isEqualTo(ReferencePlace.SENTENCE);
        assertThat(ReferencePlace.of("2024 was the year of <x>.", 21)).isEqualTo(ReferencePlace.SENTENCE);
        assertThat(ReferencePlace.of("-5 degrees in <x>", 14)).isEqualTo(ReferencePlace.SENTENCE);
        assertThat(ReferencePlace.of("intro\n  * read <x>\nmore", 15)).isEqualTo(ReferencePlace.LIST_ITEM);
        assertThat(ReferencePlace.of("### <x>\r\n", 4)).isEqualTo(ReferencePlace.HEADING);
    }
}
