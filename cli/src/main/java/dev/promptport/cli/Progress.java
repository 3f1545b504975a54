package dev.promptport.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A progress bar on standard error, shown only on a terminal and only once a run has taken
 * longer than a second, so short runs and pipes stay clean.
 */
final class Progress implements IntConsumer {

    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private volatile boolean shown;

    Progress(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    static Progress forTerminal(PrintWriter err, int total) {
        return new Progress(err, total, System.console() != null);
    }

    @Override
    public synchronized void accept(int done) {
        if (!terminal || System.nanoTime() - start < 1_000_000_000L) {
            return;
        }
        shown = true;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " inputs");
        err.flush();
    }

    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
