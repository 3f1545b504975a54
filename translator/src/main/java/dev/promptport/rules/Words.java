package dev.promptport.rules;

import java.util.Arrays;

/**
 * A few lower-case words, asked about a word of a text where it stands, without copying it out
 * and lower-casing it: the sentence readers look at words around every tag they meet, and a
 * String per word they look at was most of what they allocate.
 */
final class Words {

    /** The words by length; most sets hold a dozen short words, so a search is a few comparisons. */
    private final String[][] byLength;

    private Words(String[][] byLength) {
        this.byLength = byLength;
    }

    /** The set of {@code words}, which are in lower case. */
    static Words of(String... words) {
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        String[][] byLength = new String[longest + 1][0];
        for (String w : words) {
            String[] same = byLength[w.length()];
            same = Arrays.copyOf(same, same.length + 1);
            same[same.length - 1] = w;
            byLength[w.length()] = same;
        }
        return new Words(byLength);
    }

    /** Whether {@code word}, already in lower case, is one of the words. */
    boolean contains(String word) {
        if (word.length() >= byLength.length) {
            return false;
        }
        for (String w : byLength[word.length()]) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word of {@code text} that starts at {@code w} (its letters), in lower case, is one of the words. */
    boolean at(String text, int w) {
        if (w < 0) {
            return false;
        }
        int end = end(text, w, byLength.length);
        int length = end - w;
        if (length >= byLength.length) {
            return false;
        }
        for (String word : byLength[length]) {
            if (sameIgnoringCase(text, w, word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the characters [start, end) written so far to {@code out}, in lower case, are one of the words. */
    boolean in(Spliced out, int start, int end) {
        int length = end - start;
        if (length >= byLength.length) {
            return false;
        }
        for (String word : byLength[length]) {
            int i = 0;
            while (i < length && Character.toLowerCase(out.charAt(start + i)) == word.charAt(i)) {
                i++;
            }
            if (i == length) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word of {@code text} that starts at {@code w}, in lower case, is {@code word}. */
    static boolean is(String text, int w, String word) {
        return w >= 0 && end(text, w, word.length() + 1) - w == word.length() && sameIgnoringCase(text, w, word);
    }

    /** Whether the word of {@code text} that starts at {@code w} begins with {@code prefix} and is at most {@code longest} letters. */
    static boolean startsWith(String text, int w, String prefix, int longest) {
        int length = end(text, w, longest + 1) - w;
        return length >= prefix.length() && length <= longest && sameIgnoringCase(text, w, prefix);
    }

    /** Whether the word of {@code text} that starts at {@code w} ends in "ly", as most adverbs do. */
    static boolean endsWithLy(String text, int w) {
        int end = TagMentions.skipLetters(text, w, text.length());
        return end - w >= 2 && Character.toLowerCase(text.charAt(end - 2)) == 'l'
                && Character.toLowerCase(text.charAt(end - 1)) == 'y';
    }

    /** The end of the word at {@code w}, looked for no further than {@code most} letters. */
    private static int end(String text, int w, int most) {
        return TagMentions.skipLetters(text, w, (int) Math.min(text.length(), (long) w + most));
    }

    private static boolean sameIgnoringCase(String text, int from, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(text.charAt(from + i)) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
