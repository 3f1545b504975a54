package dev.promptport.rules;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A rule's last few renderings. One request often reports a rule several times with different
 * details (two output tags, three references), and the next request reports the same ones: a
 * single kept rendering would be replaced by each report in turn and render every one of them
 * again for every request. Thread-safe: a rendering is immutable and published whole; two
 * threads that render the same details at once keep two equal entries, which is harmless.
 */
final class RecentRenderings {

    /**
     * More details than one request's reports of a rule usually carries, and room for the few
     * request shapes a failover sends in turn: PP207 names each request's output limit, so eight
     * kept renderings were pushed out by the gateways' 30 requests and rendered again each time.
     */
    static final int SIZE = 32;

    private final AtomicReferenceArray<RenderedOnce.Text> kept = new AtomicReferenceArray<>(SIZE);
    /**
     * The hash of each kept rendering's details, side by side, so that a lookup reads one array
     * instead of every kept rendering and its details. Only a hint: it may lag its rendering
     * when two threads keep one at once, and a match is confirmed on the details themselves.
     */
    private final int[] hashes = new int[SIZE];
    /** Where the next new rendering goes: the oldest one is replaced. */
    private final AtomicInteger next = new AtomicInteger();

    RenderedOnce.Text of(RuleInfo rule, Object[] args) {
        int hash = Arrays.hashCode(args);
        for (int i = 0; i < SIZE; i++) {
            if (hashes[i] == hash) {
                RenderedOnce.Text t = kept.get(i);
                if (t != null && t.rule() == rule && Arrays.equals(t.args(), args)) {
                    return t;
                }
            }
        }
        RenderedOnce.Text t = RenderedOnce.render(rule, args);
        int slot = Math.floorMod(next.getAndIncrement(), SIZE);
        kept.set(slot, t);
        hashes[slot] = hash;
        return t;
    }
}
