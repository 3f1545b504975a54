package dev.promptport.rules;

import static dev.promptport.rules.TagPlacements.DETERMINER;
import static dev.promptport.rules.TagPlacements.wordBefore;

/**
 * A tag named as the container the reply's text goes in, without "tags" after it: "use only
 * ONE {@code <lov-code>} block to wrap all code changes", "wrap {@code <CodeProject>} around
 * the edited components", "wrap the code in {@code <CodeProject>}". Only verbs that put text
 * inside something read so: "use the {@code <context>} block to answer" and "answer the
 * question in {@code <question>}" point at a section of the prompt.
 */
final class TagContainers {

    /** Verbs whose object goes inside what follows "in", or whose object goes around the text. */
    private static final Words WRAP = Words.of("wrap", "wraps", "wrapping", "enclose", "encloses", "enclosing",
            "surround", "surrounds", "surrounding");
    /** What a tag is called after its name: "the {@code <lov-code>} block". */
    private static final Words CONTAINER = Words.of("block", "blocks", "element", "elements", "tag", "tags");
    /** Words between a wrapping verb and "in": "wrap the code in", "wrap all your changes in". */
    private static final int MOST_OBJECT = 4;

    private TagContainers() {
    }

    /** Whether the sentence around the bare mention from {@code start} to {@code end} names the tag as the reply's container. */
    static boolean asksFor(String text, int start, int end) {
        int sentence = TagMentions.sentenceStart(text, start);
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && (DETERMINER.at(text, w) || TagPlacements.ADVERB.at(text, w))) {
            w = wordBefore(text, sentence, w);
        }
        if (w < 0) {
            return false;
        }
        int after = wordAfter(text, TagMentions.pastCodeQuote(text, end));
        if (Words.is(text, w, "use") && CONTAINER.at(text, after)) {
            // "use only one <lov-code> block to wrap all code changes"
            int not = wordBefore(text, sentence, w);
            if (not >= 0 && TagPlacements.NOT.at(text, not)) {
                return false;
            }
            int to = wordAfter(text, TagMentions.skipLetters(text, after, Math.min(text.length(), after + TagMentions.REACH)));
            int verb = to < 0 ? -1 : wordAfter(text, TagMentions.skipLetters(text, to, Math.min(text.length(), to + TagMentions.REACH)));
            return Words.is(text, to, "to") && WRAP.at(text, verb);
        }
        if (WRAP.at(text, w)) {
            // "wrap <CodeProject> around the edited components"
            if (CONTAINER.at(text, after)) {
                after = wordAfter(text, TagMentions.skipLetters(text, after, Math.min(text.length(), after + TagMentions.REACH)));
            }
            return Words.is(text, after, "around");
        }
        if (!TagMentions.INSIDE.at(text, w) || CONTAINER.at(text, after) && Words.startsWith(text, after, "tag", 4)) {
            // a mention followed by "tags" is read by TagMentions
            return false;
        }
        // "wrap the code in <CodeProject>": the object between the verb and "in" is short
        w = wordBefore(text, sentence, w);
        for (int n = 0; w >= 0 && n <= MOST_OBJECT; n++) {
            if (WRAP.at(text, w)) {
                return true;
            }
            w = wordBefore(text, sentence, w);
        }
        return false;
    }

    /** The start of the next word from {@code i} on the same line and in the same sentence, -1 when none. */
    private static int wordAfter(String text, int i) {
        int high = Math.min(text.length(), i + TagMentions.REACH);
        int w = i;
        while (w < high && !Character.isLetter(text.charAt(w))) {
            if (TagMentions.endsSentence(text.charAt(w)) || text.charAt(w) == '<') {
                return -1;
            }
            w++;
        }
        return w < high ? w : -1;
    }
}
