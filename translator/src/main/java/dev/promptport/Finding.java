package dev.promptport;

import dev.promptport.tree.Loc;

/**
 * Something a translation changed, dropped or could not carry over, worded for the person
 * who owns the prompt.
 *
 * @param id the rule's stable id, such as {@code PP107}
 * @param feature the request feature concerned, from a fixed vocabulary ({@code prefill},
 *     {@code top_k}, {@code xml_tags}, …)
 * @param message what happened, in one or two sentences
 * @param fix what the owner can do about it
 * @param location where in the input: a JSON pointer, a line and column, or both
 * @param effort minutes a person needs to review or fix this occurrence
 */
public record Finding(String id, Severity severity, String feature, String message, String fix,
                      Loc location, int effort) {

    /** One line: {@code location severity id message}. */
    public String oneLine() {
        String where = location == null ? "" : location.display();
        return (where.isEmpty() ? "" : where + " ") + severity.label() + " " + id + " " + message;
    }
}
