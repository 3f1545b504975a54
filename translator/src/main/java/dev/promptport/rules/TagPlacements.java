package dev.promptport.rules;

/**
 * Sentences that ask for a tag in the reply without a verb of writing before it: where a part
 * of the reply goes ("your category should go in {@code <category>} tags", "each step must be
 * enclosed in {@code <step>} tags", "the label belongs inside {@code <label>} tags"), what the
 * tags must hold ("{@code <category>} tags should contain only the label"), or which tags to
 * use ("use {@code <scratch>} tags for your reasoning and {@code <category>} tags for the
 * answer"). A sentence that points at a section says what it is or holds, not what it should
 * be: "the rules are in {@code <rules>} tags", "use the information in the {@code <context>}
 * tags".
 */
final class TagPlacements {

    static final Words MODAL = Words.of("should", "must", "shall");
    /** Words that may stand between a modal and its verb: "should always be", "must be distinctly enclosed". */
    static final Words ADVERB = Words.of("always", "also", "only", "then", "all", "just", "still",
            "instead", "each", "both", "exactly");
    /** Where the part goes, with or without a modal: "your notes go in", "the answer belongs inside". */
    private static final Words GO = Words.of("go", "goes", "belong", "belongs");
    /** After "should be": "should be enclosed in", "must be wrapped in". */
    private static final Words PLACED = Words.of("placed", "put", "written", "enclosed", "wrapped", "formatted",
            "returned", "given", "provided", "included", "contained", "surrounded", "delimited", "marked", "output");
    /** After a modal: "should be in", "must appear inside". */
    private static final Words BE = Words.of("be", "appear");
    /** Between "in" or "use" and the tag: "in its own {@code <cite>} tag", "use multiple {@code <cite>} tags". */
    static final Words DETERMINER = Words.of("the", "a", "an", "your", "its", "their", "own",
            "separate", "multiple", "one");
    /** What tags must hold: "{@code <label>} tags should contain only ...". */
    private static final Words HOLD = Words.of("contain", "include", "hold", "have", "wrap", "enclose",
            "surround");
    /** Before "use": "never use HTML {@code <form>} tags", "do not use {@code <scratch>} tags". */
    static final Words NOT = Words.of("not", "never", "t", "avoid", "nor", "cannot", "without");

    private TagPlacements() {
    }

    /**
     * Whether the sentence from {@code sentence} asks for the tags of the mention (or list of
     * mentions) from {@code start} to {@code end}, followed by "tags": by where its part goes,
     * what the tags must hold, by naming them to use, or as the place to think
     * ({@link ThinkingPlaces}). A mention that continues such a
     * sentence ("all cases should go in {@code <case>} tags, all statutes in {@code <statute>}
     * tags") is asked for too.
     */
    static boolean asksFor(String text, int sentence, int start, int end) {
        boolean block = namedBlock(text, end);
        if (mustHold(text, end) || placed(text, sentence, start) || used(text, sentence, start, block)
                || ThinkingPlaces.thinksIn(text, sentence, start)) {
            return true;
        }
        // the mentions before, in the same sentence: "..., all statutes in <statute> tags, and all rules in <rule> tags"
        int at = start;
        for (int before = previousMention(text, sentence, at); before >= 0 && continues(text, sentence, at);
                before = previousMention(text, sentence, at)) {
            if (placed(text, sentence, before) || used(text, sentence, before, block)) {
                return true;
            }
            at = before;
        }
        return false;
    }

    /**
     * Whether the sentence before {@code start}, an empty pair ("your verdict should be enclosed
     * in {@code <verdict></verdict>} tags"), says where a part of the reply goes. "Use" is not
     * enough here: "use {@code <rules></rules>} as a guide" points at a section.
     */
    static boolean placedBefore(String text, int start) {
        return placed(text, TagMentions.sentenceStart(text, start), start);
    }

    /**
     * Whether the sentence from {@code sentence} to {@code start}, where the tags it asks for
     * are named later, says where a part of the reply goes or which tags to use: "your response
     * should be enclosed within (two XML tags)", "use (the following tags)".
     */
    static boolean placedOrUsed(String text, int sentence, int start) {
        return placed(text, sentence, start) || used(text, sentence, start, false);
    }

    /** Whether "block" or "blocks" follows the mentions ending at {@code end}, past a closing backtick. */
    private static boolean namedBlock(String text, int end) {
        int i = TagMentions.skipSpaces(text, TagMentions.pastCodeQuote(text, end));
        return text.regionMatches(true, i, "block", 0, 5);
    }

    /** "should go in", "must be inside", "should be enclosed in", "belongs within", just before {@code start}. */
    private static boolean placed(String text, int sentence, int start) {
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && DETERMINER.at(text, w)) {
            w = wordBefore(text, sentence, w);
        }
        if (w >= 0 && Words.is(text, w, "of")) {
            w = wordBefore(text, sentence, w);
        }
        if (w < 0 || !TagMentions.INSIDE.at(text, w) && !Words.is(text, w, "between")) {
            return false;
        }
        w = wordBefore(text, sentence, w);
        if (w < 0) {
            return false;
        }
        if (GO.at(text, w)) {
            return true;
        }
        if (PLACED.at(text, w)) {
            w = skipAdverbs(text, sentence, wordBefore(text, sentence, w));
            if (w < 0 || !Words.is(text, w, "be")) {
                return false;
            }
        } else if (!BE.at(text, w)) {
            return false;
        }
        w = skipAdverbs(text, sentence, wordBefore(text, sentence, w));
        return w >= 0 && MODAL.at(text, w);
    }

    /**
     * "use {@code <scratch>} tags", "use the {@code <proposed_shell_command>} tag", not after "not" or "never".
     * {@code block}: the mentions are named as blocks, and "use the {@code <context>} block" points at
     * one the prompt holds, while "use {@code <edit_reference>} blocks" and "use one {@code <lov-write>}
     * block" ask for them.
     */
    private static boolean used(String text, int sentence, int start, boolean block) {
        int w = wordBefore(text, sentence, start);
        while (w >= 0 && (DETERMINER.at(text, w) || ADVERB.at(text, w))) {
            // "use only <answer> tags"
            if (block && Words.is(text, w, "the")) {
                return false;
            }
            w = wordBefore(text, sentence, w);
        }
        if (w < 0 || !Words.is(text, w, "use")) {
            return false;
        }
        int not = wordBefore(text, sentence, w);
        return not < 0 || !NOT.at(text, not);
    }

    /** "{@code <label>} tags should contain only ...", read from {@code end}, the end of the mentions. */
    private static boolean mustHold(String text, int end) {
        int high = Math.min(text.length(), end + TagMentions.REACH);
        int w = wordAfter(text, end, high);
        if (w >= 0 && (Words.is(text, w, "xml") || Words.is(text, w, "html"))) {
            w = wordAfter(text, TagMentions.skipLetters(text, w, high), high);
        }
        // past "tags", the modal
        w = wordAfter(text, TagMentions.skipLetters(text, w < 0 ? high : w, high), high);
        if (w < 0 || !MODAL.at(text, w)) {
            return false;
        }
        do {
            w = wordAfter(text, TagMentions.skipLetters(text, w, high), high);
        } while (w >= 0 && ADVERB.at(text, w));
        return w >= 0 && HOLD.at(text, w);
    }

    /** The mention before {@code start} in the same sentence, followed by "tags", or -1. */
    private static int previousMention(String text, int sentence, int start) {
        int q = start;
        while ((q = text.lastIndexOf('<', q - 1)) >= sentence) {
            int end = TagMentions.bareTagEnd(text, q);
            if (end > 0 && TagMentions.tagsFollow(text, TagMentions.listEnd(text, end))) {
                return q;
            }
        }
        return -1;
    }

    /** "and {@code <b>}", ", {@code <b>}", "in {@code <b>}": the mention goes on with the sentence's list. */
    private static boolean continues(String text, int sentence, int start) {
        int i = TagMentions.spacesBack(text, start);
        if (i > sentence && text.charAt(i - 1) == ',') {
            return true;
        }
        int w = wordBefore(text, sentence, start);
        if (w < 0) {
            return false;
        }
        return Words.is(text, w, "and") || Words.is(text, w, "or") || TagMentions.INSIDE.at(text, w);
    }

    private static int skipAdverbs(String text, int sentence, int w) {
        int i = w;
        while (i >= 0 && (ADVERB.at(text, i) || Words.endsWithLy(text, i))) {
            i = wordBefore(text, sentence, i);
        }
        return i;
    }

    /** The start of the word before {@code i}, not before {@code sentence}; -1 when none. */
    static int wordBefore(String text, int sentence, int i) {
        int e = i;
        while (e > sentence && !Character.isLetter(text.charAt(e - 1))) {
            if (text.charAt(e - 1) == '>') {
                // another mention stands between: the words before it are about that one
                return -1;
            }
            e--;
        }
        int w = e;
        while (w > sentence && Character.isLetter(text.charAt(w - 1))) {
            w--;
        }
        return w < e ? w : -1;
    }

    /** The start of the next word from {@code i} in the same sentence, -1 when none. */
    private static int wordAfter(String text, int i, int high) {
        int w = i;
        while (w < high && !Character.isLetter(text.charAt(w))) {
            if (TagMentions.endsSentence(text.charAt(w))) {
                return -1;
            }
            w++;
        }
        return w < high ? w : -1;
    }
}
