package dev.promptport.failover;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A streaming response read line by line with a timeout on every wait: the status and
 * headers arrive as a {@link Head}, then each line, then {@link End} or {@link Failed}. The
 * JDK's own request timeout stops at the headers; waiting on this queue bounds the silence
 * between lines too, and {@link #close()} cancels the exchange.
 */
final class LineStream implements AutoCloseable {

    sealed interface Item permits Head, Line, End, Failed {
    }

    record Head(int status, HttpHeaders headers) implements Item {
    }

    record Line(String text) implements Item {
    }

    record End() implements Item {
    }

    record Failed(Throwable error) implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private CompletableFuture<HttpResponse<Void>> future;

    private LineStream() {
    }

    static LineStream open(HttpClient client, HttpRequest request) {
        LineStream s = new LineStream();
        s.future = client.sendAsync(request, info -> {
            s.queue.add(new Head(info.statusCode(), info.headers()));
            return HttpResponse.BodySubscribers.fromLineSubscriber(s.new Lines());
        });
        s.future.whenComplete((r, e) -> {
            if (e != null) {
                s.queue.add(new Failed(unwrap(e)));
            }
        });
        return s;
    }

    /** The next item, or {@code null} when none came within {@code timeout}. */
    Item next(Duration timeout) throws InterruptedException {
        long nanos = Math.max(0, timeout.toNanos());
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        if (future != null) {
            future.cancel(true);
        }
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private final class Lines implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (closed) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            queue.add(new Line(line));
        }

        @Override
        public void onError(Throwable error) {
            queue.add(new Failed(error));
        }

        @Override
        public void onComplete() {
            queue.add(new End());
        }
    }
}
