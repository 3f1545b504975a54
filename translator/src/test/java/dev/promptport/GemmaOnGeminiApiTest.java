package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemma models on the Gemini API refuse a systemInstruction (400 "Developer instruction is not
 * enabled for models/gemma-3-27b-it"), function tools and JSON mode: the system text starts the
 * first user turn, named (PP131), and tools and reply schemas are left out, named.
 */
class GemmaOnGeminiApiTest {

    private static final Target GEMMA = Target.of("gemini:gemma-3-27b-it");

    @Test
    void theSystemPromptStartsTheFirstUserTurnInsteadOfASystemInstruction() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":400,"system":"You review SQL migrations.",
                 "messages":[{"role":"user","content":"ALTER TABLE a ADD b int;"}]}""", GEMMA);
        JsonNode out = json(t);
        assertThat(out.has("systemInstruction")).isFalse();
        assertThat(out.at("/contents")).hasSize(1);
        assertThat(out.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(out.at("/contents/0/parts/0/text").asText()).isEqualTo("You review SQL migrations.");
        assertThat(out.at("/contents/0/parts/1/text").asText()).isEqualTo("ALTER TABLE a ADD b int;");
        assertThat(finding(t, "PP131").message()).startsWith("gemini:gemma-3-27b-it takes no system prompt"
                + " (the Gemini API refuses a request with a systemInstruction for it)");
        assertThat(t.target().factsFrom()).isNull();
    }

    @Test
    void aPromptFilesSystemTextIsWrittenIntoTheFirstUserTurnToo() throws Exception {
        Translation t = PromptPort.translate(Prompt.dotprompt("""
                ---
                model: googleai/gemini-2.5-flash
                ---
                {{role "system"}}
                You review SQL migrations.
                {{role "user"}}
                Check the migration.
                """), GEMMA);
        JsonNode out = json(t);
        assertThat(out.has("systemInstruction")).isFalse();
        assertThat(out.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(out.at("/contents/0/parts").toString()).contains("You review SQL migrations.", "Check the migration.");
        assertThat(ids(t)).contains("PP131");
    }

    @Test
    void geminiModelsKeepTheirSystemInstruction() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":400,"system":"Be brief.",
                 "messages":[{"role":"user","content":"Hi"}]}""", Target.of("gemini:gemini-2.5-flash"));
        assertThat(json(t).at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
        assertThat(ids(t)).doesNotContain("PP131");
    }

    @Test
    void toolsAndAReplySchemaAreLeftOutAndNamed() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Weather in Oslo?"}],
                 "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object",
                   "properties":{"city":{"type":"string"}}}}}],
                 "response_format":{"type":"json_object"}}""", InputFormat.OPENAI_CHAT, GEMMA, Options.DEFAULT);
        JsonNode out = json(t);
        assertThat(out.has("tools")).isFalse();
        assertThat(out.at("/generationConfig/responseMimeType").isMissingNode()).isTrue();
        assertThat(ids(t)).contains("PP127", "PP184");
    }
}
