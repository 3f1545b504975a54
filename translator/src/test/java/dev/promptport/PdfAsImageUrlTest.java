package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A PDF sent where an image goes (LiteLLM's convention) is read as the document it is. */
class PdfAsImageUrlTest {
    private static final String PDF = "data:application/pdf;base64,JVBERi0xLjQK";

    @Test
    void aChatImageUrlHoldingAPdfReachesClaudeAsADocument() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"Read"},
                 {"type":"image_url","image_url":{"url":"%s"}}]}]}""".formatted(PDF),
                InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/0/content/1").toString()).isEqualTo(
                "{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBERi0xLjQK\"}}");
        assertThat(ids(t)).doesNotContain("PP121");
    }

    @Test
    void aResponsesInputImageHoldingAPdfReachesGeminiAndOpenAiAsAFile() throws Exception {
        String request = """
                {"model":"gpt-4.1","input":[{"role":"user","content":[{"type":"input_text","text":"Read"},
                 {"type":"input_image","image_url":"%s"}]}]}""".formatted(PDF);
        Translation gemini = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(gemini).at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("application/pdf");
        Translation chat = PromptPort.translate(request, InputFormat.OPENAI_RESPONSES, Target.of("openai:gpt-4o"),
                Options.DEFAULT);
        assertThat(json(chat).at("/messages/0/content/1/type").asText()).isEqualTo("file");
        assertThat(ids(gemini)).doesNotContain("PP121");
    }
}
