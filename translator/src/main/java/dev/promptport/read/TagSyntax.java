package dev.promptport.read;

import dev.promptport.tree.Markup.Attribute;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one tag at a {@code <}. A tag never contains the start of another ({@code <} before a
 * letter, {@code /}, {@code !} or {@code ?}; a quoted value may hold a comparison, {@code "x < 3"}),
 * so a failed attempt stops at the next tag's start at the latest and the scanner stays linear
 * however many {@code <} the text holds.
 */
final class TagSyntax {

    private final String s;
    private final int n;
    private final TagFences fences;

    TagSyntax(String s, TagFences fences) {
        this.s = s;
        this.n = s.length();
        this.fences = fences;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':';
    }

    /**
     * How web frameworks start an attribute's name: Vue's and Alpine's {@code @click}, Angular's
     * {@code [value]}, {@code (click)}, {@code *ngIf} and {@code #ref}.
     */
    private static boolean isMarkupKeyStart(char c) {
        return c == '@' || c == '[' || c == '(' || c == '*' || c == '#';
    }

    /** What may follow in such a name, and a template's optional mark ({@code header-row?}). */
    private static boolean isMarkupKeyChar(char c) {
        return c == '@' || c == '[' || c == ']' || c == '(' || c == ')' || c == '?';
    }

    /**
     * Reads the tag starting at {@code i} (which holds {@code <}) and adds it to {@code into}
     * (unless null). Returns the tag's end, or -1 when the {@code <} starts text.
     */
    int read(int i, TagTokens into) {
        int j = i + 1;
        boolean close = j < n && s.charAt(j) == '/';
        if (close) {
            j++;
        }
        if (j >= n || !isLetter(s.charAt(j))) {
            return -1;
        }
        int nameStart = j;
        // the name's String.hashCode, so numbering it (TagNames) needs no second pass over it
        int nameHash = 0;
        for (char c; j < n && isNameChar(c = s.charAt(j)); j++) {
            nameHash = 31 * nameHash + c;
        }
        if (close) {
            // "</Hard Limits>": some prompts name a section in words, <Hard Limits>…</Hard Limits>;
            // the open tag reads as a name and bare attributes until the pairing meets this close
            while (j + 1 < n && s.charAt(j) == ' ' && isLetter(s.charAt(j + 1))) {
                nameHash = 31 * nameHash + ' ';
                for (j++; j < n && isNameChar(s.charAt(j)); j++) {
                    nameHash = 31 * nameHash + s.charAt(j);
                }
            }
        }
        int nameEnd = j;
        if (close) {
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            return j < n && s.charAt(j) == '>'
                    ? found(TagTokens.CLOSE, nameStart, nameEnd, nameHash, List.of(), i, j + 1, into) : -1;
        }
        if (j < n && s.charAt(j) == '=') {
            return namedValue(nameStart, nameEnd, nameHash, i, j + 1, into);
        }
        List<Attribute> attributes = List.of();
        while (true) {
            int before = j;
            j = skipSpace(j);
            if (j < 0 || j >= n) {
                return -1;
            }
            char c = s.charAt(j);
            if (c == '>') {
                return found(TagTokens.OPEN, nameStart, nameEnd, nameHash, attributes, i, j + 1, into);
            }
            if (c == '/') {
                return j + 1 < n && s.charAt(j + 1) == '>'
                        ? found(TagTokens.SELF_CLOSING, nameStart, nameEnd, nameHash, attributes, i, j + 2, into) : -1;
            }
            if (j == before || !(isLetter(c) || c == '_' || c == ':' || isMarkupKeyStart(c))) {
                return -1;
            }
            int keyStart = j;
            j++;
            while (j < n && (isNameChar(s.charAt(j)) || isMarkupKeyChar(s.charAt(j)))) {
                j++;
            }
            String key = s.substring(keyStart, j);
            String value = "";
            int k = skipSpace(j);
            if (k >= 0 && k < n && s.charAt(k) == '=') {
                k = skipSpace(k + 1);
                if (k < 0 || k >= n) {
                    return -1;
                }
                int valueEnd = valueEnd(k);
                if (valueEnd < 0) {
                    return -1;
                }
                char q = s.charAt(k);
                value = q == '"' || q == '\'' ? s.substring(k + 1, valueEnd - 1) : s.substring(k, valueEnd);
                j = valueEnd;
            }
            if (attributes.isEmpty()) {
                attributes = new ArrayList<>(2);
            }
            attributes.add(new Attribute(key, value));
        }
    }

    /**
     * An open tag whose name takes a value, {@code <function=execute_bash>} or
     * {@code <parameter=command>}: the tool-call syntax open-weight coding models are prompted
     * with, closed by {@code </function>}. The value is kept as an attribute under the tag's own
     * name; nothing else may follow it in the tag.
     */
    private int namedValue(int nameStart, int nameEnd, int nameHash, int start, int k, TagTokens into) {
        if (k >= n || s.charAt(k) <= ' ') {
            return -1;
        }
        int valueEnd = valueEnd(k);
        if (valueEnd <= k || valueEnd >= n || s.charAt(valueEnd) != '>') {
            return -1;
        }
        char q = s.charAt(k);
        String value = q == '"' || q == '\'' ? s.substring(k + 1, valueEnd - 1) : s.substring(k, valueEnd);
        return found(TagTokens.OPEN, nameStart, nameEnd, nameHash,
                List.of(new Attribute(s.substring(nameStart, nameEnd), value)), start, valueEnd + 1, into);
    }

    private static int found(byte kind, int nameStart, int nameEnd, int nameHash, List<Attribute> attributes,
                             int start, int end, TagTokens into) {
        if (into != null) {
            into.add(kind, nameStart, nameEnd, nameHash, attributes, start, end);
        }
        return end;
    }

    /** Skips blanks and line breaks; -1 when a line break leads into a code fence. */
    private int skipSpace(int j) {
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\n') {
                if (fences.opensFence(j + 1)) {
                    return -1;
                }
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            j++;
        }
        return j;
    }

    /** Whether the {@code <} at {@code j} could start a tag, a close or a comment. */
    private boolean startsTag(int j) {
        if (j + 1 >= n) {
            return false;
        }
        char next = s.charAt(j + 1);
        return isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /** Whether the line starting at {@code j} holds only blanks. */
    private boolean blankLineAt(int j) {
        for (; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** End (exclusive) of the attribute value starting at {@code k}, or -1. */
    private int valueEnd(int k) {
        char q = s.charAt(k);
        if (q == '"' || q == '\'') {
            for (int j = k + 1; j < n; j++) {
                char c = s.charAt(j);
                if (c == q) {
                    return j + 1;
                }
                // a value may hold a comparison ("x < 3") and go on to the next line (a long
                // condition wrapped), but holds no tag, and goes past no blank line and into no
                // code fence, where a stray quote in prose would lead it: a failed attempt still
                // stops at the next tag's start, and the scan stays linear
                if (c == '<' && startsTag(j) || c == '\n' && (blankLineAt(j + 1) || fences.opensFence(j + 1))) {
                    return -1;
                }
            }
            return -1;
        }
        int j = k;
        while (j < n) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' || c == '`'
                    || (c == '/' && j + 1 < n && s.charAt(j + 1) == '>')) {
                break;
            }
            j++;
        }
        return j > k ? j : -1;
    }
}
