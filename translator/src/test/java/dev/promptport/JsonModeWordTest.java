package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI refuses JSON mode ("'messages' must contain the word 'json' in some form") when no
 * message mentions JSON; Gemini's JSON mode asks no such thing, so a Gemini request can lack it.
 */
class JsonModeWordTest {

    private static String gemini(String question) {
        return """
                {"contents":[{"role":"user","parts":[{"text":"%s"}]}],
                 "generationConfig":{"maxOutputTokens":300,"responseMimeType":"application/json"}}""".formatted(question);
    }

    @Test
    void jsonModeWithoutTheWordJsonGetsALineInTheSystemPromptForOpenAi() throws Exception {
        Translation t = PromptPort.translate(gemini("List three colours with their hex codes."), InputFormat.GEMINI,
                Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).at("/response_format/type").asText()).isEqualTo("json_object");
        assertThat(json(t).at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("Reply with a JSON object.");
        assertThat(finding(t, "PP213").message()).contains("openai:gpt-4o", "Reply with a JSON object.");
        assertThat(finding(t, "PP213").location().pointer()).isEqualTo("/generationConfig/responseMimeType");
    }

    @Test
    void theResponsesApiGetsTheLineInItsInstructions() throws Exception {
        Translation t = PromptPort.translate(gemini("List three colours."), InputFormat.GEMINI,
                Target.of("openai-responses:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).at("/text/format/type").asText()).isEqualTo("json_object");
        assertThat(t.json()).contains("Reply with a JSON object.");
        assertThat(ids(t)).contains("PP213");
    }

    @Test
    void aPromptThatMentionsJsonInAnyCaseIsLeftAsItIs() throws Exception {
        for (String q : new String[] {"List three colours as JSON.", "Answer in json", "Return a JSONL-free Json object"}) {
            Translation t = PromptPort.translate(gemini(q), InputFormat.GEMINI, Target.of("openai:gpt-4o"), Options.DEFAULT);
            assertThat(ids(t)).as(q).doesNotContain("PP213");
            assertThat(json(t).at("/messages/0/role").asText()).as(q).isEqualTo("user");
        }
    }

    @Test
    void geminiAndClaudeTargetsGetNoLine() throws Exception {
        String chat = """
                {"model":"gpt-4o","max_tokens":100,"response_format":{"type":"json_object"},
                 "messages":[{"role":"user","content":"List three colours."}]}""";
        for (String target : new String[] {"gemini:gemini-2.5-pro", "anthropic:claude-sonnet-4-5"}) {
            Translation t = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(ids(t)).as(target).doesNotContain("PP213");
            assertThat(t.json()).as(target).doesNotContain("Reply with a JSON object.");
        }
    }
}
