package dev.promptport.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Options;
import dev.promptport.Target;
import dev.promptport.fuzz.FuzzGen;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic audit's fuzz campaign (the {@code fuzz} profile: {@code mvn -pl translator test
 * -Pfuzz -Dtest=TrafficFuzz}): a million log lines, each a line of a log format the audit reads
 * (the corpus's requests bare, wrapped as gateways, batch files and Bedrock log them) cut short,
 * with bytes changed, invalid UTF-8, NUL bytes, lone surrogates, a huge string, deep brackets or a
 * piece repeated, audited in logs of 20,000 lines for two targets on two threads. A log's audit
 * must end (within a minute), throw nothing, and count every non-blank line once, as a request, a
 * bad line or a skipped line.
 */
class TrafficFuzz {

    private static final int LOG_LINES = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Target> TARGETS = List.of(Target.of("openai:gpt-4o"), Target.of("gemini:gemini-2.5-pro"));

    @Test
    void theAuditCountsEveryLineOfAnyLog() throws Exception {
        long count = Long.getLong("promptport.fuzz.count", 1_000_000L);
        long seed = Long.getLong("promptport.fuzz.seed", 20261126L);
        SplittableRandom r = new SplittableRandom(seed);
        List<String> seeds = seeds();
        ExecutorService watch = Executors.newSingleThreadExecutor();
        long lines = 0;
        long requests = 0;
        long bad = 0;
        long skipped = 0;
        long slowest = 0;
        long started = System.nanoTime();
        try {
            for (long done = 0; done < count; done += LOG_LINES) {
                int n = (int) Math.min(LOG_LINES, count - done);
                byte[] log = log(seeds, r, n);
                long t0 = System.nanoTime();
                Future<TrafficSummary> audit = watch.submit(() ->
                        TrafficAudit.run(new ByteArrayInputStream(log), TARGETS, Options.DEFAULT, 2));
                TrafficSummary s;
                try {
                    s = audit.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    audit.cancel(true);
                    throw new AssertionError("the audit of lines " + (done + 1) + "–" + (done + n) + " (seed " + seed
                            + ") took over a minute");
                }
                slowest = Math.max(slowest, System.nanoTime() - t0);
                assertThat(s.requests() + s.badLines() + s.skippedLines()).as("lines %d–%d, seed %d", done + 1, done + n, seed)
                        .isEqualTo(s.lines());
                assertThat(s.lines()).isLessThanOrEqualTo(breaks(log));
                lines += s.lines();
                requests += s.requests();
                bad += s.badLines();
                skipped += s.skippedLines();
            }
        } finally {
            watch.shutdownNow();
        }
        System.out.printf("==== traffic fuzz: seed %d, %d lines in %.1f s: %d requests, %d bad, %d skipped;"
                        + " slowest log of %d lines %.1f s; 0 failures%n", seed, lines, (System.nanoTime() - started) / 1e9,
                requests, bad, skipped, LOG_LINES, slowest / 1e9);
    }

    /** The corpus's requests as each log format keeps them, and the log lines of the format tests. */
    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        Path corpus = Path.of(System.getProperty("promptport.root", "..")).toAbsolutePath().normalize().resolve("corpus");
        try (Stream<Path> cases = Files.list(corpus)) {
            for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                Path input = c.resolve("input.json");
                if (!Files.exists(input)) {
                    continue;
                }
                String request = JSON.readTree(Files.readString(input)).toString();
                out.add(request);
                out.add("{\"custom_id\":\"a\",\"params\":" + request + "}");
                out.add("{\"request\":{\"url\":\"/v1/messages\",\"body\":" + request + "},\"response\":{\"id\":\"m\"}}");
                out.add("{\"request_id\":\"r\",\"proxy_server_request\":" + JSON.writeValueAsString(request) + "}");
                out.add(TrafficLogFormatsTest.bedrockLog("InvokeModel", "anthropic.claude-sonnet-4-5-20250929-v1:0",
                        TrafficLogFormatsTest.bedrockInput(request)));
                out.add("{\"recordId\":\"R\",\"modelInput\":" + request + "}");
                out.add("2025-04-09T23:00:17.512Z {\"full_request\":" + request + "}");
            }
        }
        out.add(TrafficLogFormatsTest.bedrockLog("Converse", "anthropic.claude-3-haiku-20240307-v1:0", TrafficLogFormatsTest.bedrockInput(
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"},{\"document\":{\"format\":\"txt\",\"name\":\"d\","
                        + "\"source\":{\"text\":\"x\"}}},{\"cachePoint\":{\"type\":\"default\"}}]}],\"system\":[{\"text\":\"<a>b</a>\"}],"
                        + "\"inferenceConfig\":{\"maxTokens\":50},\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"t\","
                        + "\"inputSchema\":{\"json\":{\"type\":\"object\"}}}}],\"toolChoice\":{\"auto\":{}}}}")));
        out.add("{\"call_type\":\"acompletion\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"model_parameters\":{\"temperature\":0.2}}");
        out.add(TrafficAuditTest.GEMINI);
        out.add(TrafficAuditTest.OPENAI);
        // records that hold no prompt, to be skipped
        out.add("{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"content\":[]}}}");
        out.add("{\"custom_id\":\"e\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"input\":\"Hi\"}}");
        out.add(TrafficLogFormatsTest.bedrockLog("InvokeModel", "amazon.titan-text-express-v1",
                TrafficLogFormatsTest.bedrockInput("{\"inputText\":\"Hi\"}")));
        return out;
    }

    private static byte[] log(List<String> seeds, SplittableRandom r, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            byte[] line = mutated(seeds.get(r.nextInt(seeds.size())), r);
            out.write(line, 0, line.length);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] mutated(String line, SplittableRandom r) {
        String text = switch (r.nextInt(10)) {
            case 0 -> line;
            case 1 -> line.substring(0, r.nextInt(line.length() + 1));
            case 2 -> FuzzGen.insert(line, r, FuzzGen.deepBrackets(r, true));
            case 3 -> FuzzGen.hugeString(line, r, true);
            case 4 -> FuzzGen.loneSurrogates(line, r, true);
            case 5 -> FuzzGen.nulBytes(line, r, true);
            case 6 -> {
                int i = r.nextInt(line.length() + 1);
                int j = i + r.nextInt(line.length() - i + 1);
                yield line.substring(0, j) + line.substring(i, j) + line.substring(j);
            }
            default -> line;
        };
        // lines stay lines: a line break inside one would only make two
        byte[] bytes = text.replace('\n', ' ').replace('\r', ' ').getBytes(StandardCharsets.UTF_8);
        int kind = r.nextInt(10);
        if (kind == 7 || kind == 8) {
            // bytes changed, some into what is never UTF-8
            for (int k = 1 + r.nextInt(4); k > 0 && bytes.length > 0; k--) {
                byte b = kind == 7 ? (byte) r.nextInt(256) : (byte) (0x80 | r.nextInt(0x80));
                bytes[r.nextInt(bytes.length)] = b == '\n' || b == '\r' ? (byte) ' ' : b;
            }
        }
        return bytes;
    }

    private static long breaks(byte[] log) {
        long n = 0;
        for (byte b : log) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
