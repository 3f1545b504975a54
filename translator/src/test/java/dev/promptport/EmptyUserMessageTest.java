package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI takes a user message of "", Claude and Gemini refuse an empty text block. The empty
 * message goes, and a last one that went leaves a note so the request still ends on the user.
 */
class EmptyUserMessageTest {
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");
    private static final Target GEMINI = Target.of("gemini:gemini-2.5-pro");

    private static final String EMPTY_FIRST = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":""},
             {"role":"assistant","content":""},{"role":"user","content":"Hello?"}]}""";
    private static final String EMPTY_LAST = """
            {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"system","content":"S"},
             {"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"},{"role":"user","content":""}]}""";

    @Test
    void anEmptyFirstUserMessageIsDroppedNotMergedIntoTheNextAsAnEmptyBlock() throws Exception {
        Translation t = PromptPort.translate(EMPTY_FIRST, InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello?\"}]}]");
        assertThat(ids(t)).contains("PP133").doesNotContain("PP194");
    }

    @Test
    void anEmptyLastUserMessageBecomesANoteThatSaysItWasEmpty() throws Exception {
        Translation t = PromptPort.translate(EMPTY_LAST, InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        JsonNode last = json(t).at("/messages/2");
        assertThat(last.at("/role").asText()).isEqualTo("user");
        assertThat(last.at("/content/0/text").asText()).isEqualTo("[The user sent an empty message.]");
        assertThat(finding(t, "PP194").location().pointer()).isEqualTo("/messages/3");
        assertThat(ids(t)).doesNotContain("PP190");
    }

    @Test
    void anEmptyResponsesInputTextBecomesTheNoteToo() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4.1","max_output_tokens":200,
                 "input":[{"role":"user","content":[{"type":"input_text","text":""}]}]}""",
                InputFormat.OPENAI_RESPONSES, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/0/content/0/text").asText()).isEqualTo("[The user sent an empty message.]");
    }

    @Test
    void geminiGetsNoEmptyPartEither() throws Exception {
        Translation first = PromptPort.translate(EMPTY_FIRST, InputFormat.OPENAI_CHAT, GEMINI, Options.DEFAULT);
        assertThat(json(first).at("/contents").toString())
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello?\"}]}]");
        Translation last = PromptPort.translate(EMPTY_LAST, InputFormat.OPENAI_CHAT, GEMINI, Options.DEFAULT);
        assertThat(json(last).at("/contents/2/parts/0/text").asText()).isEqualTo("[The user sent an empty message.]");
    }

    @Test
    void openAiStillGetsTheEmptyMessageItTakes() throws Exception {
        Translation t = PromptPort.translate(EMPTY_LAST, InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).at("/messages/3/content").asText()).isEmpty();
        assertThat(ids(t)).doesNotContain("PP194", "PP133");
    }

    @Test
    void aClaudeMessageWithAnEmptyContentListIsTreatedAsAnEmptyString() throws Exception {
        String lists = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Hi"},
                 {"role":"assistant","content":"Yo"},{"role":"user","content":[]}]}""";
        String strings = lists.replace("[]", "\"\"");
        for (Target target : List.of(GEMINI, CLAUDE, Target.of("openai:gpt-4o"))) {
            Translation list = PromptPort.translate(lists, target);
            Translation string = PromptPort.translate(strings, target);
            assertThat(list.json()).as(target.toString()).isEqualTo(string.json());
            assertThat(ids(list)).as(target.toString()).isEqualTo(ids(string));
        }
        Translation gemini = PromptPort.translate(lists, GEMINI);
        assertThat(json(gemini).at("/contents/2/parts/0/text").asText()).isEqualTo("[The user sent an empty message.]");
        assertThat(finding(gemini, "PP194").location().pointer()).isEqualTo("/messages/2");
        ClaudeSdk.assertValidRequest(PromptPort.translate(lists, CLAUDE).json());
    }
}
