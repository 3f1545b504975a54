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
 * The failover hot path: one Anthropic request, JSON in, the target's request JSON out as the
 * UTF-8 an HTTP client sends ({@code Translation.jsonBytes()}; the String {@code json()} is
 * made only when asked for), findings and all, once for each writer: OpenAI Chat ({@code openai:gpt-4o}, and
 * {@code openai:o3} for the reasoning path of the same writer), OpenAI Responses
 * ({@code openai-responses:gpt-4o}), Gemini ({@code gemini:gemini-2.5-pro}) and Anthropic
 * ({@code anthropic:claude-sonnet-4-5}). Run from the repository root:
 * {@code scripts/bench.sh}, or {@code java -jar bench/target/benchmarks.jar TranslateBench -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// on a slow hour of the shared 2-core host, C2 was still compiling the request path after 3 x 2 s
// (medians falling from 55 to 37 µs over the measurement, and 180 B more allocated than warm)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslateBench {

    /** Corpus cases, by folder name; the first is a typical 2.5 KB request with tags. */
    @Param({"typical-3k"})
    public String request;

    /** One target per writer (wire in {@code rules/targets.yaml}); o3 adds the reasoning mapping. */
    @Param({"openai:gpt-4o", "openai:o3", "openai-responses:gpt-4o", "gemini:gemini-2.5-pro",
            "anthropic:claude-sonnet-4-5"})
    public String target;

    private String json;
    private Target resolved;

    @Setup
    public void load() throws IOException {
        json = Corpus.request(request);
        resolved = Target.of(target);
        // fail in set-up, not in the middle of a measurement, when the input stops translating
        if (PromptPort.translate(json, resolved).json() == null) {
            throw new IllegalStateException("no output for " + target);
        }
    }

    @Benchmark
    public Translation translate() {
        return PromptPort.translate(json, resolved);
    }

    /** Where the corpus is: {@code corpus/} under the working directory unless told otherwise. */
    static final class Corpus {

        private Corpus() {
        }

        /** {@code typical-3k} (the medical-triage request) or a corpus folder name. */
        static String request(String name) throws IOException {
            Path root = Path.of(System.getProperty("promptport.corpus", "corpus"));
            Path file = "typical-3k".equals(name)
                    ? Path.of(System.getProperty("promptport.bench.typical",
                            root.resolve("30-xml-system-medical-triage/input.json").toString()))
                    : root.resolve(name).resolve("input.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file.toAbsolutePath() + " not found: run the benchmarks from the"
                        + " repository root, or pass -Dpromptport.corpus=DIR");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
