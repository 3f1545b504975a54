package dev.promptport.rules;

import dev.promptport.PromptPortException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule's id: a letter, then up to 39 letters, digits, '_' or '-'; anything else is an error at the id. */
class RuleFileIdsTest {

    private static String rule(String id) {
        return """
                rules:
                  - id: "%s"
                    title: Codename in the prompt
                    feature: structure
                    severity: low
                    match: {kind: pattern, regex: "Project Falcon", scope: prompt}
                    message: "The prompt names the codename."
                    fix: "Use the product's public name."
                """.formatted(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACME1", "a", "acme_tone-2", "X123456789012345678901234567890123456789"})
    void anIdOfALetterThenLettersDigitsUnderscoresOrHyphensIsTaken(String id) {
        assertThat(RuleFiles.parse("team.yaml", rule(id), false)).extracting(RuleInfo::id).containsExactly(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ACME", "_acme", "acme tone", "acme.tone", "ÄCME", "X1234567890123456789012345678901234567890", ""})
    void anyOtherIdIsAnErrorAtTheId(String id) {
        assertThatThrownBy(() -> RuleFiles.parse("team.yaml", rule(id), false))
                .isInstanceOf(PromptPortException.class)
                .hasMessageStartingWith("team.yaml:2:")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("must start with a letter", "\"id\""));
    }
}
