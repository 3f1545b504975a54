package dev.promptport.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiblingNamesTest {

    @Test
    void eachNameIsCountedAndPassedOnItsOwn() {
        SiblingNames names = new SiblingNames();
        names.add("example");
        names.add("rules");
        names.add("example");

        assertThat(names.total("example")).isEqualTo(2);
        assertThat(names.total("rules")).isEqualTo(1);
        assertThat(names.pass("example")).isEqualTo(1);
        assertThat(names.pass("rules")).isEqualTo(1);
        assertThat(names.pass("example")).isEqualTo(2);
    }

    @Test
    void manyNamesAreCountedAsFewAre() {
        SiblingNames names = new SiblingNames();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                names.add("section" + i);
            }
        }

        for (int i = 0; i < 40; i++) {
            assertThat(names.total("section" + i)).isEqualTo(3);
            assertThat(names.pass("section" + i)).isEqualTo(1);
        }
        assertThat(names.pass("section39")).isEqualTo(2);
    }
}
