package dev.promptport;

import dev.promptport.LimitExceededException.Limit;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(Limits.DEFAULTS).isEqualTo(new Limits(64L * 1024 * 1024, 256, 512, 1_000_000, 2_000));
        assertThat(Options.DEFAULT.limits()).isEqualTo(Limits.DEFAULTS);
    }

    @Test
    void eachWitherChangesOnlyItsOwnLimit() {
        Limits l = Limits.DEFAULTS.withMaxInputBytes(10).withMaxJsonDepth(20).withMaxTagDepth(30).withMaxTags(40)
                .withMaxRuleMillis(50);
        assertThat(l).isEqualTo(new Limits(10, 20, 30, 40, 50));
        assertThat(l.withMaxTags(41)).isEqualTo(new Limits(10, 20, 30, 41, 50));
    }

    @Test
    void aLimitThatIsNotPositiveIsRefusedNamingIt() {
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxInputBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInputBytes");
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxJsonDepth(-1)).hasMessageContaining("maxJsonDepth");
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxTagDepth(0)).hasMessageContaining("maxTagDepth");
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxTags(0)).hasMessageContaining("maxTags");
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxRuleMillis(0)).hasMessageContaining("maxRuleMillis");
        assertThat(Limits.DEFAULTS.withMaxTags(1).maxTags()).isEqualTo(1);
    }

    @Test
    void optionsWithersKeepTheLimits() {
        Limits small = Limits.DEFAULTS.withMaxTags(3);
        Options o = Options.DEFAULT.withLimits(small).withPretty(true).withFindingsOnly(true).withPromptFile(true)
                .withStyle(dev.promptport.rules.Style.XML).withRules(dev.promptport.rules.RuleSet.builtIn());
        assertThat(o.limits()).isEqualTo(small);
        assertThat(new Options(dev.promptport.rules.Style.AUTO, false).limits()).isEqualTo(Limits.DEFAULTS);
        assertThatThrownBy(() -> Options.DEFAULT.withLimits(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eachMessageNamesTheLimitItsValueAndTheOptionThatRaisesIt() {
        LimitExceededException tags = LimitExceededException.tagDepth(512, Loc.position(3, 7));
        assertThat(tags.getMessage()).isEqualTo("the tags nest deeper than the tag depth limit (512); raise it with --max-tag-depth");
        assertThat(tags.describe()).isEqualTo("3:7: " + tags.getMessage());
        assertThat(tags.limit()).isEqualTo(Limit.TAG_DEPTH);
        assertThat(tags.value()).isEqualTo(512);
        assertThat(tags.actual()).isEmpty();

        assertThat(LimitExceededException.inputSize(64L << 20, 70_000_000, "bytes").getMessage()).isEqualTo(
                "the input is 70000000 bytes, larger than the input size limit (64 MB); raise it with --max-input-mb");
        assertThat(LimitExceededException.inputSize(1000, -1, "bytes").getMessage()).isEqualTo(
                "the input is larger than the input size limit (1000 bytes); raise it with --max-input-mb");
        assertThat(LimitExceededException.jsonDepth(256, Loc.NONE).getMessage()).isEqualTo(
                "the JSON nests deeper than the JSON depth limit (256); raise it with --max-json-depth");
        LimitExceededException count = LimitExceededException.tagCount(10, 11, Loc.NONE);
        assertThat(count.getMessage()).isEqualTo("the text holds 11 tags, more than the tag count limit (10); raise it with --max-tags");
        assertThat(count.actual()).hasValue(11);
        assertThat(LimitExceededException.ruleTime(2000, 2345, "PP139").getMessage()).isEqualTo(
                "the pattern rules took 2345 ms (stopped after rule PP139), longer than the rule time limit (2000 ms);"
                        + " raise it with --max-rule-ms");
        assertThat(count).isInstanceOf(PromptPortException.class);
    }
}
