package dev.promptport.rules;

import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.List;

/**
 * An output shown to the model to be judged, not written by it: an evaluator's prompt gives the
 * output it grades and then what to grade it by ({@code <Output>…</Output>\n<Rubric>…</Rubric>},
 * {@code <answer>…</answer>\n<reference_answer>…</reference_answer>}), with at most a label
 * between them ("Here is the reference answer:"), or a label right above it that says it is to
 * be judged ("Here is the response to evaluate:"). A section named for the reply is then data.
 * Only such a label, or a rubric, criteria or a reference answer after it, tells so: in a
 * prompt's own examples an answer is followed by the next question or by the task, and stays the
 * reply's.
 */
final class JudgedOutputs {

    /** Words of a section's name that say it holds what an output is judged by. */
    private static final Words JUDGED_BY = Words.of("rubric", "rubrics", "criteria", "criterion", "reference",
            "expected", "gold", "ground");

    private JudgedOutputs() {
    }

    /**
     * The section after {@code nodes.get(i)} at the same level, with only blank lines between
     * them or a label on a line of its own ("Here is the reference answer:"), or null.
     */
    static Element next(String text, List<Node> nodes, int i) {
        for (int j = i + 1; j < nodes.size(); j++) {
            Node n = nodes.get(j);
            if (n instanceof Element e) {
                return e;
            }
            if (!ElementLayout.blank(text, n.start(), n.end()) && !onlyALabel(text, n.start(), n.end())) {
                return null;
            }
        }
        return null;
    }

    /** A label is short: a longer line is a sentence about something else. */
    private static final int MAX_LABEL = 80;

    /** Whether [from, to) is blank lines around one short line that ends in a colon. */
    private static boolean onlyALabel(String text, int from, int to) {
        int start = from;
        while (start < to && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end - start <= MAX_LABEL && text.charAt(end - 1) == ':' && text.indexOf('\n', start) >= end
                && from < start && text.charAt(start - 1) == '\n' && to > end && text.charAt(end) == '\n';
    }

    /** Words of a label that say the section under it is to be judged: "Here is the response to evaluate:". */
    private static final Words JUDGING = Words.of("evaluate", "grade", "assess", "judge", "score", "critique", "rate");

    /**
     * Whether {@code output} (which holds text) is {@code siblings.get(at)} and stands right
     * under a label that says it is to be judged, alone on its line: "Here is the response to
     * evaluate:", "Answer to grade:".
     */
    static boolean labelledForJudging(String text, Element output, List<Node> siblings, int at) {
        if (at == 0 || siblings.get(at - 1) instanceof Element || output.selfClosing()
                || ElementLayout.blank(text, output.openEnd(), output.closeStart())) {
            return false;
        }
        Node before = siblings.get(at - 1);
        int end = before.end();
        while (end > before.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == before.start() || text.charAt(end - 1) != ':' || text.indexOf('\n', end) >= output.start()
                || text.indexOf('\n', end) < 0) {
            // no label, or one on the section's own line
            return false;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        if (start < before.start() || end - start > MAX_LABEL) {
            return false;
        }
        return hasWord(text, start, end, JUDGING);
    }

    /** Words of a label about the reply's form, not about a text given: "Here is the format of your answer:". */
    private static final Words FORM = Words.of("format", "formats", "template", "structure", "example", "examples",
            "sample", "should", "must", "your", "like", "look", "looks");

    /**
     * Whether {@code output} is {@code siblings.get(at)}, holds only a placeholder the
     * application fills in ({@code <answer>{answer}</answer>}), and stands right under a line that
     * hands it over: "Here is the answer that the assistant gave to the question." An evaluator
     * gives the answer it grades so; the reply's own template is introduced as a format or an
     * example, and a request for a format ahead of it is read before this.
     */
    static boolean presentedAsGiven(String text, Element output, List<Node> siblings, int at) {
        if (at == 0 || !(siblings.get(at - 1) instanceof Chunk before) || !ElementLayout.onlyPlaceholder(text, output)) {
            return false;
        }
        int end = before.end();
        while (end > before.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = text.lastIndexOf('\n', end - 1) + 1;
        if (end == before.start() || start < before.start() || end - start > MAX_PRESENTING) {
            return false;
        }
        return handsOver(text, start) && !hasWord(text, start, end, FORM);
    }

    /** A line that hands something over is a sentence, somewhat longer than a label. */
    private static final int MAX_PRESENTING = 160;

    /** Whether the line at {@code start} opens with "Here is", "Here's", "Here are" or "Below is": it hands over what follows. */
    static boolean handsOver(String text, int start) {
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.regionMatches(true, i, "here is ", 0, 8) || text.regionMatches(true, i, "here's ", 0, 7)
                || text.regionMatches(true, i, "here\u2019s ", 0, 7) || text.regionMatches(true, i, "here are ", 0, 9)
                || text.regionMatches(true, i, "below is ", 0, 9);
    }

    /** Whether {@code output}, which holds text, is followed by {@code next}, what it is judged by. */
    static boolean judged(String text, Element output, Element next) {
        return next != null && !output.selfClosing() && !ElementLayout.blank(text, output.openEnd(), output.closeStart())
                && !next.selfClosing() && !ElementLayout.blank(text, next.openEnd(), next.closeStart())
                && namesWhatIsJudgedBy(TagVocabulary.normal(next.name()));
    }

    private static boolean namesWhatIsJudgedBy(String name) {
        return hasWord(name, 0, name.length(), JUDGED_BY);
    }

    /** Whether a word of {@code text} in [from, to) is one of {@code words}. */
    private static boolean hasWord(String text, int from, int to, Words words) {
        for (int w = from; w < to; w++) {
            if (Character.isLetter(text.charAt(w)) && (w == from || !Character.isLetter(text.charAt(w - 1)))
                    && words.at(text, w)) {
                return true;
            }
        }
        return false;
    }
}
