package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownHeadingsTest {

    @Test
    void aHeadingLineIsUpToThreeBlanksOneToSixMarksAndASpaceOrTab() {
        assertThat(MarkdownHeadings.levelOfLine("## Rules", 0)).isEqualTo(2);
        assertThat(MarkdownHeadings.levelOfLine("   # Rules", 0)).isEqualTo(1);
        assertThat(MarkdownHeadings.levelOfLine("#\tRules", 0)).isEqualTo(1);
        assertThat(MarkdownHeadings.levelOfLine("###### Six", 0)).isEqualTo(6);
        // a fourth blank before the marks makes an indented code line
        assertThat(MarkdownHeadings.levelOfLine("    # code", 0)).isZero();
        assertThat(MarkdownHeadings.levelOfLine("  \t # code", 0)).isZero();
        // unlike CommonMark, a tab is one blank: a prompt indents a whole example by a tab, and
        // its "# Step 1" is a heading once the section's indent is taken off
        assertThat(MarkdownHeadings.levelOfLine("\t# Step 1", 0)).isEqualTo(1);
        assertThat(MarkdownHeadings.levelOfLine("####### Seven", 0)).isZero();
        assertThat(MarkdownHeadings.levelOfLine("#hashtag", 0)).isZero();
        assertThat(MarkdownHeadings.levelOfLine("Intro\n## Rules", 6)).isEqualTo(2);
    }

    @Test
    void aCommentInAFenceInsideAListItemIsNoHeading() {
        // a fence in a list item stands as far in as the item's text, four or more spaces
        String text = """
                ## Setup

                1. Install the tools:
                   - With npm:
                        ```bash
                        # install the dependencies
                        npm install
                        ```
                2. Run the tests.
                """;
        MarkdownHeadings headings = MarkdownHeadings.of(text);
        assertThat(headings.top(text.indexOf("1."), text.length())).isEqualTo(7);
        assertThat(headings.lastIn(0, text.length())).isEqualTo(2);
    }

    @Test
    void aFenceClosesOnlyWithItsOwnKind() {
        String text = "````md\n```\n# inside\n````\n# Outside\n";
        MarkdownHeadings headings = MarkdownHeadings.of(text);
        assertThat(headings.top(0, text.indexOf("# Outside"))).isEqualTo(7);
        assertThat(headings.lastIn(0, text.length())).isEqualTo(1);
    }

    @Test
    void theHeadingAboveASectionIsReadByTheSameRule() {
        assertThat(HeadingAbove.names("##\tRules\n", 0, 9, 2, "Rules")).isTrue();
        assertThat(HeadingAbove.names("\t## Rules\n", 0, 10, 2, "Rules")).isTrue();
        assertThat(HeadingAbove.names("    ## Rules\n", 0, 13, 2, "Rules")).isFalse();
        assertThat(HeadingAbove.names("## Rules\n", 0, 9, 3, "Rules")).isFalse();
    }
}
