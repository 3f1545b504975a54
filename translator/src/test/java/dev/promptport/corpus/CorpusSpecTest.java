package dev.promptport.corpus;

import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request in the corpus, translated for every golden target, is a request OpenAI's own
 * API description accepts: no schema error, no broken rule, no undeclared or deprecated field.
 */
class CorpusSpecTest {

    @TestFactory
    List<DynamicTest> everyTranslatedRequestValidatesAgainstOpenAisSpec() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            for (String target : List.of("openai:gpt-4o", "openai:o3", "openai:gpt-5", "openai:gpt-4.1")) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () ->
                        OpenAiSpec.require().assertCleanChatRequest(CorpusGoldenTest.translate(c, target).json())));
            }
            for (String target : List.of("openai-responses:gpt-5", "openai-responses:gpt-4o", "openai-responses:o3")) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -> " + target, () ->
                        OpenAiSpec.require().assertCleanResponsesRequest(CorpusGoldenTest.translate(c, target).json())));
            }
        }
        return tests;
    }
}
