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
 * {@code <category>} tags"). Every element of such a name keeps its tags, a template of the
 * reply included, since the code reading the reply looks for them. Words inside quotation marks
 * are someone else's and ask nothing.
 */
final class OutputContracts {

    private OutputContracts() {
    }

    static Set<String> of(String text, Markup markup, SectionStrays strays) {
        Set<String> names = emptyPairs(text, markup.nodes(), null);
        for (int p = 0; p < strays.size(); p++) {
            Problem problem = strays.get(p);
            if (strays.isBareOpen(p) && TagMentions.asksToWriteIn(text, problem.offset(), problem.length())
                    && !TagMentions.quoted(text, problem.offset())) {
                names = add(names, problem.name());
            }
        }
        return names == null ? Set.of() : names;
    }

    private static Set<String> emptyPairs(String text, List<Node> nodes, Set<String> names) {
        for (Node n : nodes) {
            if (n instanceof Element e) {
                if (!e.selfClosing() && e.attributes().isEmpty() && SectionPlan.blank(text, e.openEnd(), e.closeStart())
                        && (TagMentions.asksToWrite(text, e.start()) || TagPlacements.placedBefore(text, e.start()))
                        && !TagMentions.quoted(text, e.start())) {
                    names = add(names, e.name());
                }
                names = emptyPairs(text, e.children(), names);
            }
        }
        return names;
    }

    private static Set<String> add(Set<String> names, String name) {
        Set<String> out = names == null ? new HashSet<>() : names;
        out.add(name);
        return out;
    }
}
