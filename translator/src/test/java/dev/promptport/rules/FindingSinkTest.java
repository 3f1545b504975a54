package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages are kept from one report to the next, and never shown with another report's details. */
class FindingSinkTest {

    @Test
    void aMessageReportedAgainWithOtherDetailsNamesTheNewDetails() {
        FindingSink sink = new FindingSink(RuleSet.builtIn());
        sink.report("PP104", Loc.pointer("/system"), "context");
        sink.report("PP104", Loc.pointer("/system"), "rules");
        sink.report("PP104", Loc.pointer("/system"), "context");
        assertThat(sink.findings()).extracting(Finding::message).satisfies(m -> {
            assertThat(m.get(0)).contains("context").doesNotContain("rules");
            assertThat(m.get(1)).contains("rules").doesNotContain("context");
            assertThat(m.get(2)).isEqualTo(m.get(0));
        });
    }

    @Test
    void sameDetailsGiveTheSameMessageAndFixInEveryTranslation() {
        FindingSink first = new FindingSink(RuleSet.builtIn());
        FindingSink second = new FindingSink(RuleSet.builtIn());
        first.report("PP104", Loc.pointer("/system"), "context");
        second.report("PP104", Loc.pointer("/messages/0/content"), "context");
        Finding a = first.findings().get(0);
        Finding b = second.findings().get(0);
        assertThat(b.message()).isEqualTo(a.message()).contains("context");
        assertThat(b.fix()).isEqualTo(a.fix());
        assertThat(b.location()).isNotEqualTo(a.location());
    }

    @Test
    void aKeptRenderingIsRenderedAgainForAnotherRuleSetsRule() {
        RenderedOnce kept = new RenderedOnce();
        RuleInfo rule = RuleSet.builtIn().effective("PP104");
        RuleInfo reworded = new RuleInfo(rule.id(), rule.title(), rule.feature(), rule.severity(), rule.effort(),
                rule.targets(), rule.match(), rule.rewrite(), "Tag {0} is open.", rule.fix(), "team.yaml");
        Object[] args = {"context"};
        assertThat(kept.of(rule, args).message()).isEqualTo(rule.render(rule.message(), args));
        assertThat(kept.of(reworded, args).message()).isEqualTo("Tag context is open.");
    }
}
