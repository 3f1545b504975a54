package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    private static final Words MODAL = Words.of("should", "must", "shall");

    @Test
    void aWordOfTheTextIsLookedUpWhereItStandsInAnyCase() {
        String text = "Your answer MUST go in <answer> tags; it Should be brief.";

        assertThat(MODAL.at(text, text.indexOf("MUST"))).isTrue();
        assertThat(MODAL.at(text, text.indexOf("Should"))).isTrue();
        assertThat(MODAL.at(text, text.indexOf("answer"))).isFalse();
        assertThat(MODAL.at(text, -1)).as("no word before the sentence").isFalse();
    }

    @Test
    void aWordIsTheWholeRunOfLetters() {
        // "mustard" starts with "must" and "sh" is shorter than "shall": neither is the word
        String text = "mustard sh shallow";

        assertThat(MODAL.at(text, 0)).isFalse();
        assertThat(MODAL.at(text, 8)).isFalse();
        assertThat(MODAL.at(text, 11)).isFalse();
        assertThat(Words.is(text, 0, "must")).isFalse();
        assertThat(Words.is("must.", 0, "must")).isTrue();
    }

    @Test
    void aWordLongerThanEveryWordOfTheSetIsReadNoFurtherThanNeeded() {
        String huge = "a".repeat(1_000_000);

        assertThat(MODAL.at(huge, 0)).isFalse();
        assertThat(Words.is(huge, 0, "a")).isFalse();
        assertThat(Words.startsWith(huge, 0, "a", 4)).isFalse();
    }

    @Test
    void tagsAndAdverbsAreToldByTheirLetters() {
        assertThat(Words.startsWith("Tags", 0, "tag", 4)).isTrue();
        assertThat(Words.startsWith("tag", 0, "tag", 4)).isTrue();
        assertThat(Words.startsWith("tagline", 0, "tag", 4)).isFalse();
        assertThat(Words.startsWith("ta", 0, "tag", 4)).isFalse();
        assertThat(Words.endsWithLy("Only once", 0)).isTrue();
        assertThat(Words.endsWithLy("QUICKLY", 0)).isTrue();
        assertThat(Words.endsWithLy("y", 0)).isFalse();
        assertThat(MODAL.contains("must")).isTrue();
        assertThat(MODAL.contains("Must")).as("a String at hand is in lower case already").isFalse();
    }
}
