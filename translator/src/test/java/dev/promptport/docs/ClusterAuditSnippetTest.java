package dev.promptport.docs;

import dev.promptport.Options;
import dev.promptport.Target;
import dev.promptport.traffic.TrafficAudit;
import dev.promptport.traffic.TrafficSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in {@code docs/cluster-audit.md} is a snippet the build does not otherwise
 * compile, so it could drift from the library's API unnoticed. This compiles it as written
 * against the library, with small in-memory stand-ins for the few Spark and Scala types it uses
 * (a single partition: Spark's real ones are not among this project's dependencies), runs it on
 * a log of the corpus's requests, and checks that it prints what {@code promptport audit
 * --jsonl} counts for the same log.
 */
class ClusterAuditSnippetTest {

    private static final List<String> TARGETS = List.of("openai:gpt-4o", "gemini:gemini-2.5-flash");

    @TempDir
    Path dir;

    @Test
    void theDocumentedSparkJobCompilesAgainstTheLibraryAndCountsWhatTheAuditCounts() throws Exception {
        List<String> blocks = SnippetCompiler.javaBlocks("docs/cluster-audit.md");
        assertThat(blocks).as("the java block in docs/cluster-audit.md").hasSize(1);
        String job = blocks.get(0);
        assertThat(job).contains("targetIds", "TrafficAudit.auditLine");

        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("TrafficAuditJob.java"), job);
        SparkStandIns.write(src);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        SnippetCompiler.compile(src, classes);

        Path log = writeLog(Path.of(System.getProperty("promptport.root", "..")));
        String printed = runMain(classes, log);
        Map<String, Long> counts = parse(printed);

        List<Target> targets = TARGETS.stream().map(Target::of).toList();
        TrafficSummary summary;
        try (BufferedReader in = Files.newBufferedReader(log)) {
            summary = TrafficAudit.run(in, targets, Options.DEFAULT, 1);
        }
        assertThat(counts.get("lines")).isEqualTo(summary.lines());
        assertThat(counts.getOrDefault("bad", 0L)).isEqualTo(summary.badLines()).isPositive();
        for (TrafficSummary.SkippedLines s : summary.skipped()) {
            assertThat(counts.get("skipped|" + s.reason())).as(s.reason()).isEqualTo(s.lines());
        }
        for (TrafficSummary.TargetTraffic t : summary.targets()) {
            assertThat(counts.getOrDefault("level|" + t.target() + "|A", 0L)).isEqualTo(t.levelA());
            assertThat(counts.getOrDefault("level|" + t.target() + "|B", 0L)).isEqualTo(t.levelB());
            assertThat(counts.getOrDefault("level|" + t.target() + "|C", 0L)).isEqualTo(t.levelC());
            assertThat(t.features()).isNotEmpty();
            for (TrafficSummary.FeatureTraffic f : t.features()) {
                assertThat(counts.get("feature|" + t.target() + "|" + f.feature()))
                        .as(t.target() + " " + f.feature()).isEqualTo(f.lines());
            }
        }
    }

    /** Every corpus request, bare and wrapped as gateways log them, a batch result and a broken line. */
    private Path writeLog(Path root) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root.resolve("corpus"))) {
            for (Path c : cases.sorted().toList()) {
                Path input = c.resolve("input.json");
                if (Files.isRegularFile(input)) {
                    String json = Files.readString(input).replaceAll("\\s*\\n\\s*", " ");
                    lines.add(json);
                    lines.add("{\"ts\":1,\"request\":" + json + ",\"status\":200}");
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(40);
        lines.add(7, "{\"model\":\"claude-sonnet-4-5\",\"messages\":[");
        lines.add("{\"custom_id\":\"a1\",\"result\":{\"type\":\"succeeded\",\"message\":{}}}");
        Path log = dir.resolve("traffic.jsonl");
        Files.write(log, lines, StandardCharsets.UTF_8);
        return log;
    }

    private static String runMain(Path classes, Path log) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream before = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClusterAuditSnippetTest.class.getClassLoader())) {
            Method main = loader.loadClass("TrafficAuditJob").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                main.invoke(null, (Object) new String[] {log.toString()});
            } finally {
                System.setOut(before);
            }
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The job's lines: key, tab, count, tab, examples. */
    private static Map<String, Long> parse(String printed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            if (!line.isBlank()) {
                String[] cols = line.split("\t");
                assertThat(cols).as(line).hasSize(3);
                assertThat(cols[2]).startsWith("e.g. lines [");
                counts.put(cols[0], Long.parseLong(cols[1]));
            }
        }
        return counts;
    }
}
