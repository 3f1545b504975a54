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

    @Test
    void aGeminiFieldSpelledBothWaysInOneObjectIsRefusedAtTheSnakeCaseKey() {
        PromptPortException part = refused("""
                {"contents":[{"role":"user","parts":[{"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="},
                  "inline_data":{"mime_type":"image/jpeg","data":"/9j/4AAQ"}}]}]}""", InputFormat.GEMINI);
        assertThat(part).isNotNull();
        assertThat(part.location().pointer()).isEqualTo("/contents/0/parts/0/inline_data");
        assertThat(part.getMessage()).contains("\"inlineData\" is set twice");
        PromptPortException top = refused("""
                {"systemInstruction":{"parts":[{"text":"Be brief."}]},"system_instruction":{"parts":[{"text":"Be kind."}]},
                 "contents":[{"role":"user","parts":[{"text":"Hi"}]}]}""", InputFormat.GEMINI);
        assertThat(top).isNotNull();
        assertThat(top.location().pointer()).isEqualTo("/system_instruction");
        PromptPortException config = refused("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                 "generationConfig":{"topP":0.9,"top_p":0.5}}""", InputFormat.GEMINI);
        assertThat(config).isNotNull();
        assertThat(config.location().pointer()).isEqualTo("/generationConfig/top_p");
    }

    @Test
    void aSchemaMayHoldPropertiesWhoseNamesDifferOnlyInCase() {
        // property names are the caller's data, not Gemini's fields
        Translation t = PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                 "tools":[{"functionDeclarations":[{"name":"find","parameters":{"type":"OBJECT",
                   "properties":{"user_id":{"type":"STRING"},"userId":{"type":"STRING"}}}}]}]}""",
                InputFormat.GEMINI, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(t.json()).contains("\"user_id\"", "\"userId\"");
    }
}
