package dev.promptport.rules;

import dev.promptport.Severity;
import dev.promptport.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which targets a rule's {@code targets} list names, as a user writes it in a rule file. */
class RuleTargetsTest {

    private static RuleInfo ruleFor(String... targets) {
        return new RuleInfo("ACME1", "Team rule", "prose", Severity.MEDIUM, 1, List.of(targets),
                Map.of("kind", "pattern"), null, "Check this.", "Do that.", "team.yaml");
    }

    @ParameterizedTest(name = "a rule for {0} applies to {1}: {2}")
    @CsvSource({
            "openai:gpt-4o, openai:gpt-4o, true",
            "openai:gpt-4o, openai:gpt-4o-2024-08-06, true",
            "openai:gpt-4o, openai:GPT-4o-2024-11-20, true",
            "openai:gpt-4o, openai:openai/gpt-4o, true",
            "openai:gpt-4o, openai:gpt-4o-mini, false",
            "openai:gpt-4o, openai:gpt-4o-mini-2024-07-18, false",
            "openai:gpt-4o, azure:gpt-4o-2024-08-06, false",
            "openai:gpt-4o-2024-08-06, openai:gpt-4o-2024-08-06, true",
            "openai:gpt-4o-2024-08-06, openai:gpt-4o, false",
            "openai:gpt-4o-2024-08-06, openai:gpt-4o-2024-11-20, false",
            "openai:gpt-5-chat-latest, openai:gpt-5-chat, true",
            "anthropic:claude-sonnet-4-5, anthropic:claude-sonnet-4-5-20250929, true",
            "gemini:gemini-2.5-pro, gemini:models/gemini-2.5-pro, true",
            "gemini:gemini-2.5-pro, gemini:gemini-2.5-pro-preview-05-06, true",
            "gemini:gemini-2.5-pro, gemini:gemini-2.5-flash, false"})
    void aRuleNamingAModelAppliesToItsSnapshotsAndAliases(String named, String target, boolean applies) {
        assertThat(ruleFor(named).appliesTo(Target.of(target))).isEqualTo(applies);
    }

    @ParameterizedTest(name = "a rule for all but {0} skips {1}")
    @CsvSource({"openai:gpt-4o, openai:gpt-4o-2024-08-06", "openai:gpt-4o, openai:gpt-4o"})
    void anExcludedModelIsExcludedUnderEverySpelling(String excluded, String target) {
        assertThat(ruleFor("all", "!" + excluded).appliesTo(Target.of(target))).isFalse();
        assertThat(ruleFor("all", "!" + excluded).appliesTo(Target.of("openai:gpt-4o-mini"))).isTrue();
    }
}
