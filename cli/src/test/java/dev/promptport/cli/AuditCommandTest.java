package dev.promptport.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit command on files and folders, run through the real command line. */
class AuditCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "html"})
    void anInputThatCannotBeReadOrIsOverALimitIsNamedOnStandardErrorWhateverTheReportFormatAndFile(String format)
            throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("big.txt"), new byte[(1 << 20) + 1]);
        Files.write(in.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
        TestFiles.write(in, "good.txt", TestFiles.PROMPT_WITH_FINDING);
        Path report = dir.resolve("report.out");

        MainTest.Run r = run("audit", "--no-config", "--to", "openai:gpt-4o", "--max-input-mb", "1",
                "--format", format, "-o", report.toString(), in.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).containsPattern("(?m)^promptport: [^\\n]*big\\.txt: [^\\n]*--max-input-mb$")
                .containsPattern("(?m)^promptport: [^\\n]*latin1\\.txt:1:4: is not valid UTF-8 text[^\\n]*$")
                .contains("promptport: wrote " + report);
        assertThat(Files.readString(report)).contains("good.txt");
    }
}
