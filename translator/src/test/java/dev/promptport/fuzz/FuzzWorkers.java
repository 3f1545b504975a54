package dev.promptport.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs a campaign's workers to their end, printing progress a minute apart and raising the
 * campaign's out-of-time flag once its time budget is spent. Shared by the request and the
 * reply campaigns.
 */
public final class FuzzWorkers {

    private FuzzWorkers() {
    }

    /**
     * @param label names the threads and the progress lines ("fuzz", "reply-fuzz")
     * @param done how many inputs have been taken so far, at most {@code count}
     * @param failures how many distinct failures so far
     * @param outOfTime called once {@code maxSeconds} (when positive) have passed: stop generating
     * @return the nanoseconds the workers ran
     */
    public static long run(String label, int threads, Runnable work, long count, LongSupplier done,
            LongSupplier failures, long maxSeconds, Runnable outOfTime) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(work, label + "-worker-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        long lastReport = System.nanoTime();
        for (Thread w : workers) {
            while (w.isAlive()) {
                w.join(1000);
                if (maxSeconds > 0 && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(maxSeconds)) {
                    outOfTime.run();
                }
                if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(60)) {
                    lastReport = System.nanoTime();
                    long taken = done.getAsLong();
                    double secs = (lastReport - start) / 1e9;
                    System.out.printf(Locale.ROOT, "[%s] %d inputs in %.0f s (%.0f/s), %d distinct failures%n",
                            label, Math.min(taken, count), secs, taken / secs, failures.getAsLong());
                }
            }
        }
        return System.nanoTime() - start;
    }
}
