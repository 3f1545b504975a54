package dev.promptport.traffic;

import dev.promptport.Limits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.promptport.traffic.TrafficAuditTest.ANTHROPIC_PLAIN;
import static dev.promptport.traffic.TrafficAuditTest.GEMINI;
import static dev.promptport.traffic.TrafficAuditTest.GPT4O;
import static dev.promptport.traffic.TrafficAuditTest.OPENAI;
import static dev.promptport.traffic.TrafficLogFormatsTest.BEDROCK_BODY;
import static dev.promptport.traffic.TrafficLogFormatsTest.bedrockInput;
import static dev.promptport.traffic.TrafficLogFormatsTest.bedrockLog;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any line of any log the audit reads, cut short, with a byte changed or a piece repeated, is a
 * request, a bad line or a skipped line: the sniffer throws nothing else, and the audit counts
 * every line that is not blank once.
 */
class TrafficLineProperties {

    /** A line of each log format the audit knows, each also wrapped as an unknown log would. */
    private static final List<String> LINES = List.of(
            ANTHROPIC_PLAIN, OPENAI, GEMINI,
            "{\"custom_id\":\"a\",\"params\":" + ANTHROPIC_PLAIN + "}",
            "{\"custom_id\":\"a\",\"result\":{\"type\":\"succeeded\",\"message\":{\"content\":[]}}}",
            "{\"custom_id\":\"o\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":" + OPENAI + "}",
            "{\"key\":\"g\",\"request\":" + GEMINI + "}",
            "{\"request\":{\"url\":\"/v1/messages\",\"body\":" + ANTHROPIC_PLAIN + "},\"response\":{\"id\":\"m\"}}",
            "{\"call_type\":\"acompletion\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                    + "\"model_parameters\":{\"temperature\":0.2}}",
            "{\"request_id\":\"r\",\"proxy_server_request\":\"{\\\"model\\\":\\\"claude\\\",\\\"max_tokens\\\":5,"
                    + "\\\"messages\\\":[{\\\"role\\\":\\\"user\\\",\\\"content\\\":\\\"Hi\\\"}]}\"}",
            bedrockLog("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0", bedrockInput(BEDROCK_BODY)),
            bedrockLog("Converse", "anthropic.claude-3-haiku-20240307-v1:0", bedrockInput(
                    "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"},{\"cachePoint\":{\"type\":\"default\"}}]}],"
                            + "\"toolConfig\":{\"tools\":[{\"toolSpec\":{\"name\":\"t\",\"inputSchema\":{\"json\":{}}}}],\"toolChoice\":{\"tool\":{\"name\":\"t\"}}}}")),
            "{\"recordId\":\"R1\",\"modelInput\":" + BEDROCK_BODY + "}",
            "{\"full_request\":" + BEDROCK_BODY + ",\"full_response\":{\"id\":\"m\"}}",
            "2025-04-09T23:00:17.512Z " + ANTHROPIC_PLAIN);

    @Property(tries = 2000)
    void anyMutatedLineIsARequestABadLineOrASkippedLine(@ForAll("mutated") String line) throws Exception {
        try {
            LineSniffer.Request r = LineSniffer.read(line, ascii(line), Limits.DEFAULTS);
            assertThat(r.json()).isNotNull();
            assertThat(r.format()).isNotNull();
        } catch (LineSniffer.BadLineException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (LineSniffer.SkippedLineException e) {
            assertThat(e.reason()).isNotNull();
        }
    }

    @Property(tries = 200)
    void theAuditCountsEveryLineOnce(@ForAll("logs") List<String> lines) throws Exception {
        String log = String.join("\n", lines) + "\n";
        TrafficSummary s = TrafficAudit.run(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), GPT4O,
                dev.promptport.Options.DEFAULT, 2);
        // blank lines are passed over, not counted
        long counted = lines.stream().filter(l -> !l.isBlank()).count();
        assertThat(s.lines()).isEqualTo(counted);
        assertThat(s.requests() + s.badLines() + s.skippedLines()).isEqualTo(counted);
    }

    @Provide
    Arbitrary<List<String>> logs() {
        return mutated().filter(l -> l.indexOf('\n') < 0 && l.indexOf('\r') < 0).list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> line = Arbitraries.of(LINES);
        Arbitrary<String> noise = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\u0000", "é", "\ud83d", "null",
                "{\"messages\":[]}", "\"input\":{\"inputBodyJson\":", "\"modelInput\":", " ");
        return Combinators.combine(line, Arbitraries.integers().between(0, 4), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1), noise)
                .as((l, how, at, to, piece) -> {
                    int i = (int) (at * l.length());
                    int j = Math.max(i, (int) (to * l.length()));
                    return switch (how) {
                        case 0 -> l;
                        case 1 -> l.substring(0, i);
                        case 2 -> l.substring(0, i) + piece + l.substring(i);
                        case 3 -> l.substring(0, i) + l.substring(j);
                        default -> l.substring(0, j) + l.substring(i, j) + l.substring(j);
                    };
                });
    }

    /** A line's bytes when it is ASCII, as the audit's line reader hands them on. */
    private static byte[] ascii(String line) {
        return line.chars().allMatch(c -> c < 0x80) ? line.getBytes(StandardCharsets.US_ASCII) : null;
    }
}
