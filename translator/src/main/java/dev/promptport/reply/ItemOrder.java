package dev.promptport.reply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The output items of a Responses stream, passed on one at a time. Anthropic has one block open
 * at a time, and a closed block takes nothing more: were a reasoning summary that goes on after
 * a function call began passed on as it comes, the reasoning would be cut in two blocks and its
 * signature would land on the second. So the events of an item that arrive while another item
 * is streaming wait, in order, until that one is done; then they are passed on as if they had
 * come then, the lowest output index first.
 *
 * @param <E> an event as the feed keeps it
 */
final class ItemOrder<E> {

    private int live = -1;
    private final Set<Integer> over = new HashSet<>();
    private final TreeMap<Integer, List<E>> waiting = new TreeMap<>();

    /**
     * Whether the event of item {@code out} must wait; it is then kept. An event with no output
     * index, or of an item already done, passes: it has no item to wait for.
     */
    boolean hold(int out, E event) {
        if (passes(out)) {
            return false;
        }
        waiting.computeIfAbsent(out, k -> new ArrayList<>()).add(event);
        return true;
    }

    /**
     * Whether the event of item {@code out} is passed on now; when it is, as {@link #hold} would
     * pass it (its item may become the one streaming). One that must wait is not kept.
     */
    boolean passes(int out) {
        if (out < 0 || out == live || over.contains(out)) {
            return true;
        }
        if (live < 0 && waiting.isEmpty()) {
            live = out;
            return true;
        }
        return false;
    }

    /** Item {@code out} is done: the events of the next item that waited, which is now the one streaming. */
    List<E> done(int out) {
        if (out < 0) {
            return List.of();
        }
        over.add(out);
        if (out != live) {
            return List.of();
        }
        live = -1;
        Map.Entry<Integer, List<E>> next = waiting.pollFirstEntry();
        if (next == null) {
            return List.of();
        }
        live = next.getKey();
        return next.getValue();
    }

    /** The reply is over: every event that still waits, item by item. */
    List<E> rest() {
        List<E> all = new ArrayList<>();
        waiting.values().forEach(all::addAll);
        waiting.clear();
        live = -1;
        return all;
    }
}
