package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemini's enum reply (one word of a list, as bare text) keeps its list on targets that have no
 * such reply type, as a JSON reply held to the words, and the change of reply form is named.
 */
class EnumReplyTest {

    private static final String ENUM = """
            {"contents":[{"role":"user","parts":[{"text":"Is this review positive?"}]}],
             "generationConfig":{"responseMimeType":"text/x.enum",
               "responseSchema":{"type":"STRING","enum":["positive","negative","neutral"]}}}""";

    private static Translation gemini(String req, String target) {
        return PromptPort.translate(req, InputFormat.GEMINI, Target.of(target), Options.DEFAULT);
    }

    @Test
    void anEnumReplyBecomesAJsonReplyHeldToTheWordsOnOpenAiAndClaude() throws Exception {
        Translation chat = gemini(ENUM, "openai:gpt-4o");
        JsonNode format = json(chat).path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema/properties/value/enum").toString())
                .isEqualTo("[\"positive\",\"negative\",\"neutral\"]");
        assertThat(format.at("/json_schema/schema/required/0").asText()).isEqualTo("value");
        assertThat(ids(chat)).contains("PP221").doesNotContain("PP115");
        assertThat(finding(chat, "PP221").message()).isEqualTo("generationConfig.responseMimeType text/x.enum asks for a reply"
                + " that is one word of [\"positive\",\"negative\",\"neutral\"]; openai:gpt-4o has no such reply type, so the"
                + " reply is held to that list as a JSON object whose \"value\" field is the word, and comes back as that"
                + " JSON rather than the bare word.");

        Translation responses = gemini(ENUM, "openai-responses:gpt-5");
        assertThat(json(responses).at("/text/format/schema/properties/value/enum")).hasSize(3);
        assertThat(ids(responses)).contains("PP221").doesNotContain("PP115");

        Translation claude = gemini(ENUM, "anthropic:claude-sonnet-4-5");
        ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/output_config/format/schema/properties/value/enum")).hasSize(3);
        assertThat(ids(claude)).contains("PP221").doesNotContain("PP115");
    }

    @Test
    void geminiKeepsItsEnumReplyAsItCame() throws Exception {
        Translation t = gemini(ENUM, "gemini:gemini-2.5-pro");
        assertThat(json(t).at("/generationConfig/responseMimeType").asText()).isEqualTo("text/x.enum");
        assertThat(json(t).at("/generationConfig/responseSchema/enum")).hasSize(3);
        assertThat(ids(t)).doesNotContain("PP221", "PP115");
    }

    @Test
    void anEnumReplyWithoutAListIsNamedAsNotSent() {
        Translation t = gemini("""
                {"contents":[{"role":"user","parts":[{"text":"Is this review positive?"}]}],
                 "generationConfig":{"responseMimeType":"text/x.enum"}}""", "openai:gpt-4o");
        assertThat(t.json()).doesNotContain("x.enum", "response_format");
        assertThat(ids(t)).contains("PP173").doesNotContain("PP115", "PP221");
        assertThat(finding(t, "PP173").message()).startsWith("generationConfig.responseMimeType (text/x.enum) was not sent");
    }
}
