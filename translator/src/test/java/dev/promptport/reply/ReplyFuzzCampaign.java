package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.fuzz.FuzzCampaign;
import dev.promptport.fuzz.FuzzVerdicts;
import dev.promptport.fuzz.FuzzWorkers;
import dev.promptport.fuzz.Shrink;
import dev.promptport.fuzz.TimedCalls;
import dev.promptport.spec.ClaudeSdk;

import java.io.IOException;
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

/**
 * A fuzz campaign against the reply side: {@link Replies#translate} for whole replies and
 * {@link StreamTranslator} for streams, fed mutations of every reply and stream fixture the
 * tests hold ({@link ReplySeeds}) and of generated replies ({@link ReplyGen}), for the three
 * {@link ReplyFormat}s. Every input is derived from {@code seed} and its index alone.
 *
 * <p>A failure is: an exception other than {@link PromptPortException} (whole replies) or any
 * exception (streams, which report a bad upstream as an {@code error} event); the library's
 * catch-all for a bug ("could not be translated" around an exception that is not a
 * PromptPortException, or the stream's event saying so); a call over the time limit; a reply, or
 * a stream and the message a client builds from it, that Anthropic's shape
 * ({@link AnthropicShape}) or Anthropic's own SDK ({@link ClaudeSdk}) refuses; or a text,
 * reasoning or tool-argument piece of an accepted reply missing from the Anthropic reply while
 * nothing is named as left out ({@link ReplyPieces}).
 */
final class ReplyFuzzCampaign {

    /** A reply or stream the campaign starts from. */
    record Seed(String name, ReplyFormat format, boolean stream, String text) {
    }

    /**
     * One input: its text, the format it is read as, whole or streamed, how a stream is fed
     * ({@code feed}: 0 line by line, 1 all at once, 2 several lines per call) and which context
     * ({@link #context}) it is read with.
     */
    record Input(long index, ReplyMutator.Kind kind, String source, ReplyFormat format, boolean stream, int feed, int ctx,
                 String text) {
    }

    enum Outcome { OK, REJECTED, FAILED }

    record Verdict(Outcome outcome, String signature, String category, String detail) {
        static final Verdict OK = new Verdict(Outcome.OK, null, null, null);
        static final Verdict REJECTED = new Verdict(Outcome.REJECTED, null, null, null);

        static Verdict failed(String signature, String category, String detail) {
            return new Verdict(Outcome.FAILED, signature, category, detail);
        }
    }

    /** What a call produced: a whole reply, or a stream's events with the lines fed before it ended. */
    record Result(ReplyTranslation whole, List<String> events, List<String> leftOut, List<String> fed) {
    }

    static final class Failure {
        final String signature;
        final String category;
        final Input first;
        volatile Input smallest;
        volatile String minimized;
        volatile String detail;
        final LongAdder count = new LongAdder();

        Failure(String signature, String category, Input first, String detail) {
            this.signature = signature;
            this.category = category;
            this.first = first;
            this.smallest = first;
            this.detail = detail;
        }
    }

    /** Pieces longer than this together are not checked for lost text (megabyte strings make the check slow). */
    static final int TEXT_CHECK_LIMIT = 200_000;

    private final long count;
    private final long seed;
    private final int threads;
    private final long timeoutMillis;
    private final int maxFailures;
    private final Path failureDir;
    private final long minimizeBudgetMillis;
    private final List<Seed> seeds;
    private long maxSeconds;

    private final Map<ReplyMutator.Kind, LongAdder> perKind = new EnumMap<>(ReplyMutator.Kind.class);
    private final Map<Outcome, LongAdder> perOutcome = new EnumMap<>(Outcome.class);
    private final Map<ReplyFormat, LongAdder> perFormat = new EnumMap<>(ReplyFormat.class);
    private final LongAdder wholes = new LongAdder();
    private final LongAdder streams = new LongAdder();
    private final LongAdder completeStreams = new LongAdder();
    private final LongAdder failedStreams = new LongAdder();
    private final LongAdder textChecked = new LongAdder();
    private final LongAdder textSkipped = new LongAdder();
    private final LongAdder missingButLeftOut = new LongAdder();
    /** Text under a key the same object repeats later: Jackson, as most parsers, keeps the last value. */
    private final LongAdder shadowedLost = new LongAdder();
    private final AtomicReference<String> missingButLeftOutExample = new AtomicReference<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicReference<String> slowest = new AtomicReference<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean stop;
    private volatile boolean outOfTime;

    ReplyFuzzCampaign(long count, long seed, int threads, long timeoutMillis, int maxFailures, Path failureDir,
                      long minimizeBudgetMillis) {
        this.count = count;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.timeoutMillis = timeoutMillis;
        this.maxFailures = maxFailures;
        this.failureDir = failureDir;
        this.minimizeBudgetMillis = minimizeBudgetMillis;
        this.seeds = ReplySeeds.load();
        ReplyGen.sample(seed); // jqwik builds its generator once, on this thread
        for (ReplyMutator.Kind k : ReplyMutator.Kind.values()) {
            perKind.put(k, new LongAdder());
        }
        for (Outcome o : Outcome.values()) {
            perOutcome.put(o, new LongAdder());
        }
        for (ReplyFormat f : ReplyFormat.values()) {
            perFormat.put(f, new LongAdder());
        }
    }

    /** A campaign configured from the request campaign's system properties ({@code promptport.fuzz.*}). */
    static ReplyFuzzCampaign fromProperties(long defaultCount, long defaultMinimizeMillis) {
        ReplyFuzzCampaign c = new ReplyFuzzCampaign(Long.getLong("promptport.fuzz.count", defaultCount),
                Long.getLong("promptport.fuzz.seed", 20261128L),
                Integer.getInteger("promptport.fuzz.threads", Runtime.getRuntime().availableProcessors()),
                Long.getLong("promptport.fuzz.timeoutMillis", 2000L), Integer.getInteger("promptport.fuzz.maxFailures", 20),
                Path.of(System.getProperty("promptport.fuzz.failures", "target/reply-fuzz-failures")),
                Long.getLong("promptport.fuzz.minimizeMillis", defaultMinimizeMillis));
        c.maxSeconds = Long.getLong("promptport.fuzz.maxSeconds", 0L);
        return c;
    }

    static Path root() {
        return Path.of(System.getProperty("promptport.root", "..")).toAbsolutePath().normalize();
    }

    int seedCount() {
        return seeds.size();
    }

    // ------------------------------------------------------------------ generation

    /** Input number {@code i}: a function of the seed and {@code i} only. */
    Input input(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL);
        Seed s = r.nextInt(100) < 30 ? ReplyGen.sample(r.nextLong()) : seeds.get((int) (i % seeds.size()));
        ReplyMutator.Kind kind;
        String text = s.text();
        boolean stream = s.stream();
        ReplyFormat format = s.format();
        int roll = r.nextInt(100);
        if (roll < 6) {
            kind = s.name().startsWith("generated") ? ReplyMutator.Kind.GENERATED : ReplyMutator.Kind.SEED;
        } else if (roll < 10) {
            kind = ReplyMutator.Kind.CROSS_FORMAT;
            if (r.nextBoolean()) {
                format = ReplyFormat.values()[(format.ordinal() + 1 + r.nextInt(2)) % 3];
            } else {
                stream = !stream;
            }
        } else if (roll < 20) {
            kind = ReplyMutator.Kind.STACKED;
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                text = ReplyMutator.mutate(ReplyMutator.MUTATIONS[r.nextInt(ReplyMutator.MUTATIONS.length)], text, stream, r);
            }
        } else {
            kind = ReplyMutator.MUTATIONS[r.nextInt(ReplyMutator.MUTATIONS.length)];
            text = ReplyMutator.mutate(kind, text, stream, r);
        }
        return new Input(i, kind, s.name(), format, stream, r.nextInt(3), r.nextInt(5), text);
    }

    private static final Map<String, String> TOOL_NAMES = Map.of("get_weather", "Get Weather", "f", "my.tool");

    static ReplyContext context(int ctx) {
        return switch (ctx) {
            case 1 -> new ReplyContext("claude-sonnet-4-5", "{", Map.of());
            case 2 -> new ReplyContext(null, "<answer>", Map.of(), ReplyContext.PrefillMode.CONTINUE);
            case 3 -> new ReplyContext("claude-opus-4-1", null, TOOL_NAMES);
            default -> ReplyContext.NONE;
        };
    }

    private static Limits limits(int ctx) {
        return ctx == 4 ? Limits.DEFAULTS.withMaxJsonDepth(64) : null;
    }

    // ------------------------------------------------------------------ one call

    /** Translates {@code in}: the whole reply, or the stream fed as {@code in.feed()} says. */
    static Result call(Input in) {
        ReplyContext ctx = context(in.ctx());
        if (!in.stream()) {
            ReplyTranslation t = Replies.translate(in.text(), in.format(), ctx, limits(in.ctx()));
            return new Result(t, null, t.leftOut(), null);
        }
        StreamTranslator st = new StreamTranslator(in.format(), ctx, limits(in.ctx()));
        List<String> out = new ArrayList<>();
        if (in.feed() == 1) {
            out.addAll(st.acceptAll(in.text()));
            return new Result(null, out, st.leftOut(), null);
        }
        String[] lines = in.text().split("\n", -1);
        int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        List<String> fed = new ArrayList<>();
        int step = in.feed() == 2 ? 3 : 1;
        for (int k = 0; k < n && !st.done(); k += step) {
            StringBuilder group = new StringBuilder();
            for (int j = k; j < Math.min(n, k + step); j++) {
                group.append(j == k ? "" : "\n").append(lines[j]);
            }
            out.addAll(st.accept(group.toString()));
            // lines after the one that ended the stream are not read; which of a group's lines that was is not known
            if (!st.done() || step == 1) {
                fed.addAll(List.of(lines).subList(k, Math.min(n, k + step)));
            }
        }
        out.addAll(st.finish());
        return new Result(null, out, st.leftOut(), fed);
    }

    // ------------------------------------------------------------------ verdicts

    Verdict judge(Input in, Result res) {
        if (res.whole() != null) {
            return wholeVerdict(in, res);
        }
        return streamVerdict(in, res);
    }

    private Verdict wholeVerdict(Input in, Result res) {
        String json = res.whole().json();
        List<String> problems;
        try {
            problems = AnthropicShape.messageProblems(json);
        } catch (AssertionError e) {
            problems = List.of(String.valueOf(e.getMessage()));
        }
        if (!problems.isEmpty()) {
            return Verdict.failed("shape/whole/" + in.format().id() + "/" + norm(problems.get(0)), "reply Anthropic's shape refuses",
                    String.join("; ", problems) + " in " + clip(json));
        }
        try {
            ClaudeSdk.assertValidMessage(json);
        } catch (AssertionError e) {
            return Verdict.failed("sdk/whole/" + in.format().id(), "reply Anthropic's SDK refuses", clip(String.valueOf(e.getMessage())));
        }
        return textLost(in, ReplyPieces.wholePieces(in.text()), json, res.leftOut());
    }

    private Verdict streamVerdict(Input in, Result res) {
        List<String> out = res.events();
        if (out.isEmpty()) {
            return Verdict.failed("stream/no-events/" + in.format().id(), "stream ended without an event", "");
        }
        List<String> names;
        try {
            names = AnthropicShape.names(out);
        } catch (AssertionError e) {
            return Verdict.failed("stream/bad-event/" + in.format().id(), "stream event that is not SSE of Anthropic's",
                    clip(String.valueOf(e.getMessage())));
        }
        String last = names.get(names.size() - 1);
        boolean complete = last.equals("message_stop");
        List<String> problems = AnthropicShape.streamProblems(out, complete);
        if (!problems.isEmpty()) {
            return Verdict.failed("shape/stream/" + in.format().id() + "/" + norm(problems.get(0)), "stream Anthropic's shape refuses",
                    String.join("; ", problems) + " in " + clip(String.join("", out)));
        }
        if (!complete) {
            JsonNode error = AnthropicShape.parse(out.get(out.size() - 1).substring(out.get(out.size() - 1).indexOf("\ndata: ") + 7))
                    .path("error");
            String message = error.path("message").asText();
            if (message.contains(" could not be translated: ")) {
                return Verdict.failed("stream/internal/" + norm(message.substring(message.indexOf(" could not be translated: ") + 26)),
                        "internal error ended the stream", message);
            }
            return Verdict.OK;
        }
        String message = AnthropicShape.replay(out);
        List<String> messageProblems = AnthropicShape.messageProblems(message);
        if (!messageProblems.isEmpty()) {
            return Verdict.failed("shape/streamed-message/" + in.format().id() + "/" + norm(messageProblems.get(0)),
                    "message built from the stream Anthropic's shape refuses", String.join("; ", messageProblems) + " in " + clip(message));
        }
        try {
            ClaudeSdk.assertValidMessage(message);
            ClaudeSdk.accumulate(out);
        } catch (AssertionError e) {
            return Verdict.failed("sdk/stream/" + in.format().id(), "stream Anthropic's SDK refuses", clip(String.valueOf(e.getMessage())));
        }
        if (res.fed() == null) {
            textSkipped.increment();
            return Verdict.OK;
        }
        // the events too: a tool input passes on the model's arguments byte for byte, repeated keys included
        return textLost(in, ReplyPieces.streamPieces(res.fed()), message + "\n" + String.join("", out), res.leftOut());
    }

    private Verdict textLost(Input in, ReplyPieces.Found found, String message, List<String> leftOut) {
        if (ReplyPieces.length(found.pieces()) + ReplyPieces.length(found.shadowed()) > TEXT_CHECK_LIMIT) {
            textSkipped.increment();
            return Verdict.OK;
        }
        textChecked.increment();
        String prefill = context(in.ctx()).prefill();
        String haystack = ReplyPieces.haystack(message, leftOut, prefill);
        if (!found.shadowed().isEmpty() && ReplyPieces.firstMissing(found.shadowed(), haystack) != null) {
            shadowedLost.increment();
        }
        ReplyPieces.Piece missing = ReplyPieces.firstMissing(found.pieces(), haystack);
        if (missing == null) {
            return Verdict.OK;
        }
        if (!leftOut.isEmpty()) {
            missingButLeftOut.increment();
            missingButLeftOutExample.compareAndSet(null, describe(in) + ": missing " + FuzzCampaign.quote(missing.text(), 80) + " (at "
                    + missing.place() + "), left out " + leftOut);
            return Verdict.OK;
        }
        return Verdict.failed("text-lost/" + in.format().id() + "/" + (in.stream() ? "stream" : "whole") + "/" + missing.place(),
                "text lost (nothing named as left out)", "missing " + FuzzCampaign.quote(missing.text(), 120) + " (at " + missing.place()
                        + ") from " + clip(message));
    }

    static Verdict thrown(Input in, Throwable e) {
        if (e instanceof PromptPortException p) {
            Throwable cause = p.getCause();
            if (!in.stream() && cause instanceof RuntimeException && !(cause instanceof PromptPortException)) {
                return Verdict.failed("internal:" + FuzzVerdicts.frameSignature(cause), "internal error wrapped in PromptPortException",
                        FuzzVerdicts.stackHead(p));
            }
            return in.stream() ? Verdict.failed("stream-threw:" + FuzzVerdicts.frameSignature(e), "stream translator threw", FuzzVerdicts.stackHead(e)) : Verdict.REJECTED;
        }
        return Verdict.failed("raw:" + FuzzVerdicts.frameSignature(e), "exception other than PromptPortException", FuzzVerdicts.stackHead(e));
    }

    private static String norm(String problem) {
        String p = problem.replaceAll("[0-9]+", "N");
        int colon = p.indexOf(": ");
        return colon > 0 ? p.substring(0, colon) : p.length() > 80 ? p.substring(0, 80) : p;
    }

    static Verdict hang(StackTraceElement[] stack) {
        StringBuilder sig = new StringBuilder("hang:");
        StringBuilder head = new StringBuilder("call exceeded the time limit; stuck at:");
        int own = 0;
        for (int k = 0; k < stack.length; k++) {
            if (k < 12) {
                head.append("\n    at ").append(stack[k]);
            }
            if (own < 2 && stack[k].getClassName().startsWith("dev.promptport.reply")
                    && !stack[k].getClassName().contains("Fuzz")) {
                sig.append(stack[k].getClassName()).append('.').append(stack[k].getMethodName()).append(';');
                own++;
            }
        }
        return Verdict.failed(sig.toString(), "hang (over the time limit)", head.toString());
    }

    // ------------------------------------------------------------------ running

    String run() throws InterruptedException {
        // load classes and the SDK's types once, outside the timed calls
        for (Seed s : seeds) {
            try {
                Input in = new Input(-1, ReplyMutator.Kind.SEED, s.name(), s.format(), s.stream(), 0, 0, s.text());
                judge(in, call(in));
            } catch (RuntimeException | AssertionError e) {
                // classified in the campaign proper
            }
        }
        long elapsed = FuzzWorkers.run("reply-fuzz", threads, this::work, count, next::get,
                () -> failures().size(), maxSeconds, () -> outOfTime = true);
        minimizeAll();
        for (Failure f : failures()) {
            save(f, f.smallest, "smallest");
            if (f.minimized != null) {
                save(f, withText(f.smallest, f.minimized), "minimized");
            }
        }
        return summary(elapsed);
    }

    private void work() {
        try (TimedCalls calls = new TimedCalls("reply-fuzz-call")) {
            while (!stop && !outOfTime) {
                long i = next.getAndIncrement();
                if (i >= count) {
                    break;
                }
                Input in = input(i);
                perKind.get(in.kind()).increment();
                perFormat.get(in.format()).increment();
                (in.stream() ? streams : wholes).increment();
                long t0 = System.nanoTime();
                TimedCalls.Ran<Result> ran;
                try {
                    ran = calls.run(() -> call(in), timeoutMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop = true;
                    return;
                }
                Verdict v = verdict(in, ran);
                long took = System.nanoTime() - t0;
                if (took > slowestNanos.get()) {
                    slowestNanos.set(took);
                    slowest.set(describe(in) + " took " + took / 1_000_000 + " ms");
                }
                perOutcome.get(v.outcome()).increment();
                Result res = ran.value();
                if (res != null && res.events() != null && !res.events().isEmpty()) {
                    (res.events().get(res.events().size() - 1).startsWith("event: message_stop") ? completeStreams : failedStreams)
                            .increment();
                }
                if (v.outcome() == Outcome.FAILED) {
                    record(in, v);
                }
            }
        }
    }

    /** The verdict on one call: a hang, an exception, or what the reply or stream it returned shows. */
    private Verdict verdict(Input in, TimedCalls.Ran<Result> ran) {
        if (ran.hung() != null) {
            return hang(ran.hung());
        }
        if (ran.thrown() != null) {
            return thrown(in, ran.thrown());
        }
        try {
            return judge(in, ran.value());
        } catch (RuntimeException | AssertionError e) {
            return Verdict.failed("judge:" + FuzzVerdicts.frameSignature(e), "the reply could not be checked", FuzzVerdicts.stackHead(e));
        }
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
                f = new Failure(v.signature(), v.category(), in, v.detail());
                failures.put(v.signature(), f);
                fresh = true;
            } else if (in.text().length() < f.smallest.text().length()) {
                f.smallest = in;
            }
        }
        f.count.increment();
        if (fresh) {
            System.out.println("[reply-fuzz] new failure " + v.signature() + " from " + describe(in));
            save(f, in, "first");
        }
    }

    List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures.values());
        }
    }

    private static Input withText(Input in, String text) {
        return new Input(in.index(), in.kind(), in.source(), in.format(), in.stream(), in.feed(), in.ctx(), text);
    }

    /** Shrinks each failure's smallest input while it fails with the same signature. */
    private void minimizeAll() {
        List<Failure> all = failures();
        if (minimizeBudgetMillis <= 0 || all.isEmpty()) {
            return;
        }
        long each = Math.max(1000, minimizeBudgetMillis / all.size());
        try (TimedCalls calls = new TimedCalls("reply-fuzz-call")) {
            for (Failure f : all) {
                f.minimized = Shrink.ddmin(f.smallest.text(), candidate -> {
                    Input in = withText(f.smallest, candidate);
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
                }, System.currentTimeMillis() + each);
            }
        }
    }

    // ------------------------------------------------------------------ reporting

    private void save(Failure f, Input in, String which) {
        try {
            Files.createDirectories(failureDir);
            String base = String.format(Locale.ROOT, "%08x-%s", f.signature.hashCode(), which);
            Files.writeString(failureDir.resolve(base + (in.stream() ? ".sse" : ".json")), in.text(), StandardCharsets.UTF_8);
            Files.writeString(failureDir.resolve(base + ".meta.txt"), "signature: " + f.signature + "\ncategory: " + f.category
                    + "\ninput: " + describe(in) + "\nseed: " + seed + "\ndetail: " + f.detail
                    + "\n\nJava string literal of the input:\n" + FuzzCampaign.quote(in.text(), 20000) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("[reply-fuzz] could not save a failure: " + e);
        }
    }

    static String describe(Input in) {
        return "#" + in.index() + " " + in.kind() + " of " + in.source() + " as " + in.format().id() + " "
                + (in.stream() ? "stream (feed " + in.feed() + ")" : "reply") + ", context " + in.ctx() + " ("
                + in.text().length() + " chars)";
    }

    private String summary(long elapsedNanos) {
        long run = wholes.sum() + streams.sum();
        double secs = elapsedNanos / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n==== promptport reply fuzz summary ====%nseed %d, threads %d, timeout %d ms, "
                + "seeds %d (fixtures) + generated replies%n", seed, threads, timeoutMillis, seeds.size()));
        b.append(String.format(Locale.ROOT, "inputs run: %d of %d requested%s%n", run, count,
                stop ? " (stopped early: " + maxFailures + " distinct failures)"
                        : outOfTime ? " (stopped early: promptport.fuzz.maxSeconds=" + maxSeconds + " reached)" : ""));
        b.append(String.format(Locale.ROOT, "time: %.1f s, throughput: %.0f inputs/s%n", secs, run / Math.max(secs, 1e-9)));
        b.append(String.format(Locale.ROOT, "fed as: %d whole replies, %d streams (%d ended complete, %d with an error event)%n",
                wholes.sum(), streams.sum(), completeStreams.sum(), failedStreams.sum()));
        b.append("per format:");
        perFormat.forEach((k, v) -> b.append(' ').append(k.id()).append('=').append(v.sum()));
        b.append("\nper kind:");
        perKind.forEach((k, v) -> b.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append('=').append(v.sum()));
        b.append("\noutcomes:");
        perOutcome.forEach((k, v) -> b.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append('=').append(v.sum()));
        b.append(String.format(Locale.ROOT, "%nreplies checked for lost text: %d (not checked: %d, fed all at once or over %d chars)%n",
                textChecked.sum(), textSkipped.sum(), TEXT_CHECK_LIMIT));
        b.append(String.format(Locale.ROOT, "text missing but something named as left out (not counted as failures): %d%n",
                missingButLeftOut.sum()));
        if (missingButLeftOutExample.get() != null) {
            b.append("  e.g. ").append(missingButLeftOutExample.get()).append('\n');
        }
        b.append(String.format(Locale.ROOT, "replies whose text under a repeated key was dropped (the last value is read; not"
                + " counted as failures): %d%n", shadowedLost.sum()));
        b.append("slowest call: ").append(slowest.get()).append('\n');
        List<Failure> all = new ArrayList<>(failures());
        all.sort(Comparator.comparing((Failure f) -> f.category));
        b.append("distinct failures: ").append(all.size()).append('\n');
        int n = 0;
        for (Failure f : all) {
            b.append(String.format(Locale.ROOT, "%n--- failure %d: %s (%d inputs)%n", ++n, f.category, f.count.sum()));
            b.append("signature: ").append(f.signature).append('\n');
            b.append("first: ").append(describe(f.first)).append('\n');
            b.append("detail: ").append(clip(String.valueOf(f.detail))).append('\n');
            String min = f.minimized != null ? f.minimized : f.smallest.text();
            b.append("reproducer (").append(describe(withText(f.smallest, min))).append("): ").append(FuzzCampaign.quote(min, 800)).append('\n');
        }
        b.append("failure inputs saved under ").append(failureDir.toAbsolutePath()).append('\n');
        return b.toString();
    }

    private static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
