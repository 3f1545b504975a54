package dev.promptport.traffic;

import dev.promptport.Finding;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.read.RequestBytes;
import dev.promptport.risk.Risk;
import dev.promptport.tree.TextMemo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Audits logged traffic: one request a line, bare or under {@code "request"} or {@code "body"},
 * in any format promptport reads (told per line from its shape, or from what the line's
 * envelope says: see {@link LineSniffer}), and the batch files and gateway logs of the vendors. The calling thread reads
 * lines into batches of {@value #BATCH} and hands them through a bounded queue to one worker
 * per core; each worker folds its lines into its own {@link Partial}, and the partials are
 * merged at the end. Memory stays flat whatever the length of the log: at most
 * {@code 2 × threads} batches are in flight and no per-line result is kept.
 *
 * <p>Blank lines are skipped, and a byte-order mark in front of the first. A line that is not
 * JSON, not an object, or not a request that translates — a request over one of the
 * {@link dev.promptport.Limits} among them — is a bad line: it is counted, the first
 * {@value #BAD_EXAMPLES} are kept with their message, and the run goes on. A line that is a
 * known record holding no prompt (a batch result, an embeddings request) is skipped: counted by
 * reason, with its first line number. Read from a stream,
 * a line that is not valid UTF-8 or longer than the input size limit in bytes is a bad line
 * too; such a line is never held whole. The limits apply to each request, not to the log. The result does not depend on
 * thread scheduling (the rule time limit aside, which depends on the machine).
 *
 * <pre>{@code
 * try (BufferedReader in = Files.newBufferedReader(Path.of("traffic.jsonl"))) {
 *     TrafficSummary s = TrafficAudit.run(in, List.of(Target.of("openai:gpt-4o")), Options.DEFAULT);
 *     System.out.print(TrafficText.write(s));
 * }
 * }</pre>
 */
public final class TrafficAudit {

    /** Distinct long texts an audit remembers, shared by its workers. */
    static final int MEMO_TEXTS = 4096;
    /** Lines handed to a worker at a time. */
    public static final int BATCH = 256;
    /** Example line numbers kept per feature and target. */
    public static final int FEATURE_EXAMPLES = 5;
    /** Bad lines kept with their message. */
    public static final int BAD_EXAMPLES = 20;

    private static final Batch END = new Batch(0, new String[0], null, null, 0);

    /**
     * @param views each line one byte per char ({@link Lines#view()}), or null when no line has one
     * @param problems why each line is bad before it is parsed, or null when none of them is
     */
    private record Batch(long firstLine, String[] lines, byte[][] views, String[] problems, int size) {
    }

    private TrafficAudit() {
    }

    /** Audits every line of {@code in} for each target on all cores. */
    public static TrafficSummary run(BufferedReader in, List<Target> targets, Options options) throws IOException {
        return run(in, targets, options, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Audits every line of a UTF-8 stream (already decompressed) for each target on all cores.
     * Faster than a reader: lines are cut from the bytes and each made into a string at once.
     * The input size limit bounds each line in bytes; a longer line is read past, not held.
     */
    public static TrafficSummary run(InputStream in, List<Target> targets, Options options) throws IOException {
        return run(in, targets, options, Runtime.getRuntime().availableProcessors());
    }

    /** Audits every line of a UTF-8 stream with {@code threads} workers. */
    static TrafficSummary run(InputStream in, List<Target> targets, Options options, int threads)
            throws IOException {
        return run(new Utf8Lines(in, options.limits().maxInputBytes()), targets, options, threads);
    }

    /** Audits every line of {@code in} for each target with {@code threads} workers. */
    public static TrafficSummary run(BufferedReader in, List<Target> targets, Options options, int threads)
            throws IOException {
        return run(in::readLine, targets, options, threads);
    }

    /** Where the lines come from: the next line, or null at the end. */
    interface Lines {
        String next() throws IOException;

        /** Why the line {@link #next()} last returned is bad before it is parsed, or null. */
        default String problem() {
            return null;
        }

        /** The line {@link #next()} last returned one byte per char, as the JSON lexer scans it, or null. */
        default byte[] view() {
            return null;
        }
    }

    /** @throws IOException when reading fails (the lines read so far are not reported) */
    private static TrafficSummary run(Lines in, List<Target> targets, Options options, int threads)
            throws IOException {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        int n = Math.max(1, threads);
        // a log repeats its applications' system prompts on line after line: each is worked out once
        Options remembering = options.memo() != null ? options : options.withMemo(new TextMemo(MEMO_TEXTS));
        List<String> ids = targets.stream().map(Target::id).toList();
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2 * n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Partial> partials = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Partial partial = new Partial(ids);
            partials.add(partial);
            Thread t = new Thread(() -> work(queue, targets, remembering, partial, failure), "promptport-traffic-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            long lineNo = 0;
            String[] lines = new String[BATCH];
            byte[][] views = null;
            String[] problems = null;
            int size = 0;
            String line;
            while ((line = in.next()) != null) {
                lineNo++;
                byte[] view = in.view();
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    // editors on Windows start a UTF-8 file with a byte-order mark; translate and lint skip it too
                    line = line.substring(1);
                    view = view == null ? null : Arrays.copyOfRange(view, 1, view.length);
                }
                String problem = in.problem();
                if (problem != null) {
                    if (problems == null) {
                        problems = new String[BATCH];
                    }
                    problems[size] = problem;
                }
                if (view != null) {
                    if (views == null) {
                        views = new byte[BATCH][];
                    }
                    views[size] = view;
                }
                lines[size++] = line;
                if (size == BATCH) {
                    hand(queue, new Batch(lineNo - size + 1, lines, views, problems, size), failure);
                    lines = new String[BATCH];
                    views = null;
                    problems = null;
                    size = 0;
                }
            }
            if (size > 0) {
                hand(queue, new Batch(lineNo - size + 1, lines, views, problems, size), failure);
            }
            hand(queue, END, failure);
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("traffic audit interrupted");
        } catch (IOException | RuntimeException | Error e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("traffic audit worker failed: " + f, f);
        }
        Partial total = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            total.merge(partials.get(i));
        }
        return total.summary();
    }

    private static void hand(BlockingQueue<Batch> queue, Batch batch, AtomicReference<Throwable> failure)
            throws InterruptedException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                throw new IllegalStateException("traffic audit worker failed: " + failure.get(), failure.get());
            }
        }
    }

    private static void work(BlockingQueue<Batch> queue, List<Target> targets, Options options, Partial partial,
                             AtomicReference<Throwable> failure) {
        try {
            while (true) {
                Batch b = queue.take();
                if (b == END) {
                    queue.put(END); // for the other workers
                    return;
                }
                for (int i = 0; i < b.size(); i++) {
                    String problem = b.problems() == null ? null : b.problems()[i];
                    if (problem != null) {
                        partial.addBad(b.firstLine() + i, problem);
                    } else {
                        line(b.lines()[i], b.views() == null ? null : b.views()[i], b.firstLine() + i, targets, options,
                                partial);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /**
     * One line of a log, audited for each target.
     *
     * @param levels the request's level for each target, in the order of the targets (empty for a bad or skipped line)
     * @param features for each target, the features with a finding above info (empty for a bad or skipped line)
     * @param problem why the line is bad, or null
     * @param skipped why a line that is a known record holding no prompt (a batch result, an
     *                embeddings request) is skipped, or null; one of a few fixed sentences
     */
    public record LineAudit(List<Risk.Level> levels, List<List<String>> features, String problem, String skipped) {

        /** A request's audit, or a bad line's. */
        public LineAudit(List<Risk.Level> levels, List<List<String>> features, String problem) {
            this(levels, features, problem, null);
        }

        public boolean bad() {
            return problem != null;
        }

        /** The line holds no prompt: it is neither a request nor bad. */
        public boolean isSkipped() {
            return skipped != null;
        }

        static LineAudit bad(String problem) {
            return new LineAudit(List.of(), List.of(), problem, null);
        }

        static LineAudit skip(String reason) {
            return new LineAudit(List.of(), List.of(), null, reason);
        }
    }

    /**
     * Audits one line: a pure function of its arguments, for running the same audit elsewhere
     * (a cluster job, a stream processor).
     *
     * @return null for a blank line
     */
    public static LineAudit auditLine(String line, List<Target> targets, Options options) {
        return auditLine(line, null, targets, options);
    }

    /** @param view the line one byte per char ({@link Lines#view()}), or null */
    private static LineAudit auditLine(String line, byte[] view, List<Target> targets, Options options) {
        if (line.isBlank()) {
            return null;
        }
        LineSniffer.Request request;
        try {
            request = LineSniffer.read(line, view, options.limits());
        } catch (LineSniffer.BadLineException e) {
            return LineAudit.bad(e.getMessage());
        } catch (LineSniffer.SkippedLineException e) {
            return LineAudit.skip(e.getMessage());
        }
        List<Translation> translations;
        try {
            // the audit reads findings only: writing the request it would throw away is skipped
            Options findingsOnly = options.withFindingsOnly(true);
            // the request's one-byte copy, cut from the line's, is scanned rather than made again
            translations = request.view() != null
                    ? PromptPort.translate(new RequestBytes(request.json(), request.view()), request.format(), targets,
                            findingsOnly)
                    : PromptPort.translate(request.json(), request.format(), targets, findingsOnly);
        } catch (PromptPortException e) {
            return LineAudit.bad(e.describe());
        } catch (RuntimeException | StackOverflowError e) {
            return LineAudit.bad("internal error, please report it: " + e);
        }
        Risk.Level[] levels = new Risk.Level[targets.size()];
        List<List<String>> features = new ArrayList<>(targets.size());
        for (int i = 0; i < levels.length; i++) {
            List<Finding> findings = translations.get(i).findings();
            levels[i] = Risk.of(findings).level();
            List<String> touched = new ArrayList<>(4);
            for (Finding f : findings) {
                if (f.severity() != Severity.INFO && f.feature() != null && !touched.contains(f.feature())) {
                    touched.add(f.feature());
                }
            }
            features.add(List.copyOf(touched));
        }
        return new LineAudit(List.of(levels), List.copyOf(features), null);
    }

    /** Audits one line into {@code partial}. */
    static void line(String line, byte[] view, long lineNo, List<Target> targets, Options options, Partial partial) {
        LineAudit a = auditLine(line, view, targets, options);
        if (a == null) {
            return;
        }
        if (a.bad()) {
            partial.addBad(lineNo, a.problem());
        } else if (a.isSkipped()) {
            partial.addSkipped(lineNo, a.skipped());
        } else {
            partial.addRequest(lineNo, a.levels(), a.features());
        }
    }
}
