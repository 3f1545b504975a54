package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude continues a final assistant message as its reply and refuses one that ends in
 * whitespace; OpenAI takes it, so the whitespace goes for Claude and the change is named.
 */
class PrefillWhitespaceTest {
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    @Test
    void aPrefillEndingInALineBreakAndIndentIsTrimmedForClaude() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"List three fruits as JSON"},
                 {"role":"assistant","content":"[\\n  "}]}""", InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/1/content/0/text").asText()).isEqualTo("[");
        assertThat(finding(t, "PP195").location().pointer()).isEqualTo("/messages/1/content");
        assertThat(finding(t, "PP195").message()).contains("3 whitespace character(s)", "continues from \"[\"");
    }

    @Test
    void aResponsesAssistantTextEndingInASpaceIsTrimmedAndItsEmptyUserTurnStillGetsANote() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4.1","max_output_tokens":200,
                 "input":[{"role":"user","content":[{"type":"input_text","text":""}]},
                  {"role":"assistant","content":[{"type":"output_text","text":"Hi! ","annotations":[]}]}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages").toString()).doesNotContain("\"\"").contains("\"Hi!\"");
        assertThat(ids(t)).contains("PP195");
    }

    @Test
    void anAssistantTurnThatIsNotLastKeepsItsWhitespace() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Hi"},
                 {"role":"assistant","content":[{"type":"text","text":"Sure. "}]},{"role":"user","content":"Go on"}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertThat(json(t).at("/messages/1/content/0/text").asText()).isEqualTo("Sure. ");
        assertThat(ids(t)).doesNotContain("PP195");
    }

    @Test
    void aTargetWithoutPrefillIsAskedToBeginWithTheWholeTextWhitespaceIncluded() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Hi"},
                 {"role":"assistant","content":"Sure. "}]}""", InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).at("/messages/0/content").toString()).contains("following text, then continue it:\\nSure. \"");
        assertThat(ids(t)).doesNotContain("PP195");
    }
}
