package dev.promptport.read;

import dev.promptport.LimitExceededException;
import dev.promptport.LimitExceededException.Limit;
import dev.promptport.Limits;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TagScannerLimitsTest {

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "x" + "</a>".repeat(depth);
    }

    private static int levels(Markup m) {
        int levels = 0;
        List<Node> nodes = m.nodes();
        while (nodes.size() == 1 && nodes.get(0) instanceof Element e) {
            levels++;
            nodes = e.children();
        }
        return levels;
    }

    private static LimitExceededException refused(String text, Limits limits, Loc base) {
        return catchThrowableOfType(LimitExceededException.class, () -> TagScanner.scan(text, limits, base));
    }

    @Test
    void sectionsNestedExactlyAtTheDepthLimitBuildEveryLevel() {
        Markup m = TagScanner.scan(nested(5), Limits.DEFAULTS.withMaxTagDepth(5), Loc.NONE);
        assertThat(levels(m)).isEqualTo(5);
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void oneLevelPastTheDepthLimitIsRefusedAtTheOpeningTagThatGoesTooDeep() {
        LimitExceededException e = refused("first line\n  " + nested(6), Limits.DEFAULTS.withMaxTagDepth(5), Loc.position(1, 1));
        assertThat(e.limit()).isEqualTo(Limit.TAG_DEPTH);
        assertThat(e.value()).isEqualTo(5);
        assertThat(e.location()).isEqualTo(Loc.position(2, 3 + 5 * 3));
        assertThat(e.getMessage()).isEqualTo("the tags nest deeper than the tag depth limit (5); raise it with --max-tag-depth");
    }

    @Test
    void theDefaultDepthLimitIs512Levels() {
        assertThat(levels(TagScanner.scan(nested(512), Limits.DEFAULTS, Loc.NONE))).isEqualTo(512);
        assertThat(refused(nested(513), Limits.DEFAULTS, Loc.NONE).location()).isEqualTo(Loc.position(1, 512 * 3 + 1));
    }

    @Test
    void selfClosingAndUnpairedTagsDoNotCountTowardsTheDepth() {
        String text = "<a><b/><c>" + "<x>".repeat(10) + "</a>";
        Markup m = TagScanner.scan(text, Limits.DEFAULTS.withMaxTagDepth(1), Loc.NONE);
        assertThat(levels(m)).isEqualTo(1);
    }

    @Test
    void aTextWithExactlyTheTagLimitIsScannedAndOneTagMoreIsRefusedAtThatTag() {
        String text = "<a>1</a> <b/>\n<c>";
        assertThat(TagScanner.scan(text, Limits.DEFAULTS.withMaxTags(4), Loc.NONE).hasElements()).isTrue();
        LimitExceededException e = refused(text, Limits.DEFAULTS.withMaxTags(3), Loc.NONE);
        assertThat(e.limit()).isEqualTo(Limit.TAG_COUNT);
        assertThat(e.actual()).hasValue(4);
        assertThat(e.location()).isEqualTo(Loc.position(2, 1));
        assertThat(e.getMessage()).isEqualTo("the text holds 4 tags, more than the tag count limit (3); raise it with --max-tags");
    }

    @Test
    void tagsInsideCodeAreNotCounted() {
        String text = "```\n<a><b><c>\n```\n`<d>` <e>x</e>";
        assertThat(TagScanner.scan(text, Limits.DEFAULTS.withMaxTags(2), Loc.NONE).hasElements()).isTrue();
    }

    @Test
    void aHitInsideARequestStringNamesItsPointerAndTheLineAndColumnInTheString() {
        LimitExceededException e = refused("ok\n<a><a>x</a></a>", Limits.DEFAULTS.withMaxTagDepth(1),
                Loc.pointer("/system"));
        assertThat(e.location().display()).isEqualTo("/system:2:4");
    }

    @Test
    void theScanWithoutLimitsTakesTextAlreadyCheckedPastTheDefaults() {
        assertThat(levels(TagScanner.scan(nested(600)))).isEqualTo(600);
        assertThat(TagScanner.scan("<br/>".repeat(1_000_001)).hasElements()).isTrue();
    }

    @Test
    void theDefaultTagCountLimitIsAMillion() {
        String million = "<br/>".repeat(1_000_000);
        assertThat(TagScanner.scan(million, Limits.DEFAULTS, Loc.NONE).hasElements()).isTrue();
        assertThat(refused(million + "<br/>", Limits.DEFAULTS, Loc.NONE).actual()).hasValue(1_000_001);
    }
}
