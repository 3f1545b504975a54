package dev.promptport.corpus;

import dev.promptport.Finding;
import dev.promptport.Options;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every corpus case, translated for every golden target, must match the expected translation
 * and findings stored beside it. After a deliberate change, regenerate with
 * {@code mvn test -pl translator -Dtest=CorpusGoldenTest -Dpromptport.regenerate=true}, then
 * read the diff before committing it.
 */
class CorpusGoldenTest {

    static Translation translate(Corpus.Case c, String target) {
        Options pretty = Options.DEFAULT.withPretty(true);
        if (c.isRequest()) {
            return PromptPort.translate(c.inputText(), Target.of(target), pretty);
        }
        String name = c.input().getFileName().toString();
        Prompt prompt = name.endsWith(".prompty") ? Prompt.prompty(c.inputText())
                : name.endsWith(".prompt") ? Prompt.dotprompt(c.inputText()) : Prompt.system(c.inputText());
        return PromptPort.translate(prompt, Target.of(target), pretty);
    }

    static String findingsText(Translation t) {
        return t.findings().stream().map(Finding::oneLine).collect(Collectors.joining("\n", "", "\n"));
    }

    @TestFactory
    List<DynamicTest> translationsMatchTheirGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            for (String target : Corpus.TARGETS) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () -> check(c, target)));
            }
        }
        assertThat(tests).as("corpus cases").hasSizeGreaterThanOrEqualTo(40 * Corpus.TARGETS.size());
        return tests;
    }

    private static void check(Corpus.Case c, String target) throws IOException {
        Translation t = translate(c, target);
        String output = t.output().endsWith("\n") ? t.output() : t.output() + "\n";
        String findings = findingsText(t);
        Path expected = c.expected(target);
        Path expectedFindings = c.expectedFindings(target);
        if (Corpus.regenerate()) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, output, StandardCharsets.UTF_8);
            Files.writeString(expectedFindings, findings, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected) || !Files.exists(expectedFindings)) {
            fail("no golden file for " + c.name() + " -> " + target + "; write it with -Dpromptport.regenerate=true"
                    + " and read it before committing");
        }
        assertThat(output).as("translation of %s for %s", c.name(), target)
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(findings).as("findings of %s for %s", c.name(), target)
                .isEqualTo(Files.readString(expectedFindings, StandardCharsets.UTF_8));
    }
}
