package dev.promptport.corpus;

import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memo must never change a translation: every corpus request, translated for every golden
 * target with one shared memo, twice (the second time from what the first remembered), gives
 * the same request and the same findings at the same places as a translation without one.
 */
class CorpusMemoTest {

    @TestFactory
    List<DynamicTest> aRememberedTranslationIsTheSameAsAFreshOne() {
        TextMemo memo = new TextMemo(1024);
        Options plain = Options.DEFAULT.withPretty(true);
        Options remembering = plain.withMemo(memo);
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            for (String target : Corpus.TARGETS) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () -> {
                    Translation fresh = PromptPort.translate(c.inputText(), Target.of(target), plain);
                    for (int round = 0; round < 2; round++) {
                        Translation remembered = PromptPort.translate(c.inputText(), Target.of(target), remembering);
                        assertThat(remembered.json()).isEqualTo(fresh.json());
                        assertThat(remembered.findings()).isEqualTo(fresh.findings());
                    }
                }));
            }
        }
        return tests;
    }
}
