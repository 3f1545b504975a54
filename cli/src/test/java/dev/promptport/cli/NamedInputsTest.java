package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The paths audit and lint are given: each file read once, whatever its spelling, and clear words for what cannot be. */
class NamedInputsTest {

    @TempDir
    Path dir;

    @Test
    void oneFileNamedUnderThreeSpellingsIsReadAndReportedOnceUnderTheFirst() throws Exception {
        Path p = TestFiles.write(dir, "c/p.txt", TestFiles.PROMPT_WITH_FINDING);
        String plain = p.toString();
        String dotted = dir + "/./c/p.txt";
        String upAndBack = dir + "/c/../c//p.txt";

        MainTest.Run lint = run("lint", "--no-config", "--to", "openai:gpt-4o", plain, dotted, upAndBack);
        assertThat(lint.out()).containsOnlyOnce("PP104").contains("in 1 of 1 file").startsWith(plain + ":");

        MainTest.Run audit = run("audit", "--no-config", "--to", "openai:gpt-4o", dotted, plain);
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("1 input(s)").contains(dotted);
    }

    @Test
    void aFileNamedAloneAndInsideAFolderNamedTooIsReadOnce() throws Exception {
        Path p = TestFiles.write(dir, "c/p.txt", TestFiles.PROMPT_WITH_FINDING);
        TestFiles.write(dir, "c/q.txt", "Answer briefly.\n");

        MainTest.Run lint = run("lint", "--no-config", "--to", "openai:gpt-4o", p.toString(), dir.resolve("c").toString());
        assertThat(lint.out()).containsOnlyOnce("PP104").contains("in 1 of 2 files");
    }

    @Test
    void aLinkToAFileNamedBesideItIsTheSameFile() throws Exception {
        Path p = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), p);

        MainTest.Run lint = run("lint", "--no-config", "--to", "openai:gpt-4o", p.toString(), link.toString());
        assertThat(lint.out()).containsOnlyOnce("PP104");
    }

    @Test
    void standardInputNamedTwiceIsAUsageError() {
        MainTest.Run r = MainTest.runWithStdin(TestFiles.PROMPT_WITH_FINDING, "lint", "--no-config", "--to", "openai:gpt-4o", "-", "-");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("promptport: <stdin>: is named twice; standard input can be read once\n");
    }

    @Test
    void aLoopOfSymbolicLinksIsNamedAsOneByLintAuditAndTranslate() throws Exception {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("b.txt");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        for (String command : new String[] {"lint", "audit", "translate"}) {
            MainTest.Run r = run(command, "--no-config", "--to", "openai:gpt-4o", a.toString());
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).isEqualTo("promptport: " + a + ": is a loop of symbolic links (or a chain of more than 40)\n");
        }
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("nothing.txt"));
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", dangling.toString()).err())
                .isEqualTo("promptport: " + dangling + ": no such file\n");
    }
}
