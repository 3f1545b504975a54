package dev.promptport;

import dev.promptport.rules.Style;

/**
 * How to translate.
 *
 * @param style {@link Style#XML} keeps tagged sections as tags instead of writing Markdown
 * @param pretty indent the output JSON
 */
public record Options(Style style, boolean pretty) {

    public static final Options DEFAULT = new Options(Style.AUTO, false);

    public Options withStyle(Style newStyle) {
        return new Options(newStyle, pretty);
    }

    public Options withPretty(boolean newPretty) {
        return new Options(style, newPretty);
    }
}
