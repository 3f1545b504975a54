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
        return names == null ? Set.of() : names;
    }

    private static boolean asked(String text, SectionStrays strays, int p) {
        Problem problem = strays.get(p);
        if (strays.isBareOpen(p) && TagMentions.asksToWriteIn(text, problem.offset(), problem.length())) {
            return true;
        }
        return (strays.isBareOpen(p) || strays.isBareClose(p)) && ReplyEdges.at(text, problem.offset());
    }

    private static Set<String> elements(String text, List<Node> nodes, Set<String> names) {
        for (Node n : nodes) {
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
        if (SectionPlan.blank(text, e.openEnd(), e.closeStart())) {
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
