package dev.promptport.corpus;

import com.anthropic.core.ObjectMappers;
import dev.promptport.InputFormat;
import dev.promptport.Options;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Anthropic publishes no current OpenAPI description, so its official Java SDK is the oracle for
 * requests written for Claude: each must parse into the SDK's {@code MessageCreateParams} body
 * and pass its {@code validate()} (required fields, block and tool variants, value types). Hosted
 * tools that are still in beta, such as computer use, exist only in the SDK's beta types, which
 * a request that the GA types reject is checked against instead.
 */
class CorpusClaudeSdkTest {

    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");
    private static final Map<String, InputFormat> VIA = Map.of(
            "openai:gpt-4o", InputFormat.OPENAI_CHAT,
            "gemini:gemini-2.5-pro", InputFormat.GEMINI,
            "openai-responses:gpt-4o", InputFormat.OPENAI_RESPONSES);

    /** Parses and validates {@code json} with the SDK, failing the test with the SDK's reason. */
    static void assertValidClaudeRequest(String json) {
        try {
            ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.messages.MessageCreateParams.Body.class)
                    .validate();
            return;
        } catch (Exception ga) {
            try {
                ObjectMappers.jsonMapper().readValue(json, com.anthropic.models.beta.messages.MessageCreateParams.Body.class)
                        .validate();
            } catch (Exception beta) {
                fail("Anthropic's SDK rejects the request: " + ga.getMessage() + "\n" + json);
            }
        }
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
