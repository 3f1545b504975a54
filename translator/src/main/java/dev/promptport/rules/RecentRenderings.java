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

    /** More details than one request's reports of a rule usually carries. */
    static final int SIZE = 8;

    private final AtomicReferenceArray<RenderedOnce.Text> kept = new AtomicReferenceArray<>(SIZE);
    /** Where the next new rendering goes: the oldest one is replaced. */
    private final AtomicInteger next = new AtomicInteger();

    RenderedOnce.Text of(RuleInfo rule, Object[] args) {
        for (int i = 0; i < SIZE; i++) {
            RenderedOnce.Text t = kept.get(i);
            if (t != null && t.rule() == rule && Arrays.equals(t.args(), args)) {
                return t;
            }
        }
        RenderedOnce.Text t = RenderedOnce.render(rule, args);
        kept.set(Math.floorMod(next.getAndIncrement(), SIZE), t);
        return t;
    }
}
