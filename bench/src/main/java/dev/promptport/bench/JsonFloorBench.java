package dev.promptport.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The floor under {@link PeerBench}: the gateways' 30 requests parsed with Jackson's streaming
 * parser and written back token by token with its generator, translating nothing. No JSON-in,
 * JSON-out translation built on Jackson can be faster than this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonFloorBench {

    private static final JsonFactory JSON = new JsonFactory();

    private List<String> requests;

    @Setup
    public void load() throws IOException {
        requests = PeerInputs.load();
    }

    @Benchmark
    @OperationsPerInvocation(30)
    public void jacksonCopy(Blackhole out) throws IOException {
        for (String json : requests) {
            SegmentedStringWriter w = new SegmentedStringWriter(JSON._getBufferRecycler());
            try (JsonParser p = JSON.createParser(json); JsonGenerator g = JSON.createGenerator(w)) {
                while (p.nextToken() != null) {
                    g.copyCurrentEvent(p);
                }
            }
            out.consume(w.getAndClear());
        }
    }
}
