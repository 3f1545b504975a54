package dev.promptport.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.risk.Risk;
import dev.promptport.rules.Catalogue;
import dev.promptport.rules.RuleInfo;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static dev.promptport.report.LintFixtures.O3;
import static dev.promptport.report.LintFixtures.UNCLOSED_PROMPT;
import static dev.promptport.report.LintFixtures.prompt;
import static dev.promptport.report.LintFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_IN_SHARED = "specs/sarif/sarif-schema-2.1.0.json";

    private static JsonNode sarif(AuditResult r) throws Exception {
        return JSON.readTree(SarifReport.write(r, "0.1.0"));
    }

    private static AuditResult withProblem() {
        return run(List.of(GPT_4O, O3), List.of(new InputProblem("bad.json", "2:16", "invalid JSON: Unexpected ','"),
                        new InputProblem("broken.json", "/messages/0", "not a Messages request")),
                prompt("prompts/style.md", UNCLOSED_PROMPT, GPT_4O, O3));
    }

    /** The shared folder: {@code <promptport.root>/../shared} under surefire, else {@code ../shared}. */
    private static Path schemaFile() {
        String root = System.getProperty("promptport.root");
        Path shared = root != null && !root.isBlank() ? Path.of(root, "..", "shared") : Path.of("..", "shared");
        return shared.resolve(SCHEMA_IN_SHARED).toAbsolutePath().normalize();
    }

    static Set<ValidationMessage> validate(String sarif) throws Exception {
        Path file = schemaFile();
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "the SARIF 2.1.0 schema is not at " + file + "; schema validation skipped");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(true) // uri and uri-reference formats matter to code scanning
                .build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(JSON.readTree(file.toFile()), config);
        return schema.validate(JSON.readTree(sarif));
    }

    @Test
    void oneFileSpelledThreeWaysHasOneUriAndOneFingerprint() throws Exception {
        List<String> spellings = List.of("prompts/style.md", "prompts//style.md", "prompts/../prompts/style.md");
        Set<String> uris = new java.util.HashSet<>();
        Set<String> fingerprints = new java.util.HashSet<>();
        for (String path : spellings) {
            JsonNode result = sarif(run(List.of(GPT_4O), List.of(), prompt(path, UNCLOSED_PROMPT, GPT_4O)))
                    .path("runs").get(0).path("results").get(0);
            uris.add(result.path("locations").get(0).path("physicalLocation").path("artifactLocation").toString());
            fingerprints.add(result.path("partialFingerprints").toString());
        }
        assertThat(uris).containsExactly("{\"uri\":\"prompts/style.md\",\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(fingerprints).hasSize(1);
    }

    @Test
    void aFileOutsideTheWorkingDirectoryIsAnAbsoluteFileUriNotOneUnderTheRepositoryRoot() throws Exception {
        JsonNode artifact = sarif(run(List.of(GPT_4O), List.of(), prompt("../outside/style.md", UNCLOSED_PROMPT, GPT_4O)))
                .path("runs").get(0).path("results").get(0)
                .path("locations").get(0).path("physicalLocation").path("artifactLocation");
        Path expected = Path.of("").toAbsolutePath().getParent().resolve("outside/style.md");
        assertThat(artifact.path("uri").asText()).isEqualTo(expected.toUri().toString());
        assertThat(artifact.has("uriBaseId")).isFalse();
    }

    @Test
    void reportIsValidAgainstTheOfficialSarif210Schema() throws Exception {
        assertThat(validate(SarifReport.write(LintFixtures.standard(), "0.1.0"))).isEmpty();
        assertThat(validate(SarifReport.write(withProblem(), "0.1.0-SNAPSHOT"))).isEmpty();
    }

    @Test
    void schemaCheckRejectsAResultWithoutAMessage() throws Exception {
        // guards the check above: a validator that accepted anything would pass it too
        String broken = SarifReport.write(LintFixtures.standard(), "0.1.0").replaceFirst("\"message\" : \\{", "\"note\" : {");
        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void everyPropertyGithubCodeScanningRequiresIsPresent() throws Exception {
        JsonNode log = sarif(LintFixtures.standard());
        assertThat(log.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs")).hasSize(1);
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("promptport");
        assertThat(driver.path("semanticVersion").asText()).isEqualTo("0.1.0");
        assertThat(driver.path("rules").isArray()).isTrue();
        for (JsonNode rule : driver.path("rules")) {
            assertThat(rule.path("id").asText()).isNotBlank();
            assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).isNotBlank();
            assertThat(rule.path("defaultConfiguration").path("level").asText()).isIn("note", "warning", "error");
        }
        assertThat(run.path("results").isArray()).isTrue();
        assertThat(run.path("results")).isNotEmpty();
        for (JsonNode result : run.path("results")) {
            assertThat(result.path("message").path("text").asText()).isNotBlank();
            assertThat(result.path("locations").size()).isBetween(1, 10);
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asText()).doesNotStartWith("/").doesNotContain("\\");
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
            assertThat(physical.path("region").path("startColumn").asInt()).isPositive();
            assertThat(result.path("partialFingerprints").path("primaryLocationLineHash").asText())
                    .matches("[0-9a-f]{16}:\\d+");
        }
    }

    @Test
    void everyBuiltInRuleIsDescribedAndRuleIndexPointsAtTheResultsRule() throws Exception {
        JsonNode run = sarif(LintFixtures.standard()).path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids).containsExactlyElementsOf(Catalogue.builtIn().rules().stream().map(RuleInfo::id).toList());
        for (JsonNode result : run.path("results")) {
            assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText())
                    .isEqualTo(result.path("ruleId").asText());
        }
    }

    @Test
    void ruleDescriptorNamesTheRuleAndShowsItsTemplateWithoutPlaceholders() throws Exception {
        JsonNode rules = sarif(LintFixtures.standard()).path("runs").get(0).path("tool").path("driver").path("rules");
        JsonNode pp104 = null;
        for (JsonNode r : rules) {
            if (r.path("id").asText().equals("PP104")) {
                pp104 = r;
            }
        }
        assertThat(pp104).isNotNull();
        assertThat(pp104.path("name").asText()).isEqualTo("TagOpenedButNeverClosed");
        assertThat(pp104.path("shortDescription").path("text").asText()).isEqualTo("Tag opened but never closed");
        assertThat(pp104.path("fullDescription").path("text").asText()).startsWith("<…> is opened here")
                .doesNotContain("{0}");
        assertThat(pp104.path("help").path("markdown").asText()).contains("&lt;/…&gt;").doesNotContain("<");
        assertThat(pp104.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
        assertThat(pp104.path("properties").path("tags").toString()).isEqualTo("[\"structure\",\"portability\"]");
        assertThat(pp104.path("properties").path("precision").asText()).isEqualTo("high");
        assertThat(pp104.path("properties").path("problem.severity").asText()).isEqualTo("warning");
    }

    @Test
    void resultsAreOnePerFindingAndTargetWithLevelFromSeverityAndMessageBeforeFix() throws Exception {
        JsonNode results = sarif(LintFixtures.standard()).path("runs").get(0).path("results");
        assertThat(results).hasSize(9);
        JsonNode prefill = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals("PP107") && r.path("properties").path("target").asText().equals("openai:o3")) {
                prefill = r;
            }
        }
        assertThat(prefill).isNotNull();
        assertThat(prefill.path("level").asText()).isEqualTo("error");
        assertThat(prefill.path("message").path("text").asText()).startsWith("The request ends with an assistant turn")
                .contains(" Fix: Put the recorded prefix");
        JsonNode physical = prefill.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("requests/prefill.json");
        assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(7);
        assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(5);
        assertThat(prefill.path("properties").path("feature").asText()).isEqualTo("prefill");
        assertThat(prefill.path("properties").path("severity").asText()).isEqualTo("high");
        List<String> levels = new ArrayList<>();
        results.forEach(r -> levels.add(r.path("properties").path("severity").asText() + "=" + r.path("level").asText()));
        assertThat(levels).containsOnly("medium=warning", "info=note", "low=note", "high=error");
    }

    @Test
    void outputIsTheSameEveryRun() {
        assertThat(SarifReport.write(LintFixtures.standard(), "0.1.0"))
                .isEqualTo(SarifReport.write(LintFixtures.standard(), "0.1.0"));
    }

    @Test
    void fingerprintIgnoresTheLineNumberSoAMovedFindingKeepsItsAlert() throws Exception {
        String before = hashOf(run(List.of(GPT_4O), List.of(), prompt("p.md", UNCLOSED_PROMPT, GPT_4O)));
        String after = hashOf(run(List.of(GPT_4O), List.of(), prompt("p.md", "\n\n" + UNCLOSED_PROMPT, GPT_4O)));
        assertThat(after).isEqualTo(before);
        String otherTarget = hashOf(run(List.of(O3), List.of(), prompt("p.md", UNCLOSED_PROMPT, O3)));
        assertThat(otherTarget).isNotEqualTo(before);
    }

    private static String hashOf(AuditResult r) throws Exception {
        return sarif(r).path("runs").get(0).path("results").get(0).path("partialFingerprints")
                .path("primaryLocationLineHash").asText();
    }

    @Test
    void unreadableInputsBecomeErrorNotificationsAndAnUnsuccessfulInvocation() throws Exception {
        JsonNode invocation = sarif(withProblem()).path("runs").get(0).path("invocations").get(0);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
        JsonNode notes = invocation.path("toolExecutionNotifications");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0).path("level").asText()).isEqualTo("error");
        assertThat(notes.get(0).path("message").path("text").asText()).isEqualTo("bad.json:2:16: invalid JSON: Unexpected ','");
        assertThat(notes.get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(notes.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("broken.json");

        JsonNode clean = sarif(LintFixtures.standard()).path("runs").get(0).path("invocations").get(0);
        assertThat(clean.path("executionSuccessful").asBoolean()).isTrue();
        assertThat(clean.has("toolExecutionNotifications")).isFalse();
    }

    @Test
    void pathsBecomeRelativeUrisWithForwardSlashesAndEscapedCharacters() throws Exception {
        assertThat(SarifReport.uri("my prompts/été#1.md")).isEqualTo("my%20prompts/%C3%A9t%C3%A9%231.md");
        assertThat(SarifReport.uri("a:b.txt")).isEqualTo("a%3Ab.txt");
        AuditResult r = run(List.of(GPT_4O), List.of(), prompt(".\\prompts\\style v2.md", UNCLOSED_PROMPT, GPT_4O));
        assertThat(sarif(r).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("prompts/style%20v2.md");
        assertThat(validate(SarifReport.write(r, "0.1.0"))).isEmpty();
    }

    @Test
    void ruleOutsideTheBuiltInPackGetsADescriptorFromItsFinding() throws Exception {
        Finding f = new Finding("ACME1", Severity.BLOCKER, "house_style", "Do not say \"delve\".",
                "Say \"look into\" instead.", Loc.position(1, 4), 3);
        FileResult file = new FileResult("p.txt", "prompt", "We delve.\n",
                List.of(new TargetResult(GPT_4O, Risk.of(List.of(f)), List.of(f), "")));
        JsonNode run = sarif(run(List.of(GPT_4O), List.of(), file)).path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        JsonNode last = rules.get(rules.size() - 1);
        assertThat(last.path("id").asText()).isEqualTo("ACME1");
        assertThat(last.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(run.at("/results/0/ruleIndex").asInt()).isEqualTo(rules.size() - 1);
        assertThat(run.at("/results/0/message/text").asText()).isEqualTo("Do not say \"delve\". Fix: Say \"look into\" instead.");
    }

    @Test
    void titleBecomesACamelCaseName() {
        assertThat(SarifReport.camelCase("top_k is not supported")).isEqualTo("TopKIsNotSupported");
        assertThat(SarifReport.camelCase("Tag opened but never closed")).isEqualTo("TagOpenedButNeverClosed");
    }
}
