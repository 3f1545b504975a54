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

        int length = out.length();
        assertThat(out.text()).isEqualTo("# Rules\n\nBe brief – always.\n<").hasSize(length);
    }

    @Test
    void aRangeThatContinuesTheLastOneReadsAsOne() {
        Spliced out = new Spliced(SOURCE, 4);
        out.appendSource(8, 11);
        out.appendSource(11, 16);

        assertThat(out.charAt(2)).isEqualTo(' ');
        assertThat(out.text()).isEqualTo("Be brief");
    }

    @Test
    void readsCharactersAcrossPieces() {
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
        assertThat(out.charAt(out.length() - 1)).isEqualTo('l');

        out.setLength(8);
        out.append(".");
        assertThat(out.text()).isEqualTo("Be brief.");
    }

    @Test
    void cutsTheRangeBeingWrittenAndWritesOnFromTheSource() {
        Spliced out = new Spliced(SOURCE, 4);
        out.appendSource(8, 17);
        out.setLength(6);
        out.appendSource(14, 16);
        out.append("!");

        assertThat(out.text()).isEqualTo("Be brief!");
    }

    @Test
    void growsPastItsEstimate() {
        Spliced out = new Spliced(SOURCE, 1);
        for (int i = 0; i < 40; i++) {
            out.append("x");
            out.appendSource(8, 9);
        }
        assertThat(out.text()).isEqualTo("xB".repeat(40));
    }

    @Test
    void isEmptyWhenNothingIsWritten() {
        assertThat(new Spliced(SOURCE, 1).text()).isEmpty();
    }

    @Test
    void aTextMadeAfterAnotherInTheSameThreadHoldsNothingOfItsBuffer() {
        Spliced first = new Spliced(SOURCE, 40);
        first.append("a long first text that fills the buffer");
        assertThat(first.text()).isEqualTo("a long first text that fills the buffer");

        Spliced second = new Spliced(SOURCE, 0);
        second.appendSource(8, 10);
        assertThat(second.text()).isEqualTo("Be");
    }

    @Test
    void aHugeTextIsWrittenInABufferOfItsOwn() {
        String huge = "y".repeat(70_000);
        Spliced out = new Spliced(huge, 0);
        out.appendSource(0, huge.length());
        out.append("!");
        assertThat(out.text()).hasSize(70_001).endsWith("y!");
    }
}
