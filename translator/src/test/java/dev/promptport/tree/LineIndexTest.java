package dev.promptport.tree;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineIndexTest {

    @Test
    void linesUpToAnOffsetPlaceEveryOffsetUpToItAsTheWholeIndexDoes() {
        String text = "\nab\n\ncd\r\nefg\n\n";
        LineIndex whole = LineIndex.of(text);
        for (int end = 0; end <= text.length(); end++) {
            LineIndex prefix = LineIndex.upTo(text, end);
            for (int offset = 0; offset <= end; offset++) {
                assertThat(prefix.line(offset)).as("line of %d up to %d", offset, end).isEqualTo(whole.line(offset));
                assertThat(prefix.column(offset)).as("column of %d up to %d", offset, end)
                        .isEqualTo(whole.column(offset));
            }
        }
    }

    @Test
    void placesOffsetsFromTheTextsOwnPosition() {
        LineIndex lines = LineIndex.upTo("a\nbc\nd", 4);
        assertThat(lines.locate(Loc.position(10, 5), 0)).isEqualTo(Loc.position(10, 5));
        assertThat(lines.locate(Loc.position(10, 5), 3)).isEqualTo(Loc.position(11, 2));
    }

    @Test
    void offsetsPastTheLastLineStartAndInTextsOfManyShortLinesAreStillPlaced() {
        String text = "x\n".repeat(300) + "tail";
        LineIndex lines = LineIndex.upTo(text, text.length());
        assertThat(lines.line(text.length() - 1)).isEqualTo(301);
        assertThat(lines.column(text.length() - 1)).isEqualTo(4);
        assertThat(lines.line(599)).isEqualTo(300);
        assertThat(lines.line(600)).isEqualTo(301);

        LineIndex longLines = LineIndex.upTo("a".repeat(1000) + "\nb", 1002);
        assertThat(longLines.line(1001)).isEqualTo(2);
        assertThat(longLines.line(Integer.MAX_VALUE)).isEqualTo(2);
    }
}
