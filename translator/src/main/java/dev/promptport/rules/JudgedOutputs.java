package dev.promptport.rules;

import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.List;
import java.util.Set;

/**
 * An output shown to the model to be judged, not written by it: an evaluator's prompt gives the
 * output it grades and then what to grade it by ({@code <Output>…</Output>\n<Rubric>…</Rubric>},
 * {@code <answer>…</answer>\n<reference_answer>…</reference_answer>}). A section named for the
 * reply is then data. Only a rubric, criteria or a reference answer after it tells so: in a
 * prompt's own examples an answer is followed by the next question or by the task, and stays
 * the reply's.
 */
final class JudgedOutputs {

    /** Words of a section's name that say it holds what an output is judged by. */
    private static final Set<String> JUDGED_BY = Set.of("rubric", "rubrics", "criteria", "criterion", "reference",
            "expected", "gold", "ground");

    private JudgedOutputs() {
    }

    /**
     * The section after {@code nodes.get(i)} at the same level, with only blank lines between
     * them, or null.
     */
    static Element next(String text, List<Node> nodes, int i) {
        for (int j = i + 1; j < nodes.size(); j++) {
            Node n = nodes.get(j);
            if (n instanceof Element e) {
                return e;
            }
            if (!ElementLayout.blank(text, n.start(), n.end())) {
                return null;
            }
        }
        return null;
    }

    /** Whether {@code output}, which holds text, is followed by {@code next}, what it is judged by. */
    static boolean judged(String text, Element output, Element next) {
        return next != null && !output.selfClosing() && !ElementLayout.blank(text, output.openEnd(), output.closeStart())
                && !next.selfClosing() && !ElementLayout.blank(text, next.openEnd(), next.closeStart())
                && namesWhatIsJudgedBy(TagVocabulary.normal(next.name()));
    }

    private static boolean namesWhatIsJudgedBy(String name) {
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '_') {
                if (i > start && JUDGED_BY.contains(name.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
