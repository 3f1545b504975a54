package dev.promptport.read;

import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import dev.promptport.tree.Markup.Problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds the node tree from tags whose pairing is already settled. Pairs are properly nested by
 * construction, so one stack suffices; unpaired tags simply stay inside the surrounding chunk.
 * Elements nest at most {@link #MAX_DEPTH} deep, so code walking the tree recursively cannot
 * overflow the stack; a pair deeper than that stays text, its opening tag reported as unclosed.
 */
final class TagTree {

    static final int MAX_DEPTH = 512;

    private TagTree() {
    }

    private record Frame(int open, List<Node> children) {
    }

    /** {@code partner} entries of pairs too deep are cleared; their problems go to {@code problems}. */
    static List<Node> build(int length, TagTokens tokens, int[] partner, List<Problem> problems) {
        Deque<Frame> frames = new ArrayDeque<>();
        Frame root = new Frame(-1, new ArrayList<>());
        frames.push(root);
        int textStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (partner[i] < 0) {
                continue;
            }
            byte kind = tokens.kind(i);
            if (kind == TagTokens.OPEN && frames.size() > MAX_DEPTH) {
                partner[partner[i]] = -1;
                partner[i] = -1;
                problems.add(TagPairing.problem(Problem.Kind.UNCLOSED, tokens, i));
                continue;
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
        addText(root, textStart, length);
        return root.children();
    }

    private static void addText(Frame f, int start, int end) {
        if (start < end) {
            f.children().add(new Chunk(start, end));
        }
    }
}
