package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import dev.promptport.tree.Markup.Problem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tag names a prompt asks the reply to be written in: an empty pair in a sentence that asks
 * for output ("reply with the category inside {@code <category></category>} tags", not "see the
 * {@code <rules></rules>} block"), or a mention the same way ("put the category in
 * {@code <category>} tags", "write your reasoning between {@code <thought>} and
 * {@code </thought>} tags", "begin your answer with {@code <analysis>}"). Every element of such
 * a name keeps its tags, a template of the reply included, since the code reading the reply
 * looks for them. Words inside quotation marks are someone else's and ask nothing.
 */
final class OutputContracts {

    private OutputContracts() {
    }

    static Set<String> of(String text, Markup markup, SectionStrays strays) {
        Set<String> names = elements(text, markup.nodes(), null);
        for (int p = 0; p < strays.size(); p++) {
            Problem problem = strays.get(p);
            if (asked(text, strays, p) && !TagMentions.quoted(text, problem.offset())) {
                names = add(names, problem.name());
            }
        }
        names = codeSpans(text, names);
        return names == null ? Set.of() : names;
    }

    /**
     * Mentions set as inline code, "wrap the content in {@code `<boltArtifact>`} tags": the
     * scanner reads no tag inside code, but the sentence asks for the tag all the same.
     */
    private static Set<String> codeSpans(String text, Set<String> names) {
        // a backtick is rare in prose, and a search for one char far quicker than for two
        for (int i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '<') {
                continue;
            }
            int start = i + 1;
            int end = TagMentions.bareTagEnd(text, start);
            if (end < 0 || TagMentions.pastCodeQuote(text, end) == end || TagMentions.quoted(text, i)) {
                continue;
            }
            String name = text.substring(start + 1, end - 1);
            int pair = closingMention(text, end, name);
            if (TagMentions.asksToWriteIn(text, start, pair - start) || TagContainers.asksFor(text, start, end)
                    || TagLists.asksFor(text, start, end)) {
                names = add(names, name);
            }
        }
        return names;
    }

    /**
     * Past "{@code ` and `</name>}" after the code mention ending at {@code end}: "wrap code in
     * {@code `<snippet>`} and {@code `</snippet>`} tags" names one tag by both its ends.
     */
    private static int closingMention(String text, int end, String name) {
        int i = TagMentions.skipSpaces(text, TagMentions.pastCodeQuote(text, end));
        if (!text.startsWith("and ", i) && !text.startsWith("or ", i)) {
            return end;
        }
        i = TagMentions.pastCodeQuote(text, TagMentions.skipSpaces(text, text.indexOf(' ', i)));
        int close = i + name.length() + 3;
        return text.startsWith("</", i) && text.startsWith(name, i + 2) && close <= text.length()
                && text.charAt(close - 1) == '>' ? close : end;
    }

    private static boolean asked(String text, SectionStrays strays, int p) {
        Problem problem = strays.get(p);
        if (strays.isBareOpen(p) && TagMentions.asksToWriteIn(text, problem.offset(), problem.length())) {
            return true;
        }
        if (strays.isBareOpen(p) && (TagContainers.asksFor(text, problem.offset(), problem.offset() + problem.length())
                || TagLists.asksFor(text, problem.offset(), problem.offset() + problem.length()))) {
            return true;
        }
        return (strays.isBareOpen(p) || strays.isBareClose(p)) && ReplyEdges.at(text, problem.offset());
    }

    private static Set<String> elements(String text, List<Node> nodes, Set<String> names) {
        // by index: an iterator per list, in every prompt's every section, adds up
        for (int i = 0, size = nodes.size(); i < size; i++) {
            Node n = nodes.get(i);
            if (n instanceof Element e) {
                if (!e.selfClosing() && e.attributes().isEmpty() && asked(text, e) && !TagMentions.quoted(text, e.start())) {
                    names = add(names, e.name());
                }
                names = elements(text, e.children(), names);
            }
        }
        return names;
    }

    private static boolean asked(String text, Element e) {
        if (ElementLayout.blank(text, e.openEnd(), e.closeStart())) {
            return TagMentions.asksToWrite(text, e.start()) || TagPlacements.placedBefore(text, e.start())
                    || TagMentions.tagsFollow(text, e.end()) && TagMentions.asksToWriteIn(text, e.start(), e.end() - e.start());
        }
        if (joinsMentions(text, e)) {
            // "between <thought> and </thought> tags": the scanner pairs the two mentions of one tag
            return TagMentions.tagsFollow(text, e.end()) && TagMentions.asksToWriteIn(text, e.start(), e.end() - e.start());
        }
        // "Begin your reply with <summary> and end it with </summary>": paired too
        return ReplyEdges.at(text, e.start());
    }

    /** Whether the element holds only "and" or "or", the way a sentence names its opening and closing tag. */
    private static boolean joinsMentions(String text, Element e) {
        int from = TagMentions.skipSpaces(text, e.openEnd());
        int to = TagMentions.spacesBack(text, e.closeStart());
        return to - from == 3 && text.regionMatches(true, from, "and", 0, 3)
                || to - from == 2 && text.regionMatches(true, from, "or", 0, 2);
    }

    private static Set<String> add(Set<String> names, String name) {
        Set<String> out = names == null ? new HashSet<>() : names;
        out.add(name);
        return out;
    }
}
