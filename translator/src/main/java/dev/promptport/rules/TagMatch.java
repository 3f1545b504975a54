package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Part;

import java.util.List;

/** A tagged section with a given name, or a tag of that name left in prose; once per text. */
final class TagMatch {

    private TagMatch() {
    }

    /** The rule's hit in {@code t}, if any: the first such section or stray tag. */
    static List<TextHits.Hit> find(RuleInfo rule, Part.Text t, String targetName) {
        if (t.markup() == null) {
            return List.of();
        }
        String name = rule.match().get("name");
        int at = find(t.markup().nodes(), name);
        if (at < 0) {
            for (Markup.Problem p : t.markup().problems()) {
                if (p.name().equalsIgnoreCase(name)) {
                    at = p.offset();
                    break;
                }
            }
        }
        return at < 0 ? List.of() : List.of(new TextHits.Hit(at, new Object[] {name, targetName}));
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
