package dev.promptport.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code .promptport.yaml} as the commands read it: what it may hold, and where an error in it is. */
class SettingsFileTest {

    @TempDir
    Path dir;

    private MainTest.Run lintWith(String settings) throws Exception {
        Path config = TestFiles.write(dir, "settings.yaml", settings);
        return lintWith(config);
    }

    private MainTest.Run lintWith(Path config) throws Exception {
        Path prompt = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        return run("lint", "--config", config.toString(), "--to", "openai:gpt-4o", prompt.toString());
    }

    private String config() {
        return dir.resolve("settings.yaml").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# settings come later\n", "---\n", "---\n# nothing yet\n", "{}\n"})
    void anEmptySettingsFileIsNoSettings(String settings) throws Exception {
        MainTest.Run r = lintWith(settings);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("PP104");
    }

    @Test
    void settingsThatAreNotAMappingAreAnErrorListingEveryKey() throws Exception {
        MainTest.Run r = lintWith("- targets\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + config() + ":1:1: the settings must be a mapping of targets,"
                + " fail_on, disable, severity, ignore, rules, suppress, models\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "context_window: \"big\"     | 3:46 | context_window must be a whole number, 0 or more, not \"big\"",
        "context_window: -5          | 3:46 | context_window must be a whole number, 0 or more, not -5",
        "max_output: 1.5             | 3:46 | max_output must be a whole number, 0 or more, not 1.5",
        "contxt_window: 5            | 3:46 | unknown model key \"contxt_window\" (allowed: budget_max, budget_min, context_window,",
        "vision: \"yes please\"      | 3:46 | vision must be true or false, not \"yes please\"",
        "wire: openai                | 3:46 | wire must be one of openai-chat, openai-responses, gemini, anthropic, not \"openai\"",
        "rejects: temperature        | 3:46 | rejects must be a list of names, not \"temperature\""})
    void aModelWithAMisspeltKeyOrABadValueIsAnErrorAtItsPlace(String entry, String place, String problem)
            throws Exception {
        MainTest.Run r = lintWith("targets: [openai:gpt-4o]\nmodels:\n  - {id: \"openai:m1\", like: \"openai:gpt-4o\", "
                + entry.strip() + "}\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + config() + ":" + place + ": " + problem.strip());
    }

    @Test
    void aModelThatIsNotAMappingIsAnError() throws Exception {
        MainTest.Run r = lintWith("models:\n  - openai:m1\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + config() + ":2:5: each model must be a mapping");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "disable: [PP116, PP999]                         | 1:18 | cannot disable unknown rule PP999",
        "severity: {PP102: low, PP999: high}             | 1:24 | severity override for unknown rule PP999",
        "suppress:\\n  - {path: \"**\", rules: [PP999]} | 2:26 | cannot suppress unknown rule PP999"})
    void aRuleIdThatNamesNoRuleIsAnErrorAtItsPlaceInTheSettingsFile(String settings, String place, String problem)
            throws Exception {
        MainTest.Run r = lintWith(settings.strip().replace("\\n", "\n") + "\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + config() + ":" + place + ": " + problem.strip()
                + "; name one that promptport rules lists\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "suppress:\\n  - {path: \"[\", rules: [PP102]} | 2:6  | \"[\" is not a valid glob: Missing ']' at character 1",
        "ignore: [\"{a,\"]                              | 1:10 | \"{a,\" is not a valid glob: Missing '}' at character 3"})
    void aGlobThatDoesNotCompileIsAnErrorAtItsPlace(String settings, String place, String problem) throws Exception {
        MainTest.Run r = lintWith(settings.strip().replace("\\n", "\n") + "\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + config() + ":" + place + ": " + problem.strip() + "; write \\[");
    }

    @Test
    void aTargetOfAnUnknownVendorInTheSettingsIsAnErrorAtItsPlace() throws Exception {
        Path prompt = TestFiles.write(dir, "p.txt", TestFiles.PROMPT_WITH_FINDING);
        TestFiles.write(dir, "settings.yaml", "targets: [openai:gpt-4o, acme:model]\n");
        MainTest.Run r = run("lint", "--config", config(), prompt.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("promptport: " + config() + ":1:26: unknown target 'acme:model'");
    }

    @Test
    void aSettingsFileInUtf16WithItsByteOrderMarkIsReadAsOtherInputsAre() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.write("disable: [PP104]\n".getBytes(StandardCharsets.UTF_16LE));
        Path config = Files.write(dir.resolve("settings.yaml"), bytes.toByteArray());
        MainTest.Run r = lintWith(config);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("PP104");
    }

    @Test
    void aSettingsFileInLatin1IsAnErrorAtItsFirstByteThatIsNotUtf8() throws Exception {
        Path config = Files.write(dir.resolve("settings.yaml"),
                "targets: [openai:gpt-4o]\nfail_on: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        MainTest.Run r = lintWith(config);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + config + ":2:13: is not valid UTF-8 text (byte 0xE9 at offset 37);"
                + " save the file as UTF-8\n");
    }

    @Test
    void aRuleFileTheSettingsNameThatIsNotThereIsAnErrorAtItsPlace() throws Exception {
        MainTest.Run r = lintWith("rules: [team-rules.yaml]\n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("promptport: " + config() + ":1:9: no such rule file or folder: "
                + dir.resolve("team-rules.yaml") + "\n");
    }
}
