package dev.promptport.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Reads a sentence that mentions a tag: does it ask for the reply to be written in that tag
 * ("reply with the category in {@code <category>} tags", "wrap your answer in {@code <final>}
 * tags"), or does it point at a section of the prompt ("follow the rules in {@code <rules>}")?
 * Only the first makes the tag part of the reply's format.
 */
final class TagMentions {

    /** Verbs that ask for output, in the sentence before the mention. */
    static final Words WRITE = Words.of("reply", "replies", "respond", "answer", "output", "write",
            "put", "return", "wrap", "enclose", "give", "provide", "place", "print", "produce", "format", "emit",
            "brainstorm");

    private TagMentions() {
    }

    /** A verb that asks for output ("reply", "return", "output", ...), in lower case. */
    static boolean isWriteVerb(String word) {
        return WRITE.contains(word);
    }

    /**
     * Whether the sentence around the mention at {@code offset} (of {@code length} characters)
     * asks to write in the tag: the word "tag" or "tags" right after it, and a verb of writing
     * before it or one of the other ways {@link TagPlacements} reads ("your category should go
     * in ...", "use ... tags"). A mention in a list of them ("in {@code <thinking>} and {@code <answer>} tags",
     * "{@code <a>}, {@code <b>} or {@code <c>} tags") is read as the whole list.
     */
    static boolean asksToWriteIn(String text, int offset, int length) {
        int end = listEnd(text, offset + length);
        if (!tagsFollow(text, end) || placedInPrompt(text, end)) {
            return false;
        }
        int start = listStart(text, offset);
        if (forbids(text, sentenceStart(text, start), start) || locatesWhatIsAnswered(text, start)) {
            return false;
        }
        return asksToWrite(text, start) || leadsToWriting(text, start, end)
                || TagPlacements.asksFor(text, sentenceStart(text, start), start, end) || includesNewIn(text, start, end);
    }

    private static final Words INCLUDE = Words.of("include", "includes", "including");
    /**
     * The first word of an object that is written new, not found in the prompt: "your prompt",
     * "a short explanation", "it". "The details", "everything" and "all of it" may be what the
     * section holds ("include the details in {@code <context>} tags").
     */
    private static final Words NEW_OBJECT = Words.of("your", "a", "an", "one", "some", "it", "them");
    /** The first word of an object the prompt may already hold: "the details", "everything", "all of it". */
    private static final Words KNOWN_OBJECT = Words.of("the", "all", "everything", "anything", "any", "every", "each",
            "these", "those", "this", "that", "such", "whatever", "what");
    /** Between "in" and the mention when the tags are the reply's: "in your own {@code <note>} tags". */
    private static final Words OWN = Words.of("your", "its", "their", "own", "separate", "a", "an");
    /** How many words an object of "include" spans before its place: "a one-line summary of the change". */
    private static final int MOST_OBJECT_WORDS = 8;

    /**
     * "Include your prompt within {@code <update_prompt>} tags", "include a short explanation in
     * {@code <why>} tags", "include relevant quotes in {@code <quote>} tags": "include" asks for
     * the tags when what it includes is new, or named by the tag without "the", and the tags are
     * its place. "Include the details in {@code <context>} tags in your answer" points at a
     * section (the place of the new text comes after the tags), and so may "include the details
     * in {@code <context>} tags" alone.
     */
    private static boolean includesNewIn(String text, int start, int end) {
        int sentence = sentenceStart(text, start);
        int w = TagPlacements.wordBefore(text, sentence, start);
        while (w >= 0 && OWN.at(text, w)) {
            w = TagPlacements.wordBefore(text, sentence, w);
        }
        if (w < 0 || !INSIDE.at(text, w)) {
            return false;
        }
        int object = w;
        for (int n = 0; n < MOST_OBJECT_WORDS; n++) {
            int v = TagPlacements.wordBefore(text, sentence, object);
            if (v < 0) {
                return false;
            }
            if (INCLUDE.at(text, v)) {
                return (NEW_OBJECT.at(text, object) || !KNOWN_OBJECT.at(text, object) && namesTag(text, object, w, start))
                        && !placeFollows(text, end);
            }
            object = v;
        }
        return false;
    }

    /**
     * Whether a word of the object in [from, to) is a word of the tag's name at {@code mention},
     * or its plural: "include relevant quotes in {@code <quote>} tags" names what the tags hold.
     */
    private static boolean namesTag(String text, int from, int to, int mention) {
        int nameEnd = bareTagEnd(text, mention) - 1;
        if (nameEnd < 0) {
            return false;
        }
        for (int w = from; w < to; ) {
            int e = skipLetters(text, w, to);
            int length = e - w;
            if (length >= 3 && (nameHoldsWord(text, mention + 1, nameEnd, w, length)
                    || text.charAt(e - 1) == 's' && nameHoldsWord(text, mention + 1, nameEnd, w, length - 1))) {
                return true;
            }
            w = skipNonLetters(text, e, to);
        }
        return false;
    }

    /** Whether the name in [from, to) holds the letters at {@code w} ({@code length} of them) as a word of its own. */
    private static boolean nameHoldsWord(String text, int from, int to, int w, int length) {
        for (int i = from; i + length <= to; i++) {
            if (text.regionMatches(true, i, text, w, length) && (i == from || !Character.isLetter(text.charAt(i - 1)))
                    && (i + length == to || !Character.isLetter(text.charAt(i + length)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "in" or "into" follows "tags" after {@code end}: "... tags in your answer" names where to write. */
    private static boolean placeFollows(String text, int end) {
        int i = skipSpaces(text, pastCodeQuote(text, end));
        int high = Math.min(text.length(), i + 16);
        if (text.regionMatches(true, i, "xml ", 0, 4) || text.regionMatches(true, i, "html ", 0, 5)) {
            i = skipSpaces(text, skipLetters(text, i, high));
        }
        i = skipSpaces(text, skipLetters(text, i, high));
        return Words.is(text, i, "in") || Words.is(text, i, "into");
    }

    /** Verbs whose object is what was sent: "answer the question", "respond to the request". */
    private static final Words ANSWERING = Words.of("answer", "respond", "reply");
    private static final Words DETERMINERS = Words.of("the", "this", "that", "these", "those", "each", "every", "their",
            "his", "her", "its", "my", "our");
    /** What a user sends and a prompt asks to answer. */
    private static final Words SENT = Words.of("question", "questions", "request", "requests", "query", "queries",
            "message", "messages", "task", "prompt", "ticket", "tickets", "email", "emails", "input", "problem",
            "issue", "comment", "comments", "review", "reviews", "inquiry", "complaint", "instruction", "instructions");

    /**
     * Whether the mention at {@code start} says where the thing to answer is, not where to write
     * the answer: "Answer the question in {@code <question>} tags", "Respond to the user's request
     * in {@code <task>} tags". A tag named for the answer ("answer the question in {@code <answer>}
     * tags") is still where to write it.
     */
    private static boolean locatesWhatIsAnswered(String text, int start) {
        int sentence = sentenceStart(text, start);
        int w = TagPlacements.wordBefore(text, sentence, beforeCodeQuote(text, start));
        if (Words.is(text, w, "the")) {
            w = TagPlacements.wordBefore(text, sentence, w);
        }
        if (w < 0 || !INSIDE.at(text, w)) {
            return false;
        }
        w = TagPlacements.wordBefore(text, sentence, w);
        if (w < 0 || !SENT.at(text, w)) {
            return false;
        }
        // up to the determiner that opens the object: "the customer's latest message"
        for (int k = 0; k < 5; k++) {
            w = TagPlacements.wordBefore(text, sentence, w);
            if (w < 0) {
                return false;
            }
            if (DETERMINERS.at(text, w)) {
                int verb = TagPlacements.wordBefore(text, sentence, w);
                if (Words.is(text, verb, "to")) {
                    verb = TagPlacements.wordBefore(text, sentence, verb);
                }
                return verb >= 0 && ANSWERING.at(text, verb) && !namedForTheAnswer(text, start);
            }
        }
        return false;
    }

    /** Whether the tag at {@code start} is named for what the reply holds: {@code <answer>}, {@code <final_response>}. */
    private static boolean namedForTheAnswer(String text, int start) {
        int nameEnd = text.indexOf('>', start);
        String name = nameEnd < 0 ? "" : text.substring(start + 1, nameEnd).toLowerCase(Locale.ROOT);
        return name.contains("answer") || name.contains("respon") || name.contains("reply") || name.contains("output")
                || name.contains("result");
    }

    /** Words that turn a request around: "Do NOT use {@code <answer>} tags", "never wrap it in ...". */
    private static final Words NEGATIONS = Words.of("not", "never", "don't", "dont", "avoid", "without", "no");
    /**
     * Words after which a negated request still asks for the tags: "do not write anything
     * outside the {@code <answer>} tags", "never add text after the {@code </answer>} tag",
     * "don't forget to put it in {@code <answer>} tags", "do not omit the {@code <answer>} tags".
     */
    private static final Words AROUND = Words.of("outside", "except", "besides", "beyond", "after", "before", "other",
            "only", "but", "forget", "fail", "omit", "skip", "leave");

    /** Whether the sentence before the mention at {@code offset} says not to write in that tag. */
    static boolean forbidden(String text, int offset) {
        return forbids(text, sentenceStart(text, offset), offset);
    }

    /** Words that start a clause of its own: "Don't use markdown, and put it in {@code <answer>} tags". */
    private static final Words CLAUSE_STARTS = Words.of("and", "but", "instead", "then", "so", "rather");

    /**
     * Whether the words in [from, to) say not to write in the tag that follows them: a negation
     * in the mention's own clause, not in one before it ("Never guess; write your answer in
     * {@code <answer>} tags").
     */
    private static boolean forbids(String text, int from, int to) {
        boolean negated = false;
        int i = from;
        while (i < to) {
            int w = skipNonLetters(text, i, to);
            for (int k = i; k < w; k++) {
                char c = text.charAt(k);
                if (c == ',' || c == ';' || c == ':') {
                    negated = false;
                }
            }
            i = w;
            while (i < to && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) {
                i++;
            }
            if (i > w) {
                String word = text.substring(w, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                if (AROUND.contains(word)) {
                    return false;
                }
                if (CLAUSE_STARTS.contains(word)) {
                    negated = false;
                }
                negated |= NEGATIONS.contains(word);
            }
        }
        return negated;
    }

    /**
     * Past the tags that follow {@code from} in a list (", {@code <b>}", " and {@code <c>}",
     * ", or {@code <d>}"); {@code from} itself when none does.
     */
    static int listEnd(String text, int from) {
        int end = from;
        int high = Math.min(text.length(), from + REACH);
        while (end < high) {
            int i = skipSpaces(text, pastCodeQuote(text, end));
            boolean joined = false;
            if (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == '/')) {
                i = skipSpaces(text, i + 1);
                joined = true;
            }
            int word = joiningWord(text, i);
            if (word > 0) {
                i = skipSpaces(text, i + word);
                joined = true;
            }
            int tagEnd = joined ? bareTagEnd(text, pastCodeQuote(text, i)) : -1;
            if (tagEnd < 0) {
                return end;
            }
            end = tagEnd;
        }
        return end;
    }

    /** Where the list of tags that ends with the mention at {@code offset} starts; {@code offset} when alone. */
    private static int listStart(String text, int offset) {
        int start = offset;
        int low = Math.max(0, offset - REACH);
        while (start > low) {
            int i = spacesBack(text, beforeCodeQuote(text, start));
            boolean joined = false;
            for (String word : JOINING) {
                int w = i - word.length();
                if (w > 0 && text.regionMatches(true, w, word, 0, word.length()) && text.charAt(w - 1) == ' ') {
                    i = spacesBack(text, w);
                    joined = true;
                    break;
                }
            }
            if (i > 0 && (text.charAt(i - 1) == ',' || text.charAt(i - 1) == '/')) {
                i = spacesBack(text, i - 1);
                joined = true;
            }
            int tagStart = joined ? bareTagStart(text, beforeCodeQuote(text, i)) : -1;
            if (tagStart < 0) {
                return start;
            }
            start = tagStart;
        }
        return start;
    }

    private static final String[] JOINING = {"and", "or"};

    /** The length of "and" or "or" at {@code i} followed by a space, or 0. */
    private static int joiningWord(String text, int i) {
        for (String word : JOINING) {
            int after = i + word.length();
            if (after < text.length() && text.regionMatches(true, i, word, 0, word.length()) && text.charAt(after) == ' ') {
                return word.length();
            }
        }
        return 0;
    }

    /** The end of a bare tag {@code <name>} at {@code i}, or -1. */
    static int bareTagEnd(String text, int i) {
        if (i + 2 >= text.length() || text.charAt(i) != '<' || !Character.isLetter(text.charAt(i + 1))) {
            return -1;
        }
        int j = i + 2;
        while (j < text.length() && isNameChar(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '>' ? j + 1 : -1;
    }

    /** The start of a bare tag {@code <name>} that ends at {@code end}, or -1. */
    private static int bareTagStart(String text, int end) {
        if (end < 3 || text.charAt(end - 1) != '>') {
            return -1;
        }
        int j = end - 2;
        while (j > 0 && isNameChar(text.charAt(j))) {
            j--;
        }
        return text.charAt(j) == '<' && j + 1 < end - 1 && Character.isLetter(text.charAt(j + 1)) ? j : -1;
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':');
    }

    static int spacesBack(String text, int from) {
        int i = from;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i;
    }

    /** Words that may open a sentence before "in {@code <x>} tags": "Finally, in ...". */
    private static final Set<String> LEAD = Set.of("first", "then", "next", "now", "finally", "lastly", "and",
            "second", "third", "afterwards", "after", "that");
    static final Words INSIDE = Words.of("in", "inside", "within");
    /** Words that may stand between "in" and the mention when the sentence opens with them: "In your {@code <notes>} tags, ...". */
    private static final Set<String> INSIDE_WHICH = Set.of("the", "your", "of");
    /** Verbs that, after "In {@code <x>} tags,", say what to write there. */
    private static final Set<String> WRITE_AFTER = Set.of("think", "plan", "list", "explain", "reason",
            "summarize", "summarise", "draft", "note", "describe", "state");

    /**
     * "In {@code <Inputs>} tags, write down the variables": the sentence opens with where to
     * write and names the verb after the mention (or the list of mentions, which ends at
     * {@code end}). After a step word ("First, in {@code <planning>} tags, do the following") any
     * command will do. "In {@code <rules>} tags, you will find ..." asks for nothing.
     */
    private static boolean leadsToWriting(String text, int offset, int end) {
        int start = sentenceStart(text, offset);
        String last = null;
        boolean inside = false;
        boolean step = false;
        int i = start;
        while (i < offset) {
            int w = skipNonLetters(text, i, offset);
            i = skipLetters(text, w, offset);
            if (i > w) {
                String word = text.substring(w, i).toLowerCase(Locale.ROOT);
                if (last != null && !LEAD.contains(last) && !(INSIDE.contains(last) && INSIDE_WHICH.contains(word))) {
                    return false;
                }
                inside = INSIDE.contains(word) || inside && INSIDE_WHICH.contains(word);
                step |= LEAD.contains(word) && !word.equals("and");
                last = word;
            }
        }
        if (!inside) {
            return false;
        }
        // past "tags", the verb of the same sentence
        int j = skipSpaces(text, pastCodeQuote(text, end));
        int high = Math.min(text.length(), j + REACH);
        j = skipLetters(text, j, high);
        if (text.regionMatches(true, j - 3, "xml", 0, 3) || text.regionMatches(true, j - 4, "html", 0, 4)) {
            j = skipLetters(text, skipSpaces(text, j), high);
        }
        String before = "";
        while (j < high && !endsSentence(text.charAt(j))) {
            while (j < high && !Character.isLetter(text.charAt(j)) && !endsSentence(text.charAt(j))) {
                j++;
            }
            int w = j;
            j = skipLetters(text, j, high);
            if (j > w) {
                String word = text.substring(w, j).toLowerCase(Locale.ROOT);
                if (before.isEmpty() && (COMMAND.contains(word)
                        || step && !NOT_A_COMMAND.contains(word) && Character.isLowerCase(text.charAt(w)))) {
                    // "First, in <planning> tags, do the following": a step of the reply, told as a command
                    return true;
                }
                if (before.isEmpty() && THERE_IS.contains(word)) {
                    // "In <context> tags, there is a product list": what the section holds
                    return false;
                }
                if ((WRITE.contains(word) || WRITE_AFTER.contains(word)) && !NOUN_BEFORE.contains(before)) {
                    return true;
                }
                before = word;
            }
        }
        return before.isEmpty() && asidesWriting(text, start);
    }

    /** Words that open a sentence saying what is somewhere: "there is", "are the rules". */
    private static final Set<String> THERE_IS = Set.of("there", "here", "is", "are", "was", "were");
    /** Words that open a command: "Inside of {@code <final_answer>} tags do not mention ...". */
    private static final Set<String> COMMAND = Set.of("do", "don", "never", "always", "please");
    /**
     * Words that open a statement rather than a command after a step's place ("Then, in the
     * {@code <context>} tags, there is ..."): subjects, their determiners, and the verbs that
     * follow a place put first ("In {@code <rules>} tags are ...").
     */
    private static final Set<String> NOT_A_COMMAND = Set.of("you", "we", "i", "they", "he", "she", "it", "there",
            "this", "that", "these", "those", "the", "a", "an", "your", "our", "their", "its", "my", "each", "every",
            "all", "some", "any", "no", "many", "several", "most", "both", "one", "is", "are", "was", "were", "will",
            "can", "may", "might", "would", "should", "could", "must", "shall", "has", "have", "had");

    /**
     * "Summarize the abstract. (In {@code <abstract>} tags.)": where to write, as an aside of its
     * own after the sentence saying what to write, whose verb opens it. Such an aside never
     * points at a section: a pointer would have been part of the sentence.
     */
    private static boolean asidesWriting(String text, int start) {
        int open = skipSpaces(text, start);
        if (open >= text.length() || text.charAt(open) != '(' || start == 0 || text.charAt(start - 1) == '\n') {
            return false;
        }
        int before = sentenceStart(text, start - 1);
        int w = skipNonLetters(text, before, start - 1);
        String verb = text.substring(w, skipLetters(text, w, start - 1)).toLowerCase(Locale.ROOT);
        return WRITE.contains(verb) || WRITE_AFTER.contains(verb) || OPENING.contains(verb);
    }

    /** Verbs that ask for something new when they open a sentence: "Compose a short poem." */
    private static final Set<String> OPENING = Set.of("compose", "create", "generate", "translate", "rewrite");

    /** Past the letters from {@code i}, stopping at {@code limit}. */
    static int skipLetters(String text, int i, int limit) {
        while (i < limit && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** To the next letter from {@code i}, stopping at {@code limit}. */
    static int skipNonLetters(String text, int i, int limit) {
        while (i < limit && !Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * How far back a sentence is read, in characters: bounded, so that a mention on a line of a
     * million characters without a full stop costs no more than one in a sentence.
     */
    static final int REACH = 400;

    /**
     * Whether the sentence before {@code offset} has a verb of writing, or a verb that says what
     * to write followed by "your" ("explain your changes in ...", "list your sources in ..."),
     * not followed by what to write it from ("answer based on the information in ...").
     */
    static boolean asksToWrite(String text, int offset) {
        int i = sentenceStart(text, offset);
        boolean describes = false;
        boolean asks = false;
        String last = "";
        while (i < offset) {
            int w = skipNonLetters(text, i, offset);
            if (asks && semicolonIn(text, i, w)) {
                // "Put labels on slides; these surface in <mentioned-element> blocks": a clause
                // of its own, whose verb is not the one before the semicolon
                asks = false;
            }
            i = skipLetters(text, w, offset);
            if (i > w && !inIdentifier(text, w, i)) {
                String word = text.substring(w, i).toLowerCase(Locale.ROOT);
                if (WRITE.contains(word) && !NOUN_BEFORE.contains(last) || describes && word.equals("your")) {
                    asks = true;
                } else if (asks && SOURCE.contains(word)) {
                    // "answer the question based solely on the information in the <context> tags": what to write from
                    asks = false;
                }
                describes = WRITE_AFTER.contains(word) && !NOUN_BEFORE.contains(last);
                last = word;
            }
        }
        return asks;
    }

    private static boolean semicolonIn(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == ';') {
                return true;
            }
        }
        return false;
    }

    /** Whether the letters from {@code w} to {@code i} are part of a name in code, {@code format_results(...)}. */
    private static boolean inIdentifier(String text, int w, int i) {
        return i < text.length() && text.charAt(i) == '_' || w > 0 && text.charAt(w - 1) == '_';
    }

    /**
     * Words after which a verb of writing is a noun: "the format of your response", "a list of
     * products", "the answer should start with ...". Such a sentence asks nothing by that word.
     */
    private static final Set<String> NOUN_BEFORE = Set.of("the", "a", "an", "your", "its", "their", "our", "my",
            "this", "each", "every");

    /** Words after a verb of writing that name what to write from, not where to write it. */
    private static final Set<String> SOURCE = Set.of("based", "according");

    /** Where the sentence holding {@code offset} starts, read back at most {@link #REACH} characters. */
    static int sentenceStart(String text, int offset) {
        int start = offset;
        int low = Math.max(0, offset - REACH);
        while (start > low && !endsSentence(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /**
     * Past a backtick at {@code i} that closes or opens inline code, {@code `<answer>` tags}; a
     * prompt kept in a JavaScript template string escapes it as {@code \`}.
     */
    static int pastCodeQuote(String text, int i) {
        if (i < text.length() && text.charAt(i) == '`') {
            return i + 1;
        }
        return i + 1 < text.length() && text.charAt(i) == '\\' && text.charAt(i + 1) == '`' ? i + 2 : i;
    }

    /** Before a backtick (or an escaped one) that ends at {@code i}. */
    private static int beforeCodeQuote(String text, int i) {
        if (i == 0 || text.charAt(i - 1) != '`') {
            return i;
        }
        return i >= 2 && text.charAt(i - 2) == '\\' ? i - 2 : i - 1;
    }

    /**
     * "tags", "tag", "XML tags" or "HTML tags" after the mention, past a backtick closing it as
     * code; or "block" ("use <edit_reference> blocks for changes"), which prompts say of the
     * markup a reply is written in as often as "tags".
     */
    static boolean tagsFollow(String text, int from) {
        int i = skipSpaces(text, pastCodeQuote(text, from));
        if (text.regionMatches(true, i, "xml ", 0, 4) || text.regionMatches(true, i, "html ", 0, 5)) {
            i = skipSpaces(text, text.indexOf(' ', i));
        }
        return text.regionMatches(true, i, "tag", 0, 3) || text.regionMatches(true, i, "block", 0, 5);
    }

    /**
     * Whether "tags" after {@code from} goes on "below" or "above", and no further: "answer the
     * request enclosed in the {@code <user_input>} tags below." points at text the prompt holds.
     */
    private static boolean placedInPrompt(String text, int from) {
        int i = skipSpaces(text, pastCodeQuote(text, from));
        if (text.regionMatches(true, i, "xml ", 0, 4) || text.regionMatches(true, i, "html ", 0, 5)) {
            i = skipSpaces(text, text.indexOf(' ', i));
        }
        i = skipSpaces(text, skipLetters(text, i, Math.min(text.length(), i + 6)));
        for (String w : new String[] {"below", "above"}) {
            // "below your reasoning" is where in the reply: only "below" that ends its clause points into the prompt
            int after = skipSpaces(text, i + w.length());
            if (text.regionMatches(true, i, w, 0, w.length()) && (after == text.length()
                    || endsSentence(text.charAt(after)) || text.charAt(after) == ',' || text.charAt(after) == ':')) {
                return true;
            }
        }
        return false;
    }

    static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    static boolean endsSentence(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }

    /**
     * Whether the place at {@code offset} is inside quotation marks on its line: a quoted
     * sentence ("Put your rules in {@code <rules>} tags") is someone's words, which neither asks
     * for anything nor may be reworded.
     */
    static boolean quoted(String text, int offset) {
        int straight = 0;
        int curly = 0;
        // a quotation runs a few sentences at most: looking further back would make a long line quadratic
        int low = Math.max(0, offset - REACH);
        for (int i = offset - 1; i >= low && text.charAt(i) != '\n'; i--) {
            char c = text.charAt(i);
            if (c == '"') {
                straight++;
            } else if (c == '\u201C') {
                curly++;
            } else if (c == '\u201D') {
                curly--;
            }
        }
        return straight % 2 == 1 || curly > 0;
    }
}
