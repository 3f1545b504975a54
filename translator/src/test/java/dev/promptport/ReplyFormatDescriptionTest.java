package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI's json_schema format carries a description beside the schema; it reaches OpenAI as
 * written, and Claude and Gemini, which have no such field, in the schema's own description.
 */
class ReplyFormatDescriptionTest {
    private static final String DESCRIPTION = "A rating from 1 to 5; never include spoilers.";

    private static String chat(String schemaDescription) {
        return """
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Rate Up"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"rating","description":"%s",
                  "schema":{%s"type":"object","properties":{"score":{"type":"integer"}},"required":["score"],
                   "additionalProperties":false}}}}""".formatted(DESCRIPTION, schemaDescription);
    }

    @Test
    void openAiTargetsGetTheDescriptionBesideTheSchema() throws Exception {
        Translation t = PromptPort.translate(chat(""), InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).at("/response_format/json_schema/description").asText()).isEqualTo(DESCRIPTION);
        Translation r = PromptPort.translate("""
                {"model":"gpt-4.1","input":"Rate Up","text":{"format":{"type":"json_schema","name":"rating",
                 "description":"%s","schema":{"type":"object","properties":{"score":{"type":"integer"}},
                 "required":["score"],"additionalProperties":false}}}}""".formatted(DESCRIPTION),
                InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-4.1"), Options.DEFAULT);
        assertThat(json(r).at("/text/format/description").asText()).isEqualTo(DESCRIPTION);
        assertThat(ids(t)).doesNotContain("PP196");
    }

    @Test
    void claudeGetsTheDescriptionAsTheSchemasOwn() throws Exception {
        Translation t = PromptPort.translate(chat(""), InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/output_config/format/schema/description").asText()).isEqualTo(DESCRIPTION);
        assertThat(finding(t, "PP196").message()).contains("put in the schema as its top-level description");
        assertThat(finding(t, "PP196").location().pointer()).isEqualTo("/response_format/json_schema/description");
    }

    @Test
    void aSchemaWithADescriptionOfItsOwnKeepsItAndTheOtherIsNamedAsNotSent() throws Exception {
        Translation t = PromptPort.translate(chat("\"description\":\"Own\","), InputFormat.OPENAI_CHAT,
                Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(t).at("/output_config/format/schema/description").asText()).isEqualTo("Own");
        assertThat(finding(t, "PP196").message()).contains("was not sent");
    }

    @Test
    void geminiGetsTheDescriptionInTheSchemaToo() throws Exception {
        Translation t = PromptPort.translate(chat(""), InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(t).toString()).contains(DESCRIPTION);
        assertThat(ids(t)).contains("PP196");
    }

    @Test
    void aTargetWithoutSchemasGetsTheSchemaItsNameAndDescriptionInTheSystemPrompt() throws Exception {
        Translation t = PromptPort.translate(chat(""), InputFormat.OPENAI_CHAT, Target.of("deepseek:deepseek-chat"),
                Options.DEFAULT);
        // DeepSeek's own max_tokens is the one warning OpenAI's spec gives
        assertThat(dev.promptport.spec.OpenAiSpec.require().checkChatRequest(t.json()).failures()).isEmpty();
        assertThat(json(t).at("/response_format/type").asText()).isEqualTo("json_object");
        String system = json(t).at("/messages/0/content").asText();
        assertThat(json(t).at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(system).contains("JSON schema", "\"score\"", "rating", DESCRIPTION);
        assertThat(finding(t, "PP162").message()).startsWith("deepseek:deepseek-chat is sent to an API that takes JSON mode"
                        + " (response_format json_object) but no JSON schema")
                .contains("\"rating\" and its description was added to the end of the system prompt");
        assertThat(ids(t)).doesNotContain("PP196");
    }
}
