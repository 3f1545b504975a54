package dev.promptport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Risk findings say no more than is known: the field a request of any format leaves unset, a refusal that may come. */
class RiskMessagesTest {

    private static String message(Translation t, String id) {
        return t.findings().stream().filter(f -> f.id().equals(id)).map(Finding::message).findFirst().orElseThrow();
    }

    @Test
    void noOutputLimitIsNotCalledMissingMaxTokensInARequestThatHasNoSuchField() {
        Translation t = PromptPort.translate("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(message(t, "PP141")).isEqualTo("The request sets no output limit (max_tokens, max_completion_tokens or"
                + " maxOutputTokens); openai:gpt-4o then writes up to its own limit of 16384 tokens.");
    }

    @Test
    void anImageTypeACompatibleServerMayNotReadIsARiskNotACertainty() {
        String req = """
                {"max_tokens":100,"messages":[{"role":"user","content":[
                  {"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"Qk0="}},
                  {"type":"text","text":"What is this?"}]}]}""";
        assertThat(message(PromptPort.translate(req, Target.of("mistral:mistral-large-latest")), "PP144"))
                .isEqualTo("The image is image/bmp, which mistral:mistral-large-latest may refuse: the image types"
                        + " OpenAI-compatible servers commonly read are PNG, JPEG, WEBP and non-animated GIF.");
    }
}
