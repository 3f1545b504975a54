package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request Claude refuses never ran, so a translation of it would only guess: tools that share
 * a name (a call could mean either; Gemini refuses them too) and a reply limit below one token
 * are input errors that say where, in every format that can spell them.
 */
class RequestsClaudeRefusesTest {
    private static final Target GPT4O = Target.of("openai:gpt-4o");

    @Test
    void twoToolsOfOneNameAreRefusedNamingBothPlaces() {
        assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Hi"}],
                 "tools":[{"name":"get","input_schema":{"type":"object"}},
                          {"name":"put","input_schema":{"type":"object"}},
                          {"name":"get","description":"again","input_schema":{"type":"object"}}]}""", GPT4O))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("two tools are named \"get\" (at /tools/0 and /tools/2)")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/tools/2"));
    }

    @Test
    void repeatedFunctionNamesAreRefusedInEveryRequestFormat() {
        assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],
                 "tools":[{"type":"function","function":{"name":"get"}},{"type":"function","function":{"name":"get"}}]}""",
                InputFormat.OPENAI_CHAT, GPT4O, Options.DEFAULT))
                .hasMessageContaining("(at /tools/0/function and /tools/1/function)");
        assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"gpt-4o","input":"Hi","tools":[{"type":"function","name":"get","parameters":{}},
                 {"type":"function","name":"get","parameters":{}}]}""",
                InputFormat.OPENAI_RESPONSES, GPT4O, Options.DEFAULT))
                .hasMessageContaining("(at /tools/0 and /tools/1)");
        assertThatThrownBy(() -> PromptPort.translate("""
                {"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                 "tools":[{"functionDeclarations":[{"name":"get","description":"a"}]},
                          {"functionDeclarations":[{"name":"get","description":"b"}]}]}""",
                InputFormat.GEMINI, GPT4O, Options.DEFAULT))
                .hasMessageContaining("(at /tools/0/functionDeclarations/0 and /tools/1/functionDeclarations/0)");
    }

    @Test
    void aResponsesFunctionMayShareItsNameWithAnOpenAiHostedTool() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","input":"Hi","tools":[{"type":"web_search"},
                 {"type":"function","name":"web_search","parameters":{"type":"object"}}]}""",
                InputFormat.OPENAI_RESPONSES, Target.of("openai-responses:gpt-4o"), Options.DEFAULT);
        assertThat(json(t).path("tools")).hasSize(2);
    }

    @Test
    void manyToolsWithOneRepeatedNameAreRefusedToo() {
        StringBuilder tools = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            tools.append("{\"name\":\"t").append(i).append("\",\"input_schema\":{\"type\":\"object\"}},");
        }
        tools.append("{\"name\":\"t7\",\"input_schema\":{\"type\":\"object\"}}");
        assertThatThrownBy(() -> PromptPort.translate("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"tools\":[" + tools + "]}", GPT4O))
                .hasMessageContaining("two tools are named \"t7\" (at /tools/7 and /tools/40)");
    }

    @Test
    void aMaxTokensBelowOneIsRefusedAtItsPlace() {
        for (String value : new String[] {"0", "-5"}) {
            assertThatThrownBy(() -> PromptPort.translate("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":" + value
                    + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", Target.of("openai-responses:gpt-4o")))
                    .as(value)
                    .isInstanceOf(PromptPortException.class)
                    .hasMessageStartingWith("max_tokens must be at least 1 (Claude refuses " + value + ")")
                    .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/max_tokens"));
        }
    }

    @Test
    void aNegativeTopKIsRefusedAtItsPlaceAndZeroGoesThrough() throws Exception {
        assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"top_k":-3,"messages":[{"role":"user","content":"Hi"}]}""",
                Target.of("gemini:gemini-2.5-pro")))
                .isInstanceOf(PromptPortException.class)
                .hasMessageStartingWith("top_k must be 0 or more (Claude refuses -3)")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/top_k"));
        JsonNode out = json(PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"top_k":0,"messages":[{"role":"user","content":"Hi"}]}""",
                Target.of("gemini:gemini-2.5-pro")));
        assertThat(out.at("/generationConfig/topK").asInt(-1)).isEqualTo(0);
    }

    @Test
    void aMaxTokensThatIsNotAWholeNumberIsRefused() {
        assertThatThrownBy(() -> PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":1.5,"messages":[{"role":"user","content":"Hi"}]}""", GPT4O))
                .isInstanceOf(PromptPortException.class)
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/max_tokens"));
    }

    @Test
    void aMaxTokensOfOneStillGoesThrough() throws Exception {
        JsonNode out = json(PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":1,"messages":[{"role":"user","content":"Hi"}]}""", GPT4O));
        assertThat(out.path("max_completion_tokens").asInt()).isEqualTo(1);
    }
}
