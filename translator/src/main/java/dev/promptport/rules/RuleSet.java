package dev.promptport.rules;

import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The rules in force: the built-in pack plus a team's own rule files, with the team's
 * severity overrides applied and disabled rules left out. Immutable and thread-safe.
 */
public final class RuleSet {

    private static final String UNKNOWN_RULE = "; name one that promptport rules lists";

    private static final RuleSet BUILT_IN = new RuleSet(Catalogue.builtIn(), RuleConfig.NONE, List.of());

    private final Catalogue catalogue;
    private final RuleConfig config;
    private final Map<String, RuleInfo> effective;
    /** Each rule's last rendered messages, shared by the translations that use this rule set. */
    private final Map<String, RecentRenderings> renderings;
    private final Map<String, RulePlan> plans = new ConcurrentHashMap<>();
    private volatile Planned lastPlan;
    private final Map<String, PatternMatch.Compiled> patterns = new ConcurrentHashMap<>();

    private RuleSet(Catalogue catalogue, RuleConfig config, List<RuleInfo> extra) {
        this.catalogue = catalogue;
        this.config = config;
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo r : catalogue.rules()) {
            rules.put(r.id(), r);
        }
        for (RuleInfo r : extra) {
            RuleInfo before = rules.put(r.id(), r);
            if (before != null) {
                throw new PromptPortException(r.source() + ": rule " + r.id() + " is already defined in " + before.source()
                        + "; give your rule its own id", Loc.NONE);
            }
        }
        RuleConfig.Places places = config.places();
        for (Map.Entry<String, dev.promptport.Severity> e : config.severities().entrySet()) {
            RuleInfo r = rules.get(e.getKey());
            if (r == null) {
                throw places.errorAtEntry("/severity", e.getKey(), "severity override for unknown rule " + e.getKey()
                        + UNKNOWN_RULE);
            }
            rules.put(r.id(), r.withSeverity(e.getValue()));
        }
        for (int i = 0; i < config.suppress().size(); i++) {
            for (String id : config.suppress().get(i).rules()) {
                if (!rules.containsKey(id)) {
                    throw places.errorAtEntry("/suppress/" + i + "/rules", id, "cannot suppress unknown rule " + id
                            + UNKNOWN_RULE);
                }
            }
        }
        for (String id : config.disabled()) {
            if (rules.remove(id) == null) {
                throw places.errorAtEntry("/disable", id, "cannot disable unknown rule " + id + UNKNOWN_RULE);
            }
        }
        this.effective = Collections.unmodifiableMap(rules);
        Map<String, RecentRenderings> renderings = new HashMap<>();
        for (String id : rules.keySet()) {
            renderings.put(id, new RecentRenderings());
        }
        this.renderings = Collections.unmodifiableMap(renderings);
    }

    /** The built-in rules, unchanged. */
    public static RuleSet builtIn() {
        return BUILT_IN;
    }

    /** The built-in rules with {@code config} applied and its rule files added. */
    public static RuleSet of(RuleConfig config) {
        if (config == RuleConfig.NONE) {
            return BUILT_IN;
        }
        List<RuleInfo> extra = new ArrayList<>();
        for (int i = 0; i < config.ruleFiles().size(); i++) {
            Path p = config.ruleFiles().get(i);
            if (!Files.exists(p)) {
                throw config.error("/rules/" + i, "no such rule file or folder: " + p);
            }
            extra.addAll(readRules(p));
        }
        return new RuleSet(Catalogue.builtIn(), config, extra);
    }

    private static List<RuleInfo> readRules(Path p) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new PromptPortException(p + ": cannot be read: " + e.getMessage(), Loc.NONE, e);
            }
        } else if (Files.isRegularFile(p)) {
            files.add(p);
        } else {
            throw new PromptPortException(p + ": no such rule file or folder (named in .promptport.yaml)", Loc.NONE);
        }
        List<RuleInfo> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.addAll(RuleFiles.parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8), false));
            } catch (IOException e) {
                throw new PromptPortException(f + ": cannot be read: " + e.getMessage(), Loc.NONE, e);
            }
        }
        return out;
    }

    /** The target named {@code spec}: a model from the settings first, else a built-in one. */
    public Target target(String spec) {
        for (Target t : config.models()) {
            if (t.id().equalsIgnoreCase(spec.trim())) {
                return t;
            }
        }
        return catalogue.target(spec.trim());
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    public RuleConfig config() {
        return config;
    }

    /** The rule as in force, or {@code null} when it is disabled. */
    /** Where rule {@code id}'s last rendered messages are kept; for an effective rule only. */
    RecentRenderings rendering(String id) {
        return renderings.get(id);
    }

    public RuleInfo effective(String id) {
        RuleInfo r = effective.get(id);
        if (r == null && catalogue.find(id) == null) {
            throw new IllegalStateException("rule " + id + " is not in rules/pack.yaml");
        }
        return r;
    }

    /** The rule {@code id} as in force, a team's own included, or {@code null} when there is none or it is disabled. */
    public RuleInfo find(String id) {
        return effective.get(id);
    }

    /** Every rule in force, sorted by id. */
    public List<RuleInfo> rules() {
        return effective.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /** A pattern rule's regex and literals, compiled the first time the rule runs. */
    PatternMatch.Compiled pattern(RuleInfo rule) {
        // looked up first: a lambda that captures the rule would be made on every call
        PatternMatch.Compiled compiled = patterns.get(rule.id());
        return compiled != null ? compiled : patterns.computeIfAbsent(rule.id(), id -> PatternMatch.compile(rule));
    }

    /** The rules the engine evaluates itself (all kinds but {@code step}) for {@code target}, planned once. */
    RulePlan plan(Target target) {
        // one application translates for one or two targets: the last plan is checked first,
        // by identity, before the map and the target's id are paid for
        Planned last = lastPlan;
        if (last != null && last.target == target) {
            return last.plan;
        }
        RulePlan plan = plans.computeIfAbsent(target.id(), k -> RulePlan.of(effective.values(), target));
        lastPlan = new Planned(target, plan);
        return plan;
    }

    private record Planned(Target target, RulePlan plan) {
    }
}
