package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Ollama's OpenAI-compatible endpoint ignores tool_choice: what the choice asked for is kept or named. */
class ToolChoiceWithoutTheSettingTest {

    private static final Target OLLAMA = Target.of("ollama:llama3.1");

    private static String request(String choice) {
        return """
                {"model":"c","max_tokens":100,
                 "tools":[{"name":"get_weather","description":"w","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
                 "tool_choice":%s,"messages":[{"role":"user","content":"hi"}]}""".formatted(choice);
    }

    /** Errors and rule breaks only: OpenAI's spec warns about max_tokens, the field Ollama documents. */
    private static void assertValid(Translation t) {
        assertThat(OpenAiSpec.require().validateChatRequest(t.json())).as(t.json()).isEmpty();
    }

    @Test
    void toolChoiceNoneLeavesTheToolsOutSoTheModelStillCannotCallThem() throws Exception {
        Translation t = PromptPort.translate(request("{\"type\":\"none\"}"), OLLAMA);
        assertValid(t);
        JsonNode b = json(t);
        assertThat(b.has("tools")).isFalse();
        assertThat(b.has("tool_choice")).isFalse();
        assertThat(finding(t, "PP180").message())
                .contains("call none of the request's 1 tools")
                .contains("(get_weather) were left out of the request to ollama:llama3.1, which has no tool_choice setting");
    }

    @Test
    void aForcedToolCallIsNamedAsLost() throws Exception {
        Translation any = PromptPort.translate(request("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"), OLLAMA);
        assertValid(any);
        assertThat(json(any).path("tools")).hasSize(1);
        assertThat(json(any).has("tool_choice")).isFalse();
        assertThat(finding(any, "PP146").message()).startsWith(
                "tool_choice forces a tool call, but ollama:llama3.1 has no tool_choice setting, so the choice became auto");

        Translation named = PromptPort.translate(request("{\"type\":\"tool\",\"name\":\"get_weather\"}"), OLLAMA);
        assertValid(named);
        assertThat(json(named).path("tools")).hasSize(1);
        assertThat(finding(named, "PP146").message()).startsWith(
                "tool_choice forces the tool \"get_weather\", but ollama:llama3.1 has no tool_choice setting");
    }

    @Test
    void targetsThatTakeTheSettingGetItWithoutAFinding() throws Exception {
        Translation t = PromptPort.translate(request("{\"type\":\"none\"}"), Target.of("openai:gpt-4o"));
        assertThat(json(t).path("tool_choice").asText()).isEqualTo("none");
        assertThat(json(t).path("tools")).hasSize(1);
        assertThat(ids(t)).doesNotContain("PP180", "PP146");
    }

    @Test
    void oneToolCallAtATimeIsNamedAsLostWhereTheEndpointHasNoSwitchForIt() throws Exception {
        for (String target : new String[] {"deepseek:deepseek-chat", "together:meta-llama/Llama-3.3-70B-Instruct-Turbo",
                "ollama:llama3.1"}) {
            Translation t = PromptPort.translate(request("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                    Target.of(target));
            assertThat(ids(t)).as(target).contains("PP191");
            assertThat(json(t).has("parallel_tool_calls")).isFalse();
        }
    }

    @Test
    void openAisParallelToolCallsIsNamedWhereTheRequestSetItAndNotAsMappedForOpenAi() throws Exception {
        String chat = """
                {"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                 "tool_choice":"required","parallel_tool_calls":false}""";
        Translation gemini = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        Finding lost = finding(gemini, "PP191");
        assertThat(lost.location().pointer()).isEqualTo("/parallel_tool_calls");
        assertThat(lost.message()).contains("(parallel_tool_calls: false)").doesNotContain("disable_parallel_tool_use");
        for (String target : new String[] {"openai:gpt-4o", "openai-responses:gpt-4o"}) {
            Translation openAi = PromptPort.translate(chat, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(json(openAi).path("parallel_tool_calls").asBoolean(true)).as(target).isFalse();
            assertThat(ids(openAi)).as(target).doesNotContain("PP123");
        }
        Translation claude = PromptPort.translate(request("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
                Target.of("gemini:gemini-2.5-pro"));
        assertThat(finding(claude, "PP191").location().pointer()).isEqualTo("/tool_choice/disable_parallel_tool_use");
        assertThat(finding(claude, "PP191").message()).contains("(disable_parallel_tool_use)");
    }

    @Test
    void groqGetsAPropertyForEachRequiredNameASchemaListsWithoutProperties() throws Exception {
        String request = """
                {"model":"c","max_tokens":100,"messages":[{"role":"user","content":"hi"}],"tools":[
                  {"name":"view","input_schema":{"type":"object","required":[]}},
                  {"name":"get","input_schema":{"type":"object","required":["x"],"default":{"required":["kept"]}}}]}""";
        JsonNode tools = json(PromptPort.translate(request, Target.of("groq:llama-3.3-70b-versatile"))).path("tools");
        assertThat(tools.at("/0/function/parameters").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(tools.at("/1/function/parameters/properties/x").toString()).isEqualTo("{}");
        assertThat(tools.at("/1/function/parameters/default").toString()).isEqualTo("{\"required\":[\"kept\"]}");
        // OpenAI takes the schema as it came
        JsonNode openai = json(PromptPort.translate(request, Target.of("openai:gpt-4o"))).path("tools");
        assertThat(openai.at("/0/function/parameters/required").isArray()).isTrue();
    }
}
