package dev.promptport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results ({@code -rf json -rff FILE}) and prints them for people, used by
 * {@code scripts/bench.sh} and {@code scripts/peer-compare.sh}:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.promptport.bench.BenchTable results.json
 *     a Markdown table (benchmark, params, median µs or ops/s, bytes allocated per op)
 *     and a line naming the machine
 * java -cp bench/target/benchmarks.jar dev.promptport.bench.BenchTable --scores results.json
 *     one line per result: benchmark, params, score, unit (tab-separated), for scripts
 * </pre>
 */
public final class BenchTable {

    private BenchTable() {
    }

    public static void main(String[] args) throws IOException {
        boolean scores = args.length == 2 && "--scores".equals(args[0]);
        if (!(args.length == 1 || scores)) {
            System.err.println("usage: BenchTable [--scores] JMH_RESULTS.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[args.length - 1]).toFile());
        if (scores) {
            for (JsonNode r : results) {
                System.out.println(name(r) + "\t" + params(r) + "\t" + r.path("primaryMetric").path("score").asDouble()
                        + "\t" + r.path("primaryMetric").path("scoreUnit").asText());
            }
            return;
        }
        System.out.print(table(results));
        System.out.println();
        System.out.println(machine(results));
    }

    /** The hot path first, then the audit, the way back, and the peers' job. */
    private static final List<String> ORDER = List.of("TranslateBench", "AuditBench", "ReplyBench", "PeerBench");

    static String table(JsonNode results) {
        List<JsonNode> rows = new ArrayList<>();
        results.forEach(rows::add);
        // stable: JMH's order (parameters as declared) within one bench class
        rows.sort(java.util.Comparator.comparingInt(r -> {
            int i = ORDER.indexOf(name(r).substring(0, Math.max(0, name(r).indexOf('.'))));
            return i < 0 ? ORDER.size() : i;
        }));
        StringBuilder b = new StringBuilder();
        b.append("| benchmark | params | median µs (ops/s for throughput) | allocated per op |\n");
        b.append("| --- | --- | ---: | ---: |\n");
        for (JsonNode r : rows) {
            String params = params(r);
            b.append("| ").append(name(r)).append(" | ").append(params.isEmpty() ? "–" : params).append(" | ")
                    .append(score(r)).append(" | ").append(allocated(r)).append(" |\n");
        }
        return b.toString();
    }

    /** {@code TranslateBench.translate}, without the package. */
    static String name(JsonNode r) {
        String full = r.path("benchmark").asText();
        String[] parts = full.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : full;
    }

    static String params(JsonNode r) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            out.add(p.getKey() + "=" + p.getValue().asText());
        }
        return out.isEmpty() ? "" : String.join(", ", out);
    }

    /**
     * Sample and average time: the median (p0.50) in µs when JMH sampled, else the mean; throughput:
     * ops/s. A whole 1,000-chunk stream (OpenAI Chat, Responses, Gemini) also shows its cost per chunk.
     */
    static String score(JsonNode r) {
        JsonNode m = r.path("primaryMetric");
        String unit = m.path("scoreUnit").asText();
        if ("thrpt".equals(r.path("mode").asText())) {
            double ops = m.path("score").asDouble();
            String s = String.format(Locale.US, "%,.0f %s", ops, unit);
            return "ops/s".equals(unit) && ops > 0 ? s + " (" + number(1e6 / ops) + " µs/op)" : s;
        }
        JsonNode p50 = m.path("scorePercentiles").path("50.0");
        boolean median = "sample".equals(r.path("mode").asText()) && p50.isNumber();
        double v = median ? p50.asDouble() : m.path("score").asDouble();
        String s = String.format(Locale.US, "%s %s%s", number(v), unit.replace("us/op", "µs"), median ? "" : " (mean)");
        if (name(r).contains(".stream1000") && unit.startsWith("us")) {
            s += String.format(Locale.US, " (%s µs/chunk)", number(v / 1000));
        }
        return s;
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.US, "%,.0f", v)
                : v >= 10 ? String.format(Locale.US, "%.1f", v) : String.format(Locale.US, "%.2f", v);
    }

    static String allocated(JsonNode r) {
        JsonNode a = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
        if (!a.has("score")) {
            return "– (no -prof gc)";
        }
        return String.format(Locale.US, "%,.0f B/op", a.path("score").asDouble());
    }

    /** CPU model, cores, JDK and date: the figures mean little without them. */
    static String machine(JsonNode results) {
        JsonNode first = results.path(0);
        String jdk = first.path("jdkVersion").asText(System.getProperty("java.version"))
                + " (" + first.path("vmName").asText(System.getProperty("java.vm.name")) + ")";
        return String.format(Locale.US, "Machine: %s, %d cores, JDK %s, %s, %s; JMH %s.",
                cpu(), Runtime.getRuntime().availableProcessors(), jdk,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), LocalDate.now(),
                first.path("jmhVersion").asText("?"));
    }

    private static String cpu() {
        Path info = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            // fall through
        }
        String env = System.getenv("PROMPTPORT_CPU");
        return env != null && !env.isBlank() ? env : "CPU unknown";
    }
}
