package dev.promptport.tree;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarkupTest {

    private static Markup.Problem unclosed(String name, int offset) {
        return new Markup.Problem(Markup.Problem.Kind.UNCLOSED, name, offset, name.length() + 2);
    }

    @Test
    void problemsFoundOutOfOrderAreKeptInTextOrderTiesAsFound() {
        Markup m = new Markup(List.of(), List.of(unclosed("c", 30), unclosed("a", 10), unclosed("b1", 20), unclosed("b2", 20)));
        assertThat(m.problems()).extracting(Markup.Problem::name).containsExactly("a", "b1", "b2", "c");
    }

    @Test
    void tagSoupOfManyProblemsIsPutInTextOrderToo() {
        Random random = new Random(7);
        List<Markup.Problem> found = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            found.add(unclosed("t" + i, random.nextInt(1000)));
        }
        List<Markup.Problem> expected = new ArrayList<>(found);
        expected.sort(java.util.Comparator.comparingInt(Markup.Problem::offset));
        assertThat(new Markup(List.of(), found).problems()).containsExactlyElementsOf(expected);
    }
}
