package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code promptport audit --jsonl}: traffic logs, plain, gzip and standard input. */
class AuditJsonlTest {

    @TempDir
    Path dir;

    static final String LOG = String.join("\n",
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Sure:\"}]}",
            "{\"ts\":\"2026-11-26T10:00:00Z\",\"request\":{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]}}",
            "{\"body\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}}",
            "this is not json",
            "{\"ts\":1}") + "\n";

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertReport(MainTest.Run r) {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("promptport audit: 5 line(s), 3 request(s), 2 bad line(s), 1 target(s)");
        assertThat(r.out()).contains("openai:gpt-4o");
        assertThat(r.out()).contains("levels: A ");
        assertThat(r.out()).containsPattern("prefill +1 +33\\.3%  e\\.g\\. line 1");
        assertThat(r.out()).contains("line 4: not JSON");
        assertThat(r.out()).contains("line 5: ");
    }

    @Test
    void auditsAPlainLog() throws Exception {
        Path log = write("traffic.jsonl", LOG);
        assertReport(MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString()));
    }

    @Test
    void auditsAGzipLog() throws Exception {
        Path log = dir.resolve("traffic.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
            out.write(LOG.getBytes(StandardCharsets.UTF_8));
        }
        assertReport(MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString()));
    }

    @Test
    void auditsStandardInput() {
        assertReport(MainTest.runWithStdin(LOG, "audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", "-"));
    }

    @Test
    void printsJson() throws Exception {
        MainTest.Run r = MainTest.runWithStdin(LOG, "audit", "--no-config", "--to", "openai:gpt-4o,openai:o3",
                "--format", "json", "--jsonl", "-");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.at("/lines").asLong()).isEqualTo(5);
        assertThat(j.at("/badLines/count").asLong()).isEqualTo(2);
        assertThat(j.at("/badLines/examples/0/line").asLong()).isEqualTo(4);
        assertThat(j.at("/targets").size()).isEqualTo(2);
        assertThat(j.at("/targets/1/target").asText()).isEqualTo("openai:o3");
        assertThat(j.at("/targets/0/requests").asLong()).isEqualTo(3);
    }

    @Test
    void writesTheReportToAFile() throws Exception {
        Path log = write("traffic.jsonl", LOG);
        Path report = dir.resolve("out/report.txt");
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString(), "-o", report.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readString(report)).contains("3 request(s)");
        assertThat(r.err()).contains("wrote");
    }

    @Test
    void exitCodes() throws Exception {
        MainTest.Run missing = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", dir.resolve("nope.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.jsonl: no such file");


        MainTest.Run nothing = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o");
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("PATH").contains("--jsonl");

        Path log = write("traffic.jsonl", LOG);
        MainTest.Run both = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString(), log.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("not both");

        MainTest.Run html = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "html", "--jsonl", log.toString());
        assertThat(html.code()).isEqualTo(2);

        MainTest.Run badTarget = MainTest.run("audit", "--no-config", "--to", "nobody:nothing", "--jsonl", log.toString());
        assertThat(badTarget.code()).isEqualTo(2);

        MainTest.Run allBad = MainTest.runWithStdin("x\ny\n", "audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", "-");
        assertThat(allBad.code()).isZero();
        assertThat(allBad.out()).contains("2 bad line(s)");
    }

    @Test
    void aLineOverTheSizeLimitIsABadLineWithItsLengthAndTheRunGoesOn() {
        long huge = 20L << 20;
        String rest = "\n" + LOG;
        // made up as it is read: the test holds no line of that size either
        InputStream log = new SequenceInputStream(new InputStream() {
            private long left = huge;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        }, new ByteArrayInputStream(rest.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", "--no-config", "--to", "openai:gpt-4o", "--max-input-mb", "1",
                "--jsonl", "-"}, log, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("6 line(s), 3 request(s), 3 bad line(s)")
                .contains("line 1: the line is " + huge + " bytes, larger than the input size limit (1 MB);"
                        + " raise it with --max-input-mb")
                .contains("line 5: not JSON");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws Exception {
        Path log = write("traffic.jsonl", "\uFEFF" + LOG);
        assertReport(MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString()));
    }

    @Test
    void aLineOfInvalidUtf8IsABadLineSayingSo() throws Exception {
        Path log = dir.resolve("traffic.jsonl");
        byte[] bad = "{\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\"}]}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log, concat(LOG.getBytes(StandardCharsets.UTF_8), bad));
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 line(s), 3 request(s), 3 bad line(s)")
                .contains("line 6: not valid UTF-8 text (bad byte at offset 39 of the line)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void readsTheBatchFilesAndGatewayLogsOfEachVendorAndSkipsTheirReplies() throws Exception {
        String chat = "{\"model\":\"gpt-4o\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String claude = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Sure:\"}]}";
        String gemini = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}";
        Path log = write("batches.jsonl", String.join("\n",
                "{\"custom_id\":\"a1\",\"params\":" + claude + "}",
                "{\"custom_id\":\"a1\",\"result\":{\"type\":\"succeeded\",\"message\":{\"content\":[]}}}",
                "{\"custom_id\":\"o1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":" + chat + "}",
                "{\"custom_id\":\"o2\",\"method\":\"POST\",\"url\":\"/v1/embeddings\",\"body\":{\"model\":\"text-embedding-3-small\",\"input\":\"Hi\"}}",
                "{\"key\":\"g1\",\"request\":" + gemini + "}",
                "{\"key\":\"g1\",\"response\":{\"candidates\":[]}}",
                "{\"call_type\":\"acompletion\",\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"model_parameters\":{\"max_tokens\":9}}",
                "{\"request_id\":\"s1\",\"call_type\":\"acompletion\",\"proxy_server_request\":" + new ObjectMapper().writeValueAsString(chat) + "}",
                "{\"response_id\":\"h1\",\"request_path\":\"https://api.openai.com/v1/chat/completions\",\"request_body\":" + chat + "}",
                "{\"custom_id\":\"o3\",\"url\":\"/v1/chat/completions\",\"body\":" + gemini + "}") + "\n");
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("10 line(s), 6 request(s), 1 bad line(s), 3 skipped line(s), 1 target(s)")
                .containsPattern("prefill +1 +16\\.7%  e\\.g\\. line 1")
                .contains("line 10: the url \"/v1/chat/completions\" says openai-chat, whose prompt is under \"messages\"")
                .contains("1 × Message Batches result: it holds the reply, not the request (audit the batch's input file) (first: line 2)")
                .contains("1 × embeddings request: it holds text to embed, not a prompt (first: line 4)")
                .contains("(first: line 6)");
    }

    @Test
    void readsAnAmazonBedrockInvocationLogExportedFromCloudWatch() throws Exception {
        String body = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,\"top_k\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String converse = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],\"inferenceConfig\":{\"maxTokens\":50}}";
        Path log = write("bedrock.jsonl", String.join("\n",
                "2025-04-09T23:00:17.512Z " + bedrock("InvokeModel", "anthropic.claude-3-5-sonnet-20241022-v2:0", body),
                "2025-04-09T23:00:18.004Z " + bedrock("Converse", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", converse),
                "2025-04-09T23:00:19.130Z " + bedrock("Converse", "amazon.nova-micro-v1:0", converse)) + "\n");
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 line(s), 2 request(s), 0 bad line(s), 1 skipped line(s), 1 target(s)")
                .containsPattern("top_k +1 +50\\.0%  e\\.g\\. line 1")
                .contains("1 × Bedrock call to a model other than Claude");
    }

    @Test
    void auditsEveryFileUnderAFolderAsOneLogNamingLinesByFile() throws Exception {
        String claude = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Sure:\"}]}";
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("2025/04/09"));
        Files.writeString(logs.resolve("2025/04/09/a.jsonl"), claude + "\n" + claude + "\n");
        Files.writeString(logs.resolve("2025/04/09/b.jsonl"), "oops\n" + claude);
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", logs.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String a = logs.resolve("2025/04/09/a.jsonl").toString();
        String b = logs.resolve("2025/04/09/b.jsonl").toString();
        assertThat(r.out()).contains("4 line(s), 3 request(s), 1 bad line(s)")
                .contains("e.g. " + a + ":1, " + a + ":2, " + b + ":2")
                .contains("  " + b + ":1: not JSON");

        MainTest.Run json = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "json", "--jsonl", logs.toString());
        assertThat(json.code()).isZero();
        JsonNode files = new ObjectMapper().readTree(json.out()).path("files");
        assertThat(files).hasSize(2);
        assertThat(files.get(1).path("firstLine").asLong()).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(json.out()).path("unreadableFiles")).isEmpty();

        // a gzip file cut short: what was read is audited, the file is named, and the exit code says so
        Files.write(logs.resolve("2025/04/09/c.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        MainTest.Run cut = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", logs.toString());
        assertThat(cut.code()).isEqualTo(2);
        assertThat(cut.out()).contains("files not read to their end: 1");
        assertThat(cut.err()).contains("c.json.gz: cannot be read to its end");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        MainTest.Run none = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", empty.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("is a folder holding no file to read");
    }

    @Test
    void aGzipLogCutShortIsAuditedUpToTheCutWhichIsNamedWithExitTwo() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // unique text, so the compressed log is long enough to cut well inside it
            lines.append("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi ").append(i).append(" ")
                    .append(Long.toHexString(i * 0x9E3779B97F4A7C15L)).append("\"}]}\n");
        }
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(zipped)) {
            z.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path log = dir.resolve("cut.jsonl.gz");
        Files.write(log, java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2));

        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).containsPattern("promptport audit: \\d{2,} line\\(s\\)")
                .contains("files not read to their end: 1").containsPattern("  " + java.util.regex.Pattern.quote(log.toString())
                        + ": cut short after line \\d+( \\(line \\d+ is incomplete\\))?: ");
        assertThat(r.err()).containsPattern("(?m)^promptport: " + java.util.regex.Pattern.quote(log.toString())
                + ": cannot be read to its end: cut short after line \\d+( \\(line \\d+ is incomplete\\))?: [^\\n]+$");

        MainTest.Run json = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "json", "--jsonl", log.toString());
        assertThat(json.code()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(json.out());
        JsonNode unread = report.path("unreadableFiles").get(0);
        assertThat(unread.path("file").asText()).isEqualTo(log.toString());
        assertThat(report.path("requests").asLong()).isEqualTo(unread.path("afterLine").asLong()).isGreaterThan(10);
    }

    private static String bedrock(String operation, String modelId, String body) {
        return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"operation\":\"" + operation + "\",\"modelId\":\""
                + modelId + "\",\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":" + body + "},\"output\":{}}";
    }

    @Test
    void pathAuditStillWorks() throws Exception {
        Path req = write("r.json", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        MainTest.Run r = MainTest.run("audit", "--no-config", "--to", "openai:gpt-4o", req.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 input(s)");
    }
}
