package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a converted section's end needs a thematic break and where a heading already ends it. */
class SectionBreakTest {

    @Test
    void textAfterAClosedSectionIsSetApartByABreak() {
        assertThat(rewrite("<context>\nAcme.\n</context>\nBe brief.\n").text())
                .isEqualTo("# Context\n\nAcme.\n\n---\n\nBe brief.\n");
    }

    @Test
    void aHeadingAsHighAsTheClosedSectionsEndsItWithoutABreak() {
        assertThat(rewrite("<context>\nAcme.\n</context>\n\n# Billing\n\nPay monthly.\n").text())
                .isEqualTo("# Context\n\nAcme.\n\n# Billing\n\nPay monthly.\n");
        // Claude 4.1's leaked prompt: each section sits under a heading that names it
        assertThat(rewrite("""
                ## Citation Instructions

                <citation_instructions>
                Cite the results.
                </citation_instructions>

                ## Artifacts Information

                Use artifacts for code.
                """).text()).isEqualTo("""
                ## Citation Instructions

                Cite the results.

                ## Artifacts Information

                Use artifacts for code.
                """);
    }

    @Test
    void aDeeperHeadingAfterASectionStillNeedsTheBreak() {
        // without it "Billing" would read as a part of "Context"
        assertThat(rewrite("<context>\nAcme.\n</context>\n\n## Billing\n\nPay monthly.\n").text())
                .isEqualTo("# Context\n\nAcme.\n\n---\n\n## Billing\n\nPay monthly.\n");
    }
}
