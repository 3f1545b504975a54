package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OpenAI and Gemini requests that their own vendor refuses are input errors at their place, as
 * Claude's are, rather than a guess: text after the request's JSON, a call's arguments as text.
 * And a request setting the target refuses is left out.
 */
class ForeignInputErrorsTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    private static Translation translate(String request, InputFormat format, Target target) {
        return PromptPort.translate(request, format, target, Options.DEFAULT);
    }

    @Test
    void textAfterTheRequestsJsonIsRefusedAtItsLineAndColumnInEveryFormat() throws Exception {
        String chat = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]} xx";
        assertThatThrownBy(() -> translate(chat, InputFormat.OPENAI_CHAT, GPT_4O))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("after the end of the JSON value")
                .satisfies(e -> assertThat(((PromptPortException) e).location().line()).isEqualTo(1));
        String gemini = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"}]}]}\n{\"contents\":[]}\n";
        assertThatThrownBy(() -> translate(gemini, InputFormat.GEMINI, GPT_4O))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("unexpected '{' after the end of the JSON value")
                .satisfies(e -> assertThat(((PromptPortException) e).location().line()).isEqualTo(2));
        String responses = "{\"model\":\"gpt-4o\",\"input\":\"a\"}}";
        assertThatThrownBy(() -> translate(responses, InputFormat.OPENAI_RESPONSES, GPT_4O))
                .isInstanceOf(PromptPortException.class);
        // blank lines after it are no text
        String trailingBlanks = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"}]}]}\n\n  \n";
        assertThat(json(translate(trailingBlanks, InputFormat.GEMINI, GPT_4O)).at("/messages/0/content").asText()).isEqualTo("a");
    }

    @Test
    void aGeminiCallsArgumentsAsTextAreRefusedAtTheirPointer() {
        String request = """
                {"contents":[{"role":"user","parts":[{"text":"Weather?"}]},
                 {"role":"model","parts":[{"functionCall":{"name":"weather","args":"{\\"city\\":\\"Paris\\"}"}}]},
                 {"role":"user","parts":[{"functionResponse":{"name":"weather","response":{"result":"sunny"}}}]}]}""";
        assertThatThrownBy(() -> translate(request, InputFormat.GEMINI, Target.of("anthropic:claude-sonnet-4-5")))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("args must be a JSON object, not a string")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer())
                        .isEqualTo("/contents/1/parts/0/functionCall/args"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedAtItsPointerRatherThanDropped() {
        String[][] cases = {
            {"OPENAI_CHAT", "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":{\"id\":\"c1\"}}]}", "/messages/1/tool_calls"},
            {"OPENAI_CHAT", "{\"model\":\"gpt-4o\",\"stop\":5,\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}", "/stop"},
            {"OPENAI_CHAT", "{\"model\":\"gpt-4o\",\"tools\":{\"type\":\"function\"},\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}",
                "/tools"},
            {"OPENAI_RESPONSES", "{\"model\":\"o3\",\"input\":\"a\",\"reasoning\":\"high\"}", "/reasoning"},
            {"OPENAI_RESPONSES", "{\"model\":\"o3\",\"input\":\"a\",\"tools\":{\"type\":\"function\"}}", "/tools"},
            {"OPENAI_RESPONSES", "{\"model\":\"o3\",\"input\":[{\"role\":\"wizard\",\"content\":\"a\"}]}", "/input/0/role"},
            {"OPENAI_RESPONSES", "{\"model\":\"o3\",\"input\":[{\"role\":\"user\",\"content\":\"a\"},"
                + "{\"type\":\"function_call\",\"call_id\":\"c1\",\"name\":\"f\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c1\"}]}", "/input/2/output"},
            {"GEMINI", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"a\"}]}],"
                + "\"generationConfig\":{\"stopSequences\":\"END\"}}", "/generationConfig/stopSequences"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> translate(c[1], InputFormat.valueOf(c[0]), GPT_4O))
                    .as(c[1])
                    .isInstanceOf(PromptPortException.class)
                    .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo(c[2]));
        }
    }

    @Test
    void encryptedReasoningIsNotAskedOfAModelThatDoesNotReason() throws Exception {
        String request = """
                {"model":"o3","input":"Is 7 prime?","reasoning":{"effort":"high"},"include":["reasoning.encrypted_content"]}""";
        assertThat(json(translate(request, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-4o"))).has("include"))
                .isFalse();
        assertThat(json(translate(request, InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:o3"))).path("include").toString())
                .contains("reasoning.encrypted_content");
    }
}
