package dev.promptport.traffic;

import dev.promptport.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.promptport.traffic.TrafficAuditTest.ANTHROPIC_PLAIN;
import static dev.promptport.traffic.TrafficAuditTest.GPT4O;
import static org.assertj.core.api.Assertions.assertThat;

/** A log kept as many files, audited as one stream whose lines are named by file and the file's own line. */
class LogFilesTest {

    @TempDir
    Path dir;

    private static final String PREFILL = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":"
            + "[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Sure:\"}]}";

    @Test
    void theFilesUnderAFolderAreReadInPathOrderHiddenOnesLeftOut() throws IOException {
        write("2025/04/10/b.jsonl", "x\n");
        write("2025/04/09/a.jsonl", "x\n");
        write(".cache/c.jsonl", "x\n");
        write("2025/.DS_Store", "x");
        assertThat(LogFiles.under(dir)).extracting(p -> dir.relativize(p).toString().replace('\\', '/'))
                .containsExactly("2025/04/09/a.jsonl", "2025/04/10/b.jsonl");
    }

    @Test
    void linesAreNumberedThroughTheFilesAndNamedByEachFilesOwnLine() throws IOException {
        Path a = write("a.jsonl", ANTHROPIC_PLAIN + "\n" + PREFILL + "\n");
        // no line break at its end, and a byte-order mark at its start
        Path b = write("b.jsonl", "\uFEFF" + "not json\n" + PREFILL);
        Path c = gzip("c.json.gz", "\n" + PREFILL + "\n");
        LogFiles files = new LogFiles(List.of(a, b, c), List.of("a.jsonl", "b.jsonl", "c.json.gz"));
        TrafficSummary s;
        try (InputStream in = files.open()) {
            s = TrafficAudit.run(in, GPT4O, Options.DEFAULT, 2);
        }
        // c's first line is blank: numbered, not counted
        assertThat(s.lines()).isEqualTo(5);
        assertThat(s.requests()).isEqualTo(4);
        assertThat(files.starts()).extracting(LogFiles.Start::firstLine).containsExactly(1L, 3L, 5L);
        assertThat(files.where(4)).isEqualTo("b.jsonl:2");
        assertThat(files.where(6)).isEqualTo("c.json.gz:2");
        // the byte-order mark is not what makes the line bad: its words are
        assertThat(s.badExamples()).singleElement().satisfies(bad -> {
            assertThat(files.where(bad.line())).isEqualTo("b.jsonl:1");
            assertThat(bad.message()).contains("not JSON at column 1");
        });
        assertThat(TrafficText.write(s, files))
                .contains("e.g. a.jsonl:2, b.jsonl:2, c.json.gz:2")
                .contains("  b.jsonl:1: not JSON")
                .doesNotContain("files not read");
        assertThat(TrafficJson.write(s, files)).contains("\"files\"").contains("\"firstLine\" : 5").contains("\"unreadableFiles\" : [ ]");
    }

    @Test
    void aFileCutShortOrUnreadableIsNamedAndTheOthersAreStillRead() throws IOException {
        Path good = write("a.jsonl", ANTHROPIC_PLAIN + "\n");
        byte[] whole = gzipped(PREFILL + "\n" + PREFILL + "\n" + "x".repeat(5000));
        Path cut = dir.resolve("b.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Path gone = dir.resolve("c.jsonl");
        Path last = write("d.jsonl", PREFILL + "\n");
        LogFiles files = new LogFiles(List.of(good, cut, gone, last), List.of("a.jsonl", "b.json.gz", "c.jsonl", "d.jsonl"));
        TrafficSummary s;
        try (InputStream in = files.open()) {
            s = TrafficAudit.run(in, GPT4O, Options.DEFAULT, 1);
        }
        assertThat(files.unreadable()).extracting(LogFiles.Unreadable::file).containsExactly("b.json.gz", "c.jsonl");
        assertThat(files.unreadable().get(1).problem()).isEqualTo("no such file");
        // what was read of the cut file is audited, and the file after it too
        assertThat(s.requests()).isGreaterThanOrEqualTo(2);
        assertThat(files.where(s.lines())).startsWith("d.jsonl:");
        assertThat(TrafficText.write(s, files)).contains("files not read to their end: 2").contains("  c.jsonl: no such file");
    }

    @Test
    void theWholeLinesOfAGzipFileCutShortAreAuditedAndTheCutIsNamedWithTheLineItFellAfter() throws IOException {
        StringBuilder lines = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            // unique text, so the compressed file is long enough to cut well inside it
            lines.append(PREFILL.replace("Hi", "Hi " + Long.toHexString(random.nextLong()))).append('\n');
        }
        byte[] whole = gzipped(lines.toString());
        Path cut = dir.resolve("a.json.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 3 / 4));
        Path next = write("b.jsonl", PREFILL + "\n");
        LogFiles files = new LogFiles(List.of(cut, next), List.of("a.json.gz", "b.jsonl"));
        TrafficSummary s;
        try (InputStream in = files.open()) {
            s = TrafficAudit.run(in, GPT4O, Options.DEFAULT, 2);
        }
        LogFiles.Unreadable u = files.unreadable().get(0);
        assertThat(u.file()).isEqualTo("a.json.gz");
        assertThat(u.afterLine()).isGreaterThan(100).isLessThan(200);
        assertThat(s.requests()).isEqualTo(u.afterLine() + 1);
        // the line the cut fell in is read as far as it goes: a bad line of its own, not glued to the next file's first
        assertThat(s.badLines()).isEqualTo(u.midLine() ? 1 : 0);
        assertThat(files.starts().get(1).firstLine()).isEqualTo(u.afterLine() + (u.midLine() ? 2 : 1));
        assertThat(u.description()).startsWith("cut short after line " + u.afterLine()
                + (u.midLine() ? " (line " + (u.afterLine() + 1) + " is incomplete): " : ": "));
        assertThat(TrafficText.write(s, files)).contains("  a.json.gz: " + u.description());
    }

    @Test
    void oneLogReadAsLogFilesNumbersItsLinesAloneAndNamesItsCut() throws IOException {
        byte[] whole = gzipped(PREFILL + "\n" + PREFILL + "\n" + PREFILL.substring(0, 20));
        // the gzip trailer and the last block's end are gone
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        LogFiles one = LogFiles.one(null, "<stdin>", () -> new java.io.ByteArrayInputStream(cut));
        TrafficSummary s;
        try (InputStream in = one.open()) {
            s = TrafficAudit.run(in, GPT4O, Options.DEFAULT, 1);
        }
        assertThat(one.manyFiles()).isFalse();
        assertThat(TrafficText.write(s, one)).contains("e.g. line").contains("files not read to their end: 1")
                .contains("  <stdin>: cut short");
        assertThat(TrafficJson.write(s, one)).doesNotContain("\"files\"").contains("\"unreadableFiles\"");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path gzip(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, gzipped(text));
        return p;
    }

    private static byte[] gzipped(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
