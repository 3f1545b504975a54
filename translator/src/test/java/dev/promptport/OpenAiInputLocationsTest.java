package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** Findings on an OpenAI request's generation options name and point at its own fields. */
class OpenAiInputLocationsTest {

    private static final String CHAT = """
            {"model":"gpt-4o","max_completion_tokens":300,"stop":["END"],
             "messages":[{"role":"user","content":"Hi"}]}""";

    private static Translation chat(String target) {
        return PromptPort.translate(CHAT, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
    }

    @Test
    void findingsOnAChatRequestsOptionsPointAtItsOwnFields() {
        assertThat(finding(chat("openai:o3"), "PP132").location().pointer()).isEqualTo("/stop");
        Finding renamed = finding(chat("anthropic:claude-sonnet-4-5"), "PP116");
        assertThat(renamed.location().pointer()).isEqualTo("/max_completion_tokens");
        assertThat(renamed.message()).startsWith("max_completion_tokens became max_tokens");
    }

    @Test
    void anOutputLimitAlreadyUnderTheTargetsNameIsNotReportedAsRenamed() {
        assertThat(ids(chat("openai:o3"))).doesNotContain("PP116");
        assertThat(ids(chat("openai:gpt-4o"))).doesNotContain("PP116");
    }

    @Test
    void findingsOnAResponsesRequestsOutputLimitPointAtMaxOutputTokens() {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_output_tokens":300,"input":"Hi"}""", InputFormat.OPENAI_RESPONSES,
                Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(finding(t, "PP116").location().pointer()).isEqualTo("/max_output_tokens");
        assertThat(finding(t, "PP116").message()).startsWith("max_output_tokens became max_completion_tokens");
    }

    @Test
    void findingsOnAGeminiRequestsOptionsNameItsOwnFields() {
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                 "generationConfig":{"topK":20,"maxOutputTokens":900000,"temperature":0.5}}""", InputFormat.GEMINI,
                Target.of("openai:o3"), Options.DEFAULT);
        assertThat(finding(t, "PP111").message()).startsWith("topK=20 was dropped");
        assertThat(finding(t, "PP125").message()).startsWith("maxOutputTokens=900000 is more than");
        assertThat(finding(t, "PP117").message()).startsWith("temperature=0.5 was dropped");
        assertThat(finding(PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"top_k":5,"messages":[{"role":"user","content":"Hi"}]}""",
                Target.of("openai:gpt-4o")), "PP111").message()).startsWith("top_k=5 was dropped");
    }
}
