package dev.promptport.read;

import dev.promptport.tree.Markup.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pairs open and close tags with a stack. A close tag finds its open entry through a count per
 * name, so a stray close costs O(1) and every entry is popped at most once: linear overall. The
 * stack itself is not capped: unclosed tags pile up at its bottom without nesting anything, so
 * the depth limit applies to the element tree instead ({@link TagTree}).
 */
final class TagPairing {

    /** {@code partner[i]} is the index of the token paired with token i (itself when self-closing), or -1. */
    final int[] partner;
    final List<Problem> problems = new ArrayList<>();

    private final TagTokens tokens;
    private int[] stack = new int[8];
    private int top;
    /** Open tags on the stack, by name number. */
    private final int[] openCount;

    private TagPairing(TagTokens tokens) {
        this.tokens = tokens;
        this.partner = new int[tokens.size()];
        this.openCount = new int[tokens.names().size()];
        Arrays.fill(partner, -1);
    }

    static TagPairing of(TagTokens tokens) {
        TagPairing p = new TagPairing(tokens);
        p.run();
        return p;
    }

    private void run() {
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.kind(i)) {
                case TagTokens.OPEN -> push(i);
                case TagTokens.CLOSE -> close(i);
                default -> partner[i] = i;
            }
        }
        while (top > 0) {
            int open = pop();
            if (!isVoid(open)) {
                problems.add(problem(Problem.Kind.UNCLOSED, open));
            }
        }
    }

    private void push(int i) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = i;
        openCount[tokens.nameId(i)]++;
    }

    private int pop() {
        int i = stack[--top];
        openCount[tokens.nameId(i)]--;
        return i;
    }

    private void close(int i) {
        int name = tokens.nameId(i);
        if (openCount[name] == 0) {
            if (top > 0 && tokens.names().sameLocalName(tokens.nameId(stack[top - 1]), name)) {
                // Claude's tool-call format as prompts show it: the opening tag carries the
                // namespace and the closing one lost it, <ns:parameter name="q">v</parameter>
                int open = pop();
                partner[open] = i;
                partner[i] = open;
                return;
            }
            String words = tokens.name(i);
            if (words.indexOf(' ') >= 0) {
                if (top > 0 && tokens.opensWith(stack[top - 1], words)) {
                    // <Hard Limits>…</Hard Limits>: one name of two words
                    int open = pop();
                    tokens.rename(open, name);
                    partner[open] = i;
                    partner[i] = open;
                }
                // a close tag of several words and no open one is text, as it was before such names were read
                return;
            }
            problems.add(problem(Problem.Kind.UNOPENED, i));
            return;
        }
        int outer = openCount[name] > 1 ? sectionUnderMention(name, i) : -1;
        while (tokens.nameId(stack[top - 1]) != name || outer >= 0 && top - 1 > outer) {
            int inner = pop();
            if (!isVoid(inner)) {
                problems.add(problem(Problem.Kind.MISMATCHED, inner));
            }
        }
        int open = pop();
        partner[open] = i;
        partner[i] = open;
    }

    /**
     * How far down the stack a section of the close's name is looked for under a mention of it:
     * a section holds a handful of stray mentions at most, and a bound keeps a text full of
     * unpaired tags linear.
     */
    private static final int MOST_STRAYS_ABOVE = 32;

    /**
     * For close token {@code close} of name {@code name}, when the innermost open tag of that
     * name is a mention in a sentence ("at the same time as {@code <str_replace>}.") and a
     * section of the same name holds it ({@code <str_replace path="…">} opened on a line of its
     * own): the stack index of that section, which the close ends. Otherwise -1, and the close
     * takes the innermost tag, as always. The mention stays text, as it would outside the section.
     */
    private int sectionUnderMention(int name, int close) {
        int k = top - 1;
        int low = Math.max(0, top - MOST_STRAYS_ABOVE);
        while (k >= low && tokens.nameId(stack[k]) != name) {
            k--;
        }
        if (k < low || !tokens.mentionedInLine(stack[k]) || tokens.sameLine(stack[k], close)) {
            return -1;
        }
        for (int j = k - 1; j >= low; j--) {
            if (tokens.nameId(stack[j]) == name) {
                return tokens.mentionedInLine(stack[j]) ? -1 : j;
            }
        }
        return -1;
    }

    private boolean isVoid(int i) {
        return tokens.names().isVoid(tokens.nameId(i));
    }

    static Problem problem(Problem.Kind kind, TagTokens tokens, int i) {
        return new Problem(kind, tokens.name(i), tokens.start(i), tokens.end(i) - tokens.start(i));
    }

    private Problem problem(Problem.Kind kind, int i) {
        return problem(kind, tokens, i);
    }
}
