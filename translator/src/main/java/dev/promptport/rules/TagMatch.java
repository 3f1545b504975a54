package dev.promptport.rules;

import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Part;

import java.util.List;

/** A tagged section with a given name, or a tag of that name left in prose; once per text. */
final class TagMatch {

    private TagMatch() {
    }

    static void check(RuleInfo rule, List<Part.Text> texts, StepContext ctx) {
        String name = rule.match().get("name");
        for (Part.Text t : texts) {
            if (t.markup() == null) {
                continue;
            }
            int at = find(t.markup().nodes(), name);
            if (at < 0) {
                for (Markup.Problem p : t.markup().problems()) {
                    if (p.name().equalsIgnoreCase(name)) {
                        at = p.offset();
                        break;
                    }
                }
            }
            if (at >= 0) {
                ctx.sink().report(rule.id(), LineIndex.of(t.text()).locate(t.loc(), at), name, ctx.targetName());
            }
        }
    }

    private static int find(List<Markup.Node> nodes, String name) {
        for (Markup.Node n : nodes) {
            if (n instanceof Markup.Element e) {
                if (e.name().equalsIgnoreCase(name)) {
                    return e.start();
                }
                int inner = find(e.children(), name);
                if (inner >= 0) {
                    return inner;
                }
            }
        }
        return -1;
    }
}
