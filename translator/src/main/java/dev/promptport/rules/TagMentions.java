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
    private static final Set<String> WRITE = Set.of("reply", "replies", "respond", "answer", "output", "write",
            "put", "return", "wrap", "enclose", "give", "provide", "place", "print", "produce", "format", "emit");

    private TagMentions() {
    }

    /** A verb that asks for output ("reply", "return", "output", ...), in lower case. */
    static boolean isWriteVerb(String word) {
        return WRITE.contains(word);
    }

    /**
     * Whether the sentence around the mention at {@code offset} (of {@code length} characters)
     * asks to write in the tag: a verb of writing before it and the word "tag" or "tags" right
     * after it.
     */
    static boolean asksToWriteIn(String text, int offset, int length) {
        return tagsFollow(text, offset + length) && (asksToWrite(text, offset) || leadsToWriting(text, offset, length));
    }

    /** Words that may open a sentence before "in {@code <x>} tags": "Finally, in ...". */
    private static final Set<String> LEAD = Set.of("first", "then", "next", "now", "finally", "lastly", "and",
            "second", "third", "afterwards", "after", "that");
    private static final Set<String> INSIDE = Set.of("in", "inside", "within");
    /** Verbs that, after "In {@code <x>} tags,", say what to write there. */
    private static final Set<String> WRITE_AFTER = Set.of("think", "plan", "list", "explain", "reason",
            "summarize", "summarise", "draft", "note", "describe", "state");

    /**
     * "In {@code <Inputs>} tags, write down the variables": the sentence opens with where to
     * write and names the verb after the mention. "In {@code <rules>} tags, you will find ..."
     * asks for nothing.
     */
    private static boolean leadsToWriting(String text, int offset, int length) {
        int start = sentenceStart(text, offset);
        String last = null;
        int i = start;
        while (i < offset) {
            while (i < offset && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < offset && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > w) {
                String word = text.substring(w, i).toLowerCase(Locale.ROOT);
                if (last != null && !LEAD.contains(last)) {
                    return false;
                }
                last = word;
            }
        }
        if (last == null || !INSIDE.contains(last)) {
            return false;
        }
        // past "tags", the verb of the same sentence
        int j = skipSpaces(text, offset + length);
        int high = Math.min(text.length(), j + REACH);
        while (j < high && Character.isLetter(text.charAt(j))) {
            j++;
        }
        if (text.regionMatches(true, j - 3, "xml", 0, 3) || text.regionMatches(true, j - 4, "html", 0, 4)) {
            j = skipSpaces(text, j);
            while (j < high && Character.isLetter(text.charAt(j))) {
                j++;
            }
        }
        while (j < high && !endsSentence(text.charAt(j))) {
            while (j < high && !Character.isLetter(text.charAt(j)) && !endsSentence(text.charAt(j))) {
                j++;
            }
            int w = j;
            while (j < high && Character.isLetter(text.charAt(j))) {
                j++;
            }
            if (j > w) {
                String word = text.substring(w, j).toLowerCase(Locale.ROOT);
                if (WRITE.contains(word) || WRITE_AFTER.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How far back a sentence is read, in characters: bounded, so that a mention on a line of a
     * million characters without a full stop costs no more than one in a sentence.
     */
    static final int REACH = 400;

    /** Whether the sentence before {@code offset} has a verb of writing. */
    static boolean asksToWrite(String text, int offset) {
        int i = sentenceStart(text, offset);
        while (i < offset) {
            while (i < offset && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < offset && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > w && WRITE.contains(text.substring(w, i).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Where the sentence holding {@code offset} starts, read back at most {@link #REACH} characters. */
    private static int sentenceStart(String text, int offset) {
        int start = offset;
        int low = Math.max(0, offset - REACH);
        while (start > low && !endsSentence(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** "tags", "tag", "XML tags" or "HTML tags" after the mention. */
    private static boolean tagsFollow(String text, int from) {
        int i = skipSpaces(text, from);
        if (text.regionMatches(true, i, "xml ", 0, 4) || text.regionMatches(true, i, "html ", 0, 5)) {
            i = skipSpaces(text, text.indexOf(' ', i));
        }
        return text.regionMatches(true, i, "tag", 0, 3);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean endsSentence(char c) {
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
