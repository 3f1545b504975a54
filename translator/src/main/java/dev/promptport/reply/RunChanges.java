package dev.promptport.reply;

/**
 * How often a stream's remembered runs (what its events repeat, see {@code JsonLexer.Run}) may
 * still change. A stream whose events differ there each time would have each run noted and
 * never skipped, so after a few changes it stops being looked at for one; one for each run a
 * stream keeps.
 */
final class RunChanges {

    private static final int MAX = 8;

    private int made;

    /** Whether a new run would still be taken: only then is one worth noting. */
    boolean open() {
        return made < MAX;
    }

    /** Counts a change, when one may still be made: whether it may. */
    boolean take() {
        if (made >= MAX) {
            return false;
        }
        made++;
        return true;
    }
}
