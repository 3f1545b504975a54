package dev.promptport;

import dev.promptport.rules.RuleSet;
import dev.promptport.rules.Style;
import dev.promptport.tree.TextMemo;

import java.util.Objects;

/**
 * How to translate.
 *
 * @param style {@link Style#XML} keeps tagged sections as tags instead of writing Markdown
 * @param pretty indent the output JSON
 * @param rules the rules in force: the built-in pack, or a team's settings and own rules
 * @param promptFile for Dotprompt and Prompty files: write the same file format back for the
 *     target, instead of the target's request JSON
 * @param findingsOnly check and rewrite but do not write the request: for audits, which read
 *     only the findings ({@link Translation#json()} is then {@code null})
 * @param limits how much one input may cost; going over one raises {@link LimitExceededException}
 * @param memo remembers the tags and rewrite of long texts seen before (a system prompt that
 *     every request repeats), or null to work everything out each time; share one across calls
 */
public record Options(Style style, boolean pretty, RuleSet rules, boolean promptFile, boolean findingsOnly,
                      Limits limits, TextMemo memo) {

    public static final Options DEFAULT = new Options(Style.AUTO, false, RuleSet.builtIn(), false, false);

    public Options {
        Objects.requireNonNull(limits, "limits");
    }

    public Options(Style style, boolean pretty) {
        this(style, pretty, RuleSet.builtIn(), false, false);
    }

    public Options(Style style, boolean pretty, RuleSet rules) {
        this(style, pretty, rules, false, false);
    }

    public Options(Style style, boolean pretty, RuleSet rules, boolean promptFile) {
        this(style, pretty, rules, promptFile, false);
    }

    public Options(Style style, boolean pretty, RuleSet rules, boolean promptFile, boolean findingsOnly) {
        this(style, pretty, rules, promptFile, findingsOnly, Limits.DEFAULTS);
    }

    public Options(Style style, boolean pretty, RuleSet rules, boolean promptFile, boolean findingsOnly,
                   Limits limits) {
        this(style, pretty, rules, promptFile, findingsOnly, limits, null);
    }

    public Options withStyle(Style newStyle) {
        return new Options(newStyle, pretty, rules, promptFile, findingsOnly, limits, memo);
    }

    public Options withPretty(boolean newPretty) {
        return new Options(style, newPretty, rules, promptFile, findingsOnly, limits, memo);
    }

    public Options withRules(RuleSet newRules) {
        return new Options(style, pretty, newRules, promptFile, findingsOnly, limits, memo);
    }

    public Options withPromptFile(boolean newPromptFile) {
        return new Options(style, pretty, rules, newPromptFile, findingsOnly, limits, memo);
    }

    public Options withFindingsOnly(boolean newFindingsOnly) {
        return new Options(style, pretty, rules, promptFile, newFindingsOnly, limits, memo);
    }

    /** With a memo for the long texts that traffic repeats; see {@link TextMemo}. */
    public Options withMemo(TextMemo newMemo) {
        return new Options(style, pretty, rules, promptFile, findingsOnly, limits, newMemo);
    }

    public Options withLimits(Limits newLimits) {
        return new Options(style, pretty, rules, promptFile, findingsOnly, newLimits, memo);
    }
}
