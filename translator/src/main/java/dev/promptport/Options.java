package dev.promptport;

import dev.promptport.rules.RuleSet;
import dev.promptport.rules.Style;

/**
 * How to translate.
 *
 * @param style {@link Style#XML} keeps tagged sections as tags instead of writing Markdown
 * @param pretty indent the output JSON
 * @param rules the rules in force: the built-in pack, or a team's settings and own rules
 */
public record Options(Style style, boolean pretty, RuleSet rules) {

    public static final Options DEFAULT = new Options(Style.AUTO, false, RuleSet.builtIn());

    public Options(Style style, boolean pretty) {
        this(style, pretty, RuleSet.builtIn());
    }

    public Options withStyle(Style newStyle) {
        return new Options(newStyle, pretty, rules);
    }

    public Options withPretty(boolean newPretty) {
        return new Options(style, newPretty, rules);
    }

    public Options withRules(RuleSet newRules) {
        return new Options(style, pretty, newRules);
    }
}
