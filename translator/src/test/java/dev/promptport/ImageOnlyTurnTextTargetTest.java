package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For a target that reads text only (DeepSeek), a user message that held only an image is not
 * dropped or sent empty: a note takes its place and is named (PP211).
 */
class ImageOnlyTurnTextTargetTest {

    private static Translation translate(String request, String target) {
        return PromptPort.translate(request, InputFormat.ANTHROPIC, Target.of(target), Options.DEFAULT);
    }

    @Test
    void anImageOnlyFirstMessageBecomesANoteSoTheConversationStillStartsWithTheUser() throws Exception {
        Translation t = translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}}]},
                 {"role":"assistant","content":"A cat."},{"role":"user","content":"What colour?"}]}
                """, "deepseek:deepseek-chat");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("[The attachment sent here could not be included for this model.]");
        assertThat(ids(t)).contains("PP126", "PP211");
        assertThat(finding(t, "PP211").message()).contains("deepseek:deepseek-chat");
    }

    @Test
    void anImageOnlyMessageBetweenTwoRepliesKeepsTheRepliesApart() throws Exception {
        Translation t = translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Look"},
                 {"role":"assistant","content":"Send it."},
                 {"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]},
                 {"role":"assistant","content":"A cat."},{"role":"user","content":"What colour?"}]}
                """, "deepseek:deepseek-chat");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(5);
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Send it.");
        assertThat(messages.get(2).path("content").asText()).startsWith("[The attachment");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("A cat.");
    }

    @Test
    void aTargetThatReadsImagesGetsTheImage() {
        Translation t = translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}}]},
                 {"role":"assistant","content":"A cat."},{"role":"user","content":"What colour?"}]}
                """, "openai:gpt-4o");
        assertThat(ids(t)).doesNotContain("PP211");
        assertThat(t.json()).contains("https://example.com/cat.png");
    }

    @Test
    void aLastUserMessageLeftEmptyBeforeAPrefillKeepsANoteInsteadOfVanishing() throws Exception {
        // Claude takes the prefill as it is, so nothing joins the user message: its block of a type
        // Claude has not is left out and, before, the message went with it and a made-up
        // "Please continue." took its place
        Translation t = translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"input_audio","input_audio":{"data":"UklGRg==","format":"wav"}}]},
                 {"role":"assistant","content":"{\\"total\\":"}]}
                """, "anthropic:claude-sonnet-4-5");
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).at("/content/0/text").asText()).isEqualTo("[What the user sent here could not be included for this model.]");
        assertThat(messages.get(1).at("/content/0/text").asText()).isEqualTo("{\"total\":");
        assertThat(ids(t)).contains("PP129", "PP211").doesNotContain("PP185");
    }
}
