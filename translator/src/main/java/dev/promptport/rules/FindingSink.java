package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.tree.Loc;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one translation. Not thread-safe: one per translation. */
public final class FindingSink {

    private final Catalogue catalogue;
    private final List<Finding> findings = new ArrayList<>(8);

    public FindingSink(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Reports rule {@code ruleId} at {@code loc}; {@code args} fill the message's placeholders. */
    public void report(String ruleId, Loc loc, Object... args) {
        RuleInfo rule = catalogue.rule(ruleId);
        findings.add(new Finding(rule.id(), rule.severity(), rule.feature(),
                rule.render(rule.message(), args), rule.render(rule.fix(), args), loc));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
