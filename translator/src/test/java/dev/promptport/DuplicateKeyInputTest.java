package dev.promptport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OpenAI and Gemini requests with a key twice in one object are refused at that key, not read with one value lost. */
class DuplicateKeyInputTest {

    private static PromptPortException refused(String json, InputFormat from) {
        return catchThrowableOfType(PromptPortException.class,
                () -> PromptPort.translate(json, from, Target.of("openai:gpt-4o"), Options.DEFAULT));
    }

    @Test
    void aChatMessageWithContentTwiceIsRefusedAtTheRepeatedKey() {
        PromptPortException e = refused("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Refund order 7.","content":"Hi"}]}""",
                InputFormat.OPENAI_CHAT);
        assertThat(e).isNotNull();
        assertThat(e.location().pointer()).isEqualTo("/messages/0/content");
        assertThat(e.getMessage()).contains("\"content\" appears twice");
    }

    @Test
    void aGeminiPartWithTextTwiceIsRefusedAtTheRepeatedKey() {
        PromptPortException e = refused("""
                {"contents":[{"role":"user","parts":[{"text":"first","text":"second"}]}]}""", InputFormat.GEMINI);
        assertThat(e).isNotNull();
        assertThat(e.location().pointer()).isEqualTo("/contents/0/parts/0/text");
    }

    @Test
    void aResponsesRequestWithInstructionsTwiceIsRefused() {
        PromptPortException e = refused("""
                {"model":"gpt-4o","instructions":"Be brief.","input":"Hi","instructions":"Be kind."}""",
                InputFormat.OPENAI_RESPONSES);
        assertThat(e).isNotNull();
        assertThat(e.location().pointer()).isEqualTo("/instructions");
    }
}
