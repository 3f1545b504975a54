package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A section whose text is YAML (a Claude Code command's {@code <Task>} with a subagent's
 * settings) gets a heading above it like any other; its lines stay as written, or the values
 * and the block scalar's indents would change.
 */
class YamlSectionTest {

    private static final String YAML = """
            subagent_type: ops-engineer
            prompt: |
              Run a full preflight for: $ARGUMENTS
              1. Confirm the hardware.

                Keep this line indented.
            steps:
              - name: build
                run: make
            """;

    @Test
    void aYamlBodyKeepsEveryLineAsWrittenUnderItsHeading() {
        assertThat(rewrite("Verify the system.\n\n<Task>\n" + YAML + "</Task>\n").text())
                .isEqualTo("Verify the system.\n\n# Task\n\n" + YAML);
    }

    @Test
    void aYamlBodyIndentedUnderItsTagLosesTheSameIndentOnEveryLine() {
        String indented = YAML.lines().map(l -> l.isEmpty() ? l : "  " + l).reduce("", (a, l) -> a + l + "\n");
        assertThat(rewrite("<Task>\n" + indented + "</Task>\n").text()).isEqualTo("# Task\n\n" + YAML);
    }

    @Test
    void aYamlCommentAtTheMarginKeepsTheTags() {
        // "# which stage" would read as a heading beside the section's own
        String text = "<Task>\nsubagent_type: builder\n# which stage to run first\nstage: build\n</Task>\n";
        assertThat(rewrite(text).text()).isEqualTo(text);
    }
}
