package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI takes parallel_tool_calls: false beside tool_choice "none"; Claude's "none" choice has
 * no disable_parallel_tool_use, and with no call allowed nothing is lost without it.
 */
class ToolChoiceNoneOneAtATimeTest {

    private static final String REQUEST = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Hi"}],
             "tools":[{"type":"function","function":{"name":"get_weather","description":"w",
               "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}],
             "tool_choice":"none","parallel_tool_calls":false}""";

    @Test
    void claudeGetsANoneChoiceWithoutTheOneCallAtATimeFlag() throws Exception {
        Translation t = PromptPort.translate(REQUEST, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).path("tool_choice").toString()).isEqualTo("{\"type\":\"none\"}");
    }

    @Test
    void aTargetWithoutTheSwitchIsNotToldOneCallAtATimeWasLostWhenNoCallIsAllowed() throws Exception {
        Translation t = PromptPort.translate(REQUEST, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(ids(t)).doesNotContain("PP191");
    }
}
