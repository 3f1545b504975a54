package dev.promptport.read;

import dev.promptport.LimitExceededException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

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
        // The children of every open element wait on one shared array, each element's run
        // starting at from[depth]; a closing tag copies its run out once, at its exact size,
        // and the slots past the new end are simply written over.
        // A tree holds at most a text chunk before each token, one after the last, and an
        // element per self-closing tag, so the array never grows.
        Node[] pending = new Node[2 * tokens.size() + 1];
        int size = 0;
        // prompts nest sections a few deep
        int[] opens = new int[8];
        int[] from = new int[8];
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
            int start = tokens.start(i);
            if (textStart < start) {
                pending[size++] = new Chunk(textStart, start);
            }
            if (kind == TagTokens.OPEN) {
                depth++;
                if (depth == opens.length) {
                    opens = Arrays.copyOf(opens, depth * 2);
                    from = Arrays.copyOf(from, depth * 2);
                }
                opens[depth] = i;
                from[depth] = size;
            } else if (kind == TagTokens.SELF_CLOSING) {
                int end = tokens.end(i);
                pending[size++] = new Element(tokens.name(i), tokens.attributes(i), start, end, end, end, List.of());
            } else {
                int open = opens[depth];
                List<Node> children = list(pending, from[depth], size);
                size = from[depth];
                depth--;
                pending[size++] = new Element(tokens.name(open), tokens.attributes(open),
                        tokens.start(open), tokens.end(open), start, tokens.end(i), children);
            }
            textStart = tokens.end(i);
        }
        if (textStart < text.length()) {
            pending[size++] = new Chunk(textStart, text.length());
        }
        return list(pending, 0, size);
    }

    /**
     * An immutable copy of nodes [from, to), which {@link Element} and {@link dev.promptport.tree.Markup}
     * keep as they are. Most elements hold one or two nodes: those lists need no array at all.
     */
    private static List<Node> list(Node[] nodes, int from, int to) {
        return switch (to - from) {
            case 0 -> List.of();
            case 1 -> List.of(nodes[from]);
            case 2 -> List.of(nodes[from], nodes[from + 1]);
            default -> List.of(Arrays.copyOfRange(nodes, from, to));
        };
    }
}
