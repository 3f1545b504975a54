package dev.promptport.read;

import dev.promptport.LimitExceededException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the node tree from tags whose pairing is already settled. Pairs are properly nested by
 * construction, so one stack suffices; unpaired tags simply stay inside the surrounding chunk.
 * Elements nest at most {@code maxDepth} deep, so code walking the tree recursively cannot
 * overflow the stack: a pair deeper than that is refused rather than silently left as text,
 * because the sections the prompt's author meant would vanish without a word.
 */
final class TagTree {

    private TagTree() {
    }

    /**
     * @param base where {@code text} starts, for the location of a limit hit
     * @throws LimitExceededException when pairs nest deeper than {@code maxDepth}
     */
    static List<Node> build(String text, TagTokens tokens, int[] partner, int maxDepth, Loc base) {
        // The children of every open element wait on one shared list, each element's run
        // starting at from[depth]; a closing tag copies its run out once, at its exact size.
        List<Node> pending = new ArrayList<>();
        int[] opens = new int[16];
        int[] from = new int[16];
        int depth = 0;
        int textStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (partner[i] < 0) {
                continue;
            }
            byte kind = tokens.kind(i);
            // depth + 1 counts the root, as the depth the new element would have
            if (kind == TagTokens.OPEN && depth + 1 > maxDepth) {
                throw LimitExceededException.tagDepth(maxDepth, TagScanner.locate(text, base, tokens.start(i)));
            }
            addText(pending, textStart, tokens.start(i));
            if (kind == TagTokens.OPEN) {
                depth++;
                if (depth == opens.length) {
                    opens = Arrays.copyOf(opens, depth * 2);
                    from = Arrays.copyOf(from, depth * 2);
                }
                opens[depth] = i;
                from[depth] = pending.size();
            } else if (kind == TagTokens.SELF_CLOSING) {
                int end = tokens.end(i);
                pending.add(new Element(tokens.name(i), tokens.attributes(i), tokens.start(i), end, end, end, List.of()));
            } else {
                int open = opens[depth];
                List<Node> run = pending.subList(from[depth], pending.size());
                List<Node> children = List.copyOf(run);
                run.clear();
                depth--;
                pending.add(new Element(tokens.name(open), tokens.attributes(open),
                        tokens.start(open), tokens.end(open), tokens.start(i), tokens.end(i), children));
            }
            textStart = tokens.end(i);
        }
        addText(pending, textStart, text.length());
        return pending;
    }

    private static void addText(List<Node> into, int start, int end) {
        if (start < end) {
            into.add(new Chunk(start, end));
        }
    }
}
