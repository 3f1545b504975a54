package dev.promptport.failover;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A vendor API stand-in on loopback: answers each request with the next scripted reply and
 * records what it was sent. When the script runs out it answers 418, so a test that sends
 * more requests than it planned fails visibly instead of looping.
 */
final class StandIn implements AutoCloseable {

    /** One scripted answer. */
    interface Reply {
        void write(HttpExchange exchange, StandIn standIn) throws IOException;
    }

    /** A request the stand-in received. */
    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private static final int MAX_REQUESTS = 50;

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stand-in");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Reply repeat;

    private StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    static StandIn start(Reply... replies) throws IOException {
        StandIn s = new StandIn();
        s.then(replies);
        return s;
    }

    synchronized StandIn then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request after the script with {@code reply} (still at most 50 requests). */
    synchronized StandIn always(Reply reply) {
        repeat = reply;
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int count() {
        return seen.size();
    }

    List<Seen> seen() {
        return seen;
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Headers h = ex.getRequestHeaders();
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                Map.copyOf(h), body));
        Reply next;
        synchronized (this) {
            next = script.poll();
            if (next == null && seen.size() <= MAX_REQUESTS) {
                next = repeat;
            }
        }
        if (next == null) {
            next = json(418, "{\"error\":\"the stand-in's script ran out\"}");
        }
        // a reply that throws leaves the exchange open: the server then drops the connection
        // without finishing the body, which is how a stream is cut
        next.write(ex, this);
        ex.close();
    }

    // ---- replies -----------------------------------------------------------------------------

    static Reply json(int status, String body, String... headerPairs) {
        return (ex, s) -> {
            for (int i = 0; i < headerPairs.length; i += 2) {
                ex.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            ex.getResponseHeaders().set("content-type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        };
    }

    /** A web page with this status, as a load balancer or captive portal serves it. */
    static Reply page(int status, String html) {
        return (ex, s) -> {
            ex.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /**
     * An event stream that sends only a gateway's keep-alive comment every {@code everyMs},
     * as when the model behind it has stalled, until the client hangs up, the stand-in closes
     * or 5 seconds have passed (so a client that waits for it fails its test instead of hanging).
     */
    static Reply keepAlivesOnly(long everyMs) {
        return keepAlivesOnly(everyMs, ": keep-alive\n\n");
    }

    /**
     * As {@link #keepAlivesOnly(long)}, with {@code keepAlive} for the comment: Claude's
     * {@code ping} event, an empty {@code data:} line, a chunk that carries nothing; after
     * {@code first}, the events sent before the model stalled.
     */
    static Reply keepAlivesOnly(long everyMs, String keepAlive, String... first) {
        return (ex, s) -> {
            OutputStream out = startStream(ex);
            for (String e : first) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            try {
                while (System.nanoTime() < end && !s.closed.await(everyMs, TimeUnit.MILLISECONDS)) {
                    out.write(keepAlive.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stand-in stopped its keep-alives");
        };
    }

    /** A complete event stream, flushed event by event, then closed normally. */
    static Reply sse(String... events) {
        return (ex, s) -> {
            OutputStream out = startStream(ex);
            for (String e : events) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.close();
        };
    }

    /** A complete event stream, one event every {@code everyMs}, as a model writing steadily sends it. */
    static Reply sseSlowly(long everyMs, String... events) {
        return (ex, s) -> {
            OutputStream out = startStream(ex);
            for (String e : events) {
                sleepQuietly(everyMs);
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.close();
        };
    }

    /** Sends {@code events}, then drops the connection without finishing the chunked body. */
    static Reply sseThenCut(String... events) {
        return (ex, s) -> {
            OutputStream out = startStream(ex);
            for (String e : events) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            // give the client a moment to read what was sent, then drop the connection: the
            // server closes it when a handler fails mid-response
            sleepQuietly(50);
            throw new IOException("stand-in cut the stream");
        };
    }

    /** Sends {@code events}, then goes silent with the connection open (until the stand-in is closed). */
    static Reply sseThenHang(String... events) {
        return (ex, s) -> {
            OutputStream out = startStream(ex);
            for (String e : events) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            hang().write(ex, s);
        };
    }

    /** Never answers (until the stand-in is closed). */
    static Reply hang() {
        return (ex, s) -> {
            try {
                s.closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stand-in stopped hanging");
        };
    }

    private static OutputStream startStream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("content-type", "text/event-stream");
        ex.getResponseHeaders().set("cache-control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
