package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineBoundRegexTest {

    @Test
    void patternsThatCannotMatchALineFeedOrTheWholeTextsEndsAreLineBound() {
        for (String regex : List.of("\\b(Claude|Anthropic)\\b", "(?m)^[ \\t]*(Human|Assistant):", "a.b",
                "\\{\\{[^{}\\n]{1,80}\\}\\}|\\$\\{[A-Za-z_][A-Za-z0-9_.]{0,60}\\}", "(?i)think (it through )?step[- ]by[- ]step",
                "[^%\\s]+", "(?i:chain)[-_ ]of", "\\w+\\d*\\.\\$", "(?m)end$", "[\\t\\r ]+x")) {
            assertThat(LineBoundRegex.of(regex)).as(regex).isTrue();
        }
    }

    @Test
    void anythingThatMayMatchALineFeedOrAnchorsToTheWholeTextIsNot() {
        for (String regex : List.of("(?m)^[ \\t]*Assistant:[ \\t\\r\\n]*\\z", "a\\sb", "(?s)a.b", "a(?s:.)b", "[^a]",
                "[\\x00-\\x7F]", "[\\t-\\r]", "^Claude", "Claude$", "\\AClaude", "\\pL+", "[[:space:]]", "\\Qa\\E",
                "a\\nb", "[^\\S]", "a\nb", "(?-m)^x", "x(?m)^y", "\\x0A", "[\\n]")) {
            assertThat(LineBoundRegex.of(regex)).as(regex).isFalse();
        }
    }
}
