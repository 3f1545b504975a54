package dev.promptport.rules;

import dev.promptport.tree.LineIndex;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the tag and pattern rules of one plan found in one long text, kept in a
 * {@link dev.promptport.tree.TextMemo}: a system prompt that every request carries is then
 * searched by each rule once, not once a request. A rule's hits are filled in the first time
 * the rule runs on the text, so the rule time limit still bounds that first run. Hits are
 * offsets into the text, located again for each request, whose JSON pointers differ.
 * Thread-safe: two threads that fill one slot at once compute the same hits.
 */
final class TextHits {

    /** One match: where it starts in the text, and the finding's message arguments. */
    record Hit(int offset, Object[] args, RenderedOnce rendered) {

        Hit(int offset, Object[] args) {
            this(offset, args, new RenderedOnce());
        }
    }

    private final String text;
    private final AtomicReferenceArray<List<Hit>> slots;
    private volatile LineIndex lines;

    /** @param checks how many tag and pattern checks the plan has (the number of slots) */
    TextHits(String text, int checks) {
        this.text = text;
        this.slots = new AtomicReferenceArray<>(checks);
    }

    /** The hits of check {@code slot}, or null when it has not run on this text yet. */
    List<Hit> get(int slot) {
        return slots.get(slot);
    }

    void put(int slot, List<Hit> hits) {
        slots.set(slot, List.copyOf(hits));
    }

    /** The text's lines, worked out once for all the requests that carry it. */
    LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = LineIndex.of(text);
            lines = l;
        }
        return l;
    }
}
