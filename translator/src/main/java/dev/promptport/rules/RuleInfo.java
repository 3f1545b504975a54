package dev.promptport.rules;

import dev.promptport.Severity;
import dev.promptport.Target;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule as written in a rule file ({@code rules/pack.yaml} or a user's own).
 *
 * @param effort minutes a person needs for one occurrence
 * @param targets which targets the rule applies to ({@code all}, a vendor, a model, a glob
 *     such as {@code openai:gpt-5*}, or {@code reasoning} / {@code no-reasoning})
 * @param match what the rule matches: {@code kind} and that kind's parameters
 * @param rewrite the built-in rewrite step that performs the change, or {@code null}
 * @param message the finding's text, with {@code {0}}, {@code {1}}, … for the details
 * @param source the file the rule was read from, for error messages
 */
public record RuleInfo(String id, String title, String feature, Severity severity, int effort,
                       List<String> targets, Map<String, String> match, String rewrite,
                       String message, String fix, String source) {

    public RuleInfo {
        targets = targets == null || targets.isEmpty() ? List.of("all") : List.copyOf(targets);
        match = match == null ? Map.of("kind", "step") : Map.copyOf(match);
    }

    public String kind() {
        return match.getOrDefault("kind", "step");
    }

    public RuleInfo withSeverity(Severity s) {
        return new RuleInfo(id, title, feature, s, effort, targets, match, rewrite, message, fix, source);
    }

    /**
     * Whether the rule is meant for {@code target}: some entry names it and no {@code !entry}
     * excludes it ({@code [all, "!anthropic"]}: every target but Claude).
     */
    public boolean appliesTo(Target target) {
        boolean included = false;
        for (String t : targets) {
            String p = t.toLowerCase(Locale.ROOT).trim();
            if (p.startsWith("!")) {
                if (names(p.substring(1), target)) {
                    return false;
                }
            } else if (names(p, target)) {
                included = true;
            }
        }
        return included;
    }

    private static boolean names(String p, Target target) {
        String id = target.id().toLowerCase(Locale.ROOT);
        return p.equals("all") || p.equals("*") || p.equals(id) || p.equals(target.vendor().toLowerCase(Locale.ROOT))
                || p.equals("reasoning") && target.facts().reasons()
                || p.equals("no-reasoning") && !target.facts().reasons()
                || p.endsWith("*") && id.startsWith(p.substring(0, p.length() - 1))
                || sameModel(p, target);
    }

    /**
     * Whether {@code p} names the target's model under another spelling: a rule written for
     * {@code openai:gpt-4o} is meant for its dated snapshots ({@code gpt-4o-2024-08-06}) and
     * path-prefixed ids too, as the user means the model, not one way of writing it. A rule
     * that names one snapshot stays with that snapshot.
     */
    private static boolean sameModel(String p, Target target) {
        String vendor = target.vendor().toLowerCase(Locale.ROOT);
        if (p.length() <= vendor.length() + 1 || !p.startsWith(vendor) || p.charAt(vendor.length()) != ':') {
            return false;
        }
        String named = p.substring(vendor.length() + 1);
        String line = ModelIds.base(vendor, named);
        if (!line.equals(named) && !named.endsWith("-latest")) {
            return false;
        }
        return line.equals(ModelIds.base(vendor, target.model()));
    }

    /** The message with its placeholders filled in. */
    public String render(String template, Object... args) {
        if (args.length == 0 || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        int n = template.length();
        for (int brace = template.indexOf('{'); brace >= 0; brace = template.indexOf('{', i)) {
            if (brace + 2 < n && Character.isDigit(template.charAt(brace + 1)) && template.charAt(brace + 2) == '}') {
                int k = template.charAt(brace + 1) - '0';
                out.append(template, i, brace).append(k < args.length ? String.valueOf(args[k]) : "");
                i = brace + 3;
            } else {
                out.append(template, i, brace + 1);
                i = brace + 1;
            }
        }
        out.append(template, i, n);
        return out.toString();
    }
}
