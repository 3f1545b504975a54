package dev.promptport.corpus;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.promptport.RoundTripAssertions.assertSameContent;

/**
 * Every corpus request, translated to OpenAI Chat, OpenAI Responses and Gemini and read back to Claude, keeps
 * its prose, tool calls and tool results in order (what a target cannot take at all, such as
 * Claude-hosted tools and thinking history, is named by findings on the way out and is not
 * compared).
 */
class CorpusRoundTripTest {

    private static final Map<String, InputFormat> VIA = Map.of(
            "openai:gpt-4o", InputFormat.OPENAI_CHAT,
            "gemini:gemini-2.5-pro", InputFormat.GEMINI,
            "openai-responses:gpt-4o", InputFormat.OPENAI_RESPONSES);

    @TestFactory
    List<DynamicTest> corpusRequestsSurviveTheRoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        Target claude = Target.of("anthropic:claude-sonnet-4-5");
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            VIA.forEach((target, format) -> tests.add(DynamicTest.dynamicTest(c.name() + " via " + target, () -> {
                var there = PromptPort.translate(c.inputText(), Target.of(target));
                String back = PromptPort.translate(there.json(), format, claude, Options.DEFAULT).json();
                assertSameContent(c.inputText(), back, there.toolNames());
            })));
        }
        return tests;
    }
}
