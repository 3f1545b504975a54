package dev.promptport.rules;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** A line's start and end, looked up, are where reading back and forth from the place finds them. */
class LineStartsTest {

    @Property(tries = 500)
    void findsEveryPlacesLineAsReadingBackAndForthDoes(
            @ForAll @StringLength(max = 60) @CharRange(from = '\t', to = '\r') @CharRange(from = 'a', to = 'c') String shortText,
            @ForAll boolean indexed) {
        // a long text's lines are looked up in an index: the same text, padded past the threshold
        String text = indexed ? shortText + "x".repeat(LineStarts.INDEXED) : shortText;
        LineStarts lines = new LineStarts(text);
        for (int offset = 0; offset <= shortText.length() + 1 && offset <= text.length(); offset++) {
            int start = offset;
            while (start > 0 && text.charAt(start - 1) != '\n') {
                start--;
            }
            int end = text.indexOf('\n', offset);
            assertThat(lines.start(offset)).as("start of %d in %s", offset, text).isEqualTo(start);
            assertThat(lines.end(offset)).as("end of %d in %s", offset, text).isEqualTo(end < 0 ? text.length() : end);
        }
    }
}
