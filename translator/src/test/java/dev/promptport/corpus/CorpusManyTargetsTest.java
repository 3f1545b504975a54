package dev.promptport.corpus;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request translated for many targets at once (read once, as the audits do) gives each target
 * exactly what translating it for that target alone gives: the same request, findings, prefill
 * and tool names.
 */
class CorpusManyTargetsTest {

    private static final List<Target> TARGETS = List.of(Target.of("openai:gpt-4o"), Target.of("openai:o3"),
            Target.of("openai-responses:gpt-4o"), Target.of("gemini:gemini-2.5-pro"),
            Target.of("gemini:gemini-3-pro-preview"), Target.of("anthropic:claude-sonnet-4-5"),
            Target.of("deepseek:deepseek-reasoner"), Target.of("ollama:llama3.1"));

    @TestFactory
    List<DynamicTest> eachTargetGetsWhatItsOwnTranslationGives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                for (Options options : List.of(Options.DEFAULT, Options.DEFAULT.withFindingsOnly(true))) {
                    List<Translation> together = PromptPort.translate(c.inputText(), InputFormat.ANTHROPIC, TARGETS, options);
                    assertThat(together).hasSameSizeAs(TARGETS);
                    for (int i = 0; i < TARGETS.size(); i++) {
                        Translation alone = PromptPort.translate(c.inputText(), InputFormat.ANTHROPIC, TARGETS.get(i), options);
                        assertThat(together.get(i)).as(TARGETS.get(i).id()).isEqualTo(alone);
                    }
                }
            }));
        }
        return tests;
    }
}
