package dev.promptport.bench;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.tree.TextMemo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same job as the JavaScript gateways' harness ({@code ../shared/peers/node/bench.mjs}):
 * every request in the peers' bench input, as JSON text in and JSON text out, one thread,
 * round-robin. One operation is one request, so the score reads as requests a second.
 * promptport also rewrites the prompt and checks every rule on each request, which the peers
 * do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeerBench {

    @Param({"openai:gpt-4o"})
    public String target;

    /**
     * "off": every request worked out in full. "on": with a {@link TextMemo}, as {@code Failover}
     * and the traffic audit run, so a system prompt seen before is not scanned, rewritten and
     * quoted again (the 30 requests repeat, as an application's requests repeat its prompts).
     */
    @Param({"off", "on"})
    public String memo;

    private List<String> requests;
    private Target resolved;
    private Options options;

    @Setup
    public void load() throws IOException {
        requests = PeerInputs.load();
        resolved = Target.of(target);
        options = "on".equals(memo) ? Options.DEFAULT.withMemo(new TextMemo(256)) : Options.DEFAULT;
    }

    @Benchmark
    @OperationsPerInvocation(30)
    public void translateAll(Blackhole out) {
        for (String json : requests) {
            out.consume(PromptPort.translate(json, InputFormat.ANTHROPIC, resolved, options).json());
        }
    }
}
