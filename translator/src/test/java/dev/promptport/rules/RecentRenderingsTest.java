package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.tree.Loc;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule reported with several details in one request keeps all their renderings for the next. */
class RecentRenderingsTest {

    private final RuleInfo rule = RuleSet.builtIn().effective("PP102");

    @Test
    void keepsARenderingOfEachOfSeveralDetails() {
        RecentRenderings recent = new RecentRenderings();
        RenderedOnce.Text first = recent.of(rule, new Object[] {"verdict"});
        RenderedOnce.Text second = recent.of(rule, new Object[] {"scratchpad"});

        assertThat(recent.of(rule, new Object[] {"verdict"})).isSameAs(first);
        assertThat(recent.of(rule, new Object[] {"scratchpad"})).isSameAs(second);
        assertThat(second.message()).contains("scratchpad").doesNotContain("verdict");
    }

    @Test
    void detailsOfOneHashAreStillToldApart() {
        RecentRenderings recent = new RecentRenderings();
        // "Aa" and "BB" have the same String hash, so their details hash alike too
        RenderedOnce.Text aa = recent.of(rule, new Object[] {"Aa"});
        RenderedOnce.Text bb = recent.of(rule, new Object[] {"BB"});

        assertThat(bb.message()).contains("BB").doesNotContain("Aa");
        assertThat(recent.of(rule, new Object[] {"Aa"})).isSameAs(aa);
        assertThat(recent.of(rule, new Object[] {"BB"})).isSameAs(bb);
    }

    @Test
    void aRenderingOfAnotherRuleObjectIsNotTaken() {
        RecentRenderings recent = new RecentRenderings();
        Object[] args = {"verdict"};
        recent.of(rule, args);
        RuleInfo reworded = new RuleInfo(rule.id(), rule.title(), rule.feature(), rule.severity(), rule.effort(),
                rule.targets(), rule.match(), rule.rewrite(), "Answer in {0}.", rule.fix(), "team.yaml");

        assertThat(recent.of(reworded, args).message()).isEqualTo("Answer in verdict.");
    }

    @Test
    void whenFullTheOldestRenderingMakesWayAndIsRenderedAgainAlike() {
        RecentRenderings recent = new RecentRenderings();
        RenderedOnce.Text oldest = recent.of(rule, new Object[] {"tag0"});
        for (int i = 1; i <= RecentRenderings.SIZE; i++) {
            recent.of(rule, new Object[] {"tag" + i});
        }

        RenderedOnce.Text again = recent.of(rule, new Object[] {"tag0"});
        assertThat(again).isNotSameAs(oldest);
        assertThat(again.message()).isEqualTo(oldest.message());
        assertThat(recent.of(rule, new Object[] {"tag" + RecentRenderings.SIZE}).message()).contains("tag" + RecentRenderings.SIZE);
    }

    @Test
    void aFindingOfANewPlanTakesTheMessageTheLastRequestRendered() {
        RuleSet rules = RuleSet.builtIn();
        Finding[] before = reportTwoOutputTags(rules);
        Finding[] after = reportTwoOutputTags(rules);

        assertThat(after[0].message()).isSameAs(before[0].message()).contains("verdict");
        assertThat(after[1].message()).isSameAs(before[1].message()).contains("scratchpad");
        assertThat(after[1].fix()).isSameAs(before[1].fix());
    }

    /** As a plan made afresh for each request reports them: each finding with its own kept rendering. */
    private static Finding[] reportTwoOutputTags(RuleSet rules) {
        FindingSink sink = new FindingSink(rules);
        new SectionFinding(0, "PP102", "verdict").report(Loc.pointer("/system"), sink);
        new SectionFinding(9, "PP102", "scratchpad").report(Loc.pointer("/system"), sink);
        return sink.findings().toArray(Finding[]::new);
    }
}
