package dev.promptport.rules;

import java.util.Locale;
import java.util.Set;

import static dev.promptport.rules.TagPlacements.DETERMINER;
import static dev.promptport.rules.TagPlacements.word;
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
    private static final Set<String> WRAP = Set.of("wrap", "wraps", "wrapping", "enclose", "encloses", "enclosing",
            "surround", "surrounds", "surrounding");
    /** What a tag is called after its name: "the {@code <lov-code>} block". */
    private static final Set<String> CONTAINER = Set.of("block", "blocks", "element", "elements", "tag", "tags");
    /** Words between a wrapping verb and "in": "wrap the code in", "wrap all your changes in". */
    private static final int MOST_OBJECT = 4;

    private TagContainers() {
    }

    /** Whether the sentence around the bare mention from {@code start} to {@code end} names the tag as the reply's container. */
    static boolean asksFor(String text, int start, int end) {
        int sentence = TagMentions.sentenceStart(text, start);
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && (DETERMINER.contains(word(text, w)) || TagPlacements.ADVERB.contains(word(text, w)))) {
            w = wordBefore(text, sentence, w);
        }
        if (w < 0) {
            return false;
        }
        String before = word(text, w);
        int after = wordAfter(text, TagMentions.pastCodeQuote(text, end));
        String next = after < 0 ? "" : shortWord(text, after);
        if (before.equals("use") && CONTAINER.contains(next)) {
            // "use only one <lov-code> block to wrap all code changes"
            int not = wordBefore(text, sentence, w);
            if (not >= 0 && TagPlacements.NOT.contains(word(text, not))) {
                return false;
            }
            int to = wordAfter(text, TagMentions.skipLetters(text, after, Math.min(text.length(), after + TagMentions.REACH)));
            int verb = to < 0 ? -1 : wordAfter(text, TagMentions.skipLetters(text, to, Math.min(text.length(), to + TagMentions.REACH)));
            return to >= 0 && shortWord(text, to).equals("to") && verb >= 0 && WRAP.contains(shortWord(text, verb));
        }
        if (WRAP.contains(before)) {
            // "wrap <CodeProject> around the edited components"
            if (CONTAINER.contains(next)) {
                after = wordAfter(text, TagMentions.skipLetters(text, after, Math.min(text.length(), after + TagMentions.REACH)));
            }
            return after >= 0 && shortWord(text, after).equals("around");
        }
        if (!TagMentions.INSIDE.contains(before) || CONTAINER.contains(next) && next.startsWith("tag")) {
            // a mention followed by "tags" is read by TagMentions
            return false;
        }
        // "wrap the code in <CodeProject>": the object between the verb and "in" is short
        w = wordBefore(text, sentence, w);
        for (int n = 0; w >= 0 && n <= MOST_OBJECT; n++) {
            if (WRAP.contains(word(text, w))) {
                return true;
            }
            w = wordBefore(text, sentence, w);
        }
        return false;
    }

    /** The word at {@code w} in lower case, or "" when it is longer than any word looked for: a huge word is not copied. */
    private static String shortWord(String text, int w) {
        int end = TagMentions.skipLetters(text, w, Math.min(text.length(), w + LONGEST + 1));
        return end - w > LONGEST ? "" : text.substring(w, end).toLowerCase(Locale.ROOT);
    }

    private static final int LONGEST = 12;

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
