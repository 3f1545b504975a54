package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Requests a target would refuse as they came, and what the translation does so that it does not. */
class TargetRefusalsTest {

    @Test
    void anEmptyLastAssistantMessageIsLeftOutWhereTheTargetRefusesIt() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                  {"role":"user","content":"Hi"},{"role":"assistant","content":""}]}""";
        for (String target : new String[] {"gemini:gemini-2.5-pro", "mistral:mistral-large-latest"}) {
            Translation t = PromptPort.translate(request, Target.of(target));
            assertThat(t.json()).doesNotContain("\"\"");
            assertThat(ids(t)).contains("PP133");
        }
    }

    @Test
    void aLastUserMessageLeftEmptyBecomesANoteSoTheRequestStillEndsWithTheUser() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
                  {"role":"user","content":"I'll send the invoice."},{"role":"assistant","content":"OK."},
                  {"role":"user","content":[{"type":"document","title":"Invoice",
                    "source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}}]}]}""",
                Target.of("deepseek:deepseek-chat"));
        JsonNode messages = json(t).path("messages");
        assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).contains("could not be included");
        assertThat(ids(t)).contains("PP121", "PP190");
    }

    @Test
    void claudeGetsNoTextBlockOfWhitespaceAlone() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"deepseek-chat","messages":[{"role":"user","content":"Weather?"},
                  {"role":"assistant","content":"\\n\\n","tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"weather","arguments":"{}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"Sunny"}],
                 "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}]}""",
                InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        JsonNode assistant = json(t).at("/messages/1/content");
        assertThat(assistant).hasSize(1);
        assertThat(assistant.get(0).path("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void geminiFunctionNamesStartWithALetterOrAnUnderscore() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Render a cube"}],
                 "tools":[{"name":"3d_render","input_schema":{"type":"object","properties":{"scene":{"type":"string"}}}}]}""";
        Translation gemini = PromptPort.translate(request, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("_3d_render");
        assertThat(gemini.toolNames()).containsEntry("_3d_render", "3d_render");
        Translation gpt = PromptPort.translate(request, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).at("/tools/0/function/name").asText()).isEqualTo("3d_render");

        Translation unnamed = PromptPort.translate(request.replace("3d_render", ""), Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(unnamed).at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("tool");
    }

    @Test
    void oneToolAtATimeIsNamedAsLostWhereTheTargetHasNoSuchSetting() throws Exception {
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"Stock?"}],
                 "tool_choice":{"type":"auto","disable_parallel_tool_use":true},
                 "tools":[{"name":"stock","input_schema":{"type":"object"}}]}""";
        Translation gemini = PromptPort.translate(request, Target.of("gemini:gemini-2.5-pro"));
        assertThat(ids(gemini)).contains("PP191").doesNotContain("PP123");
        Translation gpt = PromptPort.translate(request, Target.of("openai:gpt-4o"));
        assertThat(json(gpt).path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(ids(gpt)).contains("PP123").doesNotContain("PP191");
        Translation claude = PromptPort.translate(request, Target.of("anthropic:claude-haiku-4-5"));
        assertThat(ids(claude)).doesNotContain("PP123", "PP191");
    }

    @Test
    void toolCallsSplitOverConsecutiveAssistantTurnsGoAsOneAssistantMessageBeforeTheirResults() throws Exception {
        // Claude joins consecutive turns of one role; Chat Completions refuses tool calls not
        // answered by the very next messages
        String request = """
                {"model":"claude-sonnet-4-5","max_tokens":100,
                 "tools":[{"name":"t","input_schema":{"type":"object","properties":{"x":{"type":"string"}}}}],
                 "messages":[{"role":"user","content":"go"},
                  {"role":"assistant","content":[{"type":"text","text":"Two lookups."},
                    {"type":"tool_use","id":"toolu_A","name":"t","input":{"x":"1"}}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_B","name":"t","input":{"x":"2"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_A","content":"a"},
                    {"type":"tool_result","tool_use_id":"toolu_B","content":"b"}]}]}""";
        for (String target : new String[] {"openai:gpt-4o", "deepseek:deepseek-reasoner", "mistral:mistral-large-latest"}) {
            JsonNode messages = json(PromptPort.translate(request, Target.of(target))).path("messages");
            assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool", "tool");
            assertThat(messages.get(1).path("content").asText()).isEqualTo("Two lookups.");
            assertThat(messages.get(1).path("tool_calls")).extracting(c -> c.path("function").path("arguments").asText())
                    .containsExactly("{\"x\":\"1\"}", "{\"x\":\"2\"}");
        }
    }

    @Test
    void claudeAskedForAReplySchemaGetsThePrefillAsAnInstructionSinceItRefusesBoth() throws Exception {
        String request = """
                {"model":"gpt-4o","max_tokens":100,"messages":[{"role":"user","content":"Extract the name: Bob"},
                  {"role":"assistant","content":"{\\"name\\":"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"person","schema":{"type":"object",
                   "properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false}}}}""";
        Translation t = PromptPort.translate(request, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        JsonNode messages = json(t).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("content").get(1).path("text").asText()).endsWith("{\"name\":");
        assertThat(json(t).has("output_config")).isTrue();
        assertThat(t.prefill()).isEqualTo("{\"name\":");
        assertThat(ids(t)).contains("PP107");

        // without a schema, Claude continues the prefill itself
        Translation plain = PromptPort.translate(request.substring(0, request.indexOf(",\n \"response_format\"")) + "}",
                InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(plain).path("messages")).hasSize(2);
        assertThat(plain.prefill()).isNull();
    }
}
