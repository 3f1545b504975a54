package dev.promptport.read;

import dev.promptport.tree.Markup;

import java.util.Comparator;
import java.util.List;

/**
 * Finds the tagged sections of a prose text ({@code <context>…</context>}) with exact offsets.
 *
 * <p>Written by hand rather than with an XML or HTML parser because prompts are not markup: a
 * {@code <} in {@code if x<y} must stay text, code must be skipped, entities must not be
 * decoded, and a broken tag must not swallow the rest of the prompt. One pass lists the tags
 * outside code, a stack pairs them, and only pairs become elements; everything else is text.
 * Linear in the input, no recursion.
 */
public final class TagScanner {

    private TagScanner() {
    }

    /** Never throws; nodes cover {@code text} exactly, in order. */
    public static Markup scan(String text) {
        if (text == null || text.isEmpty()) {
            return new Markup(List.of(), List.of());
        }
        TagTokens tokens = TagLexer.tokens(text);
        TagPairing pairing = TagPairing.of(tokens);
        List<Markup.Node> nodes = TagTree.build(text.length(), tokens, pairing.partner, pairing.problems);
        pairing.problems.sort(Comparator.comparingInt(Markup.Problem::offset));
        return new Markup(nodes, pairing.problems);
    }

    /** A cheap test so callers can skip scanning text that cannot hold a tag. */
    public static boolean mayContainTags(String text) {
        if (text == null) {
            return false;
        }
        int i = text.indexOf('<');
        while (i >= 0 && i + 1 < text.length()) {
            char c = text.charAt(i + 1);
            if (c == '/' || TagSyntax.isLetter(c)) {
                return true;
            }
            i = text.indexOf('<', i + 1);
        }
        return false;
    }
}
