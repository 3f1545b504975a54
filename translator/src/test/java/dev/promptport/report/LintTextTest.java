package dev.promptport.report;

import dev.promptport.Audit;
import dev.promptport.Finding;
import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.Severity;
import dev.promptport.risk.Risk;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static dev.promptport.report.LintFixtures.O3;
import static dev.promptport.report.LintFixtures.UNCLOSED_PROMPT;
import static dev.promptport.report.LintFixtures.prompt;
import static dev.promptport.report.LintFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class LintTextTest {

    private static List<String> lines(String out) {
        return List.of(out.split("\n"));
    }

    @Test
    void aRequestNestedDeeperThanTheDefaultButWithinTheRunsLimitIsPlacedAtItsFinding() {
        String deep = "{\"x\":".repeat(300) + "1" + "}".repeat(300);
        String json = "{\n\"max_tokens\": 10, \"metadata\": " + deep + ",\n\"messages\": [\n"
                + "{\"role\": \"user\", \"content\": \"Hi\"},\n{\"role\": \"assistant\", \"content\": \"{\"}]}";
        Options options = Options.DEFAULT
                .withLimits(Limits.DEFAULTS.withMaxJsonDepth(400));
        AuditResult r = Audit.run(List.of(new Audit.Input("deep.json", json, true)),
                List.of(GPT_4O), options);
        assertThat(lines(LintText.write(r, Severity.HIGH))).anyMatch(l -> l.startsWith("deep.json:5:1: high PP107 "));
    }

    @Test
    void eachFindingIsOneLineWithPathLineColumnSeverityIdMessageAndTarget() {
        String out = LintText.write(LintFixtures.standard(), Severity.HIGH);
        assertThat(lines(out)).contains(
                "requests/prefill.json:4:12: low PP111 top_k=5 was dropped: openai:gpt-4o is sent to OpenAI's Chat"
                        + " Completions API, which has no top_k field. [openai:gpt-4o]",
                "requests/prefill.json:4:12: low PP111 top_k=5 was dropped: openai:o3 is sent to OpenAI's Chat"
                        + " Completions API, which has no top_k field. [openai:o3]");
        assertThat(lines(out)).anyMatch(l -> l.startsWith("requests/prefill.json:7:5: high PP107 The request ends"));
    }

    @Test
    void findingReportedIdenticallyForSeveralTargetsIsPrintedOnce() {
        String out = LintText.write(LintFixtures.standard(), Severity.HIGH);
        assertThat(lines(out)).filteredOn(l -> l.contains(" PP104 ")).containsExactly(
                "prompts/style.md:1:1: medium PP104 <style> is opened here but never closed, so it was left as plain"
                        + " text and its content is not treated as a section. [openai:gpt-4o,openai:o3]");
    }

    @Test
    void linesAreSortedByPathLineColumnAndId() {
        List<String> out = lines(LintText.write(LintFixtures.standard(), Severity.HIGH));
        List<String> findings = out.subList(0, out.size() - 1);
        assertThat(findings).extracting(l -> l.substring(0, l.indexOf(": "))).containsExactly(
                "prompts/style.md:1:1",
                "requests/prefill.json:3:17", "requests/prefill.json:3:17", "requests/prefill.json:3:17",
                "requests/prefill.json:4:12", "requests/prefill.json:4:12",
                "requests/prefill.json:7:5", "requests/prefill.json:7:5");
    }

    @Test
    void summaryCountsProblemsBySeverityFilesAndThoseAtTheFailLevel() {
        List<String> out = lines(LintText.write(LintFixtures.standard(), Severity.HIGH));
        assertThat(out.get(out.size() - 1)).isEqualTo(
                "✖ 8 problems (0 blocker, 2 high, 1 medium, 3 low, 2 info) in 2 of 3 files;"
                        + " failing at high or above: 2");
        List<String> medium = lines(LintText.write(LintFixtures.standard(), Severity.MEDIUM));
        assertThat(medium.get(medium.size() - 1)).endsWith("failing at medium or above: 3");
    }

    @Test
    void cleanRunSaysSo() {
        AuditResult clean = run(List.of(GPT_4O), List.of(), prompt("a.txt", "Answer briefly.\n", GPT_4O),
                prompt("b.txt", "Answer in French.\n", GPT_4O));
        assertThat(LintText.write(clean, Severity.HIGH)).isEqualTo("✔ no problems in 2 files\n");
        assertThat(LintText.fails(clean, Severity.INFO)).isFalse();
    }

    @Test
    void unreadableInputsArePrintedWithTheirPlaceAndCountedInTheSummary() {
        AuditResult r = run(List.of(GPT_4O), List.of(
                        new InputProblem("bad.json", "2:16", "invalid JSON: Unexpected character (',')"),
                        new InputProblem("gone.txt", "", "cannot read the file")),
                prompt("a.txt", "Answer briefly.\n", GPT_4O));
        assertThat(LintText.write(r, Severity.HIGH)).isEqualTo("""
                bad.json:2:16: error invalid JSON: Unexpected character (',')
                gone.txt: error cannot read the file
                ✖ no problems in 1 file; 2 inputs could not be read
                """);
    }

    @Test
    void failsOnlyWhenAFindingReachesTheFailLevel() {
        AuditResult r = LintFixtures.standard();
        assertThat(LintText.fails(r, Severity.HIGH)).isTrue();
        assertThat(LintText.fails(r, Severity.BLOCKER)).isFalse();
        assertThat(LintText.fails(r, null)).isFalse();
    }

    @Test
    void messageWithALineBreakStaysOnOneLine() {
        Finding f = new Finding("PP999", Severity.LOW, "misc", "first\nsecond", "fix", Loc.position(2, 3), 1);
        FileResult file = new FileResult("p.txt", "prompt", "a\nb\n",
                List.of(new TargetResult(O3, Risk.of(List.of(f)), List.of(f), "")));
        assertThat(LintText.write(run(List.of(O3), List.of(), file), null))
                .isEqualTo("p.txt:2:3: low PP999 first second [openai:o3]\n"
                        + "✖ 1 problem (0 blocker, 0 high, 0 medium, 1 low, 0 info) in 1 of 1 file\n");
    }

    @Test
    void sameFindingForOnlyOneOfTwoTargetsNamesOnlyThatTarget() {
        AuditResult r = run(List.of(GPT_4O, O3), List.of(), prompt("s.md", UNCLOSED_PROMPT, GPT_4O));
        assertThat(LintText.write(r, Severity.HIGH)).contains("section. [openai:gpt-4o]\n");
    }
}
