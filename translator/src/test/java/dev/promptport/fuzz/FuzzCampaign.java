package dev.promptport.fuzz;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.corpus.TextAtoms;
import dev.promptport.tree.TextMemo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * A fuzz campaign against {@link PromptPort#translate}: mutations of every corpus input, tag
 * soup and random JSON, for four targets in rotation. Every input is derived from
 * {@code seed} and its index alone, so a failure reproduces with the same seed whatever the
 * number of threads.
 *
 * <p>A failure is: an exception other than {@link PromptPortException}; a
 * {@code PromptPortException} that wraps an internal error (the library's catch-all for bugs,
 * whose message asks the user to report it); a call over the time limit; or, for a prompt, a
 * line of the input that is missing from the output while the translation has no finding.
 */
public final class FuzzCampaign {

    public static final List<String> TARGETS = List.of(
            "openai:gpt-4o", "gemini:gemini-2.5-pro", "anthropic:claude-sonnet-4-5", "openai-responses:gpt-5");

    /** How an input was made; the summary counts each. */
    public enum Kind {
        TRUNCATE, BYTE_FLIP, DEEP_BRACKETS, DEEP_TAGS, HUGE_STRING, INVALID_UTF8, LONE_SURROGATE, NUL_BYTES,
        TAG_SOUP, RANDOM_JSON, JSON_TREE, LINES, STACKED
    }

    /** One fuzz input: fed as a request (JSON) or as a system prompt. */
    public record Input(long index, Kind kind, String source, boolean request, String target, String text) {
    }

    record CorpusInput(String name, String text, boolean request) {
    }

    /** What one call did. */
    enum Outcome { OK, REJECTED, FAILED }

    /** One distinct failure: a signature, the first input and stack head, and the smallest input seen. */
    static final class Failure {
        final String signature;
        final String category;
        final String stackHead;
        final Input first;
        volatile Input smallest;
        final LongAdder count = new LongAdder();
        volatile String minimized;
        volatile String detail;

        Failure(String signature, String category, String stackHead, Input first, String detail) {
            this.signature = signature;
            this.category = category;
            this.stackHead = stackHead;
            this.first = first;
            this.smallest = first;
            this.detail = detail;
        }
    }

    /** The result of a call, classified. */
    record Verdict(Outcome outcome, String signature, String category, String stackHead, String detail) {
        static final Verdict OK = new Verdict(Outcome.OK, null, null, null, null);
        static final Verdict REJECTED = new Verdict(Outcome.REJECTED, null, null, null, null);
    }

    private final long count;
    private final long seed;
    private final int threads;
    private final long timeoutMillis;
    private final int maxFailures;
    private final Path failureDir;
    private final long minimizeBudgetMillis;
    private final List<CorpusInput> corpus;

    private final Map<Kind, LongAdder> perKind = new EnumMap<>(Kind.class);
    private final Map<Outcome, LongAdder> perOutcome = new EnumMap<>(Outcome.class);
    private final LongAdder requests = new LongAdder();
    private final LongAdder prompts = new LongAdder();
    private final LongAdder missingButFindings = new LongAdder();
    /** TextAtoms (a test helper) is slow on megabyte inputs; those are checked for exceptions and hangs only. */
    static final int TEXT_CHECK_LIMIT = 200_000;
    private final LongAdder textCheckSkipped = new LongAdder();
    private final AtomicReference<String> missingButFindingsExample = new AtomicReference<>();
    /** OpenAI's spec, or empty when the shared folder is absent; requests for OpenAI targets are checked against it. */
    private final TargetChecks targetChecks = new TargetChecks();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicReference<String> slowest = new AtomicReference<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();
    /** Shared by every call, as a traffic audit shares one; small, so it also forgets as it goes. */
    private final Options remembering = Options.DEFAULT.withMemo(new TextMemo(256));
    private volatile boolean stop;
    private volatile boolean outOfTime;
    private long maxSeconds;

    public FuzzCampaign(long count, long seed, int threads, long timeoutMillis, int maxFailures, Path failureDir,
                        long minimizeBudgetMillis) {
        this.count = count;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.timeoutMillis = timeoutMillis;
        this.maxFailures = maxFailures;
        this.failureDir = failureDir;
        this.minimizeBudgetMillis = minimizeBudgetMillis;
        this.corpus = loadCorpus();
        for (Kind k : Kind.values()) {
            perKind.put(k, new LongAdder());
        }
        for (Outcome o : Outcome.values()) {
            perOutcome.put(o, new LongAdder());
        }
    }

    /** A campaign configured from system properties ({@code promptport.fuzz.*}). */
    public static FuzzCampaign fromProperties(long defaultCount, long defaultMinimizeMillis) {
        long count = Long.getLong("promptport.fuzz.count", defaultCount);
        long seed = Long.getLong("promptport.fuzz.seed", 20261126L);
        int threads = Integer.getInteger("promptport.fuzz.threads", Runtime.getRuntime().availableProcessors());
        long timeout = Long.getLong("promptport.fuzz.timeoutMillis", 2000L);
        int maxFailures = Integer.getInteger("promptport.fuzz.maxFailures", 20);
        long minimize = Long.getLong("promptport.fuzz.minimizeMillis", defaultMinimizeMillis);
        Path dir = Path.of(System.getProperty("promptport.fuzz.failures", "target/fuzz-failures"));
        FuzzCampaign c = new FuzzCampaign(count, seed, threads, timeout, maxFailures, dir, minimize);
        c.maxSeconds = Long.getLong("promptport.fuzz.maxSeconds", 0L);
        return c;
    }

    // ------------------------------------------------------------------ corpus

    static Path root() {
        return Path.of(System.getProperty("promptport.root", "..")).toAbsolutePath().normalize();
    }

    static List<CorpusInput> loadCorpus() {
        Path dir = root().resolve("corpus");
        List<CorpusInput> out = new ArrayList<>();
        try (Stream<Path> cases = Files.list(dir)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(c)) {
                    for (Path f : files.filter(p -> p.getFileName().toString().startsWith("input.")).sorted().toList()) {
                        String text = Files.readString(f, StandardCharsets.UTF_8);
                        out.add(new CorpusInput(c.getFileName() + "/" + f.getFileName(), text,
                                f.getFileName().toString().endsWith(".json")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no corpus inputs under " + dir);
        }
        return out;
    }

    // ------------------------------------------------------------------ generation

    private static final Kind[] MUTATIONS = {Kind.TRUNCATE, Kind.BYTE_FLIP, Kind.DEEP_BRACKETS, Kind.DEEP_TAGS,
            Kind.HUGE_STRING, Kind.INVALID_UTF8, Kind.LONE_SURROGATE, Kind.NUL_BYTES, Kind.JSON_TREE, Kind.LINES};

    /** Input number {@code i}: a function of the seed and {@code i} only. */
    public Input input(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL);
        String target = TARGETS.get((int) (i % TARGETS.size()));
        CorpusInput c = corpus.get((int) ((i / TARGETS.size()) % corpus.size()));
        int roll = r.nextInt(100);
        if (roll < 8) {
            return new Input(i, Kind.TAG_SOUP, "generated", false, target, FuzzGen.tagSoup(r));
        }
        if (roll < 16) {
            return new Input(i, Kind.RANDOM_JSON, "generated", true, target, FuzzGen.randomRequest(r));
        }
        if (roll < 24) {
            String text = c.text();
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                text = mutate(MUTATIONS[r.nextInt(MUTATIONS.length)], text, c.request(), r);
            }
            return new Input(i, Kind.STACKED, c.name(), c.request(), target, text);
        }
        Kind kind = MUTATIONS[r.nextInt(MUTATIONS.length)];
        return new Input(i, kind, c.name(), c.request(), target, mutate(kind, c.text(), c.request(), r));
    }

    static String mutate(Kind kind, String text, boolean json, SplittableRandom r) {
        return switch (kind) {
            case TRUNCATE -> text.substring(0, r.nextInt(text.length() + 1));
            case BYTE_FLIP -> FuzzGen.byteFlip(text, r);
            case DEEP_BRACKETS -> FuzzGen.insert(text, r, FuzzGen.deepBrackets(r, json));
            case DEEP_TAGS -> FuzzGen.insert(text, r, FuzzGen.deepTags(r));
            case HUGE_STRING -> FuzzGen.hugeString(text, r, json);
            case INVALID_UTF8 -> FuzzGen.invalidUtf8(text, r);
            case LONE_SURROGATE -> FuzzGen.loneSurrogates(text, r, json);
            case NUL_BYTES -> FuzzGen.nulBytes(text, r, json);
            case JSON_TREE -> json ? FuzzGen.jsonTree(text, r) : FuzzGen.insert(text, r, FuzzGen.tagSoup(r));
            case LINES -> FuzzGen.lines(text, r);
            default -> text;
        };
    }

    // ------------------------------------------------------------------ running

    /** Runs the campaign; returns the summary. Failures are in {@link #failures()}. */
    public String run() throws InterruptedException {
        warmUp();
        // promptport.fuzz.maxSeconds: stop generating, report what ran
        long elapsed = FuzzWorkers.run("fuzz", threads, this::work, count, next::get, () -> distinctFailures(),
                maxSeconds, () -> outOfTime = true);
        minimizeAll();
        writeFailures();
        return summary(elapsed);
    }

    private void warmUp() {
        // load rules, model facts and tokenizers once, outside the timed calls
        for (String t : TARGETS) {
            for (CorpusInput c : corpus) {
                try {
                    call(new Input(-1, Kind.LINES, c.name(), c.request(), t, c.text()));
                } catch (Throwable ignored) {
                    // classified in the campaign proper
                }
            }
        }
    }

    private void work() {
        try (TimedCalls calls = new TimedCalls("fuzz-call")) {
            while (!stop && !outOfTime) {
                long i = next.getAndIncrement();
                if (i >= count) {
                    break;
                }
                Input in = input(i);
                perKind.get(in.kind()).increment();
                (in.request() ? requests : prompts).increment();
                long t0 = System.nanoTime();
                TimedCalls.Ran<Translation> ran;
                try {
                    ran = calls.run(() -> call(in), timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long took = System.nanoTime() - t0;
                Verdict v = verdict(in, ran);
                if (took > slowestNanos.get()) {
                    slowestNanos.set(took);
                    slowest.set(describe(in) + " took " + took / 1_000_000 + " ms");
                }
                perOutcome.get(v.outcome()).increment();
                if (v.outcome() == Outcome.FAILED) {
                    record(in, v);
                }
            }
        }
    }

    /** The verdict on one call: a hang, an exception, or what the translation it returned shows. */
    private Verdict verdict(Input in, TimedCalls.Ran<Translation> ran) {
        if (ran.hung() != null) {
            return FuzzVerdicts.hang(ran.hung());
        }
        if (ran.thrown() != null) {
            return FuzzVerdicts.thrown(ran.thrown());
        }
        return in.request() ? targetChecks.accepts(in, ran.value()) : textLost(in, ran.value());
    }

    /**
     * Translates {@code in}; a request is translated three more times (a huge one once) through
     * the campaign's shared {@link TextMemo}, which must give the same request and findings, or
     * refuse it with the same message (else an exception, which the campaign counts as a
     * failure). Three times, because the reader takes a long string whole from its third
     * sighting; and the mutations of one corpus case share most of its values, so the memo also
     * meets damaged copies of what it remembers. A request up to 200,000 characters is also
     * translated from its UTF-8 bytes, which must give the same.
     */
    Translation call(Input in) {
        Target target = Target.of(in.target());
        if (!in.request()) {
            return PromptPort.translate(Prompt.system(in.text()), target);
        }
        Translation fresh = null;
        PromptPortException refused = null;
        try {
            fresh = PromptPort.translate(in.text(), target);
        } catch (PromptPortException e) {
            if (e instanceof dev.promptport.LimitExceededException l
                    && l.limit() == dev.promptport.LimitExceededException.Limit.RULE_TIME) {
                // a clock, not the input, decided: the memo, which skips work, may finish in time
                throw e;
            }
            refused = e;
        }
        // a huge request once only: four translations of a megabyte would near the time limit
        int sightings = in.text().length() > 200_000 ? 1 : 3;
        for (int sighting = 0; sighting < sightings; sighting++) {
            Translation remembered;
            try {
                remembered = PromptPort.translate(in.text(), InputFormat.ANTHROPIC, target, remembering);
            } catch (PromptPortException e) {
                if (refused != null && java.util.Objects.equals(e.getMessage(), refused.getMessage())) {
                    continue;
                }
                throw new IllegalStateException("the TextMemo refused what a fresh translation "
                        + (refused == null ? "took" : "refused otherwise (" + refused.getMessage() + ")") + ": "
                        + e.getMessage(), e);
            }
            if (refused != null) {
                throw new IllegalStateException("the TextMemo took what a fresh translation refused: "
                        + refused.getMessage());
            }
            if (!java.util.Objects.equals(fresh.json(), remembered.json())
                    || !fresh.findings().equals(remembered.findings())) {
                throw new IllegalStateException("a translation through the TextMemo differs from a fresh one");
            }
        }
        if (in.text().length() <= 200_000) {
            sameFromBytes(in.text(), target, fresh, refused);
        }
        if (refused != null) {
            throw refused;
        }
        return fresh;
    }

    /**
     * The request as UTF-8 bytes ({@code PromptPort.translate(byte[], …)}, which reads an ASCII
     * request's bytes in place) must give what its text gives: the text it decodes to, which
     * differs from {@code text} only where a lone surrogate had no UTF-8 form.
     */
    private static void sameFromBytes(String text, Target target, Translation fresh, PromptPortException refused) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String decoded = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        if (!decoded.equals(text)) {
            fresh = null;
            refused = null;
            try {
                fresh = PromptPort.translate(decoded, target);
            } catch (PromptPortException e) {
                refused = e;
            }
        }
        Translation fromBytes;
        try {
            fromBytes = PromptPort.translate(utf8, InputFormat.ANTHROPIC, target, dev.promptport.Options.DEFAULT);
        } catch (PromptPortException e) {
            if (refused != null && java.util.Objects.equals(e.getMessage(), refused.getMessage())
                    || e instanceof dev.promptport.LimitExceededException l
                    && l.limit() == dev.promptport.LimitExceededException.Limit.RULE_TIME) {
                // the same refusal, or a clock's: as a fresh translation's rule time, not a finding
                throw e;
            }
            throw new IllegalStateException("its UTF-8 bytes were refused where its text was "
                    + (refused == null ? "taken" : "refused otherwise (" + refused.getMessage() + ")") + ": "
                    + e.getMessage(), e);
        }
        if (refused != null) {
            throw new IllegalStateException("its UTF-8 bytes were taken where its text was refused: "
                    + refused.getMessage());
        }
        if (!java.util.Objects.equals(fresh.json(), fromBytes.json()) || !fresh.findings().equals(fromBytes.findings())) {
            throw new IllegalStateException("a translation of its UTF-8 bytes differs from its text's");
        }
    }

    private Verdict textLost(Input in, Translation t) {
        if (t.text() == null) {
            return FuzzVerdicts.failed("null-text", "prompt translated to null text", "", "");
        }
        String input = in.text();
        if (input.length() > TEXT_CHECK_LIMIT) {
            textCheckSkipped.increment();
            return Verdict.OK;
        }
        if (t.findings().stream().anyMatch(f -> f.id().equals("PP153"))) {
            // headings became tags for Claude; their words live on in the tag names (as CorpusNothingLostTest)
            input = input.replaceAll("(?m)^ {0,3}#{1,6}[ \\t].*$", "");
        }
        String missing = TextAtoms.firstMissing(input, t.text());
        if (missing == null) {
            return Verdict.OK;
        }
        if (!t.findings().isEmpty()) {
            missingButFindings.increment();
            missingButFindingsExample.compareAndSet(null, describe(in) + ": missing " + quote(missing, 120)
                    + " findings " + t.findings().stream().map(f -> f.id()).distinct().toList());
            return Verdict.OK;
        }
        String sig = "text-lost/" + in.target() + "/" + shape(missing);
        return FuzzVerdicts.failed(sig, "text lost (no finding)", "missing atom " + quote(missing, 200),
                "missing " + quote(missing, 200));
    }

    /** A rough class of a lost atom, so different causes count as different failures. */
    static String shape(String atom) {
        if (atom.indexOf('\uFFFD') >= 0) {
            return "replacement-char";
        }
        for (int k = 0; k < atom.length(); k++) {
            if (Character.isSurrogate(atom.charAt(k))) {
                return "surrogate";
            }
        }
        if (atom.indexOf('\0') >= 0) {
            return "nul";
        }
        if (atom.startsWith("#")) {
            return "heading";
        }
        if (atom.startsWith("```") || atom.startsWith("~~~")) {
            return "fence";
        }
        if (atom.indexOf('<') >= 0 || atom.indexOf('>') >= 0) {
            return "angle";
        }
        if (atom.indexOf('&') >= 0) {
            return "ampersand";
        }
        return "text";
    }

    private void record(Input in, Verdict v) {
        Failure f;
        boolean fresh = false;
        synchronized (failures) {
            f = failures.get(v.signature());
            if (f == null) {
                if (failures.size() >= maxFailures) {
                    stop = true;
                    return;
                }
                f = new Failure(v.signature(), v.category(), v.stackHead(), in, v.detail());
                failures.put(v.signature(), f);
                fresh = true;
                if (failures.size() >= maxFailures) {
                    stop = true;
                }
            } else if (in.text().length() < f.smallest.text().length()) {
                f.smallest = in;
            }
        }
        f.count.increment();
        if (fresh) {
            System.out.println("[fuzz] new failure #" + distinctFailures() + " " + v.signature() + " from "
                    + describe(in));
            save(f, in, "first");
        }
    }

    public int distinctFailures() {
        synchronized (failures) {
            return failures.size();
        }
    }

    public List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures.values());
        }
    }

    // ------------------------------------------------------------------ minimizing

    /** Shrinks each failure's smallest input while it still fails the same way. */
    private void minimizeAll() {
        if (minimizeBudgetMillis <= 0) {
            return;
        }
        List<Failure> all = failures();
        if (all.isEmpty()) {
            return;
        }
        long each = Math.max(1000, minimizeBudgetMillis / all.size());
        try (TimedCalls calls = new TimedCalls("fuzz-call")) {
            for (Failure f : all) {
                minimize(f, each, calls);
            }
        }
    }

    private void minimize(Failure f, long budgetMillis, TimedCalls calls) {
        Input base = f.smallest;
        f.minimized = Shrink.ddmin(base.text(), candidate -> {
            Input in = new Input(base.index(), base.kind(), base.source(), base.request(), base.target(), candidate);
            Verdict v;
            try {
                v = verdict(in, calls.run(() -> call(in), timeoutMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (v.outcome() == Outcome.FAILED && f.signature.equals(v.signature())) {
                f.detail = v.detail();
                return true;
            }
            return false;
        }, System.currentTimeMillis() + budgetMillis);
    }

    // ------------------------------------------------------------------ reporting

    private void writeFailures() {
        for (Failure f : failures()) {
            if (f.smallest != f.first) {
                save(f, f.smallest, "smallest");
            }
            if (f.minimized != null) {
                save(f, new Input(f.smallest.index(), f.smallest.kind(), f.smallest.source(), f.smallest.request(),
                        f.smallest.target(), f.minimized), "minimized");
            }
        }
    }

    private void save(Failure f, Input in, String which) {
        try {
            Files.createDirectories(failureDir);
            String base = String.format(Locale.ROOT, "%08x-%s", f.signature.hashCode(), which);
            String ext = in.request() ? ".json" : ".txt";
            Files.writeString(failureDir.resolve(base + ext), in.text(), StandardCharsets.UTF_8);
            String meta = "signature: " + f.signature + "\ncategory: " + f.category + "\ninput: " + describe(in)
                    + "\nfed as: " + (in.request() ? "PromptPort.translate(json, target)" : "PromptPort.translate(Prompt.system(text), target)")
                    + "\nseed: " + seed + "\ndetail: " + f.detail
                    + "\n\nJava string literal of the input (exact, including lone surrogates):\n" + javaLiteral(in.text(), 20000)
                    + "\n\n" + f.stackHead + "\n";
            Files.writeString(failureDir.resolve(base + ".meta.txt"), meta, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("[fuzz] could not save a failure: " + e);
        }
    }

    String describe(Input in) {
        return "#" + in.index() + " " + in.kind() + " of " + in.source() + " -> " + in.target() + " ("
                + (in.request() ? "request" : "prompt") + ", " + in.text().length() + " chars)";
    }

    private String summary(long elapsedNanos) {
        long run = 0;
        for (LongAdder a : perKind.values()) {
            run += a.sum();
        }
        double secs = elapsedNanos / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n==== promptport fuzz summary ====%nseed %d, threads %d, timeout %d ms, "
                + "corpus inputs %d%n", seed, threads, timeoutMillis, corpus.size()));
        b.append(String.format(Locale.ROOT, "inputs run: %d of %d requested%s%n", run, count,
                stop ? " (stopped early: " + maxFailures + " distinct failures)"
                        : outOfTime ? " (stopped early: promptport.fuzz.maxSeconds=" + maxSeconds + " reached)" : ""));
        b.append(String.format(Locale.ROOT, "time: %.1f s, throughput: %.0f inputs/s%n", secs, run / Math.max(secs, 1e-9)));
        b.append(String.format(Locale.ROOT, "fed as: %d requests, %d prompts%n", requests.sum(), prompts.sum()));
        b.append("per kind:");
        perKind.forEach((k, v) -> b.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append('=').append(v.sum()));
        b.append("\noutcomes:");
        perOutcome.forEach((k, v) -> b.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append('=').append(v.sum()));
        b.append(String.format(Locale.ROOT, "%nprompt lines missing but a finding exists (not counted as failures): %d%n",
                missingButFindings.sum()));
        b.append(String.format(Locale.ROOT, "prompts over %d chars not checked for lost text: %d%n", TEXT_CHECK_LIMIT,
                textCheckSkipped.sum()));
        if (missingButFindingsExample.get() != null) {
            b.append("  e.g. ").append(missingButFindingsExample.get()).append('\n');
        }
        b.append(targetChecks.summary());
        b.append("slowest call: ").append(slowest.get()).append('\n');
        List<Failure> all = new ArrayList<>(failures());
        all.sort(Comparator.comparing((Failure f) -> f.category));
        b.append("distinct failures: ").append(all.size()).append('\n');
        int n = 0;
        for (Failure f : all) {
            n++;
            b.append(String.format(Locale.ROOT, "%n--- failure %d: %s (%d inputs)%n", n, f.category, f.count.sum()));
            b.append("signature: ").append(f.signature).append('\n');
            b.append("first: ").append(describe(f.first)).append('\n');
            b.append("detail: ").append(f.detail).append('\n');
            String min = f.minimized != null ? f.minimized : f.smallest.text();
            b.append("reproducer (").append(f.smallest.request() ? "request" : "Prompt.system").append(", ")
                    .append(f.smallest.target()).append(", ").append(min.length()).append(" chars): ")
                    .append(javaLiteral(min, 600)).append('\n');
            b.append(f.stackHead).append('\n');
        }
        b.append("failure inputs saved under ").append(failureDir.toAbsolutePath()).append('\n');
        return b.toString();
    }

    public static String quote(String s, int max) {
        return javaLiteral(s, max);
    }

    /** {@code s} as a Java string literal, non-ASCII escaped; cut at {@code max} characters. */
    static String javaLiteral(String s, int max) {
        StringBuilder b = new StringBuilder("\"");
        int n = Math.min(s.length(), max);
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
        if (s.length() > max) {
            b.append(" /* … ").append(s.length() - max).append(" more chars */");
        }
        return b.toString();
    }
}
