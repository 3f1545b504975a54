package dev.promptport.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a fuzz campaign's calls one at a time on a thread of their own, each with a time limit.
 * A call over the limit is a hang: its thread's stack says where it hung, and the thread, which
 * may never come back, is given up for a fresh one. Not thread-safe; one per worker.
 */
public final class TimedCalls implements AutoCloseable {

    /** How one call ended: with its value, with what it threw, or hung at {@code hung}. */
    public record Ran<T>(T value, Throwable thrown, StackTraceElement[] hung) {
    }

    private final String threadName;
    private ExecutorService exec;

    public TimedCalls(String threadName) {
        this.threadName = threadName;
        this.exec = newExecutor();
    }

    /** @throws InterruptedException when the worker is interrupted while it waits */
    public <T> Ran<T> run(Callable<T> call, long limitMillis) throws InterruptedException {
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<T> f = exec.submit(() -> {
            runner.set(Thread.currentThread());
            return call.call();
        });
        try {
            return new Ran<>(f.get(limitMillis, TimeUnit.MILLISECONDS), null, null);
        } catch (TimeoutException e) {
            Thread stuck = runner.get();
            StackTraceElement[] stack = stuck == null ? new StackTraceElement[0] : stuck.getStackTrace();
            f.cancel(true);
            exec.shutdownNow();
            exec = newExecutor();
            return new Ran<>(null, null, stack);
        } catch (ExecutionException e) {
            return new Ran<>(null, e.getCause(), null);
        }
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}
