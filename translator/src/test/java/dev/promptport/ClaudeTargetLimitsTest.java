package dev.promptport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.json;
import static dev.promptport.Translations.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** What a Claude model refuses in a request, and how a translation for it avoids each refusal. */
class ClaudeTargetLimitsTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");

    @Test
    void prefillBesideThinkingKeepsThePrefillForClaudeAndLeavesTheThinkingOut() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"o3","reasoning_effort":"low","messages":[{"role":"user","content":"Give JSON"},
                 {"role":"assistant","content":"{"}]}""", InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).has("thinking")).isFalse();
        assertThat(json(t).at("/messages/1/content/0/text").asText()).isEqualTo("{");
        assertThat(ids(t)).contains("PP182");
        assertThat(t.prefill()).isNull();
    }

    @Test
    void claudeModelsGetOnlyTheEffortAndStructuredOutputTheyTake() throws Exception {
        Translation effort = PromptPort.translate("""
                {"model":"claude-opus-4-5","max_tokens":500,"output_config":{"effort":"low"},
                 "messages":[{"role":"user","content":"Hi"}]}""", Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(effort).has("output_config")).isFalse();
        assertThat(ids(effort)).contains("PP157");

        String structured = """
                {"model":"claude-sonnet-4-5","max_tokens":500,
                 "output_config":{"format":{"type":"json_schema","schema":{"type":"object","properties":{"a":{"type":"string"}},
                   "required":["a"],"additionalProperties":false}}},
                 "tools":[{"name":"f","strict":true,"input_schema":{"type":"object","properties":{},"additionalProperties":false}}],
                 "messages":[{"role":"user","content":"Hi"}]}""";
        Translation opus41 = PromptPort.translate(structured, Target.of("anthropic:claude-opus-4-1"));
        dev.promptport.spec.ClaudeSdk.assertValidRequest(opus41.json());
        assertThat(json(opus41).has("output_config")).isFalse();
        assertThat(json(opus41).at("/tools/0").has("strict")).isFalse();
        assertThat(ids(opus41)).contains("PP184", "PP165");

        Translation haiku = PromptPort.translate(structured, Target.of("anthropic:claude-haiku-4-5"));
        assertThat(json(haiku).at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(json(haiku).at("/tools/0/strict").asBoolean()).isTrue();
        assertThat(ids(haiku)).doesNotContain("PP184", "PP165");
    }

    @Test
    void aRequestOfSystemTextAloneGetsAUserTurnWhereTheTargetRefusesOneWithoutMessages() throws Exception {
        String req = """
                {"model":"gpt-4o","messages":[{"role":"system","content":"Write a haiku about autumn."}]}""";
        Translation claude = PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of("anthropic:claude-sonnet-4-5"),
                Options.DEFAULT);
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/system").asText()).isEqualTo("Write a haiku about autumn.");
        assertThat(json(claude).at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(ids(claude)).contains("PP185");
        Translation gemini = PromptPort.translate(req, InputFormat.OPENAI_CHAT, Target.of("gemini:gemini-2.5-pro"),
                Options.DEFAULT);
        assertThat(json(gemini).at("/contents/0/role").asText()).isEqualTo("user");
        Translation gpt = PromptPort.translate(req, InputFormat.OPENAI_CHAT, GPT_4O, Options.DEFAULT);
        assertThat(json(gpt).at("/messages")).hasSize(1);
        assertThat(ids(gpt)).doesNotContain("PP185");
    }

    @Test
    void thinkingTurnedOffStaysOffForClaudeWhileGeminiProReasonsAtItsFloor() throws Exception {
        String req = """
                {"model":"claude-sonnet-4-5","max_tokens":900,"thinking":{"type":"disabled"},"temperature":0.8,"top_k":40,
                 "messages":[{"role":"user","content":"Hi"}]}""";
        Translation claude = PromptPort.translate(req, Target.of("anthropic:claude-haiku-4-5"));
        dev.promptport.spec.ClaudeSdk.assertValidRequest(claude.json());
        assertThat(json(claude).at("/thinking").toString()).isEqualTo("{\"type\":\"disabled\"}");
        assertThat(json(claude).at("/max_tokens").asInt()).isEqualTo(900);
        assertThat(json(claude).at("/temperature").asDouble()).isEqualTo(0.8);
        assertThat(ids(claude)).doesNotContain("PP135", "PP152", "PP181");

        Translation pro = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(pro).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(128);
        assertThat(ids(pro)).contains("PP135");
    }

    @Test
    void emptyTextBlocksBesideToolCallsAreDroppedForClaudeWhichRefusesThem() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":100,"tools":[{"name":"f","input_schema":{"type":"object"}}],"messages":[
                 {"role":"user","content":"Go."},
                 {"role":"assistant","content":[{"type":"text","text":""},{"type":"tool_use","id":"t1","name":"f","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"done"}]}]}""",
                Target.of("anthropic:claude-sonnet-4-5"));
        JsonNode assistant = json(t).at("/messages/1/content");
        assertThat(assistant).hasSize(1);
        assertThat(assistant.at("/0/type").asText()).isEqualTo("tool_use");
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("PP133");
            assertThat(f.location().pointer()).isEqualTo("/messages/1/content/0");
        });
        dev.promptport.spec.ClaudeSdk.assertValidRequest(t.json());
    }
}
