package dev.promptport.bench;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
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
import java.util.concurrent.TimeUnit;

/**
 * {@link TranslateBench}'s request as {@code Failover} translates it during an outage: with a
 * {@link TextMemo} that has seen the system prompt before, as every request after the first has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RememberedTranslateBench {

    @Param({"typical-3k"})
    public String request;

    @Param({"openai:gpt-4o"})
    public String target;

    private String json;
    private Target resolved;
    private Options options;

    @Setup
    public void load() throws IOException {
        json = TranslateBench.Corpus.request(request);
        resolved = Target.of(target);
        options = Options.DEFAULT.withMemo(new TextMemo(256));
    }

    @Benchmark
    public Translation translate() {
        return PromptPort.translate(json, InputFormat.ANTHROPIC, resolved, options);
    }
}
