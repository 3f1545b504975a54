package dev.promptport.rules;

import dev.promptport.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the rule engine runs for one target, worked out once per rule set and target: each
 * rule's kind and scope read from its match, the checks in catalogue order (findings keep
 * their order), and the pattern rules after them. A request then pays for its rules, not for
 * looking up what each rule is.
 *
 * @param checks the field, tag, part and capability rules, in catalogue order
 * @param patterns the pattern rules, in catalogue order
 */
record RulePlan(List<Check> checks, List<Check> patterns) {

    enum Kind { FIELD, TAG, PART, CAPABILITY, PATTERN }

    /**
     * @param scope which prose a pattern rule reads ({@code prompt}, {@code system}, {@code user})
     * @param check which capability a capability rule checks, or null
     */
    record Check(Kind kind, RuleInfo rule, String scope, String check) {
    }

    static RulePlan of(Collection<RuleInfo> rules, Target target) {
        List<Check> checks = new ArrayList<>();
        List<Check> patterns = new ArrayList<>();
        for (RuleInfo r : rules) {
            if (!r.appliesTo(target)) {
                continue;
            }
            Kind kind = switch (r.kind()) {
                case "pattern" -> Kind.PATTERN;
                case "field" -> Kind.FIELD;
                case "tag" -> Kind.TAG;
                case "part" -> Kind.PART;
                case "capability" -> Kind.CAPABILITY;
                default -> null;
            };
            if (kind == Kind.PATTERN) {
                patterns.add(new Check(kind, r, r.match().getOrDefault("scope", "prompt"), null));
            } else if (kind != null) {
                checks.add(new Check(kind, r, "prompt", r.match().get("check")));
            }
        }
        return new RulePlan(List.copyOf(checks), List.copyOf(patterns));
    }

    boolean isEmpty() {
        return checks.isEmpty() && patterns.isEmpty();
    }
}
