package dev.promptport.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.risk.Risk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static dev.promptport.report.LintFixtures.O3;
import static dev.promptport.report.LintFixtures.REQUEST;
import static dev.promptport.report.LintFixtures.UNCLOSED_PROMPT;
import static dev.promptport.report.LintFixtures.prompt;
import static dev.promptport.report.LintFixtures.request;
import static dev.promptport.report.LintFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineTest {

    private static AuditResult promptRun(String path, String text) {
        return run(List.of(GPT_4O), List.of(), prompt(path, text, GPT_4O));
    }

    private static Baseline baselineOf(AuditResult r) {
        return Baseline.read(Baseline.write(r));
    }

    private static List<String> ids(AuditResult r) {
        List<String> ids = new ArrayList<>();
        r.files().forEach(f -> f.targets().forEach(t -> t.findings().forEach(x -> ids.add(x.id()))));
        return ids;
    }

    @Test
    void baselineOfARunAcceptsEveryFindingOfThatRun() {
        AuditResult r = LintFixtures.standard();
        AuditResult filtered = baselineOf(r).filter(r);
        assertThat(ids(filtered)).isEmpty();
        filtered.files().forEach(f -> f.targets().forEach(t -> assertThat(t.risk()).isEqualTo(Risk.of(List.of()))));
        assertThat(filtered.files()).extracting(FileResult::path).containsExactly(
                "prompts/style.md", "requests/prefill.json", "prompts/clean.txt");
        assertThat(baselineOf(r).size()).isEqualTo(9);
    }

    @Test
    void findingThatOnlyMovedDoesNotFireAgain() {
        Baseline baseline = baselineOf(promptRun("p.md", UNCLOSED_PROMPT));
        assertThat(ids(baseline.filter(promptRun("p.md", "Intro.\n\n" + UNCLOSED_PROMPT)))).isEmpty();

        Baseline requests = baselineOf(run(List.of(GPT_4O), List.of(), request("r.json", REQUEST, GPT_4O)));
        String moved = REQUEST.replaceFirst("\\{\n", "{\n  \"temperature\": 0.2,\n");
        AuditResult later = run(List.of(GPT_4O), List.of(), request("r.json", moved, GPT_4O));
        assertThat(ids(later)).contains("PP111", "PP107");
        assertThat(ids(requests.filter(later))).isEmpty();
    }

    @Test
    void findingOnAChangedLineIsNew() {
        Baseline baseline = baselineOf(promptRun("p.md", UNCLOSED_PROMPT));
        assertThat(ids(baseline.filter(promptRun("p.md", "<tone>\nBe brief.\n")))).containsExactly("PP104");
    }

    @Test
    void secondIdenticalFindingInAFileIsNewWhenTheBaselineHadOne() {
        Baseline baseline = baselineOf(promptRun("p.md", UNCLOSED_PROMPT));
        // a tag in a sentence between the two: with nothing between, the second <style> reads as
        // the first one's closing tag short of its slash (PP219), one finding, not two
        AuditResult twice = promptRun("p.md", UNCLOSED_PROMPT + "Keep </draft> out of it.\n<style>\nBe kind.\n");
        assertThat(ids(twice)).containsExactly("PP104", "PP104");
        AuditResult filtered = baseline.filter(twice);
        assertThat(ids(filtered)).containsExactly("PP104");
        TargetResult t = filtered.files().get(0).targets().get(0);
        assertThat(t.risk()).isEqualTo(Risk.of(t.findings()));
    }

    @Test
    void sameFindingForAnotherTargetOrFileIsNew() {
        Baseline baseline = baselineOf(promptRun("p.md", UNCLOSED_PROMPT));
        AuditResult o3 = run(List.of(O3), List.of(), prompt("p.md", UNCLOSED_PROMPT, O3));
        assertThat(ids(baseline.filter(o3))).containsExactly("PP104");
        assertThat(ids(baseline.filter(promptRun("q.md", UNCLOSED_PROMPT)))).containsExactly("PP104");
    }

    @Test
    void pathsAreStoredWithForwardSlashesSoABaselineWorksOnEveryMachine() throws Exception {
        String written = Baseline.write(promptRun(".\\prompts\\p.md", UNCLOSED_PROMPT));
        JsonNode json = new ObjectMapper().readTree(written);
        assertThat(json.at("/findings/0/path").asText()).isEqualTo("prompts/p.md");
        assertThat(ids(Baseline.read(written).filter(promptRun("prompts/p.md", UNCLOSED_PROMPT)))).isEmpty();
    }

    @Test
    void namedFromItsFolderABaselineMatchesFromAnyWorkingDirectoryHoweverThePathIsSpelled(@TempDir Path dir)
            throws Exception {
        Path prompt = file(dir.resolve("prompts/p.md"), UNCLOSED_PROMPT);
        String written = Baseline.write(promptRun(prompt.toString(), UNCLOSED_PROMPT), new RelativeNames(dir, Path.of("/")));
        assertThat(new ObjectMapper().readTree(written).at("/findings/0/path").asText()).isEqualTo("prompts/p.md");

        Baseline baseline = Baseline.read(written);
        RelativeNames fromPrompts = new RelativeNames(Path.of(".."), dir.resolve("prompts"));
        for (String spelled : List.of("p.md", "./p.md", "../prompts/p.md", prompt.toString())) {
            assertThat(ids(baseline.filter(promptRun(spelled, UNCLOSED_PROMPT), fromPrompts))).as(spelled).isEmpty();
        }
        assertThat(ids(baseline.filter(promptRun("p.md", UNCLOSED_PROMPT)))).as("named from the working directory")
                .containsExactly("PP104");
    }

    @Test
    void aBaselineNamedFromTheWorkingDirectoryStillMatchesWhereItsNamesNameNoFileFromItsFolder(@TempDir Path dir)
            throws Exception {
        file(dir.resolve("prompts/p.md"), UNCLOSED_PROMPT);
        Files.createDirectories(dir.resolve("ci"));
        Baseline old = baselineOf(promptRun("prompts/p.md", UNCLOSED_PROMPT));
        RelativeNames names = new RelativeNames(dir.resolve("ci"), dir);
        assertThat(names.names("prompts/p.md")).containsExactly("../prompts/p.md", "prompts/p.md");
        assertThat(ids(old.filter(promptRun("prompts/p.md", UNCLOSED_PROMPT), names))).isEmpty();
    }

    @Test
    void anOldNameThatNamesAFileFromTheBaselinesFolderStandsForThatFileOnly(@TempDir Path dir) throws Exception {
        file(dir.resolve("prompts/p.md"), UNCLOSED_PROMPT);
        file(dir.resolve("ci/prompts/p.md"), UNCLOSED_PROMPT);
        Baseline baseline = baselineOf(promptRun("prompts/p.md", UNCLOSED_PROMPT));
        RelativeNames names = new RelativeNames(dir.resolve("ci"), dir);
        assertThat(names.names("prompts/p.md")).containsExactly("../prompts/p.md");
        AuditResult both = run(List.of(GPT_4O), List.of(), prompt("prompts/p.md", UNCLOSED_PROMPT, GPT_4O),
                prompt("ci/prompts/p.md", UNCLOSED_PROMPT, GPT_4O));
        AuditResult filtered = baseline.filter(both, names);
        assertThat(filtered.files().get(0).targets().get(0).findings()).extracting(Finding::id).containsExactly("PP104");
        assertThat(filtered.files().get(1).targets().get(0).findings()).isEmpty();
    }

    @Test
    void standardInputIsNamedAsItIs(@TempDir Path dir) {
        RelativeNames names = new RelativeNames(dir, dir);
        assertThat(names.names("<stdin>")).containsExactly("<stdin>");
        Baseline baseline = Baseline.read(Baseline.write(promptRun("<stdin>", UNCLOSED_PROMPT), names));
        assertThat(ids(baseline.filter(promptRun("<stdin>", UNCLOSED_PROMPT), names))).isEmpty();
    }

    private static Path file(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void fileIsVersionedAndSortedByPathTargetIdAndFingerprint() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Baseline.write(LintFixtures.standard()));
        assertThat(json.get("version").asInt()).isEqualTo(1);
        List<String> keys = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            assertThat(f.get("fingerprint").asText()).matches("[0-9a-f]{16}");
            keys.add(f.get("path").asText() + " " + f.get("target").asText() + " " + f.get("id").asText()
                    + " " + f.get("fingerprint").asText());
        }
        assertThat(keys).hasSize(9).isSorted();
        assertThat(Baseline.write(LintFixtures.standard())).isEqualTo(Baseline.write(LintFixtures.standard()));
    }

    @Test
    void badBaselineIsRefusedWithAMessageSayingWhatIsWrong() {
        assertThatThrownBy(() -> Baseline.read("{\"version\": 1, \"findings\": [,]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the baseline is not JSON (at 1:");
        assertThatThrownBy(() -> Baseline.read("[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Baseline.read("{\"findings\": []}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline has no \"version\"; this promptport reads version 1");
        assertThatThrownBy(() -> Baseline.read("{\"version\": 2, \"findings\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline has version 2; this promptport reads version 1");
        assertThatThrownBy(() -> Baseline.read("{\"version\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the baseline has no \"findings\" array");
        assertThatThrownBy(() -> Baseline.read("{\"version\": 1, \"findings\": [{\"path\": \"a\", \"target\": \"t\","
                + " \"id\": \"PP104\"}]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline finding 1 (/findings/0) has no \"fingerprint\" string");
        assertThatThrownBy(() -> Baseline.read("{\"version\": 1, \"findings\": []} trailing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the baseline is not JSON");
    }

    @Test
    void emptyBaselineFiltersNothing() {
        AuditResult r = LintFixtures.standard();
        Baseline empty = Baseline.read("{\"version\": 1, \"findings\": []}");
        assertThat(empty.size()).isZero();
        assertThat(ids(empty.filter(r))).isEqualTo(ids(r));
        Finding first = empty.filter(r).files().get(0).targets().get(0).findings().get(0);
        assertThat(first.id()).isEqualTo("PP104");
    }
}
