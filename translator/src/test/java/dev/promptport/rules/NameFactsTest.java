package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A vocabulary remembers what each section name says, within bounds, without that changing its value. */
class NameFactsTest {

    private static TagVocabulary vocab() {
        return new TagVocabulary(Set.of("document"), Set.of("answer"));
    }

    @Test
    void aNamesFactsAreWorkedOutOnceAndAreTheSameAsWorkedOutAfresh() {
        TagVocabulary v = vocab();
        NameFacts.Facts first = v.names().of("search_documents");
        assertThat(v.names().of("search_documents")).isSameAs(first);
        assertThat(first.flags()).isEqualTo(NameFlags.of("search_documents", v));
        assertThat(first.words()).isEqualTo("Search documents");
    }

    @Test
    void longNamesAndNamesPastTheBoundAreWorkedOutButNotKept() {
        TagVocabulary v = vocab();
        String longName = "a".repeat(NameFacts.MAX_LENGTH + 1);
        assertThat(v.names().of(longName).words()).isEqualTo("A" + "a".repeat(NameFacts.MAX_LENGTH));
        assertThat(v.names().size()).isZero();

        for (int i = 0; i < NameFacts.MAX_NAMES + 10; i++) {
            v.names().of("name" + i + "x");
        }
        assertThat(v.names().size()).isEqualTo(NameFacts.MAX_NAMES);
        assertThat(v.names().of("answer").flags()).isEqualTo(NameFlags.of("answer", v));
    }

    @Test
    void whatAVocabularyRemembersIsNoPartOfItsValue() {
        TagVocabulary used = vocab();
        used.names().of("answer");
        assertThat(used).isEqualTo(vocab()).hasSameHashCodeAs(vocab());
        assertThat(used.toString()).isEqualTo(vocab().toString()).doesNotContain("NameFacts");
        assertThat(used).isNotEqualTo(new TagVocabulary(Set.of("document"), Set.of()));
    }
}
