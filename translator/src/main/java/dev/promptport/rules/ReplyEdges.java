package dev.promptport.rules;

import static dev.promptport.rules.TagPlacements.wordBefore;

/**
 * "Start your response with {@code <thought>}", "Begin your answer with {@code <analysis>}",
 * "End your reply with {@code </summary>}", "your reply should always open with
 * {@code <draft>}": the tag the reply starts or ends with. The reply must be named: "start
 * with the {@code <summary>} section" may as well be about reading the prompt.
 */
final class ReplyEdges {

    private static final Words EDGE = Words.of("start", "starts", "begin", "begins", "end", "ends", "finish",
            "finishes", "open", "opens", "close", "closes", "conclude", "concludes", "prefix");
    private static final Words REPLY = Words.of("response", "responses", "reply", "replies", "answer", "answers",
            "output", "message", "completion");
    /** Between "with" and the tag: "with the opening {@code <thought>} tag", "with a {@code <plan>}". */
    private static final Words BEFORE_TAG = Words.of("the", "a", "an", "opening", "closing", "open", "close");
    /** Before the reply in "start your response with": "each", "every", "the". */
    private static final Words WHOSE = Words.of("your", "the", "each", "every", "all", "its");

    private ReplyEdges() {
    }

    /** Whether the sentence before the tag at {@code start} says the reply starts or ends with it. */
    static boolean at(String text, int start) {
        if (start == 0 || text.charAt(start - 1) != ' ') {
            // a section on a line of its own, as most are: no sentence leads to it
            return false;
        }
        int sentence = TagMentions.sentenceStart(text, start);
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && BEFORE_TAG.at(text, w)) {
            w = wordBefore(text, sentence, w);
        }
        if (w < 0 || !Words.is(text, w, "with")) {
            return false;
        }
        w = wordBefore(text, sentence, w);
        if (w < 0) {
            return false;
        }
        if (REPLY.at(text, w)) {
            // "start your response with"
            do {
                w = wordBefore(text, sentence, w);
            } while (w >= 0 && WHOSE.at(text, w));
            return w >= 0 && EDGE.at(text, w);
        }
        if (!EDGE.at(text, w)) {
            return false;
        }
        // "your response should always start with"; "reply" ends in "ly" but is no adverb
        do {
            w = wordBefore(text, sentence, w);
        } while (w >= 0 && !REPLY.at(text, w) && isModalOrAdverb(text, w));
        return w >= 0 && REPLY.at(text, w);
    }

    private static boolean isModalOrAdverb(String text, int w) {
        return TagPlacements.MODAL.at(text, w) || TagPlacements.ADVERB.at(text, w) || Words.endsWithLy(text, w);
    }
}
