package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports and baselines written with {@code -o} and {@code --write-baseline}: a file that is
 * there keeps its permissions, a new one gets a shell's, and a symbolic link is written through.
 * POSIX permissions and symbolic links, as on the Linux machines the build runs on.
 */
class OutputFileTest {

    @TempDir
    Path dir;

    private static final String PROMPT = TestFiles.PROMPT_WITH_FINDING;

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }

    private static MainTest.Run lint(String... more) {
        String[] args = new String[more.length + 4];
        System.arraycopy(new String[] {"lint", "--no-config", "--to", "openai:gpt-4o"}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return run(args);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aReportThatIsThereKeepsItsPermissions() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Path report = write("report.txt", "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
        Path baseline = write("base.json", "old");
        Files.setPosixFilePermissions(baseline, PosixFilePermissions.fromString("rw-rw-r--"));

        assertThat(lint("-o", report.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.readString(report)).contains("PP104");
        assertThat(mode(report)).isEqualTo("rw-r-----");

        assertThat(lint("--write-baseline", baseline.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.readString(baseline)).contains("PP104");
        assertThat(mode(baseline)).isEqualTo("rw-rw-r--");
    }

    @Test
    void aReadOnlyReportIsReplacedAndStaysReadOnly() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Path report = write("report.txt", "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("r--r--r--"));
        assertThat(lint("-o", report.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.readString(report)).contains("PP104");
        assertThat(mode(report)).isEqualTo("r--r--r--");
    }

    @Test
    void aNewReportGetsThePermissionsAShellWouldGiveIt() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        // a file created the ordinary way gets 0666 less this process's umask
        Path reference = Files.createFile(dir.resolve("reference"));
        Path report = dir.resolve("out/report.txt");
        Path baseline = dir.resolve("out/base.json");
        assertThat(lint("-o", report.toString(), prompt.toString()).code()).isZero();
        assertThat(lint("--write-baseline", baseline.toString(), prompt.toString()).code()).isZero();
        assertThat(mode(report)).isEqualTo(mode(reference)).isNotEqualTo("rw-------");
        assertThat(mode(baseline)).isEqualTo(mode(reference));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Path real = write("reports/today.txt", "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), Path.of("reports/today.txt"));
        assertThat(lint("-o", link.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("PP104");
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files).as("no temporary file is left").containsExactly(real);
        }
    }

    @Test
    void aLinkToAFileNotYetThereCreatesItAndAChainOfLinksIsFollowed() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Files.createDirectories(dir.resolve("reports"));
        Path dangling = Files.createSymbolicLink(dir.resolve("base.json"), dir.resolve("reports/base.json"));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.txt"), dir.resolve("link.txt"));
        Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("reports/report.txt"));

        assertThat(lint("--write-baseline", dangling.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(dir.resolve("reports/base.json"))).contains("PP104");

        assertThat(lint("-o", chain.toString(), prompt.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(chain)).isTrue();
        assertThat(Files.readString(dir.resolve("reports/report.txt"))).contains("PP104");
    }

    @Test
    void aLoopOfLinksOrAFolderIsAClearErrorWithExitTwo() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Path a = Files.createSymbolicLink(dir.resolve("a.txt"), dir.resolve("b.txt"));
        Files.createSymbolicLink(dir.resolve("b.txt"), a);
        MainTest.Run loop = lint("-o", a.toString(), prompt.toString());
        assertThat(loop.code()).isEqualTo(2);
        assertThat(loop.err()).contains(a + ": cannot be written: too many levels of symbolic links");

        Path folder = Files.createDirectories(dir.resolve("reports"));
        MainTest.Run intoFolder = lint("-o", folder.toString(), prompt.toString());
        assertThat(intoFolder.code()).isEqualTo(2);
        assertThat(intoFolder.err()).contains(folder + ": is a folder; give a file to write the report to");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void aReportThatCannotBeWrittenNamesTheUsersFileAndTheReasonNotATemporaryFile() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        write("notes.txt", "a file, not a folder\n");
        MainTest.Run underAFile = lint("-o", dir.resolve("notes.txt/report.txt").toString(), prompt.toString());
        assertThat(underAFile.code()).isEqualTo(2);
        assertThat(underAFile.err()).isEqualTo("promptport: " + dir.resolve("notes.txt/report.txt") + ": cannot be written: "
                + dir.resolve("notes.txt") + " is a file, not a folder\n");

        // the JDK names the temporary file beside the report, which the user never named
        assertThat(OutputTarget.why(new java.nio.file.AccessDeniedException(dir.resolve(".report.txt123.tmp").toString())))
                .isEqualTo("permission denied");
        assertThat(OutputTarget.why(new java.nio.file.FileSystemException(dir.resolve(".r.tmp").toString(), null,
                "No space left on device"))).isEqualTo("no space left on device");
    }

    @Test
    void aReportIntoAFolderThatMayNotBeWrittenSaysPermissionDenied() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Path prompt = write("p.txt", PROMPT);
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        MainTest.Run r = lint("-o", locked.resolve("out.txt").toString(), prompt.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + locked.resolve("out.txt") + ": cannot be written: permission denied\n");
    }

    @Test
    void dashAsTheOutputIsStandardOutputAndAnEmptyNameIsAUsageError() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        MainTest.Run dash = lint("-o", "-", prompt.toString());
        assertThat(dash.out()).contains("PP104");
        assertThat(dash.err()).isEmpty();
        assertThat(Path.of("-")).doesNotExist();

        MainTest.Run audit = run("audit", "--no-config", "--to", "openai:gpt-4o", "-o", "-", prompt.toString());
        assertThat(audit.code()).isZero();
        assertThat(audit.out()).contains("PP104");
        assertThat(audit.err()).isEmpty();

        MainTest.Run empty = lint("-o", "", prompt.toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("'--output'").contains("the name is empty; give a file to write the report to,"
                + " or - for standard output");

        MainTest.Run baseline = lint("--write-baseline", "-", prompt.toString());
        assertThat(baseline.code()).isEqualTo(2);
        assertThat(baseline.err()).contains("'--write-baseline'").contains("a baseline is written to a file");
    }

    @Test
    void writeBaselineRefusesAReportOrABaselineBesideItAsAUsageError() throws Exception {
        Path prompt = write("p.txt", PROMPT);
        Path base = dir.resolve("base.json");
        for (String[] beside : new String[][] {{"-o", dir.resolve("r.txt").toString()}, {"--format", "sarif"},
                {"--format", "text"}, {"--baseline", base.toString()}}) {
            MainTest.Run r = lint("--write-baseline", base.toString(), beside[0], beside[1], prompt.toString());
            assertThat(r.code()).as(beside[0]).isEqualTo(2);
            assertThat(r.err()).as(beside[0]).startsWith("promptport lint: --write-baseline ").contains(beside[0]);
            assertThat(base).as(beside[0]).doesNotExist();
        }
        assertThat(dir.resolve("r.txt")).doesNotExist();
    }
}
