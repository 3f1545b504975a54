package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.tree.Loc;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one translation. Not thread-safe: one per translation. */
public final class FindingSink {

    private final RuleSet rules;
    private final List<Finding> findings = new ArrayList<>(8);

    public FindingSink(RuleSet rules) {
        this.rules = rules;
    }

    /** Collects findings of the built-in rules as they are. */
    public FindingSink(Catalogue catalogue) {
        this(RuleSet.builtIn());
    }

    /**
     * Reports rule {@code ruleId} at {@code loc}; {@code args} fill the message's placeholders.
     * A rule the team turned off reports nothing.
     */
    public void report(String ruleId, Loc loc, Object... args) {
        RuleInfo rule = rules.effective(ruleId);
        if (rule == null) {
            return;
        }
        report(rule, loc, rules.rendering(rule.id()).of(rule, args));
    }

    /**
     * Reports rule {@code ruleId} at {@code loc} with a rendering kept for this one finding: a
     * remembered text reports the same findings for every request that carries it, and a rule
     * that finds two things in it would otherwise render its messages over each other's.
     */
    void report(String ruleId, Loc loc, RenderedOnce rendered, Object[] args) {
        RuleInfo rule = rules.effective(ruleId);
        if (rule == null) {
            return;
        }
        report(rule, loc, rendered.of(rule, args, rules.rendering(rule.id())));
    }

    private void report(RuleInfo rule, Loc loc, RenderedOnce.Text text) {
        findings.add(new Finding(rule.id(), rule.severity(), rule.feature(), text.message(), text.fix(), loc,
                rule.effort()));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
