package dev.promptport.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.InputFormat;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.Target;
import dev.promptport.tree.ByteWords;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficAuditTest {

    static final String ANTHROPIC_PREFILL = """
            {"model":"claude-sonnet-4-5","max_tokens":100,"top_k":3,"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Sure:"}]}""";
    static final String ANTHROPIC_PLAIN = """
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Hi"}]}""";
    static final String OPENAI = """
            {"model":"gpt-4o","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"}]}""";
    static final String GEMINI = """
            {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],"generationConfig":{"maxOutputTokens":100}}""";

    static final List<Target> GPT4O = List.of(Target.of("openai:gpt-4o"));

    static TrafficSummary audit(String text, List<Target> targets, int threads) throws Exception {
        return TrafficAudit.run(new BufferedReader(new StringReader(text)), targets, Options.DEFAULT, threads);
    }

    @Test
    void sniffsBareAndWrappedRequestsInEachFormat() throws Exception {
        assertThat(LineSniffer.read(ANTHROPIC_PLAIN).format()).isEqualTo(InputFormat.ANTHROPIC);
        assertThat(LineSniffer.read(OPENAI).format()).isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(LineSniffer.read(GEMINI).format()).isEqualTo(InputFormat.GEMINI);
        assertThat(LineSniffer.read("{\"input\":\"Hi\",\"model\":\"gpt-5\"}").format()).isEqualTo(InputFormat.OPENAI_RESPONSES);
        assertThat(LineSniffer.read("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}}]}]}").format())
                .isEqualTo(InputFormat.OPENAI_CHAT);
        assertThat(LineSniffer.read("{\"model\":\"x\",\"max_tokens\":5,\"messages\":[],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}").format())
                .isEqualTo(InputFormat.OPENAI_CHAT);

        LineSniffer.Request wrapped = LineSniffer.read("{\"ts\":1,\"request\": " + OPENAI + " ,\"status\":200}");
        assertThat(wrapped.json()).isEqualTo(OPENAI);
        assertThat(wrapped.format()).isEqualTo(InputFormat.OPENAI_CHAT);

        LineSniffer.Request body = LineSniffer.read("{\"body\":" + GEMINI + ",\"messages\":1}");
        assertThat(body.json()).isEqualTo(GEMINI);
        assertThat(body.format()).isEqualTo(InputFormat.GEMINI);

        String asString = new ObjectMapper().writeValueAsString(OPENAI);
        LineSniffer.Request stringBody = LineSniffer.read("{\"body\":" + asString + "}");
        assertThat(stringBody.json()).isEqualTo(OPENAI);
        assertThat(stringBody.format()).isEqualTo(InputFormat.OPENAI_CHAT);
    }

    @Test
    void requestUnderAGatewaysRequestObjectAndItsBodyIsFound() throws Exception {
        LineSniffer.Request nested = LineSniffer.read(
                "{\"request\":{\"url\":\"/v1/messages\",\"headers\":{},\"body\":" + ANTHROPIC_PLAIN + "},\"response\":{\"body\":{}}}");
        assertThat(nested.json()).isEqualTo(ANTHROPIC_PLAIN);
        assertThat(nested.format()).isEqualTo(InputFormat.ANTHROPIC);

        String asString = new ObjectMapper().writeValueAsString(GEMINI);
        LineSniffer.Request nestedString = LineSniffer.read("{\"request\":{\"request_body\":" + asString + "}}");
        assertThat(nestedString.json()).isEqualTo(GEMINI);
        assertThat(nestedString.format()).isEqualTo(InputFormat.GEMINI);

        String inString = new ObjectMapper().writeValueAsString("{\"url\":\"u\",\"body\":" + OPENAI + "}");
        assertThat(LineSniffer.read("{\"requestBody\":" + inString + "}").json()).isEqualTo(OPENAI);
    }

    @Test
    void aThirdWrapperIsNotOpened() throws Exception {
        String line = "{\"request\":{\"body\":{\"body\":" + ANTHROPIC_PLAIN + "}}}";
        TrafficSummary summary = audit(line + "\n", GPT4O, 1);
        assertThat(summary.badLines()).isEqualTo(1);
        assertThat(summary.badExamples().get(0).message()).contains("no \"messages\" array");
    }

    @Test
    void aggregatesLevelsAndFeaturesOverWrappedAndBareLinesOfEveryFormat() throws Exception {
        String log = String.join("\n",
                ANTHROPIC_PREFILL,                                           // 1: C (prefill high, top_k low)
                "{\"request\":" + ANTHROPIC_PLAIN + ",\"ts\":\"2026-01-01\"}", // 2
                OPENAI,                                                      // 3
                "{\"body\":" + GEMINI + "}",                                  // 4
                "",                                                          // 5: blank, skipped
                "{\"ts\":1,\"request\":" + ANTHROPIC_PREFILL + "}") + "\n";  // 6: C
        TrafficSummary s = audit(log, GPT4O, 2);
        assertThat(s.lines()).isEqualTo(5);
        assertThat(s.requests()).isEqualTo(5);
        assertThat(s.badLines()).isZero();
        TrafficSummary.TargetTraffic t = s.targets().get(0);
        assertThat(t.target()).isEqualTo("openai:gpt-4o");
        assertThat(t.requests()).isEqualTo(5);
        assertThat(t.levelC()).isEqualTo(2);
        TrafficSummary.FeatureTraffic prefill = t.features().stream().filter(f -> f.feature().equals("prefill")).findFirst().orElseThrow();
        assertThat(prefill.lines()).isEqualTo(2);
        assertThat(prefill.examples()).containsExactly(1L, 6L);
        assertThat(t.features().get(0).lines()).isGreaterThanOrEqualTo(t.features().get(t.features().size() - 1).lines());
    }

    @Test
    void countsBadLinesWithTheirLineNumbersAndGoesOn() throws Exception {
        String log = String.join("\n",
                "not json",                 // 1
                ANTHROPIC_PLAIN,            // 2
                "[1,2]",                    // 3
                "{\"ts\":1}",               // 4: JSON, not a request
                "{\"request\":42}",         // 5
                "{\"a\":1} {\"b\":2}",      // 6
                "{\"messages\":",           // 7
                ANTHROPIC_PREFILL);         // 8
        TrafficSummary s = audit(log, GPT4O, 2);
        assertThat(s.lines()).isEqualTo(8);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.badLines()).isEqualTo(6);
        assertThat(s.badExamples()).extracting(TrafficSummary.BadLine::line).containsExactly(1L, 3L, 4L, 5L, 6L, 7L);
        assertThat(s.badExamples().get(0).message()).startsWith("not JSON");
        assertThat(s.badExamples().get(1).message()).contains("not a JSON object");
        assertThat(s.badExamples().get(2).message()).contains("messages");
        assertThat(TrafficText.write(s)).contains("line 4: ").contains("bad lines: 6");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkippedFromAStreamAndFromAReader() throws Exception {
        String log = "\uFEFF" + ANTHROPIC_PLAIN + "\n" + OPENAI + "\n";
        TrafficSummary fromBytes = TrafficAudit.run(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                GPT4O, Options.DEFAULT, 2);
        assertThat(fromBytes.badLines()).as("%s", fromBytes.badExamples()).isZero();
        assertThat(fromBytes.requests()).isEqualTo(2);
        TrafficSummary fromChars = audit(log, GPT4O, 2);
        assertThat(fromChars.badLines()).as("%s", fromChars.badExamples()).isZero();
    }

    @Test
    void aLineOfInvalidUtf8IsABadLineSayingWhereAndTheRunGoesOn() throws Exception {
        byte[] bad = "{\"messages\":[{\"role\":\"user\",\"content\":\"H\u00ffi\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        log.write((ANTHROPIC_PLAIN + "\n").getBytes(StandardCharsets.UTF_8));
        log.write(bad);
        log.write(("\n" + OPENAI + "\n").getBytes(StandardCharsets.UTF_8));
        TrafficSummary s = TrafficAudit.run(new ByteArrayInputStream(log.toByteArray()), GPT4O, Options.DEFAULT, 2);
        assertThat(s.lines()).isEqualTo(3);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.badExamples()).extracting(TrafficSummary.BadLine::line).containsExactly(2L);
        assertThat(s.badExamples().get(0).message())
                .isEqualTo("not valid UTF-8 text (bad byte at offset 40 of the line)");
    }

    @Test
    void capsExamplesAtTheSmallestLineNumbers() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 3000; i++) {
            log.append(i % 2 == 0 ? ANTHROPIC_PREFILL : "garbage " + i).append('\n');
        }
        TrafficSummary s = audit(log.toString(), GPT4O, 4);
        assertThat(s.badLines()).isEqualTo(1500);
        assertThat(s.badExamples()).hasSize(TrafficAudit.BAD_EXAMPLES);
        assertThat(s.badExamples().get(0).line()).isEqualTo(1);
        assertThat(s.badExamples().get(19).line()).isEqualTo(39);
        TrafficSummary.FeatureTraffic prefill = s.targets().get(0).features().stream()
                .filter(f -> f.feature().equals("prefill")).findFirst().orElseThrow();
        assertThat(prefill.lines()).isEqualTo(1500);
        assertThat(prefill.examples()).containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(TrafficText.write(s)).contains("… and 1480 more");
    }

    @Test
    void sameResultWhateverTheThreadsAndTheirScheduling() throws Exception {
        String[] kinds = {ANTHROPIC_PREFILL, ANTHROPIC_PLAIN, OPENAI, GEMINI, "{\"request\":" + OPENAI + "}", "bad", "{\"ts\":2}"};
        StringBuilder log = new StringBuilder();
        long seed = 42;
        for (int i = 0; i < 5000; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            log.append(kinds[(int) ((seed >>> 33) % kinds.length)]).append('\n');
        }
        List<Target> targets = List.of(Target.of("openai:gpt-4o"), Target.of("gemini:gemini-2.5-flash"), Target.of("openai:o3"));
        String one = TrafficJson.write(audit(log.toString(), targets, 1));
        List<String> runs = new ArrayList<>();
        for (int threads : new int[] {2, 3, 8}) {
            runs.add(TrafficJson.write(audit(log.toString(), targets, threads)));
        }
        assertThat(runs).allSatisfy(r -> assertThat(r).isEqualTo(one));
        assertThat(TrafficText.write(audit(log.toString(), targets, 5))).isEqualTo(TrafficText.write(audit(log.toString(), targets, 1)));
    }

    @Test
    void aLogReadAsBytesGivesTheAuditItsTextGives() throws Exception {
        // ASCII lines are read from their bytes in place, the others from their text
        String accented = ANTHROPIC_PLAIN.replace("}]}", "},{\"role\":\"assistant\",\"content\":\"Grüße — 東京\"},"
                + "{\"role\":\"user\",\"content\":\"und?\"}]}");
        String[] kinds = {ANTHROPIC_PREFILL, ANTHROPIC_PLAIN, OPENAI, GEMINI, accented, "{\"request\":" + OPENAI + "}",
                "{\"ts\":1,\"request\":" + ANTHROPIC_PREFILL + ",\"status\":200}",
                "{\"body\":" + quoted(ANTHROPIC_PLAIN) + "}", "{\"request\":" + accented + "}",
                "{\"custom_id\":\"a\",\"params\":" + ANTHROPIC_PREFILL + "}",
                "{\"url\":\"/v1/chat/completions\",\"body\":" + OPENAI + "}", "bad", "{\"ts\":2}", "{\"messages\":"};
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 3 * kinds.length; i++) {
            log.append(kinds[(i * 5) % kinds.length]).append('\n');
        }
        List<Target> targets = List.of(Target.of("openai:gpt-4o"), Target.of("gemini:gemini-2.5-flash"));
        TrafficSummary fromText = audit(log.toString(), targets, 2);
        TrafficSummary fromBytes = TrafficAudit.run(new ByteArrayInputStream(log.toString().getBytes(StandardCharsets.UTF_8)),
                targets, Options.DEFAULT, 2);
        assertThat(fromText.requests()).isEqualTo(3 * (kinds.length - 3));
        assertThat(TrafficJson.write(fromBytes)).isEqualTo(TrafficJson.write(fromText));
    }

    @Test
    void anAsciiLinesRequestComesWithExactlyItsOwnBytes() throws Exception {
        String wrapped = "{\"ts\":1,\"request\":" + ANTHROPIC_PLAIN + "}";
        LineSniffer.Request inner = LineSniffer.read(wrapped, wrapped.getBytes(StandardCharsets.US_ASCII), Limits.DEFAULTS);
        assertThat(new String(inner.view(), StandardCharsets.US_ASCII)).isEqualTo(inner.json()).isEqualTo(ANTHROPIC_PLAIN);
        String batch = "{\"custom_id\":\"a\",\"params\":" + ANTHROPIC_PLAIN + "}";
        LineSniffer.Request params = LineSniffer.read(batch, batch.getBytes(StandardCharsets.US_ASCII), Limits.DEFAULTS);
        assertThat(new String(params.view(), StandardCharsets.US_ASCII)).isEqualTo(ANTHROPIC_PLAIN);
        // a request held in a string is unescaped: its text is no span of the line's bytes
        String body = "{\"body\":" + quoted(ANTHROPIC_PLAIN) + "}";
        assertThat(LineSniffer.read(body, body.getBytes(StandardCharsets.US_ASCII), Limits.DEFAULTS).view()).isNull();
        assertThat(LineSniffer.read(ANTHROPIC_PLAIN).view()).isNull();
    }

    @Test
    void aWiderLinesRequestComesWithItsOneByteCopyCutFromTheLinesAsDecoded() throws Exception {
        String request = ANTHROPIC_PLAIN.replace("\"content\":\"", "\"content\":\"Grüße — 東京 🙂 ");
        assertThat(request).isNotEqualTo(ANTHROPIC_PLAIN);
        String line = "{\"ts\":\"naïve\",\"request\":" + request + "}\n";
        Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), 1 << 20);
        String read = lines.next();
        LineSniffer.Request inner = LineSniffer.read(read, lines.view(), Limits.DEFAULTS);
        assertThat(inner.json()).isEqualTo(request);
        assertThat(Arrays.copyOf(inner.view(), request.length())).isEqualTo(ByteWords.oneBytePerChar(request));
        // and audits as the same line read as text does
        List<Target> targets = List.of(Target.of("openai:gpt-4o"));
        assertThat(TrafficJson.write(TrafficAudit.run(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)),
                targets, Options.DEFAULT, 1))).isEqualTo(TrafficJson.write(audit(line, targets, 1)));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void jsonCarriesSharesAndExamples() throws Exception {
        TrafficSummary s = audit(ANTHROPIC_PREFILL + "\n" + ANTHROPIC_PLAIN + "\nnope\n", GPT4O, 2);
        JsonNode j = new ObjectMapper().readTree(TrafficJson.write(s));
        assertThat(j.at("/version").asInt()).isEqualTo(1);
        assertThat(j.at("/lines").asLong()).isEqualTo(3);
        assertThat(j.at("/requests").asLong()).isEqualTo(2);
        assertThat(j.at("/badLines/count").asLong()).isEqualTo(1);
        assertThat(j.at("/badLines/examples/0/line").asLong()).isEqualTo(3);
        assertThat(j.at("/targets/0/target").asText()).isEqualTo("openai:gpt-4o");
        assertThat(j.at("/targets/0/levels/C/count").asLong()).isEqualTo(1);
        assertThat(j.at("/targets/0/levels/C/share").asDouble()).isEqualTo(0.5);
        JsonNode features = j.at("/targets/0/features");
        assertThat(features.findValuesAsText("feature")).contains("prefill");
        assertThat(features.get(0).at("/examples/0").asLong()).isEqualTo(1);
    }

    @Test
    void emptyInputGivesAnEmptySummary() throws Exception {
        TrafficSummary s = audit("", GPT4O, 2);
        assertThat(s.lines()).isZero();
        assertThat(s.targets().get(0).requests()).isZero();
        assertThat(TrafficText.write(s)).contains("0 line(s)");
    }
}
