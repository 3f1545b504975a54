package dev.promptport.read;

import dev.promptport.LimitExceededException;
import dev.promptport.Limits;
import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;

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

    /** No limit on the tags: see {@link #scan(String)}. */
    private static final Limits UNLIMITED = Limits.DEFAULTS.withMaxTags(Integer.MAX_VALUE).withMaxTagDepth(Integer.MAX_VALUE);

    private TagScanner() {
    }

    /**
     * Scans without the tag limits; never throws. For text made from an input that was already
     * scanned within its limits, such as a rewrite's result: its tags are fewer and nest no deeper,
     * and the caller's limits may be above the defaults, so the defaults here would refuse what the
     * caller allowed. Text from outside goes through {@link #scan(String, Limits, Loc)}.
     */
    public static Markup scan(String text) {
        return scan(text, UNLIMITED, Loc.NONE);
    }

    /**
     * Nodes cover {@code text} exactly, in order.
     *
     * @param base where {@code text} starts (a JSON pointer, or a line and column), so a limit hit
     *     names the line and column of the tag
     * @throws LimitExceededException when the text holds more tags than {@link Limits#maxTags()} or
     *     its sections nest deeper than {@link Limits#maxTagDepth()}; nothing else is thrown
     */
    public static Markup scan(String text, Limits limits, Loc base) {
        if (text == null || text.isEmpty()) {
            return new Markup(List.of(), List.of());
        }
        TagTokens tokens = TagLexer.tokens(text);
        // checked before pairing and building, which cost far more per tag than the lexer's arrays
        if (tokens.size() > limits.maxTags()) {
            throw LimitExceededException.tagCount(limits.maxTags(), tokens.size(),
                    locate(text, base, tokens.start(limits.maxTags())));
        }
        TagPairing pairing = TagPairing.of(tokens);
        List<Markup.Node> nodes = TagTree.build(text, tokens, pairing.partner, limits.maxTagDepth(), base);
        return new Markup(nodes, pairing.problems);
    }

    /** The line and column of {@code offset}; counted only when a limit is hit, never on the way. */
    static Loc locate(String text, Loc base, int offset) {
        return LineIndex.of(text).locate(base, offset);
    }

    /**
     * The fenced code blocks of {@code text} (``` or ~~~, as the scanner draws them), each as
     * {start, end}: from its opening fence to the end of its closing one.
     */
    public static List<int[]> fencedBlocks(String text) {
        if (!text.contains("```") && !text.contains("~~~")) {
            return List.of();
        }
        TagFences fences = new TagFences(text);
        List<int[]> out = new java.util.ArrayList<>();
        int line = 0;
        while (line < text.length()) {
            int end = fences.blockEnd(line);
            if (end >= 0) {
                out.add(new int[] {line, end});
            }
            int lineBreak = text.indexOf('\n', end >= 0 ? end : line);
            if (lineBreak < 0) {
                break;
            }
            line = lineBreak + 1;
        }
        return out;
    }

    /**
     * The inline code spans of {@code text} outside fenced blocks, each as {start, end}: from
     * its opening backticks to the end of its closing ones. A tag inside one is text to the
     * scanner, and these are the same spans.
     */
    public static List<int[]> codeSpans(String text) {
        return text.indexOf('`') < 0 ? List.of() : CodeSpanList.of(text);
    }

    /** An HTML element that never has a closing tag ({@code br}, {@code img}, …), in any case. */
    public static boolean isHtmlVoid(String name) {
        return TagNames.isHtmlVoid(name);
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
