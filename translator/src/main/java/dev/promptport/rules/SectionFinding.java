package dev.promptport.rules;

import dev.promptport.tree.Loc;

/**
 * A finding decided while planning, reported only once the plan is known to hold. A plan a
 * memo keeps is reported for every request that carries its text, so its message is rendered
 * once.
 */
record SectionFinding(int offset, String id, RenderedOnce rendered, Object... args) {

    SectionFinding(int offset, String id, Object... args) {
        this(offset, id, new RenderedOnce(), args);
    }

    void report(Loc loc, FindingSink sink) {
        sink.report(id, loc, rendered, args);
    }
}
