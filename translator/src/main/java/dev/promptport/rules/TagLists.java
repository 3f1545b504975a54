package dev.promptport.rules;

import static dev.promptport.rules.TagPlacements.DETERMINER;
import static dev.promptport.rules.TagPlacements.wordBefore;

/**
 * Reply tags named in a list after the sentence that asks for them: "Your response should be
 * enclosed within two XML tags:" followed by "1. {@code <THOUGHT>}: Explain your reasoning" and
 * "2. {@code <COMMAND>}: ...". Each item opens with its tag and says what goes in it. A list
 * after a sentence that only says what the prompt holds ("the input has two XML tags:") names
 * sections of the prompt.
 */
final class TagLists {

    /** Words between "in" and "tags" in the lead: "within two XML tags", "in the following tags". */
    private static final Words HOW_MANY = Words.of("xml", "html", "following", "these", "those", "two", "three",
            "four", "five", "six", "several", "separate", "distinct", "different");
    /** After a verb of writing, where the tags go: "format your answer with the following tags". */
    private static final Words BY = Words.of("in", "inside", "within", "with", "using", "between");
    /** "Respond using", "format your answer with": the reply named in two words at most. */
    private static final int MOST_OBJECT = 2;
    /** Items between the lead and the mention, read back at most: a longer list is a table of names. */
    private static final int MOST_LINES = 12;

    private TagLists() {
    }

    /** Whether the bare tag from {@code start} to {@code end} opens a list item that a lead asking for tags introduces. */
    static boolean asksFor(String text, int start, int end) {
        int lineStart = itemStart(text, start);
        if (lineStart < 0 || !defines(text, end)) {
            return false;
        }
        // the lines above are read back a bounded way: a huge line costs no more than a short one
        int low = Math.max(0, lineStart - MOST_LINES * TagMentions.REACH);
        int line = lineStart;
        for (int n = 0; n < MOST_LINES && line > low; n++) {
            int lineEnd = line - 1;
            line = lineStart(text, lineEnd, low);
            if (line <= low && low > 0) {
                return false;
            }
            if (ElementLayout.blank(text, line, lineEnd)) {
                continue;
            }
            if (markerEnd(text, line, lineEnd) < 0) {
                return leads(text, line, lineEnd);
            }
        }
        return false;
    }

    /** Where the line of a list item starts whose text opens with the tag at {@code start}, or -1. */
    private static int itemStart(String text, int start) {
        int low = Math.max(0, start - MOST_INDENT);
        int i = start;
        if (i > 0 && text.charAt(i - 1) == '`') {
            i--;
        }
        int line = lineStart(text, i, low);
        return (line > low || line == 0 || text.charAt(line - 1) == '\n') && markerEnd(text, line, i) == start ? line : -1;
    }

    /** How far before its tag a list item's line may start: indent, marker and spaces. */
    private static final int MOST_INDENT = 24;

    /** Whether the line from {@code line} to {@code lineEnd} ends "tags:" in a sentence asking for them. */
    private static boolean leads(String text, int line, int lineEnd) {
        int colon = TagMentions.spacesBack(text, lineEnd > line && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd);
        if (colon <= line || text.charAt(colon - 1) != ':') {
            return false;
        }
        int sentence = TagMentions.sentenceStart(text, colon - 1);
        int tags = wordBefore(text, sentence, colon - 1);
        if (tags < 0 || !Words.startsWith(text, tags, "tag", 4)) {
            return false;
        }
        int first = tags;
        int w = wordBefore(text, sentence, tags);
        while (w >= 0 && (HOW_MANY.at(text, w) || DETERMINER.at(text, w))) {
            first = w;
            w = wordBefore(text, sentence, w);
        }
        if (TagPlacements.placedOrUsed(text, sentence, first)) {
            return true;
        }
        if (w < 0 || !BY.at(text, w)) {
            return false;
        }
        // "Format your answer with the following tags:", the verb opening the sentence
        for (int n = 0; n <= MOST_OBJECT; n++) {
            w = wordBefore(text, sentence, w);
            if (w < 0) {
                return false;
            }
            if (wordBefore(text, sentence, w) < 0) {
                return TagMentions.WRITE.at(text, w);
            }
        }
        return false;
    }

    /** After the tag, what the item's tag is for: a colon or a dash. */
    private static boolean defines(String text, int end) {
        int i = TagMentions.pastCodeQuote(text, end);
        if (i < text.length() && text.charAt(i) == ':') {
            return true;
        }
        i = TagMentions.skipSpaces(text, i);
        return i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '\u2013' || text.charAt(i) == '\u2014');
    }

    /**
     * Where a list item's text starts on the line from {@code line} ("1. ", "- ", "* ", past a
     * backtick opening inline code), or -1; read up to {@code limit} and a short indent at most.
     */
    private static int markerEnd(String text, int line, int limit) {
        int high = Math.min(Math.min(limit, text.length() - 1), line + MOST_INDENT);
        int i = line;
        while (i < high && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int digits = i;
        while (i < high && i - digits <= 3 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > digits) {
            if (i - digits > 3 || i >= high || text.charAt(i) != '.' && text.charAt(i) != ')') {
                return -1;
            }
        } else if (i >= high || text.charAt(i) != '-' && text.charAt(i) != '*' && text.charAt(i) != '+') {
            return -1;
        }
        i++;
        if (i >= text.length() || text.charAt(i) != ' ') {
            return -1;
        }
        while (i < high && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == '`' ? TagMentions.pastCodeQuote(text, i) : i;
    }

    /** The start of the line holding {@code i}, not read back past {@code low}. */
    private static int lineStart(String text, int i, int low) {
        int s = i;
        while (s > low && text.charAt(s - 1) != '\n') {
            s--;
        }
        return s;
    }
}
