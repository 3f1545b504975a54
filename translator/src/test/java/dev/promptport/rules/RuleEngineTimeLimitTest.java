package dev.promptport.rules;

import dev.promptport.LimitExceededException;
import dev.promptport.LimitExceededException.Limit;
import dev.promptport.Limits;
import dev.promptport.Target;
import dev.promptport.read.PromptFileReader;
import dev.promptport.tree.Conversation;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rule time limit, with a clock the test sets: every reading after the first is {@code step} ns after it. */
class RuleEngineTimeLimitTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    /** A system prompt long enough that the pattern rules read the clock, with a placeholder PP139 reports. */
    private static final String LARGE = "Fill in {{name}}.\n" + "Plain prose without anything to find. ".repeat(3_000);

    private static final class SteppingClock implements LongSupplier {
        final long step;
        final AtomicInteger readings = new AtomicInteger();

        SteppingClock(long step) {
            this.step = step;
        }

        @Override
        public long getAsLong() {
            return readings.getAndIncrement() == 0 ? 0 : step;
        }
    }

    private static StepContext context(long maxMillis) {
        return new StepContext(GPT_4O, RuleSet.builtIn(), Style.AUTO, Limits.DEFAULTS.withMaxRuleMillis(maxMillis));
    }

    private static Conversation prompt(String text) {
        return PromptFileReader.read(text, null);
    }

    @Test
    void rulesThatFinishExactlyOnTheBudgetReportTheirFindings() {
        StepContext ctx = context(5);
        RuleEngine.check(prompt(LARGE), ctx, new SteppingClock(TimeUnit.MILLISECONDS.toNanos(5)));
        assertThat(ctx.sink().findings()).anyMatch(f -> f.id().equals("PP139"));
    }

    @Test
    void rulesThatRunPastTheBudgetAreStoppedNamingTheTimeTheLimitAndTheOption() {
        SteppingClock clock = new SteppingClock(TimeUnit.MILLISECONDS.toNanos(5) + 1);
        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> RuleEngine.check(prompt(LARGE), context(5), clock));
        assertThat(e.limit()).isEqualTo(Limit.RULE_TIME);
        assertThat(e.value()).isEqualTo(5);
        assertThat(e.actual()).hasValue(5);
        assertThat(e.getMessage()).startsWith("the pattern rules took 5 ms (stopped after rule PP")
                .endsWith("longer than the rule time limit (5 ms); raise it with --max-rule-ms");
        assertThat(clock.readings.get()).isEqualTo(2);
    }

    @Test
    void anOrdinaryRequestReadsTheClockOnlyOnce() {
        SteppingClock clock = new SteppingClock(TimeUnit.DAYS.toNanos(1));
        StepContext ctx = context(1);
        RuleEngine.check(prompt("Fill in {{name}}. Think step by step."), ctx, clock);
        assertThat(clock.readings.get()).isEqualTo(1);
        assertThat(ctx.sink().findings()).anyMatch(f -> f.id().equals("PP139"));
    }

    @Test
    void theRealClockLetsAnOrdinaryPromptThroughTheDefaultBudget() {
        StepContext ctx = new StepContext(GPT_4O, RuleSet.builtIn(), Style.AUTO);
        RuleEngine.check(prompt(LARGE), ctx);
        assertThat(ctx.sink().findings()).anyMatch(f -> f.id().equals("PP139"));
    }
}
