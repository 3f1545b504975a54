package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.promptport.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The lint, rules and explain commands, run through the real command line. */
class LintCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final String PREFILL = "{\"model\":\"claude\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"{\"}]}";

    @Test
    void aFolderWalkPassesOverJsonThatHoldsNoPromptAndSaysSoWhileANamedOneIsAnError() throws Exception {
        write("prompts/a.txt", "<instructions>Be brief.</instructions>\n");
        Path pkg = write("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\"}");
        write("prompts/answer.schema.json", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        MainTest.Run walked = run("lint", "--no-config", "--to", "openai:gpt-4o", dir.toString());
        assertThat(walked.code()).isZero();
        assertThat(walked.err()).contains("skipped 2 JSON files that hold no request, message list or tool definitions")
                .contains("package.json").contains("answer.schema.json");

        MainTest.Run named = run("lint", "--no-config", "--to", "openai:gpt-4o", pkg.toString());
        assertThat(named.code()).isEqualTo(2);
        assertThat(named.out() + named.err()).contains("no \"messages\" array");
    }

    @Test
    void aFindingThatFailsTheRunIsShownWhateverMinSeverity() throws Exception {
        Path p = write("p.txt", TestFiles.PROMPT_WITH_FINDING);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "low", "--min-severity", "high",
                p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("medium PP104").contains("failing at low or above: 1");

        Path tagged = write("tagged.txt", "<instructions>\nBe brief.\n</instructions>\n");
        MainTest.Run info = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "info", tagged.toString());
        assertThat(info.code()).isEqualTo(1);
        assertThat(info.out()).contains("info PP101");

        // above --fail-on, --min-severity still leaves out what does not fail
        MainTest.Run high = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "blocker", "--min-severity", "high",
                p.toString());
        assertThat(high.code()).isZero();
        assertThat(high.out()).doesNotContain("PP104");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "github"})
    void anInputThatCannotBeReadIsNamedOnStandardErrorWhateverTheReportFormatAndFile(String format)
            throws Exception {
        write("in/bad.json", "{\"model\": \"x\", \"messages\": [");
        write("in/good.txt", "Answer briefly.\n");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--format", format,
                "-o", dir.resolve("report.out").toString(), dir.resolve("in").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("(?m)^promptport: [^\\n]*bad\\.json:1:\\d+: ");
    }

    @Test
    void writingABaselineStillNamesTheInputThatCouldNotBeRead() throws Exception {
        write("in/bad.json", "{\"model\": \"x\", \"messages\": [");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o",
                "--write-baseline", dir.resolve("wb.json").toString(), dir.resolve("in").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json:1:").contains("recorded 0 finding(s)");
    }

    @Test
    void aNamedPipeNamedOnTheCommandLineIsReadAndARequestInItIsRecognised() throws Exception {
        Path pipe = dir.resolve("request");
        int made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(made == 0, "mkfifo is not available");
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(pipe, PREFILL, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true); // left blocked if the pipe is never opened, rather than holding the run
        writer.start();
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", pipe.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("high PP107").contains("in 1 of 1 file");
    }

    @Test
    void aFolderWalkDoesNotEnterHiddenFoldersButAHiddenFolderNamedIsRead() throws Exception {
        write("repo/prompts/a.txt", "Answer briefly.\n");
        write("repo/.venv/lib/notes.md", TestFiles.PROMPT_WITH_FINDING);
        write("repo/prompts/.drafts/b.txt", TestFiles.PROMPT_WITH_FINDING);
        MainTest.Run walked = run("lint", "--no-config", "--to", "openai:gpt-4o", dir.resolve("repo").toString());
        assertThat(walked.out()).as(walked.err()).contains("no problems in 1 file");

        MainTest.Run named = run("lint", "--no-config", "--to", "openai:gpt-4o",
                dir.resolve("repo/prompts/.drafts").toString());
        assertThat(named.out()).contains("b.txt:2:1: medium PP104");
    }

    @Test
    void aBaselineSavedWithAByteOrderMarkIsRead() throws Exception {
        Path req = write("req.json", PREFILL);
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", baseline.toString(),
                req.toString()).code()).isZero();
        Files.writeString(baseline, "\uFEFF" + Files.readString(baseline, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", baseline.toString(),
                req.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no problems in 1 file");
    }

    @Test
    void lintFailsWithExitOneOnAHighFinding() throws Exception {
        Path req = write("req.json", PREFILL);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", req.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("req.json:1:").contains("high PP107");
    }

    @Test
    void lintPassesWhenNothingReachesFailOn() throws Exception {
        Path req = write("req.json", PREFILL);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "blocker", req.toString());
        assertThat(r.code()).isZero();
    }

    @Test
    void cleanPromptLintsClean() throws Exception {
        Path p = write("p.md", "# Task\n\nSummarise the ticket in two sentences.\n");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("no problems");
    }

    @Test
    void badFailOnIsAUsageError() throws Exception {
        Path p = write("p.md", "x\n");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "severe", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown severity 'severe'");
    }

    @Test
    void lintWithoutTargetIsAUsageError() throws Exception {
        Path p = write("p.md", "x\n");
        MainTest.Run r = run("lint", "--no-config", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no target");
    }

    @Test
    void sarifOutputCarriesRuleIdLevelFeatureAndSeverity() throws Exception {
        Path req = write("req.json", PREFILL);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--format", "sarif", req.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = null;
        for (JsonNode res : sarif.at("/runs/0/results")) {
            if (res.get("ruleId").asText().equals("PP107")) {
                result = res;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.get("ruleId").asText()).isEqualTo("PP107");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/properties/feature").asText()).isEqualTo("prefill");
        assertThat(result.at("/properties/severity").asText()).isEqualTo("high");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(1);
    }

    @Test
    void githubFormatPrintsWorkflowAnnotations() throws Exception {
        Path req = write("req.json", PREFILL);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--format", "github", req.toString());
        assertThat(r.out()).containsPattern("(?m)^::error file=[^\\n]*PP107");
    }

    @Test
    void baselineHidesKnownFindingsAndReportsNewOnes() throws Exception {
        Path req = write("req.json", PREFILL);
        Path base = dir.resolve("baseline.json");
        MainTest.Run w = run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", base.toString(), req.toString());
        assertThat(w.code()).isZero();
        assertThat(Files.exists(base)).isTrue();
        MainTest.Run again = run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", base.toString(), req.toString());
        assertThat(again.code()).isZero();
        Path other = write("other.json", PREFILL.replace("Hi", "Hello"));
        MainTest.Run more = run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", base.toString(),
                req.toString(), other.toString());
        assertThat(more.code()).isEqualTo(1);
        assertThat(more.out()).contains("other.json").doesNotContain("req.json:");
    }

    @Test
    void aBaselineRecordsPathsFromItsOwnFolderAndMatchesThemHoweverTheyAreGiven() throws Exception {
        Path prompt = write("prompts/a.txt", "Intro\n<style>\nBe kind.\n");
        Path base = dir.resolve("base.json");
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", base.toString(),
                dir.resolve("prompts").toString()).code()).isZero();
        assertThat(new ObjectMapper().readTree(base.toFile()).at("/findings/0/path").asText()).isEqualTo("prompts/a.txt");

        // the same file, named from the working directory rather than by its absolute path
        String relative = Path.of("").toAbsolutePath().relativize(prompt).toString();
        MainTest.Run again = run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", base.toString(), relative);
        assertThat(again.out()).as(again.err()).contains("no problems");
    }

    @Test
    void eachRecordedFindingHidesOneFindingAndTheOthersAreReported() throws Exception {
        Path prompt = write("p.txt", "Intro\n<style>\nBe kind.\n");
        Path base = dir.resolve("base.json");
        assertThat(run("lint", "--no-config", "--to", "openai:gpt-4o", "--write-baseline", base.toString(),
                prompt.toString()).code()).isZero();
        // a tag in a sentence between them keeps each <style> its own unclosed section; back to
        // back, the next one would read as the closing tag short of its slash (PP219)
        String apart = "Keep </draft> out of it.\n";
        Files.writeString(prompt, "Intro\n<style>\nBe kind.\n" + apart + "<style>\nBe kind.\n" + apart + "<style>\nBe kind.\n");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "medium",
                "--baseline", base.toString(), prompt.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("✖ 2 problems");
    }

    @Test
    void missingBaselineIsExitTwo() throws Exception {
        Path req = write("req.json", PREFILL);
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--baseline", dir.resolve("nope.json").toString(),
                req.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such baseline file");
    }

    @Test
    void inlineSuppressionSilencesTheNextLine() throws Exception {
        Path p = write("p.md", "<!-- promptport-disable-next-line PP104 -->\n<style>\nBe brief.\n");
        MainTest.Run r = run("lint", "--no-config", "--to", "openai:gpt-4o", "--fail-on", "medium", p.toString());
        assertThat(r.out()).doesNotContain("PP104");
        assertThat(r.code()).isZero();
    }

    @Test
    void settingsFileTurnsRulesOffChangesSeverityAndAddsRules() throws Exception {
        write(".promptport.yaml", """
                targets: [openai:gpt-4o]
                fail_on: medium
                disable: [PP116]
                severity: {PP107: low}
                rules: [team-rules.yaml]
                """);
        write("team-rules.yaml", """
                rules:
                  - id: ACME1
                    title: Internal codename in a prompt
                    feature: self_reference
                    severity: high
                    match: {kind: pattern, regex: "Project Falcon"}
                    message: "The prompt mentions the codename {0}."
                    fix: "Use the public product name."
                """);
        Path req = write("req.json", PREFILL.replace("Hi", "Tell me about Project Falcon"));
        MainTest.Run r = run("lint", "--config", dir.resolve(".promptport.yaml").toString(), req.toString());
        assertThat(r.out()).contains("low PP107").contains("high ACME1").doesNotContain("PP116");
        assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void aTeamsOwnRuleIsDescribedByItsTitleAndFixInSarifAndGithubAnnotations() throws Exception {
        write(".promptport.yaml", "targets: [openai:gpt-4o]\nrules: [team-rules.yaml]\n");
        write("team-rules.yaml", """
                rules:
                  - id: ACME1
                    title: Internal codename in a prompt
                    feature: self_reference
                    severity: high
                    match: {kind: pattern, regex: "Project Falcon"}
                    message: "The prompt mentions the codename {0}."
                    fix: "Use the public product name."
                """);
        Path p = write("p.txt", "Tell me about Project Falcon.\n");
        String config = dir.resolve(".promptport.yaml").toString();
        MainTest.Run sarif = run("lint", "--config", config, "--format", "sarif", p.toString());
        JsonNode rule = null;
        for (JsonNode r : new ObjectMapper().readTree(sarif.out()).path("runs").get(0).path("tool").path("driver")
                .path("rules")) {
            rule = r.path("id").asText().equals("ACME1") ? r : rule;
        }
        assertThat(rule).as(sarif.out()).isNotNull();
        assertThat(rule.path("shortDescription").path("text").asText()).isEqualTo("Internal codename in a prompt");
        assertThat(rule.path("fullDescription").path("text").asText()).isEqualTo("The prompt mentions the codename ….");
        assertThat(rule.path("help").path("text").asText()).isEqualTo("Use the public product name.");

        MainTest.Run github = run("lint", "--config", config, "--format", "github", p.toString());
        assertThat(github.out()).contains(",title=ACME1 Internal codename in a prompt::");
    }

    @Test
    void brokenRuleFileNamesFileLineAndProblem() throws Exception {
        write(".promptport.yaml", "rules: [bad.yaml]\n");
        write("bad.yaml", """
                rules:
                  - id: ACME2
                    title: Bad regex
                    feature: placeholders
                    severity: low
                    match: {kind: pattern, regex: "(unclosed"}
                    message: "m"
                    fix: "f"
                """);
        Path p = write("p.md", "x\n");
        MainTest.Run r = run("lint", "--config", dir.resolve(".promptport.yaml").toString(), "--to", "openai:gpt-4o", p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:6:").contains("does not compile");
    }

    @Test
    void unknownSettingIsAnErrorWithItsLine() throws Exception {
        write(".promptport.yaml", "targets: [openai:gpt-4o]\nfail_onn: high\n");
        Path p = write("p.md", "x\n");
        MainTest.Run r = run("lint", "--config", dir.resolve(".promptport.yaml").toString(), p.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(".promptport.yaml:2:1: unknown setting \"fail_onn\"");
    }

    @Test
    void rulesListsEveryBuiltInRule() {
        MainTest.Run r = run("rules", "--no-config");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PP101").contains("PP107").contains("prefill").containsPattern("\\d+ rules\\.");
    }

    @Test
    void explainShowsARuleWithItsExample() {
        MainTest.Run r = run("explain", "--no-config", "PP107");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PP107: Assistant prefill turned into an instruction").contains("Before").contains("After");
    }

    @Test
    void explainShowsAPromptFileRuleWithItsFileExampleWrittenBack() {
        MainTest.Run r = run("explain", "--no-config", "PP203");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("checked as the input is read or the output written")
                .contains("Before (Prompty file):").contains("      type: gemini\n")
                .contains("7:5 medium PP203 The setting model.configuration.azure_endpoint");
    }

    @Test
    void explainUnknownRuleIsExitTwo() {
        MainTest.Run r = run("explain", "--no-config", "PP999");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no rule PP999");
    }

    @Test
    void auditWritesJsonWithLevelsScoresAndLocations() throws Exception {
        write("a/req.json", PREFILL);
        write("a/p.md", "<style>\nBe brief.\n");
        MainTest.Run r = run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "json", dir.resolve("a").toString());
        assertThat(r.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode files = json.get("files");
        assertThat(files).hasSize(2);
        JsonNode prompt = files.get(0);
        assertThat(prompt.get("path").asText()).endsWith("p.md");
        JsonNode finding = prompt.at("/targets/0/findings/0");
        assertThat(finding.get("id").asText()).isEqualTo("PP104");
        assertThat(finding.at("/location/line").asInt()).isEqualTo(1);
        JsonNode request = files.get(1).at("/targets/0");
        assertThat(request.get("level").asText()).isEqualTo("C");
        assertThat(request.get("score").asInt()).isEqualTo(15);
        assertThat(request.at("/findings/0/location/pointer").asText()).isEqualTo("/messages/1");
        assertThat(json.at("/summary/targets/0/levels/C").asInt()).isEqualTo(1);
    }

    @Test
    void auditWritesASelfContainedHtmlPage() throws Exception {
        write("a/p.md", "<instructions>\nSay <script>alert(1)</script> safely.\n</instructions>\n");
        Path html = dir.resolve("report.html");
        MainTest.Run r = run("audit", "--no-config", "--to", "openai:gpt-4o", "--format", "html", "--output", html.toString(),
                dir.resolve("a").toString());
        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        assertThat(page.toLowerCase(java.util.Locale.ROOT)).startsWith("<!doctype html>");
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aModelAddedInTheSettingsIsATarget() throws Exception {
        write(".promptport.yaml", """
                models:
                  - {id: "ollama:qwen2.5:32b", like: "ollama:llama3.1", context_window: 32768, max_output: 4096}
                """);
        Path req = write("req.json", "{\"max_tokens\":9000,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        MainTest.Run r = run("translate", "--config", dir.resolve(".promptport.yaml").toString(), "--to", "ollama:qwen2.5:32b",
                "--compact", req.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"model\":\"qwen2.5:32b\"").contains("\"max_tokens\":4096");
        assertThat(r.err()).contains("PP125");
    }

    @Test
    void aModelAddedInTheSettingsStartsFromAListedModelNotFromAGuess() throws Exception {
        write(".promptport.yaml", """
                models:
                  - {id: "openai:gpt-5.2", like: "openai:gpt-5.9"}
                """);
        Path req = write("req.json", "{\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        MainTest.Run r = run("translate", "--config", dir.resolve(".promptport.yaml").toString(), "--to", "openai:gpt-5.2",
                req.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(".promptport.yaml:2:")
                .contains("like: \"openai:gpt-5.9\" names a model promptport does not list")
                .contains("(the closest is openai:gpt-5.1)");
    }

    @Test
    void translatesOpenAiChatBackToClaude() throws Exception {
        Path req = write("openai.json", """
                {"model":"gpt-4o","messages":[{"role":"system","content":"# Rules\\n\\nBe brief."},
                  {"role":"user","content":"Hi"}],"max_completion_tokens":100,"reasoning_effort":"high"}""");
        MainTest.Run r = run("translate", "--no-config", "--to", "anthropic:claude-sonnet-4-5", "--compact", req.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("<rules>").contains("\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":16384}");
    }
}
