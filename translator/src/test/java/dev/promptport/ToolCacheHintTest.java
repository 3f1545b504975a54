package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateways let an OpenAI-format tool carry Claude's cache breakpoint beside its function
 * (LiteLLM's convention): it reaches Claude's tool, and is named where it is dropped.
 */
class ToolCacheHintTest {
    private static final String CHAT = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Weather?"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}},
               "cache_control":{"type":"ephemeral"}}]}""";

    @Test
    void aChatToolsCacheBreakpointReachesClaudesTool() throws Exception {
        Translation t = PromptPort.translate(CHAT, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/0/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\"}");
    }

    @Test
    void aResponsesToolsCacheBreakpointReachesClaudesToolWithItsTtl() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4.1","input":"Weather?","tools":[{"type":"function","name":"get_weather",
                 "parameters":{"type":"object","properties":{}},"cache_control":{"type":"ephemeral","ttl":"1h"}}]}""",
                InputFormat.OPENAI_RESPONSES, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/tools/0/cache_control/ttl").asText()).isEqualTo("1h");
    }

    @Test
    void aTargetWithoutBreakpointsIsToldItWasDroppedAtTheToolsOwnCacheControl() throws Exception {
        Translation t = PromptPort.translate(CHAT, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(t.json()).doesNotContain("cache_control");
        assertThat(finding(t, "PP113").location().pointer()).isEqualTo("/tools/0/cache_control");
    }
}
