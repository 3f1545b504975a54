package dev.promptport;

import dev.promptport.spec.ClaudeSdk;
import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What OpenAI Chat requests carry on a message beside its content, as gateways and
 * OpenAI-compatible servers write it: earlier reasoning (DeepSeek's and vLLM's
 * {@code reasoning_content}, LiteLLM's {@code thinking_blocks}) and a cache mark on the whole
 * message. Cases from CLIProxyAPI's claude_openai_request_test.go and LiteLLM's conventions.
 */
class ChatMessageExtrasTest {
    private static final Target CLAUDE = Target.of("anthropic:claude-sonnet-4-5");

    private static final String TOOL_LOOP = """
            {"model":"deepseek-reasoner","messages":[{"role":"user","content":"weather in Paris?"},
             {"role":"assistant","reasoning_content":"I need to call get_weather for Paris.","content":"",
              "tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
             {"role":"tool","tool_call_id":"call_1","content":"15C"}],
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}""";

    @Test
    void reasoningContentGoesBackToDeepSeekOnItsTurnOfToolCalls() throws Exception {
        Translation t = PromptPort.translate(TOOL_LOOP, InputFormat.OPENAI_CHAT, Target.of("deepseek:deepseek-reasoner"), Options.DEFAULT);
        assertThat(json(t).at("/messages/1/reasoning_content").asText()).isEqualTo("I need to call get_weather for Paris.");
        assertThat(ids(t)).doesNotContain("PP110", "PP115");
    }

    @Test
    void reasoningContentNoOtherVendorCanReadIsNamedWhereItIsLeftOut() throws Exception {
        for (String target : new String[] {"anthropic:claude-sonnet-4-5", "gemini:gemini-2.5-flash", "openai:gpt-4o"}) {
            Translation t = PromptPort.translate(TOOL_LOOP, InputFormat.OPENAI_CHAT, Target.of(target), Options.DEFAULT);
            assertThat(finding(t, "PP110").location().pointer()).as(target).isEqualTo("/messages/1/reasoning_content");
            assertThat(t.json()).as(target).doesNotContain("get_weather for Paris");
        }
    }

    /** LiteLLM passes Claude's signed thinking through as thinking_blocks: back to Claude, thinking stays on. */
    @Test
    void liteLlmThinkingBlocksGoBackToClaudeSignedAndKeepThinkingOn() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","reasoning_effort":"low","max_completion_tokens":4000,
                 "messages":[{"role":"user","content":"weather in Paris?"},
                  {"role":"assistant","content":null,"reasoning_content":"I should call get_weather.",
                   "thinking_blocks":[{"type":"thinking","thinking":"I should call get_weather.","signature":"EqQBCgIYAhIMsig"},
                                      {"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"}],
                   "tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","tool_call_id":"toolu_1","content":"15C"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/1/content/0/type").asText()).isEqualTo("thinking");
        assertThat(json(t).at("/messages/1/content/0/signature").asText()).isEqualTo("EqQBCgIYAhIMsig");
        assertThat(json(t).at("/messages/1/content/1/type").asText()).isEqualTo("redacted_thinking");
        assertThat(json(t).at("/messages/1/content/2/type").asText()).isEqualTo("tool_use");
        assertThat(json(t).at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(ids(t)).doesNotContain("PP115", "PP186");
    }

    @Test
    void reasoningOnAUserMessageIsNamedNotDropped() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4o","messages":[{"role":"user","content":"Hi","reasoning_content":"stray"}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        assertThat(finding(t, "PP115").location().pointer()).isEqualTo("/messages/0/reasoning_content");
    }

    @Test
    void aCacheMarkOnAMessageGoesOnItsLastPartAndAPartsOwnMarkWins() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"gpt-4.1","messages":[{"role":"system","content":"Long stable instructions"},
                 {"role":"user","content":"big shared context","cache_control":{"type":"ephemeral","ttl":"1h"}},
                 {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"large tool output","cache_control":{"type":"ephemeral"}},
                 {"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b","cache_control":{"type":"ephemeral"}}],
                  "cache_control":{"type":"ephemeral","ttl":"1h"}}],
                 "tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object","properties":{}}}}]}""",
                InputFormat.OPENAI_CHAT, CLAUDE, Options.DEFAULT);
        ClaudeSdk.assertValidRequest(t.json());
        assertThat(json(t).at("/messages/0/content/0/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(json(t).at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(json(t).at("/messages/2/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
        // the last part had its own mark, which stands; the message's mark is not added elsewhere
        assertThat(json(t).at("/messages/2/content/2/cache_control").toString()).isEqualTo("{\"type\":\"ephemeral\"}");
        assertThat(json(t).at("/messages/2/content/1/cache_control").isMissingNode()).isTrue();
        assertThat(ids(t)).doesNotContain("PP115");
    }
}
