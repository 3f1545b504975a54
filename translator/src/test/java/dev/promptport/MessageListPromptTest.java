package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A prompt kept as a JSON list of chat messages reads as an OpenAI Chat request, its findings placed in the list. */
class MessageListPromptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROMPT = """
            [{"role":"system","content":"<instructions>\\nAnswer in one sentence.\\n</instructions>"},
             {"role":"user","content":"{{question}}"}]""";

    @Test
    void aListOfChatMessagesTranslatesAsTheirConversation() throws Exception {
        Translation t = PromptPort.translate(PROMPT, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        JsonNode out = JSON.readTree(t.json());
        assertThat(out.path("system").asText()).contains("Answer in one sentence.");
        assertThat(out.at("/messages/0/content/0/text").asText()).isEqualTo("{{question}}");
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP139");
            assertThat(f.location().pointer()).isEqualTo("/1/content");
        });
    }

    @Test
    void aListThatIsNotMessagesIsRefusedWithItsPlace() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PromptPort.translate("[{\"content\":\"hi\"}]",
                        InputFormat.OPENAI_CHAT, Target.of("openai:gpt-4o"), Options.DEFAULT))
                .isInstanceOfSatisfying(PromptPortException.class,
                        e -> assertThat(e.location().pointer()).isEqualTo("/0"))
                .hasMessageContaining("role");
    }
}
