package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags one text of a request refers to and another text holds: the system prompt says "the
 * employee's question is inside {@code <question>} tags" and the user's turn holds
 * {@code <question>…</question>}. Each text is rewritten on its own, so the section would
 * become a heading while the sentence still pointed at its tags; such a section keeps them.
 * The texts are those {@link RewriteSections} rewrites: the system prompt, user turns and system
 * turns.
 */
final class CrossMentions {

    private CrossMentions() {
    }

    /**
     * For each prose text whose sections another text refers to, the names of those sections;
     * empty when there are none, as in most requests, which hold one tagged text.
     */
    static Map<Part.Text, Set<String>> kept(Conversation c) {
        Set<String> prefilled = prefillTags(c);
        boolean across = taggedTexts(c) >= 2;
        if (!across && prefilled == null) {
            // the common request: one tagged text, which no other text can point into
            return Map.of();
        }
        List<Part.Text> texts = new ArrayList<>();
        collect(c.system(), texts);
        for (Turn t : c.turns()) {
            // a system turn is instructions as the system prompt is, and is rewritten as one
            if (t.role() != Role.ASSISTANT) {
                collect(t.parts(), texts);
            }
        }
        List<Set<String>> mentioned = null;
        // with one tagged text no other can point into it: only the prefill's tags are read, and the
        // text, remembered from request to request, is not read again for its mentions
        for (int i = 0; across && i < texts.size(); i++) {
            Part.Text t = texts.get(i);
            Set<String> names = null;
            for (Markup.Problem p : t.markup().problems()) {
                if (p.kind() == Markup.Problem.Kind.UNCLOSED || asksForTag(t.text(), p)) {
                    names = add(names, p.name());
                }
            }
            names = emptyPairs(t.markup().nodes(), t.text(), names);
            if (names != null) {
                if (mentioned == null) {
                    // most requests mention no tag at all: nothing is made for them
                    mentioned = new ArrayList<>(texts.size());
                }
                while (mentioned.size() < i) {
                    mentioned.add(Set.of());
                }
                mentioned.add(names);
            }
        }
        if (mentioned == null && prefilled == null) {
            return Map.of();
        }
        if (mentioned == null) {
            mentioned = new ArrayList<>(texts.size());
        }
        while (mentioned.size() < texts.size()) {
            mentioned.add(Set.of());
        }
        Map<Part.Text, Set<String>> kept = null;
        for (int i = 0; i < texts.size(); i++) {
            Set<String> elsewhere = null;
            for (int j = 0; j < texts.size(); j++) {
                if (j != i) {
                    elsewhere = sectionsNamed(texts.get(i).markup().nodes(), mentioned.get(j), elsewhere);
                }
            }
            if (prefilled != null) {
                // the reply starts inside these tags: the examples that show them show the reply
                elsewhere = sectionsNamed(texts.get(i).markup().nodes(), prefilled, elsewhere);
            }
            if (elsewhere != null) {
                if (kept == null) {
                    kept = new IdentityHashMap<>();
                }
                kept.put(texts.get(i), elsewhere);
            }
        }
        return kept == null ? Map.of() : kept;
    }

    /**
     * The tags a prefilled reply (the request's last turn, the assistant's) opens or holds:
     * "{@code <individuals>}" starts the reply inside those tags, so a few-shot example in the
     * prompt that shows {@code <individuals>…</individuals>} shows the reply's own tags, which
     * the code reading the reply looks for. Null when the request ends otherwise or the prefill
     * holds no tag.
     */
    private static Set<String> prefillTags(Conversation c) {
        if (c.turns().isEmpty()) {
            return null;
        }
        Turn last = c.turns().get(c.turns().size() - 1);
        if (last.role() != Role.ASSISTANT) {
            return null;
        }
        Set<String> names = null;
        for (Part p : last.parts()) {
            if (p instanceof Part.Text t && t.markup() != null) {
                for (Markup.Problem problem : t.markup().problems()) {
                    if (problem.kind() == Markup.Problem.Kind.UNCLOSED) {
                        names = add(names, problem.name());
                    }
                }
                names = elementNames(t.markup().nodes(), names);
            }
        }
        return names;
    }

    private static Set<String> elementNames(List<Node> nodes, Set<String> names) {
        for (Node n : nodes) {
            if (n instanceof Element e) {
                names = elementNames(e.children(), add(names, e.name()));
            }
        }
        return names;
    }

    private static int taggedTexts(Conversation c) {
        int n = count(c.system());
        for (int i = 0; i < c.turns().size() && n < 2; i++) {
            Turn t = c.turns().get(i);
            n += t.role() != Role.ASSISTANT ? count(t.parts()) : 0;
        }
        return n;
    }

    private static int count(List<Part> parts) {
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            n += parts.get(i) instanceof Part.Text t && t.markup() != null ? 1 : 0;
        }
        return n;
    }

    private static void collect(List<Part> parts, List<Part.Text> texts) {
        for (Part p : parts) {
            if (p instanceof Part.Text t && t.markup() != null) {
                texts.add(t);
            }
        }
    }

    /**
     * A mention inside a section of its text that asks the reply to use the tag ("put the
     * category in {@code <category>} tags"): the section's closing tag left it open, so it is no
     * longer the unclosed tag a mention at the top level is. The few-shot examples of another
     * text show the reply, and their tags of that name must stay.
     */
    private static boolean asksForTag(String text, Markup.Problem p) {
        return p.kind() == Markup.Problem.Kind.MISMATCHED && p.length() == p.name().length() + 2
                && TagMentions.asksToWriteIn(text, p.offset(), p.length()) && !TagMentions.quoted(text, p.offset());
    }

    private static Set<String> emptyPairs(List<Node> nodes, String text, Set<String> names) {
        for (Node n : nodes) {
            if (n instanceof Element e) {
                if (!e.selfClosing() && ElementLayout.blank(text, e.openEnd(), e.closeStart())) {
                    names = add(names, e.name());
                }
                names = emptyPairs(e.children(), text, names);
            }
        }
        return names;
    }

    private static Set<String> add(Set<String> names, String name) {
        Set<String> out = names == null ? new HashSet<>() : names;
        out.add(name);
        return out;
    }

    /** Adds to {@code found} the names in {@code wanted} that a section among {@code nodes} has. */
    private static Set<String> sectionsNamed(List<Node> nodes, Set<String> wanted, Set<String> found) {
        if (wanted.isEmpty()) {
            return found;
        }
        for (Node n : nodes) {
            if (n instanceof Element e) {
                if (!e.children().isEmpty() && wanted.contains(e.name())) {
                    found = add(found, e.name());
                }
                found = sectionsNamed(e.children(), wanted, found);
            }
        }
        return found;
    }
}
