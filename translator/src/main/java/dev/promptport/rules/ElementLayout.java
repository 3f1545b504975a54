package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.List;

/**
 * Where a tagged element sits in its text, read from the characters around and inside it: on
 * one line or several, alone on its lines, indented under a list item, holding only a
 * placeholder or a few short lines. The section plan and its neighbours decide with these what
 * an element is; none of them changes with the plan.
 */
final class ElementLayout {

    private ElementLayout() {
    }

    /** Whether {@code text} holds only whitespace in [from, to). */
    static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A template placeholder and nothing else: {@code {name}}, {@code {{NAME}}}, {@code {$NAME}},
     * and a JavaScript template's {@code ${skillsXml}}.
     */
    static boolean onlyPlaceholder(String text, Element e) {
        return placeholderAt(text, e) >= 0;
    }

    /**
     * A template engine's placeholder and nothing else: {@code {{NAME}}}, {@code {{{NAME}}}} or
     * {@code ${name}}, which an application fills in; not the single-brace {@code {name}} that a
     * reply's template also uses for what the model writes.
     */
    static boolean onlyEnginePlaceholder(String text, Element e) {
        int at = placeholderAt(text, e);
        return at >= 0 && (text.startsWith("{{", at) || text.startsWith("${", at));
    }

    /** Where the placeholder that is all {@code e} holds starts, or -1 when it holds anything else. */
    private static int placeholderAt(String text, Element e) {
        if (!e.children().isEmpty() && !(e.children().size() == 1 && e.children().get(0) instanceof Chunk)) {
            return -1;
        }
        // most sections hold prose: a look at their first and last character answers without a copy
        int start = e.openEnd();
        int last = e.closeStart() - 1;
        while (start <= last && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (last >= start && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        int first = start;
        if (first < last && text.charAt(first) == '$' && text.charAt(first + 1) == '{') {
            first++;
        }
        if (first > last || text.charAt(first) != '{' || text.charAt(last) != '}' || last - first > MAX_PLACEHOLDER) {
            return -1;
        }
        return PLACEHOLDER.matcher(text.substring(first, last + 1)).matches() ? start : -1;
    }

    /** No placeholder is longer; a longer text in braces is a JSON example or code. */
    private static final int MAX_PLACEHOLDER = 100;

    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("\\s*(\\{\\{\\{?\\s*[\\w.$-]+\\s*}}}?|\\{\\$?[\\w.-]+})\\s*");

    /** Whether prose stands before {@code e} on its line: "shown between the <example></example> tags". */
    static boolean afterProseOnItsLine(String text, Element e) {
        for (int i = e.start() - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} starts and ends on one line of {@code text}. */
    static boolean onOneLine(String text, Element e) {
        int lineBreak = text.indexOf('\n', e.start());
        return lineBreak < 0 || lineBreak >= e.end();
    }

    /**
     * Whether the section's open tag starts an indented line whose nearest line above that is
     * indented less is a list item ("- Create the file:" or "2. Run the query:"): the section,
     * like the item's other lines and sections between, is part of that item.
     */
    static boolean underListItem(String text, Element e) {
        int lineStart = e.start();
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int indent = e.start() - lineStart;
        if (indent == 0 || !blank(text, lineStart, e.start())) {
            return false;
        }
        // the nearest line above indented less, a screenful up at most
        int end = lineStart - 1;
        for (int lines = 0; end > 0 && lines < LIST_ITEM_REACH; lines++) {
            int start = end;
            while (start > 0 && text.charAt(start - 1) != '\n') {
                start--;
            }
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < end && !Character.isWhitespace(text.charAt(i)) && i - start < indent) {
                return isListMark(text, i, end);
            }
            end = start - 1;
        }
        return false;
    }

    /**
     * Whether an attribute's name ends in {@code ?}, a syntax's mark for an optional attribute
     * ({@code <callout icon?="emoji">}, {@code <table header-row?="true|false">}): the element is
     * the syntax of a block the model writes, as a catalogue of them shows it, not a section.
     */
    static boolean marksOptionalAttributes(Element e) {
        // by index: most elements have no attributes, and an iterator each would be garbage
        List<Markup.Attribute> attributes = e.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            if (attributes.get(i).name().endsWith("?")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the element holds tags and nothing else but blanks between them: the shape of a
     * tool call's syntax, each parameter in its tag ({@code <attempt_completion>} around
     * {@code <result>…</result>}), where a section of instructions holds prose.
     */
    static boolean holdsOnlyElements(String text, Element e) {
        boolean any = false;
        List<Node> children = e.children();
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Chunk c) {
                if (!blank(text, c.start(), c.end())) {
                    return false;
                }
            } else {
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether the element stands right between two items of one list, on lines of its own with
     * no blank line around it: "- Be kind" then {@code <important>…</important>} then "- Be
     * concise". A heading there would end the list and start it again after the section.
     */
    static boolean betweenListItems(String text, Element e) {
        int lineStart = text.lastIndexOf('\n', e.start() - 1) + 1;
        if (lineStart == 0 || !blank(text, lineStart, e.start())) {
            return false;
        }
        int aboveStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        if (!listItemLine(text, aboveStart, lineStart - 1)) {
            return false;
        }
        int lineEnd = text.indexOf('\n', e.end());
        if (lineEnd < 0 || !blank(text, e.end(), lineEnd)) {
            return false;
        }
        int belowEnd = text.indexOf('\n', lineEnd + 1);
        belowEnd = belowEnd < 0 ? text.length() : belowEnd;
        return listItemLine(text, lineEnd + 1, belowEnd);
    }

    /** Whether the line [from, to), past its indent, opens with a list item's mark. */
    private static boolean listItemLine(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < to && isListMark(text, i, to);
    }

    /** How many lines up the list item holding a section is looked for. */
    private static final int LIST_ITEM_REACH = 40;

    /** Whether a list item's mark starts at {@code i}: "- ", "* ", "+ " or "12. ". */
    private static boolean isListMark(String text, int i, int end) {
        char c = text.charAt(i);
        if ((c == '-' || c == '*' || c == '+') && i + 1 < end && text.charAt(i + 1) == ' ') {
            return true;
        }
        int j = i;
        while (j < end && j - i < 3 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        return j > i && j + 1 < end && (text.charAt(j) == '.' || text.charAt(j) == ')') && text.charAt(j + 1) == ' ';
    }

    /** An open tag that gives its name a value, {@code <parameter=command>}, rather than attributes. */
    static boolean namesItsValue(String text, Element e) {
        int at = e.start() + 1 + e.name().length();
        return at < e.openEnd() && text.charAt(at) == '=';
    }

    /** At most three short lines inside: a slot of the reply, not a subsection of instructions. */
    static boolean fewShortLines(String text, Element e) {
        int lines = 0;
        int from = e.openEnd();
        int to = e.closeStart();
        if (to - from > 300) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines <= 4;
    }

    /**
     * Alone on its lines, or set between tags on them: Anthropic publishes claude.ai's system
     * prompts with their sections run together ("… more info. </general_claude_info>
     * <refusal_handling> Claude can …"), and a section of several lines between such tags is as
     * much a block as one on lines of its own. Prose beside a tag still makes it inline.
     */
    static boolean isBlockBetweenTags(String text, Element e, Element section) {
        return alone(text, e, section, true);
    }

    /** Whether the '>' at {@code i} ends a tag, {@code <name …>} or {@code </name>}, that starts at or after {@code low}. */
    private static boolean endsTag(String text, int i, int low) {
        if (text.charAt(i) != '>') {
            return false;
        }
        for (int k = i - 1; k >= low && k >= i - 200; k--) {
            char c = text.charAt(k);
            if (c == '<') {
                return k + 1 < i && (text.charAt(k + 1) == '/' || Character.isLetter(text.charAt(k + 1)));
            }
            if (c == '>' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Alone on its lines. The bounds of the enclosing converted section count as line ends,
     * because the rewrite puts that section's content on lines of its own: judged any other
     * way, a second pass would see a block where the first saw an inline tag.
     */
    static boolean isBlock(String text, Element e, Element section) {
        return alone(text, e, section, false);
    }

    /** Alone on its lines, or with {@code betweenTags} beside tags only (see {@link #isBlockBetweenTags}). */
    private static boolean alone(String text, Element e, Element section, boolean betweenTags) {
        int low = section == null ? 0 : section.openEnd();
        int i = e.start() - 1;
        while (i >= low && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i >= low && text.charAt(i) != '\n' && !(betweenTags && endsTag(text, i, low))) {
            return false;
        }
        int high = section == null ? text.length() : section.closeStart();
        int j = e.end();
        while (j < high && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j >= high || text.charAt(j) == '\n' || betweenTags && text.charAt(j) == '<' && j + 1 < high
                && (text.charAt(j + 1) == '/' || Character.isLetter(text.charAt(j + 1)));
    }
}
