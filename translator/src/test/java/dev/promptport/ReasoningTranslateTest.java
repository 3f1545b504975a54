package dev.promptport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Claude's thinking and effort settings as each target takes them, and named where one cannot. */
class ReasoningTranslateTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");

    @Test
    void thinkingBudgetBecomesReasoningEffortOnReasoningModels() throws Exception {
        String req = """
                {"thinking":{"type":"enabled","budget_tokens":%d},"max_tokens":40000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        assertThat(json(PromptPort.translate(req.formatted(2048), O3)).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(json(PromptPort.translate(req.formatted(10000), O3)).at("/reasoning_effort").asText()).isEqualTo("medium");
        assertThat(json(PromptPort.translate(req.formatted(32000), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        assertThat(ids(PromptPort.translate(req.formatted(2048), O3))).contains("PP108");
    }

    @Test
    void effortLevelBecomesTheReasoningEffortOrABudgetAndIsReportedWhereNothingTakesIt() throws Exception {
        String req = """
                {"output_config":{"effort":"%s"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        assertThat(json(PromptPort.translate(req.formatted("high"), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        // o3 has no level above high
        assertThat(json(PromptPort.translate(req.formatted("max"), O3)).at("/reasoning_effort").asText()).isEqualTo("high");
        Translation gemini = PromptPort.translate(req.formatted("low"), Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isPositive();
        assertThat(ids(gemini)).contains("PP148");

        Translation gpt = PromptPort.translate(req.formatted("low"), GPT_4O);
        assertThat(json(gpt).has("reasoning_effort")).isFalse();
        assertThat(ids(gpt)).contains("PP157").doesNotContain("PP109", "PP115");
        assertThat(gpt.findings().stream().filter(f -> f.id().equals("PP157")).findFirst().orElseThrow()
                .location().pointer()).isEqualTo("/output_config/effort");

        // Sonnet 4.5 takes no effort level (Opus 4.5 and later do): named, not sent
        Translation claude = PromptPort.translate(req.formatted("low"), Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).has("output_config")).isFalse();
        assertThat(json(claude).has("thinking")).isFalse();
        assertThat(ids(claude)).contains("PP157");
    }

    @Test
    void effortAboveWhatTheModelTakesIsSentAtTheNearestLevelAndNamed() throws Exception {
        String req = """
                {"output_config":{"effort":"%s"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(req.formatted("xhigh"), O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("high");
        assertThat(finding(o3, "PP217").message()).contains("effort \"xhigh\"", "\"low\", \"medium\" or \"high\"",
                "sent as \"high\"");
        assertThat(finding(o3, "PP217").location().pointer()).isEqualTo("/output_config/effort");
        Translation gpt5 = PromptPort.translate(req.formatted("max"), Target.of("openai-responses:gpt-5"));
        assertThat(json(gpt5).at("/reasoning/effort").asText()).isEqualTo("high");
        assertThat(finding(gpt5, "PP217").message()).contains("effort \"max\"", "sent as \"high\"");
        // a level the model takes goes as it came, and says nothing
        assertThat(ids(PromptPort.translate(req.formatted("high"), O3))).doesNotContain("PP217", "PP218");
        assertThat(ids(PromptPort.translate(req.formatted("minimal"), Target.of("openai:gpt-5")))).doesNotContain("PP217");
    }

    @Test
    void thinkingBudgetAndEffortTogetherNameTheOneTheTargetIgnores() throws Exception {
        String req = """
                {"thinking":{"type":"enabled","budget_tokens":16000},"output_config":{"effort":"low"},"max_tokens":20000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(req, O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(finding(o3, "PP218").message()).contains("budget of 16000 tokens", "effort \"low\"",
                "reasons at effort \"low\" and the budget was dropped");
        assertThat(ids(o3)).doesNotContain("PP217");
        Translation gemini = PromptPort.translate(req, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(16000);
        assertThat(finding(gemini, "PP218").message()).contains("thinks with the budget and the effort was dropped");
        // Claude takes both
        assertThat(ids(PromptPort.translate(req, Target.of("anthropic:claude-sonnet-4-5")))).doesNotContain("PP218");
        // one setting alone is not named
        assertThat(ids(PromptPort.translate(req.replace(",\"output_config\":{\"effort\":\"low\"}", ""), O3)))
                .doesNotContain("PP218");
    }

    @Test
    void effortBesideDisabledOrOwnThinkingEffortIsKeptForClaudeAndNamedElsewhere() throws Exception {
        String off = """
                {"thinking":{"type":"disabled"},"output_config":{"effort":"high"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        Translation o3 = PromptPort.translate(off, O3);
        assertThat(json(o3).at("/reasoning_effort").asText()).isEqualTo("low");
        Finding named = finding(o3, "PP173");
        assertThat(named.location().pointer()).isEqualTo("/output_config/effort");
        assertThat(named.message()).startsWith("output_config.effort (high) was not sent: the request also turns thinking off");
        assertThat(ids(o3)).doesNotContain("PP115");
        assertThat(finding(PromptPort.translate(off, GPT_4O), "PP173").message()).contains("openai:gpt-4o has no reasoning setting");

        // a Claude model that takes an effort level gets both as written
        ModelFacts sonnet = Target.of("anthropic:claude-sonnet-4-5").facts();
        Target opus = new Target("anthropic", "claude-opus-4-5", new ModelFacts(sonnet.wire(), sonnet.contextWindow(),
                sonnet.maxOutput(), sonnet.systemRole(), sonnet.reasoning(), List.of("low", "medium", "high"),
                sonnet.outputLimitField(), true, true, true, true, sonnet.stopLimit(), sonnet.rejects(), sonnet.structure(),
                sonnet.maxTools(), sonnet.tokenizer(), sonnet.hostedTools(), true, sonnet.budgetMin(), sonnet.budgetMax()));
        Translation claude = PromptPort.translate(off, opus);
        assertThat(json(claude).at("/thinking/type").asText()).isEqualTo("disabled");
        assertThat(json(claude).at("/output_config/effort").asText()).isEqualTo("high");
        assertThat(json(claude).has("output_config/effort")).isFalse();
        assertThat(ids(claude)).doesNotContain("PP115", "PP173");
        // one that takes none names it
        assertThat(ids(PromptPort.translate(off, Target.of("anthropic:claude-sonnet-4-5")))).contains("PP157");

        Translation own = PromptPort.translate("""
                {"thinking":{"type":"enabled","budget_tokens":2000,"effort":"low"},"output_config":{"effort":"high"},
                 "max_tokens":4000,"messages":[{"role":"user","content":"Prove it."}]}""", O3);
        assertThat(json(own).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(finding(own, "PP173").message()).contains("thinking.effort to \"low\"");
    }

    @Test
    void effortBesideEnabledThinkingReachesAClaudeModelThatTakesOneAndIsNamedForOneThatDoesNot() throws Exception {
        String both = """
                {"thinking":{"type":"enabled","budget_tokens":2000},"output_config":{"effort":"low"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""";
        ModelFacts sonnet = Target.of("anthropic:claude-sonnet-4-5").facts();
        Target opus = new Target("anthropic", "claude-opus-4-5", new ModelFacts(sonnet.wire(), sonnet.contextWindow(),
                sonnet.maxOutput(), sonnet.systemRole(), sonnet.reasoning(), List.of("low", "medium", "high"),
                sonnet.outputLimitField(), true, true, true, true, sonnet.stopLimit(), sonnet.rejects(), sonnet.structure(),
                sonnet.maxTools(), sonnet.tokenizer(), sonnet.hostedTools(), true, sonnet.budgetMin(), sonnet.budgetMax()));
        Translation kept = PromptPort.translate(both, opus);
        assertThat(json(kept).at("/thinking/budget_tokens").asInt()).isEqualTo(2000);
        assertThat(json(kept).at("/output_config/effort").asText()).isEqualTo("low");
        assertThat(ids(kept)).doesNotContain("PP157");

        Translation named = PromptPort.translate(both, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(named).at("/thinking/budget_tokens").asInt()).isEqualTo(2000);
        assertThat(json(named).has("output_config")).isFalse();
        assertThat(finding(named, "PP157").message()).contains("\"low\"", "anthropic:claude-sonnet-4-5");

        // an OpenAI effort alone becomes the budget for a model without effort levels, as before
        Translation fromOpenAi = PromptPort.translate("""
                {"model":"o3","reasoning_effort":"low","max_completion_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", InputFormat.OPENAI_CHAT,
                Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(json(fromOpenAi).has("output_config")).isFalse();
        assertThat(ids(fromOpenAi)).contains("PP148").doesNotContain("PP157");
    }

    @Test
    void effortLevelJoinsAdaptiveThinking() throws Exception {
        Translation t = PromptPort.translate("""
                {"thinking":{"type":"adaptive"},"output_config":{"effort":"low"},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", O3);
        assertThat(json(t).at("/reasoning_effort").asText()).isEqualTo("low");
        assertThat(ids(t)).doesNotContain("PP115", "PP157");
    }

    @Test
    void thinkingIsDroppedWithAFindingForModelsWithoutReasoning() throws Exception {
        Translation t = PromptPort.translate("""
                {"thinking":{"type":"enabled","budget_tokens":2048},"max_tokens":4000,
                 "messages":[{"role":"user","content":"Prove it."}]}""", GPT_4O);
        assertThat(json(t).has("reasoning_effort")).isFalse();
        assertThat(ids(t)).contains("PP109");
    }

    @Test
    void stepByStepFindingReadsAsASentenceWhateverPhraseItQuotes() throws Exception {
        // fabric's solve_with_cot pattern: "Use a "Chain of Thought" reasoning process"
        Translation t = PromptPort.translate("""
                {"system":"Use a Chain of Thought reasoning process if necessary.","max_tokens":400,
                 "messages":[{"role":"user","content":"Solve it."}]}""", O3);
        assertThat(finding(t, "PP140").message()).startsWith(
                "The prompt asks for step-by-step reasoning (\"Use a Chain of Thought\"); openai:o3 already reasons");
    }

    @Test
    void thinkingHistoryIsDroppedWithFindings() throws Exception {
        Translation t = PromptPort.translate("""
                {"messages":[{"role":"user","content":"Q"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"secret","signature":"s"},
                     {"type":"redacted_thinking","data":"zz"},{"type":"text","text":"A"}]},
                  {"role":"user","content":"Q2"}]}""", GPT_4O);
        assertThat(t.json()).doesNotContain("secret");
        assertThat(json(t).at("/messages/1/content").asText()).isEqualTo("A");
        assertThat(ids(t)).containsSubsequence("PP110", "PP110");
    }
}
