package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** image/jpg is no registered type but a common way to write JPEG; it is read as image/jpeg. */
class JpgMediaTypeTest {
    private static final String CHAT = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"What?"},
             {"type":"image_url","image_url":{"url":"data:image/jpg;base64,/9j/4AAQSkZJRgABAQ=="}}]}]}""";

    @Test
    void claudeGetsAJpgDataUrlAsAJpegImageWithoutAFinding() throws Exception {
        Translation t = PromptPort.translate(CHAT, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/0/content/1/source/media_type").asText()).isEqualTo("image/jpeg");
        assertThat(ids(t)).doesNotContain("PP121", "PP144");
    }

    @Test
    void geminiGetsItAsJpegToo() throws Exception {
        Translation t = PromptPort.translate(CHAT, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(t).at("/contents/0/parts/1/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(ids(t)).doesNotContain("PP121", "PP144");
    }

    @Test
    void aClaudeImageBlockDeclaredAsJpgIsReadAsJpegAlike() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":[
                 {"type":"image","source":{"type":"base64","media_type":"image/jpg","data":"/9j/4AAQSkZJRgABAQ=="}}]}]}""",
                InputFormat.ANTHROPIC, Target.of("gemini:gemini-2.5-pro"), Options.DEFAULT);
        assertThat(json(t).at("/contents/0/parts/0/inlineData/mimeType").asText()).isEqualTo("image/jpeg");
    }
}
