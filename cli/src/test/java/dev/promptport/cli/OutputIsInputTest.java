package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** An output that is also an input is refused with exit 2 before anything is written, under any name. */
class OutputIsInputTest {

    @TempDir
    Path dir;

    private static final String PROMPT = TestFiles.PROMPT_WITH_FINDING;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static void assertRefused(MainTest.Run r, Path output, String what) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(output + ": is also an input, which the " + what + " would replace;"
                + " write the " + what + " to another file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void lintRefusesAReportOrBaselineOverANamedInputAndLeavesItAlone() throws Exception {
        Path a = write("a.txt", PROMPT);
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "-o", a.toString(), a.toString()), a, "report");
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", a.toString(), a.toString()),
                a, "baseline");
        assertThat(Files.readString(a)).isEqualTo(PROMPT);
    }

    @Test
    void anInputFoundInAFolderOrNamedAnotherWayIsAnInputToo() throws Exception {
        Path a = write("prompts/a.txt", PROMPT);
        Path otherName = dir.resolve("prompts/../prompts/./a.txt");
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "-o", otherName.toString(),
                dir.resolve("prompts").toString()), otherName, "report");
        assertRefused(run("audit", "--no-config", "--to", "openai:gpt-4o", "-o", a.toString(), dir.toString()), a, "report");
        assertThat(Files.readString(a)).isEqualTo(PROMPT);
    }

    @Test
    void anInputThatCouldNotBeReadIsStillNotReplaced() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {'H', (byte) 0xff, '\n'});
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "-o", bad.toString(), bad.toString()),
                bad, "report");
        assertThat(Files.readAllBytes(bad)).containsExactly('H', (byte) 0xff, '\n');
    }

    @Test
    void theBaselineReadAndTheTrafficLogAreInputs() throws Exception {
        Path a = write("a.txt", PROMPT);
        Path base = dir.resolve("base.json");
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", base.toString(), a.toString())
                .code()).isZero();
        String recorded = Files.readString(base);
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", base.toString(),
                "-o", base.toString(), a.toString()), base, "report");
        assertThat(Files.readString(base)).isEqualTo(recorded);

        Path log = write("traffic.jsonl", AuditJsonlTest.LOG);
        assertRefused(run("audit", "--no-config", "--to", "openai:gpt-4o", "--jsonl", log.toString(), "-o", log.toString()),
                log, "report");
        assertThat(Files.readString(log)).isEqualTo(AuditJsonlTest.LOG);
    }

    @Test
    void aSkippedJsonFileThatHoldsNoPromptMayBeTheReport() throws Exception {
        write("a.txt", PROMPT);
        Path report = write("report.json", "{\"old\": true}");
        MainTest.Run r = run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "json",
                "-o", report.toString(), dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(report)).contains("\"targets\"");
    }

    @Test
    void aLinkToAnInputIsThatInput() throws Exception {
        Path a = write("a.txt", PROMPT);
        Path link = Files.createSymbolicLink(dir.resolve("report.txt"), a);
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "-o", link.toString(), a.toString()),
                link, "report");
        Path linkedInput = Files.createSymbolicLink(dir.resolve("in.txt"), a);
        assertRefused(run("lint", "--no-config", "--to", "openai:gpt-4o", "-o", a.toString(), linkedInput.toString()),
                a, "report");
        assertThat(Files.readString(a)).isEqualTo(PROMPT);
    }
}
