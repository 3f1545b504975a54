package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.risk.Risk;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.report.LintFixtures.GPT_4O;
import static org.assertj.core.api.Assertions.assertThat;

class GithubReportTest {

    private static List<String> lines(String out) {
        return List.of(out.split("\n"));
    }

    @Test
    void eachFindingIsAWorkflowCommandWithFileLineColumnAndTitle() {
        List<String> out = lines(GithubReport.write(LintFixtures.standard()));
        assertThat(out).contains("::warning file=prompts/style.md,line=1,col=1,title=PP104 Tag opened but never closed"
                + "::<style> is opened here but never closed, so it was left as plain text and its content is not"
                + " treated as a section. Fix: Add the closing </style> where the section ends, or remove the"
                + " opening tag. [openai:gpt-4o,openai:o3]");
        assertThat(out).anyMatch(l -> l.startsWith("::notice file=requests/prefill.json,line=4,col=12,"
                + "title=PP111 top_k cannot be sent to the target::top_k=5 was dropped"));
    }

    @Test
    void blockerAndHighAreErrorsMediumIsAWarningLowAndInfoAreNotices() {
        assertThat(GithubReport.command(Severity.BLOCKER)).isEqualTo("error");
        assertThat(GithubReport.command(Severity.HIGH)).isEqualTo("error");
        assertThat(GithubReport.command(Severity.MEDIUM)).isEqualTo("warning");
        assertThat(GithubReport.command(Severity.LOW)).isEqualTo("notice");
        assertThat(GithubReport.command(Severity.INFO)).isEqualTo("notice");
        assertThat(lines(GithubReport.write(LintFixtures.standard())))
                .filteredOn(l -> l.contains("title=PP107 ")).hasSize(2).allMatch(l -> l.startsWith("::error "));
    }

    @Test
    void identicalFindingForSeveralTargetsIsAnnotatedOnce() {
        assertThat(lines(GithubReport.write(LintFixtures.standard())))
                .filteredOn(l -> l.contains("title=PP104 ")).hasSize(1);
    }

    @Test
    void dataAndPropertiesAreEscapedAsGithubRequires() {
        assertThat(GithubReport.data("100% done\r\nnext: a,b")).isEqualTo("100%25 done%0D%0Anext: a,b");
        assertThat(GithubReport.property("C:\\p,1%\n")).isEqualTo("C%3A\\p%2C1%25%0A");
        Finding f = new Finding("PP999", Severity.HIGH, "misc", "50% off:\nnow", "", Loc.position(1, 1), 1);
        FileResult file = new FileResult("dir,x/a:b.txt", "prompt", "x\n",
                List.of(new TargetResult(GPT_4O, Risk.of(List.of(f)), List.of(f), "")));
        String out = GithubReport.write(LintFixtures.run(List.of(GPT_4O), List.of(), file));
        // the message is made one line before escaping; the percent sign must still be escaped
        assertThat(out).isEqualTo("::error file=dir%2Cx/a%3Ab.txt,line=1,col=1,title=PP999::50%25 off: now"
                + " [openai:gpt-4o]\n");
    }

    @Test
    void unreadableInputIsAnErrorAnnotationOnThatFile() {
        AuditResult r = LintFixtures.run(List.of(GPT_4O), List.of(
                new InputProblem("bad.json", "2:16", "invalid JSON"),
                new InputProblem("req.json", "/messages/0", "not a Messages request")));
        assertThat(GithubReport.write(r)).isEqualTo(
                "::error file=bad.json,line=2,col=16,title=promptport%3A unusable input::invalid JSON\n"
                        + "::error file=req.json,title=promptport%3A unusable input::/messages/0: not a Messages request\n");
    }

    @Test
    void cleanRunPrintsNothing() {
        AuditResult clean = LintFixtures.run(List.of(GPT_4O), List.of(),
                LintFixtures.prompt("a.txt", "Answer briefly.\n", GPT_4O));
        assertThat(GithubReport.write(clean)).isEmpty();
    }
}
