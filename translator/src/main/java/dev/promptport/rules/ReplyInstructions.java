package dev.promptport.rules;

import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

/**
 * A section named for the reply that holds the prompt's instructions about the reply rather
 * than the reply's shape: Perplexity's {@code <output>} says "Your answer must be precise … Never
 * start with a header …". Nothing asks the reply to be written in those tags, so the section is
 * one of the prompt's own and converts like its siblings. A template ("The intent as JSON.",
 * placeholders, JSON, tags inside) or an answer shown in an example stays the reply's.
 */
final class ReplyInstructions {

    /** Only the start of a long section is read: the second person and two sentences show early. */
    private static final int REACH = 2000;

    /** What a reply is called after "your" in instructions about it: "Your answer must …". */
    private static final Words REPLY_NOUNS = Words.of("answer", "answers", "response", "responses", "reply",
            "replies", "output", "report", "summary");

    private ReplyInstructions() {
    }

    /**
     * Whether {@code e}'s text is sentences of instructions about "your answer" (or response,
     * reply, report): two sentences or more, one of which speaks of the reply in the second
     * person, with no section, placeholder or JSON inside.
     */
    static boolean instructs(String text, Element e) {
        for (Node n : e.children()) {
            if (n instanceof Element) {
                // tags inside: the reply's fields
                return false;
            }
        }
        int from = e.openEnd();
        int to = Math.min(e.closeStart(), from + REACH);
        int sentences = 0;
        boolean yourReply = false;
        boolean lineStart = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '{' || lineStart && c == '[') {
                // "{answer}", "[Your thought process]", JSON: a template of the reply
                return false;
            }
            if (c == '\n') {
                lineStart = true;
                continue;
            }
            lineStart = lineStart && (c == ' ' || c == '\t');
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == to || Character.isWhitespace(text.charAt(i + 1)))) {
                sentences++;
            } else if (!yourReply && (c == 'y' || c == 'Y') && (i == from || !Character.isLetter(text.charAt(i - 1)))) {
                yourReply = speaksOfYourReply(text, i, to);
            }
        }
        return yourReply && sentences >= 2;
    }

    /** Whether "your" at {@code i} is followed by a name for the reply: "Your answer", "your report". */
    private static boolean speaksOfYourReply(String text, int i, int to) {
        int at = i + 4;
        if (at >= to || !text.regionMatches(true, i, "your", 0, 4) || text.charAt(at) != ' ') {
            return false;
        }
        return at + 1 < to && REPLY_NOUNS.at(text, at + 1);
    }
}
