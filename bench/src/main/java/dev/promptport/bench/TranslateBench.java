package dev.promptport.bench;

import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The failover hot path: one Anthropic request, JSON in, OpenAI Chat JSON out, findings and
 * all. Run from the repository root:
 * {@code java -jar bench/target/benchmarks.jar TranslateBench -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslateBench {

    /** Corpus cases, by folder name; the first is a typical 3 KB request with tags and tools. */
    @Param({"typical-3k"})
    public String request;

    @Param({"openai:gpt-4o", "openai:o3"})
    public String target;

    private String json;
    private Target resolved;

    @Setup
    public void load() throws IOException {
        Path root = Path.of(System.getProperty("promptport.corpus", "corpus"));
        Path file = "typical-3k".equals(request)
                ? Path.of(System.getProperty("promptport.bench.typical", root.resolve("30-xml-system-medical-triage/input.json").toString()))
                : root.resolve(request).resolve("input.json");
        json = Files.readString(file, StandardCharsets.UTF_8);
        resolved = Target.of(target);
    }

    @Benchmark
    public Translation translate() {
        return PromptPort.translate(json, resolved);
    }
}
