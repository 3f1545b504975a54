package dev.promptport.rules;

import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rules that are data (patterns, fields, tags, parts, capability checks) on the
 * conversation as it was read. The rules for a target are grouped by kind once, so a kind
 * with no rules costs nothing.
 */
public final class RuleEngine {

    private RuleEngine() {
    }

    public static void check(Conversation input, StepContext ctx) {
        List<RuleInfo> rules = ctx.rules().declarative(ctx.target());
        if (rules.isEmpty()) {
            return;
        }
        Target target = ctx.target();
        List<RuleInfo> patterns = new ArrayList<>();
        for (RuleInfo r : rules) {
            switch (r.kind()) {
                case "pattern" -> patterns.add(r);
                case "field" -> FieldMatch.check(r, input, ctx);
                case "tag" -> TagMatch.check(r, prose(input, "prompt"), ctx);
                case "part" -> PartMatch.check(r, input, ctx);
                case "capability" -> CapabilityChecks.check(r, input, target, ctx);
                default -> {
                }
            }
        }
        // most pattern rules share a scope: each list of texts is gathered once
        Map<String, List<Part.Text>> byScope = new HashMap<>(4);
        for (RuleInfo r : patterns) {
            String scope = r.match().getOrDefault("scope", "prompt");
            PatternMatch.check(r, byScope.computeIfAbsent(scope, s -> prose(input, s)), ctx);
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
