package dev.promptport.rules;

import dev.promptport.rules.SectionPlan.Decision;
import dev.promptport.rules.SectionPlan.Kind;
import dev.promptport.tree.Markup.Element;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The sections a plan's walk met and the decision on each, in walk order, and what the rewrite
 * asks of them. The writer walks the same way, so it finds each decision by position instead of
 * through a map.
 */
final class PlannedVisits {

    private Element[] visited = new Element[16];
    private Decision[] decided = new Decision[16];
    private int size;

    void add(Element e, Decision d) {
        if (size == visited.length) {
            visited = Arrays.copyOf(visited, size * 2);
            decided = Arrays.copyOf(decided, size * 2);
        }
        visited[size] = e;
        decided[size] = d;
        size++;
    }

    int size() {
        return size;
    }

    Element element(int i) {
        return visited[i];
    }

    Decision decision(int i) {
        return decided[i];
    }

    /** Decides the {@code i}-th section again: an empty pair found to name a converted section. */
    void decide(int i, Decision d) {
        decided[i] = d;
    }

    /** The decision on {@code e}, which the walk must have met {@code visit}-th (from 0). */
    Decision decisionOn(int visit, Element e) {
        if (visit >= size || visited[visit] != e) {
            throw new IllegalStateException("element at " + e.start() + " met out of the planned order");
        }
        return decided[visit];
    }

    /** Whether a heading the rewrite writes holds a backtick or a tilde. */
    boolean titleHoldsCodeMark() {
        for (int i = 0; i < size; i++) {
            String title = decided[i].title();
            if (title != null && SectionPlan.holdsCodeMark(title)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reworded empty pair starts where {@code at} holds. */
    boolean referenceStartsWhere(IntPredicate at) {
        for (int i = 0; i < size; i++) {
            if (decided[i].kind() == Kind.REFERENCE && at.test(visited[i].start())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rewrite writes a heading's marks ("## "). */
    boolean writesHeading() {
        for (int i = 0; i < size; i++) {
            Decision d = decided[i];
            if (d.kind() == Kind.CONVERT && !d.headed() && d.level() >= 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rewrite takes out a section's tag, or an empty pair, that starts at {@code offset}. */
    boolean cutsTagAt(int offset) {
        for (int i = 0; i < size; i++) {
            Element e = visited[i];
            Kind kind = decided[i].kind();
            if ((kind == Kind.CONVERT || kind == Kind.REFERENCE) && e.start() == offset
                    || kind == Kind.CONVERT && !e.selfClosing() && e.closeStart() == offset) {
                return true;
            }
        }
        return false;
    }
}
