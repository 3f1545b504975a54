package dev.promptport.rules;

import dev.promptport.rules.SectionRewrites.Result;
import org.junit.jupiter.api.Test;

import static dev.promptport.rules.SectionRewrites.rewrite;
import static org.assertj.core.api.Assertions.assertThat;

/** Empty tags that mark a place in the prompt are neither output contracts (PP102) nor unclosed (PP104, PP134). */
class PlaceMarkersTest {

    private static java.util.List<String> ids(Result r) {
        return r.findings().stream().map(dev.promptport.Finding::id).toList();
    }

    @Test
    void aSelfClosingTagTheEditIsMarkedWithIsNoOutputContract() {
        Result r = rewrite("The user's recent edit is marked with <recent-change/> in the file.\n");
        assertThat(ids(r)).doesNotContain("PP102");
        assertThat(r.text()).contains("<recent-change/>");
    }

    @Test
    void zedsInsertHereMarkersAreNeitherContractsNorUnclosed() {
        Result r = rewrite("<file>\nfn main() {\n    <insert_here>\n}\n</file>\n\nReplace the <insert_here> marker with code. "
                + "Write it where <insert_here/> appears.\n");
        assertThat(ids(r)).doesNotContain("PP102", "PP104", "PP134");
    }

    @Test
    void aSlotTheReplyFillsIsStillAnOutputContract() {
        assertThat(ids(rewrite("Give a score as <score/> at the end.\n"))).contains("PP102");
    }

    @Test
    void aRealUnclosedSectionIsStillNamed() {
        assertThat(ids(rewrite("<rules>\nBe brief.\n"))).contains("PP104");
        assertThat(ids(rewrite("<file>\nfn main() {\n    <rules>\n}\n</file>\n"))).contains("PP134");
    }
}
