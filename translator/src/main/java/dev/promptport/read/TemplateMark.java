package dev.promptport.read;

import dev.promptport.tree.Loc;

/**
 * Template syntax in a prompt file's body that the reader takes out of the text it sends: the
 * template's own engine would never send it as written, so each is named in a finding instead.
 */
public sealed interface TemplateMark {

    Loc loc();

    /**
     * A Prompty role line with attributes ({@code user[name="Jane"]:}), which Prompty sends as
     * the message's metadata; the tree keeps no names or attributes on a message.
     *
     * @param line the role line as written, without its surrounding blanks
     * @param attributes the attribute block, brackets and all
     */
    record RoleAttributes(String line, String attributes, Loc loc) implements TemplateMark {
    }

    /** A Handlebars comment in a Dotprompt body ({@code {{! … }}}, {@code {{!-- … --}}}), as written. */
    record Comment(String text, Loc loc) implements TemplateMark {
    }

    /**
     * Dotprompt's {@code {{history}}}: where the conversation so far goes, as written.
     *
     * @param modelText whether text without a role marker of its own follows it, which Dotprompt
     *        makes a model message
     */
    record History(String text, Loc loc, boolean modelText) implements TemplateMark {
    }
}
