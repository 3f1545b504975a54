package dev.promptport.read;

import dev.promptport.LimitExceededException;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    private record Frame(int open, List<Node> children) {
    }

    /**
     * @param base where {@code text} starts, for the location of a limit hit
     * @throws LimitExceededException when pairs nest deeper than {@code maxDepth}
     */
    static List<Node> build(String text, TagTokens tokens, int[] partner, int maxDepth, Loc base) {
        Deque<Frame> frames = new ArrayDeque<>();
        Frame root = new Frame(-1, new ArrayList<>());
        frames.push(root);
        int textStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (partner[i] < 0) {
                continue;
            }
            byte kind = tokens.kind(i);
            // the root is a frame too, so frames.size() is the depth the new element would have
            if (kind == TagTokens.OPEN && frames.size() > maxDepth) {
                throw LimitExceededException.tagDepth(maxDepth, TagScanner.locate(text, base, tokens.start(i)));
            }
            addText(frames.peek(), textStart, tokens.start(i));
            if (kind == TagTokens.OPEN) {
                frames.push(new Frame(i, new ArrayList<>()));
            } else if (kind == TagTokens.SELF_CLOSING) {
                int end = tokens.end(i);
                frames.peek().children().add(new Element(tokens.name(i), tokens.attributes(i), tokens.start(i),
                        end, end, end, List.of()));
            } else {
                Frame closed = frames.pop();
                int open = closed.open();
                frames.peek().children().add(new Element(tokens.name(open), tokens.attributes(open),
                        tokens.start(open), tokens.end(open), tokens.start(i), tokens.end(i), closed.children()));
            }
            textStart = tokens.end(i);
        }
        addText(root, textStart, text.length());
        return root.children();
    }

    private static void addText(Frame f, int start, int end) {
        if (start < end) {
            f.children().add(new Chunk(start, end));
        }
    }
}
