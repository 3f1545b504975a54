package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A text written as source ranges and strings reads, cuts and joins as one text. */
class SplicedTest {

    private static final String SOURCE = "<rules>\nBe brief – always.\n</rules>\n";

    @Test
    void joinsRangesOfTheSourceAndStringsInTheOrderWritten() {
        Spliced out = new Spliced(SOURCE, 2);
        out.append("# ");
        out.append("Rules");
        out.append("\n\n");
        out.appendSource(8, 27);
        out.appendSource(0, 1);

        assertThat(out.toString()).isEqualTo("# Rules\n\nBe brief – always.\n<");
        assertThat(out.length()).isEqualTo(out.toString().length());
    }

    @Test
    void aRangeThatContinuesTheLastOneReadsAsOne() {
        Spliced out = new Spliced(SOURCE, 4);
        out.appendSource(8, 11);
        out.appendSource(11, 16);

        assertThat(out.toString()).isEqualTo("Be brief");
        assertThat(out.charAt(2)).isEqualTo(' ');
    }

    @Test
    void readsCharactersNearTheEndAcrossPieces() {
        Spliced out = new Spliced(SOURCE, 4);
        out.append("the ");
        out.appendSource(8, 10);
        out.append("!");

        assertThat(out.charAt(out.length() - 1)).isEqualTo('!');
        assertThat(out.charAt(out.length() - 2)).isEqualTo('e');
        assertThat(out.charAt(0)).isEqualTo('t');
    }

    @Test
    void cutsBackAcrossStringsAndRanges() {
        Spliced out = new Spliced(SOURCE, 4);
        out.appendSource(8, 17);
        out.append("\n\n");
        out.append("tail  ");
        out.setLength(out.length() - 2);
        assertThat(out.toString()).isEqualTo("Be brief \n\ntail");

        out.setLength(8);
        out.append(".");
        assertThat(out.toString()).isEqualTo("Be brief.");
    }

    @Test
    void cutsTheRangeBeingWrittenAndWritesOnFromTheSource() {
        Spliced out = new Spliced(SOURCE, 4);
        out.appendSource(8, 17);
        out.setLength(6);
        out.appendSource(14, 16);
        out.append("!");

        assertThat(out.toString()).isEqualTo("Be brief!");
    }

    @Test
    void growsPastItsEstimateAndIsEmptyWhenNothingIsWritten() {
        Spliced out = new Spliced(SOURCE, 1);
        assertThat(out.toString()).isEmpty();
        for (int i = 0; i < 20; i++) {
            out.append("x");
            out.appendSource(8, 9);
        }
        assertThat(out.toString()).isEqualTo("xB".repeat(20));
    }
}
