package dev.promptport.bench;

import dev.promptport.Audit;
import dev.promptport.Options;
import dev.promptport.Target;
import dev.promptport.report.AuditResult;
import dev.promptport.report.JsonReport;
import dev.promptport.report.Suppressions;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pre-migration audit of one typical request against three targets, through the same
 * public calls {@code promptport audit} makes: {@link Audit#run} (translate for each target,
 * filter suppressions, score the risk), and, in {@link #auditJsonReport}, also the JSON report
 * ({@code --format json}) without the file I/O. Run from the repository root:
 * {@code java -jar bench/target/benchmarks.jar AuditBench -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditBench {

    @Param({"typical-3k"})
    public String request;

    /** Comma-separated, as {@code --to} takes them. */
    @Param({"openai:gpt-4o,openai:o3,gemini:gemini-2.5-pro"})
    public String targets;

    private List<Audit.Input> inputs;
    private List<Target> resolved;

    @Setup
    public void load() throws IOException {
        String name = "typical-3k".equals(request) ? "30-xml-system-medical-triage" : request;
        inputs = List.of(new Audit.Input("corpus/" + name + "/input.json", TranslateBench.Corpus.request(request), true));
        resolved = Arrays.stream(targets.split(",")).map(Target::of).toList();
        AuditResult r = Audit.run(inputs, resolved, Options.DEFAULT);
        if (!r.problems().isEmpty() || r.files().size() != 1) {
            throw new IllegalStateException("the audit did not go through: " + r.problems());
        }
    }

    @Benchmark
    public AuditResult audit() {
        return Audit.run(inputs, resolved, Options.DEFAULT);
    }

    @Benchmark
    public String auditJsonReport() {
        return JsonReport.write(Suppressions.apply(Audit.run(inputs, resolved, Options.DEFAULT)));
    }
}
