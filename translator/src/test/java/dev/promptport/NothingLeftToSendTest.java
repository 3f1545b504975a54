package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every API refuses a request without messages. A user message whose content the target cannot
 * take (whichever step left it out) becomes a note that says so; a request with no user message
 * whose other messages leave nothing is refused with a reason, not sent as an empty list.
 */
class NothingLeftToSendTest {
    private static final Target GPT4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");

    @Test
    void aUserMessageHoldingOnlyThinkingBecomesANoteNamedByPp190() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,
                 "messages":[{"role":"user","content":[{"type":"redacted_thinking","data":"abc"}]}]}""", GPT4O);
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.at("/0/role").asText()).isEqualTo("user");
        assertThat(messages.at("/0/content").asText())
                .isEqualTo("[What the user sent here could not be included for this model.]");
        assertThat(finding(t, "PP110").message()).startsWith("A redacted_thinking block from a user message was dropped");
        Finding note = finding(t, "PP190");
        assertThat(note.location().pointer()).isEqualTo("/messages/0");
        assertThat(note.message()).contains("which would have left the request without any message");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void aLastUserMessageOfThinkingAfterEarlierTurnsBecomesTheNoteSoTheRequestEndsOnTheUser() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},
                 {"role":"user","content":[{"type":"thinking","thinking":"hm","signature":"x"}]}]}""", O3);
        JsonNode messages = json(t).path("messages");
        assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("user");
        assertThat(finding(t, "PP190").message()).contains("would have ended the request on the assistant's turn");
        assertThat(finding(t, "PP110").message()).contains("from a user message");
    }

    @Test
    void thinkingInAnAssistantTurnIsStillNamedAsAnEarlierAssistantTurns() {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":"Hi"},
                 {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"x"},{"type":"text","text":"Yo"}]},
                 {"role":"user","content":"And?"}]}""", GPT4O);
        assertThat(finding(t, "PP110").message()).startsWith("A thinking block from an earlier assistant turn was dropped");
    }

    @Test
    void plainReasoningInAUserMessageIsNamedForDeepSeekNotSentAsAnEmptyMessage() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"thinking","thinking":"hm","signature":""}]}]}""",
                Target.of("deepseek:deepseek-reasoner"));
        assertThat(json(t).at("/messages/0/content").asText())
                .isEqualTo("[What the user sent here could not be included for this model.]");
        assertThat(finding(t, "PP110").message()).contains("from a user message");
    }

    @Test
    void aUserMessageLeftEmptyBeforeAnEmptyReplyStillLeavesANote() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                 {"role":"user","content":[{"type":"url"}]},{"role":"assistant","content":""}]}""", O3);
        assertThat(json(t).at("/messages/0/content").asText())
                .isEqualTo("[What the user sent here could not be included for this model.]");
        assertThat(finding(t, "PP190").location().pointer()).isEqualTo("/messages/0");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void aRequestOfEmptyRepliesAloneIsRefusedWithAReason() {
        for (String messages : new String[] {"[{\"role\":\"assistant\",\"content\":[]}]",
                "[{\"role\":\"system\",\"content\":\"\"},{\"role\":\"assistant\",\"content\":\"\"}]",
                "[{\"role\":\"assistant\",\"content\":[{\"type\":\"url\"}]}]"}) {
            assertThatThrownBy(() -> PromptPort.translate("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
                    + "\"messages\":" + messages + "}", GPT4O))
                    .as(messages)
                    .isInstanceOf(PromptPortException.class)
                    .hasMessageStartingWith("nothing is left to send to openai:gpt-4o: the request has no user message");
        }
    }

    @Test
    void aRequestOfSystemTextAndAnEmptyReplyStillGoesToOpenAi() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Greet the user.",
                 "messages":[{"role":"assistant","content":""}]}""", GPT4O);
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("Greet the user.");
        OpenAiSpec.require().assertCleanChatRequest(t.json());
    }

    @Test
    void systemTextAloneGoesToTheResponsesApiAsItsOneInputItemAsChatGetsItAsItsOneMessage() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Greet the user.",
                 "messages":[{"role":"assistant","content":""}]}""", Target.of("openai-responses:gpt-4o"));
        JsonNode out = json(t);
        assertThat(out.has("instructions")).isFalse();
        assertThat(out.path("input")).hasSize(1);
        assertThat(out.at("/input/0/role").asText()).isEqualTo("system");
        assertThat(out.at("/input/0/content").asText()).isEqualTo("Greet the user.");
        OpenAiSpec.require().assertCleanResponsesRequest(t.json());
    }

    @Test
    void systemTextBesideTurnsStaysTheResponsesInstructions() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"system":"Greet the user.",
                 "messages":[{"role":"user","content":"Hi"}]}""", Target.of("openai-responses:gpt-4o"));
        assertThat(json(t).path("instructions").asText()).isEqualTo("Greet the user.");
        assertThat(json(t).path("input")).hasSize(1);
    }
}
