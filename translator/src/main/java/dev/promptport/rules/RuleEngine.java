package dev.promptport.rules;

import dev.promptport.LimitExceededException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Evaluates the rules that are data (patterns, fields, tags, parts, capability checks) on the
 * conversation as it was read. The rules for a target are grouped by kind once, so a kind
 * with no rules costs nothing.
 *
 * <p>The rule time limit bounds the pattern rules, the only ones whose cost a team's rule file
 * decides; the built-in kinds walk the tree once each and are not timed. Patterns run on RE2/J,
 * which is linear, so a request takes long only through a large text times many patterns, and
 * checking between rules is soon enough: the clock is read once the rules have looked at
 * {@value #CLOCK_EVERY_CHARS} characters since the last reading, so an ordinary request reads
 * it once, before the first pattern.
 */
public final class RuleEngine {

    /** Characters of text a pattern rule gets through in about a millisecond or less. */
    static final int CLOCK_EVERY_CHARS = 1 << 16;

    private RuleEngine() {
    }

    /**
     * @throws LimitExceededException when the pattern rules take longer than the context's
     *     {@link dev.promptport.Limits#maxRuleMillis()}
     */
    public static void check(Conversation input, StepContext ctx) {
        check(input, ctx, System::nanoTime);
    }

    /** @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} gives it */
    static void check(Conversation input, StepContext ctx, LongSupplier nanoClock) {
        RulePlan plan = ctx.rules().plan(ctx.target());
        if (plan.isEmpty()) {
            return;
        }
        Target target = ctx.target();
        // most rules read the same prose: each scope's texts are gathered once
        Map<String, List<Part.Text>> byScope = new HashMap<>(4);
        for (RulePlan.Check c : plan.checks()) {
            RuleInfo r = c.rule();
            switch (c.kind()) {
                case FIELD -> FieldMatch.check(r, input, ctx);
                case TAG -> TagMatch.check(r, byScope.computeIfAbsent(c.scope(), s -> prose(input, s)), ctx);
                case PART -> PartMatch.check(r, input, ctx);
                case CAPABILITY -> CapabilityChecks.check(r, input, target, ctx);
                default -> {
                }
            }
        }
        if (!plan.patterns().isEmpty()) {
            long budget = TimeUnit.MILLISECONDS.toNanos(ctx.limits().maxRuleMillis());
            long start = nanoClock.getAsLong();
            long sinceClock = 0;
            for (RulePlan.Check c : plan.patterns()) {
                RuleInfo r = c.rule();
                sinceClock += PatternMatch.check(r, byScope.computeIfAbsent(c.scope(), s -> prose(input, s)), ctx);
                if (sinceClock >= CLOCK_EVERY_CHARS) {
                    sinceClock = 0;
                    long spent = nanoClock.getAsLong() - start;
                    if (spent > budget) {
                        throw LimitExceededException.ruleTime(ctx.limits().maxRuleMillis(),
                                TimeUnit.NANOSECONDS.toMillis(spent), r.id());
                    }
                }
            }
        }
    }

    /** The prose a rule's scope covers: system text, user text, or both. */
    static List<Part.Text> prose(Conversation c, String scope) {
        List<Part.Text> out = new ArrayList<>();
        if (!"user".equals(scope)) {
            for (Part p : c.system()) {
                if (p instanceof Part.Text t) {
                    out.add(t);
                }
            }
        }
        if (!"system".equals(scope)) {
            for (Turn turn : c.turns()) {
                if (turn.role() == Role.USER) {
                    for (Part p : turn.parts()) {
                        if (p instanceof Part.Text t) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return out;
    }
}
