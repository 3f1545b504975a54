package dev.promptport.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.promptport.report.HostileFixtures.EVIL;
import static dev.promptport.report.HostileFixtures.PROBLEM;
import static dev.promptport.report.HostileFixtures.REQUEST_PATH;
import static dev.promptport.report.HostileFixtures.UNSAFE_IN_JSON;
import static dev.promptport.report.HostileFixtures.assertSafeOnATerminal;
import static dev.promptport.report.HostileFixtures.assertShowsTheAttackEscaped;
import static dev.promptport.report.HostileFixtures.strictUtf8;
import static org.assertj.core.api.Assertions.assertThat;

/** Every report of a run whose inputs attack the reader: see {@link HostileFixtures}. */
class HostileReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The attack as the text reports show it: escaped, on one line. */
    private static final String EVIL_SHOWN =
            "<script>alert(1)</script>\"'%0A\\u{1B}[31m\\u{D}\\u{A}::error file=x::fake\\u{202E}\\u{0}\\u{D800}";
    /** The same inside a finding's message, whose line breaks become spaces. */
    private static final String EVIL_IN_MESSAGE =
            "<script>alert(1)</script>\"'%0A\\u{1B}[31m ::error file=x::fake\\u{202E}\\u{0}\\u{D800}";

    private static final Pattern FINDING_LINE =
            Pattern.compile(".+:\\d+:\\d+: (info|low|medium|high|blocker) PP\\d{3} .+ \\[openai:gpt-4o]");
    private static final Pattern PROBLEM_LINE = Pattern.compile(".+:\\d+:\\d+: error .+");
    /** A workflow command: properties hold no ':' or ',' of their own, nothing holds a line break. */
    private static final Pattern ANNOTATION = Pattern.compile(
            "::(error|warning|notice) file=[^,:\\r\\n]+(,line=\\d+,col=\\d+)?,title=[^,:\\r\\n]+::[^\\r\\n]+");

    private static List<Finding> findings(AuditResult r) {
        List<Finding> all = new ArrayList<>();
        r.files().forEach(f -> f.targets().forEach(t -> all.addAll(t.findings())));
        return all;
    }

    private static int groups(AuditResult r) {
        return LintText.groups(LintText.rows(r)).size();
    }

    @Test
    void hostileRunReachesEveryPlaceInputTextIsQuoted() {
        // guards the tests below: the attack must really be in the findings they print
        List<String> ids = findings(HostileFixtures.run()).stream().filter(f -> f.message().contains("\u001B[31m"))
                .map(Finding::id).toList();
        assertThat(ids).contains("PP115", "PP130", "PP139", "PP124", "PP129", "PP107");
    }

    @Test
    void lintTextPrintsOneLinePerFindingWithTheAttackEscaped() throws Exception {
        AuditResult r = HostileFixtures.run();
        String out = LintText.write(r, Severity.HIGH);
        assertSafeOnATerminal(out);
        assertShowsTheAttackEscaped(out);
        List<String> lines = List.of(out.split("\n"));
        assertThat(lines).hasSize(groups(r) + 1 + 1);
        assertThat(lines.subList(0, lines.size() - 2)).allMatch(l -> FINDING_LINE.matcher(l).matches());
        assertThat(lines.get(lines.size() - 2)).matches(PROBLEM_LINE).startsWith("broken/" + EVIL_SHOWN + ".json:2:16: ");
        assertThat(lines.get(lines.size() - 1)).startsWith("✖ ");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("requests/" + EVIL_SHOWN + ".json:4:")
                .contains(" medium PP115 \"x-" + EVIL_IN_MESSAGE + "\" was left out of the request for"));
        // a quoted snippet shows its line break as the two characters \n, so it stays on one line
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(" low PP139 The prompt contains the template placeholder"
                + " {{<script>\"'\\u{1B}[31m\\n::error::\\u{2028}\\u{85}\\u{9B}\\u{202E}\\u{0}\\u{D800}}};"));
    }

    @Test
    void auditTextShowsHostilePathsAndProblemsEscapedOnTheirOwnLines() throws Exception {
        String out = TextReport.write(HostileFixtures.run());
        assertSafeOnATerminal(out);
        assertThat(out).contains("\\u{1B}]0;retitled\\u{7}\\u{A}::error::x\\u{202E}.md", "\\u{D800}");
        // the problem's message had a line break: it stays on the problem's line
        String problems = out.substring(out.indexOf("could not audit:\n"));
        assertThat(problems.split("\n")[1]).isEqualTo("  broken/" + EVIL_SHOWN + ".json:2:16: invalid JSON:"
                + " Unrecognized token '" + EVIL_IN_MESSAGE + "'  at [Source: " + EVIL_IN_MESSAGE + "]");
        assertThat(problems.split("\n")[2]).isEmpty();
    }

    @Test
    void githubAnnotationsCannotBeEndedOrForgedByFindingText() throws Exception {
        AuditResult r = HostileFixtures.run();
        String out = GithubReport.write(r);
        assertSafeOnATerminal(out);
        List<String> lines = List.of(out.split("\n"));
        // one workflow command per finding and problem, each whole: "::error file=x::fake" stays inside the data
        assertThat(lines).hasSize(groups(r) + 1).allMatch(l -> ANNOTATION.matcher(l).matches());
        String escapedPath = "requests/<script>alert(1)</script>\"'%250A\\u{1B}[31m\\u{D}\\u{A}%3A%3Aerror file=x%3A%3Afake"
                + "\\u{202E}\\u{0}\\u{D800}.json";
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("::warning file=" + escapedPath + ",line=4,")
                .contains(",title=PP115 Untranslatable setting left out::\"x-<script>alert(1)</script>\"'%250A"
                        + "\\u{1B}[31m ::error file=x::fake\\u{202E}\\u{0}\\u{D800}\" was left out of the request for"));
        assertThat(lines.get(lines.size() - 1)).startsWith("::error file=broken/").contains(",line=2,col=16,")
                .contains("::invalid JSON: Unrecognized token '<script>");
    }

    @Test
    void sarifOfAHostileRunIsValidAgainstTheSchema() throws Exception {
        assertThat(SarifReportTest.validate(SarifReport.write(HostileFixtures.run(), "0.1.0"))).isEmpty();
    }

    @Test
    void sarifOfAHostileRunIsUtf8AndKeepsEveryMessageExactly() throws Exception {
        AuditResult r = HostileFixtures.run();
        String sarif = SarifReport.write(r, "0.1.0");
        assertThat(sarif).doesNotContainPattern(UNSAFE_IN_JSON);
        JsonNode run = JSON.readTree(strictUtf8(sarif)).path("runs").get(0);
        List<String> expected = LintText.rows(r).stream().map(row -> SarifReport.messageText(row.finding())).toList();
        List<String> messages = new ArrayList<>();
        run.path("results").forEach(res -> messages.add(res.path("message").path("text").asText()));
        assertThat(messages).isEqualTo(expected).anyMatch(m -> m.contains("\u202E\u0000\uD800"));
        assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .startsWith("broken/" + EVIL + ".json:2:16: invalid JSON: Unrecognized token '<script>");
        List<String> uris = new ArrayList<>();
        run.path("results").forEach(res -> uris.add(res.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        assertThat(uris).contains("requests/%3Cscript%3Ealert(1)%3C/script%3E%22'%250A%1B%5B31m%0D%0A%3A%3Aerror%20file=x%3A%3A"
                + "fake%E2%80%AE%00%EF%BF%BD.json");
    }

    @Test
    void jsonReportsAreUtf8AndKeepTheHostileTextExactly() throws Exception {
        AuditResult r = HostileFixtures.run();
        String audit = JsonReport.write(r);
        String lint = LintJson.write(r);
        assertThat(audit).doesNotContainPattern(UNSAFE_IN_JSON).contains("\\u202E", "\\uD800", "\\u0085");
        assertThat(lint).doesNotContainPattern(UNSAFE_IN_JSON);

        JsonNode a = JSON.readTree(strictUtf8(audit));
        List<String> messages = new ArrayList<>();
        a.path("files").forEach(f -> f.path("targets").forEach(t -> t.path("findings")
                .forEach(x -> messages.add(x.path("message").asText()))));
        assertThat(messages).isEqualTo(findings(r).stream().map(Finding::message).toList());
        assertThat(a.at("/files/0/path").asText()).isEqualTo(REQUEST_PATH);
        assertThat(a.at("/problems/0/message").asText()).isEqualTo(PROBLEM.message());

        JsonNode l = JSON.readTree(strictUtf8(lint));
        List<String> lintMessages = new ArrayList<>();
        l.forEach(x -> lintMessages.add(x.path("message").asText()));
        assertThat(lintMessages).isEqualTo(LintText.rows(r).stream().map(row -> row.finding().message()).toList());
        assertThat(lintMessages).anyMatch(m -> m.contains("\"x-" + EVIL + "\""));
    }

    @Test
    void baselineOfAHostileRunIsUtf8AndAcceptsEveryFindingOfIt() throws Exception {
        AuditResult r = HostileFixtures.run();
        byte[] file = strictUtf8(Baseline.write(r));
        assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContainPattern(UNSAFE_IN_JSON);
        assertThat(findings(Baseline.read(new String(file, StandardCharsets.UTF_8)).filter(r))).isEmpty();
    }

    @Test
    void htmlReportOfAHostileRunEncodesAsUtf8() throws Exception {
        String html = HtmlReport.write(HostileFixtures.run());
        strictUtf8(html);
        assertThat(html).doesNotContain("<script>", "\u202E", "\u001B").doesNotContainPattern("\\p{Cs}");
    }
}
