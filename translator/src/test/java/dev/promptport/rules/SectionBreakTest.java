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

    /**
     * An extraction prompt's examples, then the live document: a block that keeps its tags is
     * outside the section just closed, as text is, and the break keeps it out of "Example 2".
     */
    @Test
    void aKeptBlockAfterAClosedSectionIsSetApartByABreak() {
        assertThat(rewrite("""
                Extract the invoice number.

                <examples>
                <example>
                Invoice #A-1 -> A-1
                </example>
                <example>
                Invoice #B-2 -> B-2
                </example>
                </examples>

                <document>
                {{INVOICE_TEXT}}
                </document>

                Return only the number.
                """).text()).isEqualTo("""
                Extract the invoice number.

                # Examples

                ## Example 1

                Invoice #A-1 -> A-1

                ## Example 2

                Invoice #B-2 -> B-2

                ---

                <document>
                {{INVOICE_TEXT}}
                </document>

                Return only the number.
                """);
        // a section that converts after it is ended by its own heading
        assertThat(rewrite("<context>\nAcme.\n</context>\n\n<rules>\nBe brief.\n</rules>\n").text())
                .isEqualTo("# Context\n\nAcme.\n\n# Rules\n\nBe brief.\n");
    }
}
