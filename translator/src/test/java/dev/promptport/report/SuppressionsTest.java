package dev.promptport.report;

import dev.promptport.risk.Risk;
import org.junit.jupiter.api.Test;

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

class SuppressionsTest {

    private static List<String> ids(AuditResult r) {
        List<String> ids = new ArrayList<>();
        r.files().forEach(f -> f.targets().forEach(t -> t.findings().forEach(x -> ids.add(x.id()))));
        return ids;
    }

    @Test
    void htmlCommentAnywhereDisablesTheNamedRulesForTheWholeFile() {
        Suppressions s = Suppressions.parse("Intro. <!-- promptport-disable PP104 PP105 --> more\n<style>\n");
        assertThat(s.suppresses("PP104", 2)).isTrue();
        assertThat(s.suppresses("PP105", 40)).isTrue();
        assertThat(s.suppresses("PP105", 0)).isTrue();
        assertThat(s.suppresses("PP102", 2)).isFalse();
    }

    @Test
    void directiveWithoutIdsDisablesEveryRule() {
        Suppressions s = Suppressions.parse("<!-- promptport-disable -->\ntext\n");
        assertThat(s.suppresses("PP104", 1)).isTrue();
        assertThat(s.suppresses("ACME1", 9)).isTrue();
        assertThat(Suppressions.parse("<!--promptport-disable-->").suppresses("PP101", 1)).isTrue();
    }

    @Test
    void nextLineDirectiveDisablesOnlyTheNextNonBlankLine() {
        Suppressions s = Suppressions.parse("<!-- promptport-disable-next-line PP104 -->\n\n  \n<style>\n<tone>\n");
        assertThat(s.suppresses("PP104", 4)).isTrue();
        assertThat(s.suppresses("PP104", 5)).isFalse();
        assertThat(s.suppresses("PP104", 2)).isFalse();
        assertThat(s.suppresses("PP105", 4)).isFalse();
        assertThat(Suppressions.parse("<!-- promptport-disable-next-line -->\nx\ny\n").suppresses("PP999", 2)).isTrue();
    }

    @Test
    void stackedNextLineDirectivesAllApplyToTheLineBelowThem() {
        Suppressions s = Suppressions.parse("""
                <!-- promptport-disable-next-line PP104 -->
                // promptport-disable-next-line PP105
                <style> </tone>
                """);
        assertThat(s.suppresses("PP104", 3)).isTrue();
        assertThat(s.suppresses("PP105", 3)).isTrue();
    }

    @Test
    void hashAndSlashCommentsWorkAloneOnTheirLine() {
        Suppressions s = Suppressions.parse("""
                # promptport-disable PP102, PP103
                  // promptport-disable-next-line pp104 -- the tag is literal text here
                <style>
                """);
        assertThat(s.suppresses("PP102", 7)).isTrue();
        assertThat(s.suppresses("PP103", 7)).isTrue();
        assertThat(s.suppresses("PP104", 3)).isTrue();
        assertThat(s.suppresses("PP104", 4)).isFalse();
        assertThat(s.suppresses("THE", 3)).isFalse(); // the reason after -- is not a list of ids

        Suppressions inline = Suppressions.parse("Say hi # promptport-disable PP104\nx // promptport-disable\n");
        assertThat(inline.suppresses("PP104", 1)).isFalse();
        assertThat(inline.suppresses("PP101", 2)).isFalse();
    }

    @Test
    void misspeltDirectiveDisablesNothing() {
        Suppressions s = Suppressions.parse("<!-- promptport-disabled -->\n<!-- promptport-disable-nextline PP104 -->\nx\n");
        assertThat(s.suppresses("PP104", 3)).isFalse();
        assertThat(s.suppresses("PP101", 1)).isFalse();
        assertThat(Suppressions.parse("no directives at all").suppresses("PP104", 1)).isFalse();
    }

    @Test
    void applyRemovesSuppressedFindingsFromPromptFilesAndRecomputesRisk() {
        String text = "<!-- promptport-disable-next-line PP104 -->\n" + UNCLOSED_PROMPT;
        AuditResult r = run(List.of(GPT_4O, O3), List.of(), prompt("p.md", text, GPT_4O, O3),
                prompt("q.md", UNCLOSED_PROMPT, GPT_4O, O3));
        assertThat(ids(r)).containsExactly("PP104", "PP104", "PP104", "PP104");
        AuditResult applied = Suppressions.apply(r);
        assertThat(ids(applied)).containsExactly("PP104", "PP104");
        TargetResult suppressed = applied.files().get(0).targets().get(0);
        assertThat(suppressed.findings()).isEmpty();
        assertThat(suppressed.risk()).isEqualTo(Risk.of(List.of()));
        assertThat(suppressed.risk().level()).isEqualTo(Risk.Level.A);
        assertThat(applied.files().get(1)).isEqualTo(r.files().get(1));
    }

    @Test
    void fileWideDirectiveInARealPromptSilencesItsRule() {
        String text = "# promptport-disable PP104\n" + UNCLOSED_PROMPT;
        AuditResult r = run(List.of(GPT_4O), List.of(), prompt("p.md", text, GPT_4O));
        assertThat(ids(r)).contains("PP104");
        assertThat(ids(Suppressions.apply(r))).doesNotContain("PP104");
    }

    @Test
    void requestFilesAreLeftAsTheyAre() {
        String withText = REQUEST.replace("List three colours", "<!-- promptport-disable --> List three colours");
        AuditResult r = run(List.of(GPT_4O), List.of(), request("r.json", withText, GPT_4O));
        assertThat(Suppressions.apply(r)).isEqualTo(r);
    }
}
