package dev.promptport.rules;

import java.util.Locale;
import java.util.Set;

/**
 * A tag with nothing in it that marks a place in the prompt's text: Zed's {@code <insert_here>}
 * where an edit goes, {@code <|cursor|>}-style {@code <cursor/>}, "the user's edit is marked with
 * {@code <recent-change/>}". It asks for no reply in those tags and opens no section, so it is
 * neither an output contract nor an unclosed tag. Its name says so (a word such as "here",
 * "cursor" or "insert"), or the words beside it do ("marked with", "where … appears", "the …
 * marker"). A tag with content, or one the prompt asks the reply to fill ({@code <score/>}), is
 * read as before.
 */
final class PlaceMarkers {

    /** Words of a tag name that name a place, split at "-", "_", "." and ":". */
    private static final Set<String> PLACE_NAMES = Set.of("here", "cursor", "caret", "insert", "insertion",
            "placeholder", "marker", "fim", "hole");

    /** A word just before the tag that says the tag marks a place. */
    private static final Set<String> BEFORE = Set.of("marked", "marks", "mark", "indicated", "where", "wherever",
            "replace", "replaces", "replacing");

    /** A word between such a word and the tag. */
    private static final Set<String> LINKS = Set.of("with", "by", "as");

    /** A word just after the tag that says the same. */
    private static final Set<String> AFTER = Set.of("marker", "markers", "marks", "mark", "placeholder", "appears",
            "appear", "sits", "stands", "shows", "indicates");

    /** After "tag" or "tags", the word that makes it a marker: "the {@code <x/>} tag marks". */
    private static final Set<String> AFTER_TAG = Set.of("marks", "shows", "indicates", "appears", "stands");

    private PlaceMarkers() {
    }

    /** Whether the empty tag {@code name}, written at {@code [start, end)} of {@code text}, marks a place. */
    static boolean marks(String text, int start, int end, String name) {
        if (placeName(name)) {
            return true;
        }
        int beforeStart = wordStartBefore(text, start);
        String before = wordAt(text, beforeStart);
        if (LINKS.contains(before)) {
            // "marked with", "indicated by"
            before = wordAt(text, wordStartBefore(text, beforeStart));
        }
        if (BEFORE.contains(before)) {
            return true;
        }
        int afterStart = skipSpaces(text, end);
        String after = wordAt(text, afterStart);
        if (after.equals("tag") || after.equals("tags")) {
            return AFTER_TAG.contains(wordAt(text, skipSpaces(text, afterStart + after.length())));
        }
        // "is" alone reads "<x/> is where the edit goes", but not "<score/> is required"
        if (after.equals("is")) {
            String next = wordAt(text, skipSpaces(text, afterStart + 2));
            return next.equals("where") || next.equals("placed") || next.equals("at");
        }
        return AFTER.contains(after);
    }

    private static boolean placeName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int from = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || "-_.:".indexOf(lower.charAt(i)) >= 0) {
                if (PLACE_NAMES.contains(lower.substring(from, i))) {
                    return true;
                }
                from = i + 1;
            }
        }
        return false;
    }

    /** Where the word (letters only) that ends before {@code i}, past spaces and a quote, starts; {@code i} when none. */
    private static int wordStartBefore(String text, int i) {
        int end = i;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '`' || text.charAt(end - 1) == '"')) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return start == end ? i : start;
    }

    private static String wordAt(String text, int i) {
        int end = i;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(i, end).toLowerCase(Locale.ROOT);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '`' || text.charAt(i) == '"')) {
            i++;
        }
        return i;
    }
}
