package dev.promptport.corpus;

import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request written for Claude passes Anthropic's own SDK ({@link ClaudeSdk}): each corpus
 * request, and each one translated to another vendor and read back.
 */
class CorpusClaudeSdkTest {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");
    private static final Map<String, InputFormat> VIA = Map.of(
            "openai:gpt-4o", InputFormat.OPENAI_CHAT,
            "gemini:gemini-2.5-pro", InputFormat.GEMINI,
            "openai-responses:gpt-4o", InputFormat.OPENAI_RESPONSES);

    private static void assertValidClaudeRequest(String json) {
        ClaudeSdk.assertValidRequest(json);
    }

    @org.junit.jupiter.api.Test
    void theOracleRejectsWhatClaudeWouldReject() {
        String ok = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertValidClaudeRequest(ok);
        for (String broken : List.of(
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"tool\",\"content\":\"Hi\"}]}",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                        + "[{\"type\":\"tool_result\",\"content\":\"x\"}]}]}",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":\"many\",\"messages\":[]}")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertValidClaudeRequest(broken))
                    .as(broken).hasMessageContaining("SDK rejects");
        }
    }

    @TestFactory
    List<DynamicTest> everyCorpusRequestWrittenForClaudePassesTheSdk() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (c.isRequest()) {
                tests.add(DynamicTest.dynamicTest(c.name(), () ->
                        assertValidClaudeRequest(PromptPort.translate(c.inputText(), CLAUDE).json())));
            }
        }
        assertThat(tests).as("corpus requests").hasSizeGreaterThanOrEqualTo(30);
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyCorpusRequestComesBackFromEachVendorAsAValidClaudeRequest() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : Corpus.cases()) {
            if (!c.isRequest()) {
                continue;
            }
            VIA.forEach((target, format) -> tests.add(DynamicTest.dynamicTest(c.name() + " via " + target, () -> {
                String there = PromptPort.translate(c.inputText(), Target.of(target)).json();
                assertValidClaudeRequest(PromptPort.translate(there, format, CLAUDE, Options.DEFAULT).json());
            })));
        }
        return tests;
    }
}
