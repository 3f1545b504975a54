package dev.promptport.rules;

import dev.promptport.LimitExceededException;
import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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
        Prose byScope = new Prose(input);
        // each long text's remembered hits, looked up in the memo once per request
        Map<Part.Text, TextHits> kept = ctx.memo() == null ? Map.of() : new IdentityHashMap<>(4);
        List<RulePlan.Check> checks = plan.checks();
        for (int i = 0; i < checks.size(); i++) {
            RulePlan.Check c = checks.get(i);
            RuleInfo r = c.rule();
            switch (c.kind()) {
                case FIELD -> FieldMatch.check(r, input, ctx);
                case TAG -> {
                    List<Part.Text> texts = byScope.of(c.scope());
                    for (int k = 0; k < texts.size(); k++) {
                        reportHits(r, i, texts.get(k), false, plan, ctx, kept);
                    }
                }
                case PART -> PartMatch.check(r, input, ctx);
                case CAPABILITY -> CapabilityChecks.check(r, c.check(), input, target, ctx);
                default -> {
                }
            }
        }
        if (!plan.patterns().isEmpty()) {
            patterns(input, ctx, plan, byScope, kept, nanoClock);
        }
    }

    private static void patterns(Conversation input, StepContext ctx, RulePlan plan,
            Prose byScope, Map<Part.Text, TextHits> kept, LongSupplier nanoClock) {
        long budget = TimeUnit.MILLISECONDS.toNanos(ctx.limits().maxRuleMillis());
        long start = nanoClock.getAsLong();
        long sinceClock = 0;
        List<RulePlan.Check> patterns = plan.patterns();
        for (int j = 0; j < patterns.size(); j++) {
            RulePlan.Check c = patterns.get(j);
            RuleInfo r = c.rule();
            int slot = plan.checks().size() + j;
            List<Part.Text> texts = byScope.of(c.scope());
            for (int k = 0; k < texts.size(); k++) {
                Part.Text t = texts.get(k);
                // only a search counts against the time limit: a remembered one costs nothing
                if (reportHits(r, slot, t, true, plan, ctx, kept)) {
                    sinceClock += t.text().length();
                }
            }
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

    /** The prose texts of a request by scope ({@link #prose(Conversation, String)}), each gathered once. */
    private static final class Prose {
        private final Conversation input;
        private List<Part.Text> user;
        private List<Part.Text> system;
        private List<Part.Text> both;

        Prose(Conversation input) {
            this.input = input;
        }

        List<Part.Text> of(String scope) {
            if ("user".equals(scope)) {
                if (user == null) {
                    user = prose(input, scope);
                }
                return user;
            }
            if ("system".equals(scope)) {
                if (system == null) {
                    system = prose(input, scope);
                }
                return system;
            }
            if (both == null) {
                both = prose(input, scope);
            }
            return both;
        }
    }

    /**
     * Reports rule {@code r}'s hits in {@code t}: those the memo kept for check {@code slot}, or
     * those a search finds (a pattern's, or else a tag rule's), which the memo then keeps.
     * Returns whether the search ran.
     */
    private static boolean reportHits(RuleInfo r, int slot, Part.Text t, boolean pattern, RulePlan plan,
            StepContext ctx, Map<Part.Text, TextHits> kept) {
        TextHits remembered = kept(t, plan, ctx, kept);
        List<TextHits.Hit> hits = remembered == null ? null : remembered.get(slot);
        boolean searched = hits == null;
        if (searched) {
            hits = pattern ? PatternMatch.find(r, t, ctx) : TagMatch.find(r, t, ctx.targetName());
            if (remembered != null) {
                remembered.put(slot, hits);
            }
        }
        report(r, t, hits, remembered, ctx);
        return searched;
    }

    /** The remembered hits of a long text that traffic repeats, or null when there is no memo. */
    private static TextHits kept(Part.Text t, RulePlan plan, StepContext ctx, Map<Part.Text, TextHits> kept) {
        TextMemo memo = ctx.memo();
        if (memo == null || !TextMemo.worthIt(t.text())) {
            return null;
        }
        TextHits hits = kept.get(t);
        if (hits == null) {
            int slots = plan.checks().size() + plan.patterns().size();
            hits = memo.get(t.text(), plan, () -> new TextHits(t.text(), slots));
            kept.put(t, hits);
        }
        return hits;
    }

    private static void report(RuleInfo r, Part.Text t, List<TextHits.Hit> hits, TextHits kept, StepContext ctx) {
        if (hits.isEmpty()) {
            return;
        }
        LineIndex lines = kept != null ? kept.lines() : LineIndex.of(t.text());
        for (int i = 0; i < hits.size(); i++) {
            TextHits.Hit h = hits.get(i);
            ctx.sink().report(r.id(), lines.locate(t.loc(), h.offset()), h.rendered(), h.args());
        }
    }

    /** The prose a rule's scope covers: system text, user text, or both. By index: an iterator per list is garbage. */
    static List<Part.Text> prose(Conversation c, String scope) {
        // a request holds a few texts: the system prompt and a user message or two
        List<Part.Text> out = new ArrayList<>(4);
        if (!"user".equals(scope)) {
            addTexts(c.system(), out);
        }
        List<Turn> turns = c.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            // a system turn is system text given later in the conversation
            boolean inScope = turn.role() == Role.SYSTEM ? !"user".equals(scope)
                    : turn.role() == Role.USER && !"system".equals(scope);
            if (inScope) {
                addTexts(turn.parts(), out);
            }
        }
        return out;
    }

    private static void addTexts(List<Part> parts, List<Part.Text> out) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) instanceof Part.Text t) {
                out.add(t);
            }
        }
    }
}
