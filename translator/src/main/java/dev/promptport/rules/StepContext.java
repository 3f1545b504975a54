package dev.promptport.rules;

import dev.promptport.Limits;
import dev.promptport.Target;
import dev.promptport.tree.TextMemo;
import dev.promptport.write.ChatDialect;

/**
 * What every rewrite step of one translation shares: the target, the finding sink, the
 * chosen style, and what a step records for the way back (the prefill).
 */
public final class StepContext {

    private final Target target;
    private ChatDialect chatDialect;
    private String targetName;
    private final FindingSink sink;
    private final Style style;
    private final Catalogue catalogue;
    private String prefill;
    private final java.util.Map<String, String> toolNames = new java.util.LinkedHashMap<>();
    /** The conversation as read, before any step changed it. */
    private dev.promptport.tree.Conversation read;

    private final RuleSet rules;
    private final Limits limits;
    private final TextMemo memo;

    public StepContext(Target target, RuleSet rules, Style style) {
        this(target, rules, style, Limits.DEFAULTS);
    }

    /** @param limits the rule time limit among them bounds {@link RuleEngine#check} */
    public StepContext(Target target, RuleSet rules, Style style, Limits limits) {
        this(target, rules, style, limits, null);
    }

    /** @param memo remembers the rewrite of long texts seen before, or null */
    public StepContext(Target target, RuleSet rules, Style style, Limits limits, TextMemo memo) {
        this.memo = memo;
        this.target = target;
        this.rules = rules;
        this.catalogue = rules.catalogue();
        this.sink = new FindingSink(rules);
        this.style = style;
        this.limits = limits;
    }

    public StepContext(Target target, Catalogue catalogue, Style style) {
        this(target, RuleSet.builtIn(), style);
    }

    TextMemo memo() {
        return memo;
    }

    public RuleSet rules() {
        return rules;
    }

    public Target target() {
        return target;
    }

    public FindingSink sink() {
        return sink;
    }

    public Style style() {
        return style;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    Limits limits() {
        return limits;
    }

    /** The OpenAI-compatible dialect of the target's vendor; several steps ask, so it is looked up once. */
    ChatDialect chatDialect() {
        ChatDialect d = chatDialect;
        if (d == null) {
            d = ChatDialect.of(target.vendor());
            chatDialect = d;
        }
        return d;
    }

    /** The assistant prefix removed from the request, or {@code null}. */
    public String prefill() {
        return prefill;
    }

    /** Tool names changed for the target: sent name to original name. */
    public java.util.Map<String, String> toolNames() {
        return java.util.Collections.unmodifiableMap(toolNames);
    }

    void recordToolName(String sent, String original) {
        toolNames.put(sent, original);
    }

    /**
     * The conversation as the reader gave it to the pipeline: a step that asks what the request
     * held, not what the steps before it left, looks here.
     */
    dev.promptport.tree.Conversation read() {
        return read;
    }

    void read(dev.promptport.tree.Conversation conversation) {
        this.read = conversation;
    }

    void recordPrefill(String prefix) {
        this.prefill = prefix;
    }

    /** The model's name as people say it, for messages: {@code openai:gpt-4o}. */
    /** The target as users write it; steps name it in many findings, so it is spelled once. */
    String targetName() {
        String name = targetName;
        if (name == null) {
            name = target.id();
            targetName = name;
        }
        return name;
    }
}
