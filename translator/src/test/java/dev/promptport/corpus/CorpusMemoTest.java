package dev.promptport.corpus;

import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.tree.TextMemo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A memo must never change a translation: every corpus request, translated for every golden
 * target with one shared memo, three times (the reader matches a string as written from its
 * third sighting; the rest is remembered from the second), gives the same request and the
 * same findings at the same places as a translation without one.
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
                    for (int round = 0; round < 3; round++) {
                        Translation remembered = PromptPort.translate(c.inputText(), Target.of(target), remembering);
                        assertThat(remembered.json()).isEqualTo(fresh.json());
                        assertThat(remembered.findings()).isEqualTo(fresh.findings());
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    void threadsSharingOneSmallMemoGetWhatAFreshTranslationGives() throws Exception {
        // a memo that must forget as it goes, shared by four threads, as a traffic audit shares one
        Options remembering = Options.DEFAULT.withMemo(new TextMemo(8));
        List<Corpus.Case> requests = Corpus.cases().stream().filter(Corpus.Case::isRequest).toList();
        List<String> targets = List.of("openai:gpt-4o", "gemini:gemini-2.5-pro");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < requests.size() * 3; i++) {
                        Corpus.Case c = requests.get((i + offset * 7) % requests.size());
                        Target target = Target.of(targets.get(i % targets.size()));
                        Translation fresh = PromptPort.translate(c.inputText(), target);
                        Translation remembered = PromptPort.translate(c.inputText(), dev.promptport.InputFormat.ANTHROPIC,
                                target, remembering);
                        assertThat(remembered.json()).as(c.name()).isEqualTo(fresh.json());
                        assertThat(remembered.findings()).as(c.name()).isEqualTo(fresh.findings());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
