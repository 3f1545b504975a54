package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.ModelFacts;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule pack, the tag vocabulary and the model facts, read once from the {@code rules/}
 * data packaged in the library. Immutable and shared by all translations.
 */
public final class Catalogue {

    private static final String BASE = "/dev/promptport/rules/";

    private final Map<String, RuleInfo> rules;
    private final TargetIndex targets;
    private final List<EffortBound> effortBounds;
    private final TagVocabulary tags;

    /** A budget below {@code below} (or any budget, when {@code below} is null) maps to {@code effort}. */
    public record EffortBound(Integer below, String effort) {
    }

    private final Map<String, Integer> budgetFromEffort;

    /** Facts by the model's own name ({@code o3}), as a request names it: the first vendor listed wins. */
    private final Map<String, ModelFacts> byModel;
    /** The plain names of the listed models that reason unasked: what a request's model name must start with to be one. */
    private final List<String> unaskedReasoners;

    private Catalogue(Map<String, RuleInfo> rules, Map<String, Target> targets,
                      List<EffortBound> effortBounds, TagVocabulary tags, Map<String, Integer> budgetFromEffort) {
        this.budgetFromEffort = Map.copyOf(budgetFromEffort);
        this.rules = Map.copyOf(rules);
        this.targets = new TargetIndex(targets.values());
        Map<String, ModelFacts> named = new LinkedHashMap<>();
        for (Target t : targets.values()) {
            // by the model's plain name, so a dated snapshot a request names is found too
            named.putIfAbsent(ModelIds.base(t.vendor(), t.model()), t.facts());
        }
        this.byModel = Map.copyOf(named);
        this.unaskedReasoners = named.entrySet().stream().filter(e -> e.getValue().reasonsUnasked())
                .map(Map.Entry::getKey).distinct().toList();
        this.effortBounds = List.copyOf(effortBounds);
        this.tags = tags;
    }

    private static final class Holder {
        static final Catalogue BUILT_IN = load();
    }

    /** The catalogue packaged with the library. */
    public static Catalogue builtIn() {
        return Holder.BUILT_IN;
    }

    public RuleInfo rule(String id) {
        RuleInfo r = rules.get(id);
        if (r == null) {
            throw new IllegalStateException("rule " + id + " is not in rules/pack.yaml");
        }
        return r;
    }

    public List<RuleInfo> rules() {
        return rules.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    /** The rule with {@code id}, or {@code null}. */
    public RuleInfo find(String id) {
        return rules.get(id);
    }

    public TagVocabulary tags() {
        return tags;
    }

    /** The thinking budget an effort name stands for, for targets whose knob is a budget. */
    public int budgetFor(String effort) {
        return budgetFromEffort.getOrDefault(effort, budgetFromEffort.getOrDefault("medium", 8192));
    }

    /**
     * Whether the model a request names reasons when the request does not ask it to ({@code o3},
     * {@code o3-2025-04-16}, {@code gemini-2.5-pro}). Most names start with no such model's name
     * and are answered without a copy of the name, once per request on the hot path.
     */
    public boolean reasonsUnasked(String name) {
        if (name == null) {
            return false;
        }
        int from = name.lastIndexOf('/') + 1;
        for (String reasoner : unaskedReasoners) {
            if (name.regionMatches(true, from, reasoner, 0, reasoner.length())) {
                ModelFacts facts = modelNamed(name);
                return facts != null && facts.reasonsUnasked();
            }
        }
        return false;
    }

    /**
     * The facts of the model a request names ({@code o3}, {@code o3-2025-04-16},
     * {@code models/gemini-2.5-flash}), or {@code null} for a model not listed.
     */
    private ModelFacts modelNamed(String name) {
        if (name == null) {
            return null;
        }
        // models/gemini-2.5-flash, openai/gpt-4o (a router's name): the model is after the last slash
        String model = name.substring(name.lastIndexOf('/') + 1);
        return byModel.get(ModelIds.base("", model));
    }

    public List<EffortBound> effortBounds() {
        return effortBounds;
    }

    /** The listed models, as targets.yaml lists them. */
    public List<Target> targets() {
        return List.copyOf(targets.listed());
    }

    /**
     * The target {@code spec} names: a listed model, or for a model of a known vendor that the
     * list does not name, the model with the facts of the closest listed one ({@link TargetIndex}).
     *
     * @throws PromptPortException when the spec is malformed or names an unknown vendor
     */
    public Target target(String spec) {
        if (spec == null || spec.indexOf(':') <= 0 || spec.endsWith(":")) {
            throw new PromptPortException("target '" + spec + "' is not of the form vendor:model"
                    + " (for example openai:gpt-4o)", Loc.NONE);
        }
        for (int i = spec.indexOf(':') + 1; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '#' || c == '?') {
                // a model id goes into URLs and request bodies as it is written
                throw new PromptPortException("target '" + spec.strip() + "' has a model id with "
                        + (c == '#' || c == '?' ? "'" + c + "'" : "a space or a control character")
                        + " in it; a model id is one word, such as gemini-2.5-flash", Loc.NONE);
            }
        }
        Target t = targets.resolve(spec);
        if (t == null) {
            int colon = spec.indexOf(':');
            Set<String> vendors = new LinkedHashSet<>();
            targets.listed().forEach(l -> vendors.add(l.vendor()));
            throw new PromptPortException("unknown target '" + spec + "': promptport knows no vendor '"
                    + spec.substring(0, colon) + "'; known vendors: " + String.join(", ", vendors)
                    + " (a model of another OpenAI-compatible server can be added under models: in .promptport.yaml)",
                    Loc.NONE);
        }
        return t;
    }

    private static Catalogue load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo info : RuleFiles.parse("rules/pack.yaml", readText("pack.yaml"), true)) {
            rules.put(info.id(), info);
        }

        JsonNode tagsNode = read(yaml, "tags.yaml");
        TagVocabulary tags = new TagVocabulary(lowerSet(tagsNode.path("data")), lowerSet(tagsNode.path("output")));

        JsonNode targetsNode = read(yaml, "targets.yaml");
        Map<String, Integer> budgets = new LinkedHashMap<>();
        targetsNode.path("budget_from_effort").fields().forEachRemaining(e -> budgets.put(e.getKey(), e.getValue().asInt()));
        List<EffortBound> bounds = new ArrayList<>();
        for (JsonNode b : targetsNode.path("effort_from_budget")) {
            bounds.add(new EffortBound(b.has("below") ? b.get("below").asInt() : null, text(b, "effort")));
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (JsonNode m : targetsNode.path("models")) {
            Target t = target(m, null);
            targets.put(t.id().toLowerCase(Locale.ROOT), t);
        }
        return new Catalogue(rules, Collections.unmodifiableMap(targets), bounds, tags, budgets);
    }

    /**
     * A model entry as written in targets.yaml; fields it leaves out come from {@code base}
     * (a user's model that is "like" a built-in one), or take their defaults.
     */
    static Target target(JsonNode m, ModelFacts base) {
        String id = text(m, "id");
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new IllegalArgumentException("a model needs an id of the form vendor:model");
        }
        ModelFacts b = base;
        ModelFacts facts = new ModelFacts(str(m, "wire", b == null ? "openai-chat" : b.wire()),
                num(m, "context_window", b == null ? 0 : b.contextWindow()), num(m, "max_output", b == null ? 0 : b.maxOutput()),
                str(m, "system_role", b == null ? "system" : b.systemRole()), str(m, "reasoning", b == null ? "none" : b.reasoning()),
                m.has("efforts") ? strings(m.path("efforts")) : b == null ? List.of() : b.efforts(),
                str(m, "output_limit_field", b == null ? "max_tokens" : b.outputLimitField()),
                bool(m, "vision", b != null && b.vision()), bool(m, "pdf", b != null && b.pdf()),
                bool(m, "tools", b == null || b.tools()), bool(m, "parallel_tool_calls", b != null && b.parallelToolCalls()),
                num(m, "stop_limit", b == null ? 4 : b.stopLimit()),
                m.has("rejects") ? Set.copyOf(strings(m.path("rejects"))) : b == null ? Set.of() : b.rejects(),
                str(m, "structure", b == null ? "markdown" : b.structure()), num(m, "max_tools", b == null ? 0 : b.maxTools()),
                str(m, "tokenizer", b == null ? "estimate" : b.tokenizer()),
                m.has("hosted_tools") ? Set.copyOf(strings(m.path("hosted_tools"))) : b == null ? Set.of() : b.hostedTools(),
                bool(m, "prefill", b != null && b.prefill()), num(m, "budget_min", b == null ? 0 : b.budgetMin()),
                num(m, "budget_max", b == null ? 0 : b.budgetMax()),
                m.has("takes") ? Set.copyOf(strings(m.path("takes"))) : b == null ? Set.of() : b.takes(),
                str(m, "default_effort", b == null ? null : b.defaultEffort()));
        return new Target(id.substring(0, colon), id.substring(colon + 1), facts);
    }

    private static String str(JsonNode m, String f, String dflt) {
        return m.hasNonNull(f) ? m.get(f).asText() : dflt;
    }

    private static int num(JsonNode m, String f, int dflt) {
        return m.hasNonNull(f) ? m.get(f).asInt() : dflt;
    }

    private static boolean bool(JsonNode m, String f, boolean dflt) {
        return m.hasNonNull(f) ? m.get(f).asBoolean() : dflt;
    }

    private static String readText(String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("rules/" + name + " is missing from the library jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/" + name, e);
        }
    }

    private static JsonNode read(ObjectMapper yaml, String name) {
        try (InputStream in = Catalogue.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("rules/" + name + " is missing from the library jar");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/" + name, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Set<String> lowerSet(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
        return out;
    }
}
