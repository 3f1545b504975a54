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
        findings.add(new Finding(rule.id(), rule.severity(), rule.feature(),
                rule.render(rule.message(), args), rule.render(rule.fix(), args), loc, rule.effort()));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
