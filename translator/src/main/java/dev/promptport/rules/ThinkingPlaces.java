package dev.promptport.rules;

import static dev.promptport.rules.TagPlacements.DETERMINER;
import static dev.promptport.rules.TagPlacements.wordBefore;

/**
 * "Think step by step inside {@code <inner_monologue>} tags", "reflect briefly inside
 * {@code <search_quality>} tags", "thinking out loud in {@code <scratchpad>} tags": a verb of
 * thinking whose place is the tag. The model thinks in its reply, so the tag is the reply's.
 * Only words of manner may stand between the verb and the place: "think about the rules in
 * {@code <rules>} tags" has an object there, the section the thinking is about.
 */
final class ThinkingPlaces {

    private static final Words THINK = Words.of("think", "thinking", "reason", "reasoning", "reflect",
            "reflecting", "brainstorm", "brainstorming", "deliberate", "deliberating", "ponder", "pondering");
    /**
     * "step by step", "out loud", "for a moment", "it through", "first"; words ending in "ly" are
     * manner too; and how long: "for one sentence", "for a couple of lines", "for a few seconds".
     */
    private static final Words MANNER = Words.of("step", "by", "out", "loud", "aloud", "outloud", "first",
            "for", "a", "moment", "minute", "it", "through", "things", "hard", "again", "more", "always", "then",
            "one", "two", "three", "few", "couple", "of", "sentence", "sentences", "line", "lines", "while",
            "second", "seconds", "minutes", "moments", "bit", "little");
    /** "step by step for a moment" is as long as manner gets: past it the words are about something else. */
    private static final int MOST_MANNER = 6;

    private ThinkingPlaces() {
    }

    /** Whether the words before {@code start}, in the sentence from {@code sentence}, think in the tag there. */
    static boolean thinksIn(String text, int sentence, int start) {
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && DETERMINER.at(text, w)) {
            w = wordBefore(text, sentence, w);
        }
        if (w >= 0 && Words.is(text, w, "of")) {
            // "inside of <thinking> tags"
            w = wordBefore(text, sentence, w);
        }
        if (w < 0 || !TagMentions.INSIDE.at(text, w)) {
            return false;
        }
        w = wordBefore(text, sentence, w);
        for (int n = 0; w >= 0 && n < MOST_MANNER && isManner(text, w); n++) {
            w = wordBefore(text, sentence, w);
        }
        return w >= 0 && THINK.at(text, w);
    }

    private static boolean isManner(String text, int w) {
        return MANNER.at(text, w) || Words.endsWithLy(text, w);
    }
}
