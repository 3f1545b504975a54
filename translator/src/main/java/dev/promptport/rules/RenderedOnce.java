package dev.promptport.rules;

import java.util.Arrays;

/**
 * A finding's message and fix, kept from the last time they were rendered: traffic reports the
 * same findings with the same details request after request (a hit in a remembered system
 * prompt, "top_k is dropped for gpt-4o"), and filling in a message costs more than checking
 * that its details are the same. Thread-safe: a rendering is immutable and published whole.
 */
final class RenderedOnce {

    /** A rule's message and fix filled in with {@code args}. */
    record Text(RuleInfo rule, Object[] args, String message, String fix) {
    }

    private volatile Text last;

    Text of(RuleInfo rule, Object[] args) {
        Text t = last;
        if (t == null || t.rule() != rule || !Arrays.equals(t.args(), args)) {
            t = render(rule, args);
            last = t;
        }
        return t;
    }

    /**
     * As {@link #of(RuleInfo, Object[])}, taking a rendering not kept here from the rule's
     * {@code recent} ones: this one may be new for this request, as a plan no memo keeps is.
     */
    Text of(RuleInfo rule, Object[] args, RecentRenderings recent) {
        Text t = last;
        if (t == null || t.rule() != rule || !Arrays.equals(t.args(), args)) {
            t = recent.of(rule, args);
            last = t;
        }
        return t;
    }

    static Text render(RuleInfo rule, Object[] args) {
        return new Text(rule, args, rule.render(rule.message(), args), rule.render(rule.fix(), args));
    }
}
