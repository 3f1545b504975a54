package dev.promptport.rules;

import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's message and fix may use only the placeholders its match fills; any other would print as nothing. */
class RuleFilePlaceholdersTest {

    private static String rule(String match, String message, String fix) {
        return """
                rules:
                  - id: ACME1
                    title: Codename in the prompt
                    feature: structure
                    severity: low
                    match: %s
                    message: "%s"
                    fix: "%s"
                """.formatted(match, message, fix);
    }

    @Test
    void aPatternRuleMayNameTheMatchAndTheTarget() {
        assertThat(RuleFiles.parse("team.yaml", rule("{kind: pattern, regex: \"Falcon\"}",
                "The prompt names {0} to {1}.", "Drop {0}; {x} and {{name}} are plain text."), false))
                .extracting(RuleInfo::id).containsExactly("ACME1");
    }

    @Test
    void aPlaceholderPastWhatAPatternFillsIsAnErrorAtTheMessage() {
        assertThatThrownBy(() -> RuleFiles.parse("team.yaml", rule("{kind: pattern, regex: \"Falcon\"}",
                "The prompt names {0} for {2}.", "Drop it."), false))
                .isInstanceOf(PromptPortException.class)
                .hasMessageStartingWith("team.yaml:7:")
                .hasMessageContaining("{2} stands for nothing here; this match fills only {0} the text matched and {1} the target");
    }

    @Test
    void aCapabilityCheckFillsItsOwnPlaceholdersAndTheFixIsCheckedToo() {
        assertThat(RuleFiles.parse("team.yaml", rule("{kind: capability, check: tool_count}",
                "{0} tools for {1}, which takes {2}.", "Send fewer."), false)).hasSize(1);
        assertThatThrownBy(() -> RuleFiles.parse("team.yaml", rule("{kind: capability, check: image_format}",
                "An image of type {0}.", "Convert it for {2}."), false))
                .hasMessageStartingWith("team.yaml:8:")
                .hasMessageContaining("{0} the image's media type and {1} the target");
    }
}
