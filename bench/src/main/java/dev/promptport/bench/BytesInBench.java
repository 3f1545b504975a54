package dev.promptport.bench;

import dev.promptport.InputFormat;
import dev.promptport.Options;
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
import java.util.concurrent.TimeUnit;

/**
 * The typical request as an HTTP server receives it, UTF-8 bytes, to {@code openai:gpt-4o}:
 * decoded into a String first ({@code fromString}), or given as bytes ({@code fromBytes}). As
 * its file has it ("utf8": one character past ASCII), and with every such character written as
 * a JSON escape, as most JSON encoders write a request ("ascii"), whose bytes are read in place.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BytesInBench {

    @Param({"utf8", "ascii"})
    public String encoding;

    private byte[] body;
    private Target target;

    @Setup
    public void load() throws IOException {
        String json = TranslateBench.Corpus.request("typical-3k");
        body = ("ascii".equals(encoding) ? escaped(json) : json).getBytes(StandardCharsets.UTF_8);
        target = Target.of("openai:gpt-4o");
    }

    @Benchmark
    public Translation fromString() {
        return PromptPort.translate(new String(body, StandardCharsets.UTF_8), InputFormat.ANTHROPIC, target,
                Options.DEFAULT);
    }

    @Benchmark
    public Translation fromBytes() {
        return PromptPort.translate(body, InputFormat.ANTHROPIC, target, Options.DEFAULT);
    }

    /** Every char past ASCII as a JSON escape: the same request (a JSON file's chars are all in strings). */
    private static String escaped(String json) {
        StringBuilder b = new StringBuilder(json.length());
        json.chars().forEach(c -> b.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return b.toString();
    }
}
