package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI's o1-mini takes no system and no developer message; its system text goes into user
 * messages where it stood, so none is lost, and each move is named (PP131).
 */
class SystemAsUserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Target O1_MINI = Target.of("openai:o1-mini");

    private static List<String> ids(Translation t) {
        return t.findings().stream().map(Finding::id).toList();
    }

    @Test
    void systemTextBecomesTheFirstUserMessageAndEverySystemTurnAUserMessageInPlace() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[
                  {"role":"system","content":"You review SQL migrations."},
                  {"role":"user","content":"ALTER TABLE a ADD b int;"},
                  {"role":"assistant","content":"Fine."},
                  {"role":"system","content":"From now on, answer in French."},
                  {"role":"user","content":"And DROP TABLE c;"}]}""", InputFormat.OPENAI_CHAT, O1_MINI, Options.DEFAULT);
        JsonNode messages = JSON.readTree(t.json()).path("messages");
        assertThat(t.json()).doesNotContain("\"system\"", "\"developer\"");
        // the writer joins a moved system message with the user message after it, as it joins any two of one role
        assertThat(messages).hasSize(3);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0/content").toString()).contains("You review SQL migrations.", "ALTER TABLE a ADD b int;");
        assertThat(messages.at("/2/role").asText()).isEqualTo("user");
        assertThat(messages.at("/2/content").toString()).contains("From now on, answer in French.", "And DROP TABLE c;");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP131")).extracting(Finding::message).containsExactly(
                "openai:o1-mini takes no system prompt (OpenAI refuses a request with a system or developer message for it), so the"
                        + " system text was sent as a user message before the conversation: the model reads it as words"
                        + " of the user, which it may follow less firmly than a system prompt.",
                "openai:o1-mini takes no system prompt (OpenAI refuses a request with a system or developer message for it), so this"
                        + " system message was sent as a user message where it stood: the model reads it as words of the"
                        + " user, which it may follow less firmly than a system prompt.");
    }

    @Test
    void textAddedToTheSystemPromptByEarlierStepsIsMovedToo() throws Exception {
        // the prefill instruction is added to the system text after the system text was read
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":500,"system":"Answer in JSON.",
                 "messages":[{"role":"user","content":"List two colours."},{"role":"assistant","content":"{"}]}""",
                O1_MINI);
        assertThat(t.json()).doesNotContain("\"role\":\"system\"", "\"role\":\"developer\"").contains("Answer in JSON.");
        assertThat(ids(t)).contains("PP131", "PP107");
        // o1-mini always reasons and takes no setting for it; its output limit counts the reasoning
        assertThat(t.json()).doesNotContain("reasoning_effort").contains("max_completion_tokens");
    }

    @Test
    void otherModelsKeepTheirSystemRole() throws Exception {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        assertThat(JSON.readTree(PromptPort.translate(req, Target.of("openai:o3-mini")).json()).at("/messages/0/role").asText())
                .isEqualTo("developer");
        assertThat(ids(PromptPort.translate(req, Target.of("openai:gpt-4o")))).doesNotContain("PP131");
    }

    @Test
    void aPromptFileIsToldWhereItsSystemTextMustGo() {
        Translation t = PromptPort.translate(Prompt.system("You review SQL migrations."), O1_MINI);
        assertThat(t.text()).isEqualTo("You review SQL migrations.");
        assertThat(t.findings()).filteredOn(f -> f.id().equals("PP131")).singleElement()
                .extracting(Finding::message).asString().contains("so this system text must reach it as a user message (a request written from");
    }

    @Test
    void aRequestWrittenFromAPromptFileSendsItsSystemTextAsAUserMessage() throws Exception {
        String file = """
                ---
                model: googleai/gemini-2.5-flash
                ---
                {{role "system"}}
                You review SQL migrations.
                {{role "user"}}
                Check {{query}}.
                """;
        Translation t = PromptPort.translate(Prompt.dotprompt(file), O1_MINI);
        JsonNode messages = JSON.readTree(t.json()).path("messages");
        assertThat(t.json()).doesNotContain("\"system\"", "\"developer\"").contains("You review SQL migrations.");
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(t.findings()).extracting(Finding::id).contains("PP131");
    }

    @Test
    void o1MiniFactsComeFromItsOwnEntry() {
        ModelFacts facts = O1_MINI.facts();
        assertThat(facts.contextWindow()).isEqualTo(128000);
        assertThat(facts.maxOutput()).isEqualTo(65536);
        assertThat(facts.vision()).isFalse();
        assertThat(facts.tools()).isFalse();
        assertThat(facts.stopLimit()).isZero();
        assertThat(facts.rejectsParameter("structured_output")).isTrue();
        // before it was listed, o1-mini borrowed o1's facts, system and developer role among them
        assertThat(Target.of("openai:o1-mini-2024-09-12").facts()).isEqualTo(facts);
    }

    @Test
    void aReplySchemaOrJsonModeIsNotSentToO1Mini() throws Exception {
        Translation schema = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Two colours"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"c","schema":{"type":"object",
                 "properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}}}}""",
                InputFormat.OPENAI_CHAT, O1_MINI, Options.DEFAULT);
        assertThat(schema.json()).doesNotContain("response_format");
        assertThat(schema.findings()).filteredOn(f -> f.id().equals("PP184")).singleElement().extracting(Finding::message)
                .asString().startsWith("openai:o1-mini has no structured output, so the JSON schema the reply must follow was not sent");
        Translation jsonMode = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Two colours as JSON"}],
                 "response_format":{"type":"json_object"}}""", InputFormat.OPENAI_CHAT, O1_MINI, Options.DEFAULT);
        assertThat(jsonMode.json()).doesNotContain("response_format");
        assertThat(jsonMode.findings()).filteredOn(f -> f.id().equals("PP184")).singleElement().extracting(Finding::message)
                .asString().contains("so JSON mode (a reply that is any JSON object) was not sent");
    }
}
