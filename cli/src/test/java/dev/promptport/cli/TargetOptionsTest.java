package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --to}: one target for translate, a list for audit and lint, each target once. */
class TargetOptionsTest {

    @TempDir
    Path dir;

    @Test
    void translateNamesEveryFormatItReadsWhenTheFormatIsUnknown() throws Exception {
        Path p = TestFiles.write(dir, "p.txt", "Hi\n");
        MainTest.Run r = run("translate", "--no-config", "--from", "xml", "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport translate: unknown input format 'xml'"
                + " (anthropic, openai-chat, openai-responses, gemini, tools or prompt)\n");
    }

    @Test
    void translateRefusesAListOfTargets() throws Exception {
        Path p = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        MainTest.Run r = run("translate", "--no-config", "--to", "openai:gpt-4o,gemini:gemini-2.5-pro", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("promptport translate: --to takes one target, not a list"
                + " ('openai:gpt-4o,gemini:gemini-2.5-pro'); run translate once for each target (audit and lint take a list)\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o,", ",openai:gpt-4o", "openai:gpt-4o,,openai:o3", "openai:gpt-4o, "})
    void anEmptyTargetInTheListIsAUsageErrorForAuditAndLint(String to) throws Exception {
        Path p = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        for (String command : new String[] {"audit", "lint"}) {
            MainTest.Run r = run(command, "--no-config", "--to", to, p.toString());
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).isEqualTo("promptport: --to '" + to + "' holds an empty target; separate targets"
                    + " with one comma and nothing at either end, as in openai:gpt-4o,openai:o3\n");
        }
    }

    @Test
    void aTargetNamedTwiceIsAuditedAndLintedOnce() throws Exception {
        Path p = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        MainTest.Run audit = run("audit", "--no-config", "--to", "openai:gpt-4o,openai:GPT-4o", "--to", "openai:gpt-4o", p.toString());
        assertThat(audit.code()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("1 input(s), 1 target(s)");

        MainTest.Run lint = run("lint", "--no-config", "--to", "openai:gpt-4o,openai:o3,openai:gpt-4o", p.toString());
        assertThat(lint.out()).containsOnlyOnce("PP104").contains("[openai:gpt-4o,openai:o3]\n");
    }

    @Test
    void aTargetNamedTwiceInTheSettingsIsUsedOnce() throws Exception {
        Path p = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        Path config = TestFiles.write(dir, "settings.yaml", "targets: [openai:gpt-4o, openai:gpt-4o]\n");
        MainTest.Run audit = run("audit", "--config", config.toString(), p.toString());
        assertThat(audit.out()).contains("1 target(s)");
    }
}
