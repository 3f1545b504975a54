package dev.promptport.write;

import dev.promptport.tree.Part;
import dev.promptport.tree.TextMemo;

import java.util.List;

/**
 * The text parts of a list as one string value: the part itself when it is the only one, so
 * that a deferred rewrite is written straight from its characters, else the parts joined.
 */
record JoinedText(Part.Text only, String joined) {

    /** The text of {@code parts}, joined with {@code separator}; {@code null} when they hold none. */
    static JoinedText of(List<Part> parts, String separator) {
        if (parts.size() == 1 && parts.get(0) instanceof Part.Text t) {
            return new JoinedText(t, null);
        }
        String joined = Texts.join(parts, separator);
        return joined == null ? null : new JoinedText(null, joined);
    }

    /** Writes the text as a JSON string value, as {@link JsonText#string} does. */
    void write(JsonOut g, TextMemo memo) {
        if (only != null) {
            JsonText.text(g, only, memo);
        } else {
            JsonText.string(g, joined, memo);
        }
    }
}
