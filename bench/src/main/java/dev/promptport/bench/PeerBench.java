package dev.promptport.bench;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.failover.Failover;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The same job as the JavaScript gateways' harness ({@code ../shared/peers/node/bench.mjs}):
 * every request in the peers' bench input, as JSON text in and JSON text out, one thread,
 * round-robin. The JSON out is the UTF-8 that an HTTP client sends, as promptport writes it
 * ({@code Translation.jsonBytes()}): a gateway's output goes on the wire, and the peers' harness
 * stops at their JSON.stringify, before Node encodes it. One operation is one request, so the score reads as requests a second.
 * promptport also rewrites the prompt and checks every rule on each request, which the peers
 * do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeerBench {

    @Param({"openai:gpt-4o"})
    public String target;

    /**
     * "off": every request worked out in full. "on": with a {@link TextMemo} of the size
     * {@code Failover} uses, so what a request repeats from one seen before (its system prompt,
     * tools, earlier turns) is not read and worked out again; the 30 requests repeat exactly,
     * the best case for a memo. "new-question": the same memo, but every request also asks a
     * question no other request asked, in its last user message: {@value #QUESTIONS} copies of
     * each, sent in turn, so the memo also fills with what never comes back and forgets.
     */
    @Param({"off", "on", "new-question"})
    public String memo;

    /** Copies of each request, each with its own last question, for "new-question". */
    static final int QUESTIONS = 1024;

    private List<List<String>> rounds;
    private int round;
    private Target resolved;
    private Options options;

    @Setup
    public void load() throws IOException {
        List<String> requests = PeerInputs.load();
        rounds = new ArrayList<>();
        if ("new-question".equals(memo)) {
            List<List<String>> copies = requests.stream().map(r -> PeerInputs.withNewQuestions(r, QUESTIONS)).toList();
            for (int n = 0; n < QUESTIONS; n++) {
                int k = n;
                rounds.add(copies.stream().map(c -> c.get(k)).toList());
            }
        } else {
            rounds.add(requests);
        }
        resolved = Target.of(target);
        options = "off".equals(memo) ? Options.DEFAULT : Options.DEFAULT.withMemo(new TextMemo(Failover.MEMO_TEXTS));
    }

    @Benchmark
    @OperationsPerInvocation(30)
    public void translateAll(Blackhole out) {
        List<String> requests = rounds.get(round);
        round = round + 1 == rounds.size() ? 0 : round + 1;
        for (String json : requests) {
            out.consume(PromptPort.translate(json, InputFormat.ANTHROPIC, resolved, options));
        }
    }
}
