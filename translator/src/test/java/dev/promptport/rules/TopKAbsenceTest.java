package dev.promptport.rules;

import dev.promptport.Finding;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.write.ChatDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PP111 says what lacks top_k: the API the request is sent to, not the model, which samples with top-k as any does. */
class TopKAbsenceTest {

    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"top_k\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static String pp111(String target) {
        Translation t = PromptPort.translate(REQUEST, Target.of(target));
        return t.findings().stream().filter(f -> f.id().equals("PP111")).map(Finding::message).findFirst().orElseThrow();
    }

    @Test
    void droppedTopKNamesTheApiThatHasNoFieldForIt() {
        assertThat(pp111("openai:gpt-4o")).isEqualTo(
                "top_k=5 was dropped: openai:gpt-4o is sent to OpenAI's Chat Completions API, which has no top_k field.");
        assertThat(pp111("openai-responses:gpt-5")).isEqualTo(
                "top_k=5 was dropped: openai-responses:gpt-5 is sent to OpenAI's Responses API, which has no top_k field.");
        assertThat(pp111("azure:gpt-4o")).contains("is sent to Azure OpenAI's Chat Completions API, which has no top_k field.");
        assertThat(pp111("mistral:mistral-large-latest")).contains("is sent to Mistral's chat completion API");
        assertThat(pp111("groq:llama-3.3-70b-versatile")).contains("is sent to Groq's Chat Completions API");
        assertThat(pp111("deepseek:deepseek-chat")).contains("is sent to DeepSeek's Chat Completions API");
        assertThat(pp111("ollama:llama3.1")).contains("Ollama's own /api/chat takes top_k");
    }

    @Test
    void anApiThatHasTheFieldLeavesTheRefusalToTheModel() {
        Target gemini = Target.of("gemini:gemini-2.5-pro");
        assertThat(TopKAbsence.why(gemini.facts(), ChatDialect.of("gemini"), "gemini:some-model"))
                .isEqualTo("gemini:some-model refuses top_k");
        Target together = Target.of("together:meta-llama/Llama-3.3-70B-Instruct-Turbo");
        assertThat(TopKAbsence.why(together.facts(), ChatDialect.TOGETHER, "together:m")).isEqualTo("together:m refuses top_k");
    }
}
