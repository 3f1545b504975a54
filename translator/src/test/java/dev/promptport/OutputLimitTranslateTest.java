package dev.promptport;

import org.junit.jupiter.api.Test;

import static dev.promptport.Translations.finding;
import static dev.promptport.Translations.ids;
import static dev.promptport.Translations.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output limit as each target takes it: raised to the smallest one the API accepts, lowered
 * to the model's maximum, and given room for a reasoning model's hidden reasoning.
 */
class OutputLimitTranslateTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");

    @Test
    void maxTokensBelowTheResponsesApiMinimumIsRaisedTo16AndNamed() throws Exception {
        String req = """
                {"max_tokens":1,"messages":[{"role":"user","content":"Is 7 prime? Answer Y or N."}]}""";
        Translation responses = PromptPort.translate(req, Target.of("openai-responses:gpt-4o"));
        assertThat(json(responses).at("/max_output_tokens").asInt()).isEqualTo(16);
        assertThat(finding(responses, "PP206").message()).contains("max_tokens=1").contains("16");
        Translation chat = PromptPort.translate(req, GPT_4O);
        assertThat(json(chat).at("/max_completion_tokens").asInt()).isEqualTo(1);
        assertThat(ids(chat)).doesNotContain("PP206");
    }

    @Test
    void maxTokensAboveTheModelsLimitIsLowered() throws Exception {
        Translation t = PromptPort.translate("""
                {"max_tokens":64000,"messages":[{"role":"user","content":"x"}]}""", GPT_4O);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(16384);
        assertThat(ids(t)).contains("PP125");
    }

    private static final String SHORT_REPLY = """
            {"model":"claude-sonnet-4-5","max_tokens":300,"messages":[{"role":"user","content":"Name a bakery."}]}""";

    @Test
    void claudeLimitWithoutThinkingGrowsByO3sDefaultReasoningBudget() throws Exception {
        Translation t = PromptPort.translate(SHORT_REPLY, O3);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(300 + 8192);
        assertThat(finding(t, "PP207").message()).contains("max_tokens=300").contains("8492")
                .contains("a medium reasoning effort").contains("max_completion_tokens");
        assertThat(finding(t, "PP207").location().pointer()).isEqualTo("/max_tokens");
    }

    private static final String BUDGET_ABOVE_LIMIT = """
            {"model":"claude-sonnet-4-5","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":10000},
             "messages":[{"role":"user","content":"Plan a week of meals."}]}""";

    @Test
    void aThinkingBudgetAboveTheLimitIsKeptAndNamedForGeminiAndO3() throws Exception {
        Translation gemini = PromptPort.translate(BUDGET_ABOVE_LIMIT, Target.of("gemini:gemini-2.5-pro"));
        assertThat(json(gemini).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(2000);
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(10000);
        assertThat(finding(gemini, "PP226").message()).contains("max_tokens=2000", "10000", "gemini:gemini-2.5-pro", "maxOutputTokens");
        assertThat(finding(gemini, "PP226").location().pointer()).isEqualTo("/max_tokens");
        Translation o3 = PromptPort.translate(BUDGET_ABOVE_LIMIT, O3);
        assertThat(json(o3).at("/max_completion_tokens").asInt()).isEqualTo(2000);
        assertThat(ids(o3)).contains("PP226").doesNotContain("PP207");
        // a model that does not reason drops the thinking, and the limit is the reply's alone
        assertThat(ids(PromptPort.translate(BUDGET_ABOVE_LIMIT, GPT_4O))).doesNotContain("PP226");
        // Claude would refuse the request: for a Claude target the limit grows instead
        Translation claude = PromptPort.translate(BUDGET_ABOVE_LIMIT, Target.of("anthropic:claude-sonnet-4-5"));
        assertThat(json(claude).at("/max_tokens").asInt()).isEqualTo(12000);
        assertThat(ids(claude)).contains("PP152").doesNotContain("PP226");
    }

    /**
     * A budget promptport makes from an effort is its own choice: when it is not below the
     * limit of a target that thinks inside that limit, the budget gives way, not the caller's
     * limit, so the reply is not spent on thinking.
     */
    @Test
    void aBudgetMadeFromAnEffortIsCutToHalfTheLimitWhereTheTargetThinksInsideIt() throws Exception {
        String highEffortSmallLimit = """
                {"model":"o3","reasoning_effort":"high","max_completion_tokens":2000,
                 "messages":[{"role":"user","content":"Plan a week of dinners."}]}""";
        Translation gemini = PromptPort.translate(highEffortSmallLimit, InputFormat.OPENAI_CHAT,
                Target.of("gemini:gemini-2.5-flash"), Options.DEFAULT);
        assertThat(json(gemini).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(2000);
        assertThat(json(gemini).at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(1000);
        assertThat(finding(gemini, "PP227").message()).contains("\"high\"", "max_completion_tokens=2000", "cut to 1000 tokens");
        assertThat(finding(gemini, "PP227").location().pointer()).isEqualTo("/reasoning_effort");
        // a limit with room above the budget is left alone, and so is the budget
        Translation roomy = PromptPort.translate(highEffortSmallLimit.replace("2000", "40000"), InputFormat.OPENAI_CHAT,
                Target.of("gemini:gemini-2.5-flash"), Options.DEFAULT);
        assertThat(ids(roomy)).doesNotContain("PP227");
        // Claude's limit grows instead, as Claude refuses a budget not below max_tokens
        Translation claude = PromptPort.translate(highEffortSmallLimit, InputFormat.OPENAI_CHAT,
                Target.of("anthropic:claude-sonnet-4-5"), Options.DEFAULT);
        assertThat(ids(claude)).contains("PP152").doesNotContain("PP227");
    }

    @Test
    void claudeLimitWithThinkingAlreadyHoldsTheReasoningAndStaysForO3() throws Exception {
        Translation t = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","max_tokens":4000,"thinking":{"type":"enabled","budget_tokens":2048},
                 "messages":[{"role":"user","content":"Name a bakery."}]}""", O3);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(4000);
        assertThat(ids(t)).doesNotContain("PP207");
    }

    @Test
    void limitForAModelThatDoesNotReasonStaysAsItCame() throws Exception {
        Translation t = PromptPort.translate(SHORT_REPLY, GPT_4O);
        assertThat(json(t).at("/max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(ids(t)).doesNotContain("PP207");
        Translation unlimited = PromptPort.translate("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Name a bakery."}]}""", O3);
        assertThat(json(unlimited).has("max_completion_tokens")).isFalse();
        assertThat(ids(unlimited)).doesNotContain("PP207");
    }

    @Test
    void responsesLimitGrowsByTheBudgetOfTheEffortSent() throws Exception {
        Target gpt5 = Target.of("openai-responses:gpt-5");
        Translation byDefault = PromptPort.translate(SHORT_REPLY, gpt5);
        assertThat(json(byDefault).at("/max_output_tokens").asInt()).isEqualTo(300 + 8192);
        assertThat(ids(byDefault)).contains("PP207");
        // thinking turned off: gpt-5 still reasons at its lowest effort, minimal
        Translation off = PromptPort.translate(SHORT_REPLY.replace("\"max_tokens\":300,",
                "\"max_tokens\":300,\"thinking\":{\"type\":\"disabled\"},"), gpt5);
        assertThat(json(off).at("/reasoning/effort").asText()).isEqualTo("minimal");
        assertThat(json(off).at("/max_output_tokens").asInt()).isEqualTo(300 + 1024);
    }

    @Test
    void raisedLimitStopsAtTheModelsMaximumOutput() throws Exception {
        Translation near = PromptPort.translate(SHORT_REPLY.replace("300", "95000"), O3);
        assertThat(json(near).at("/max_completion_tokens").asInt()).isEqualTo(100000);
        assertThat(finding(near, "PP207").message()).contains("100000 tokens the model writes at most");
        Translation above = PromptPort.translate(SHORT_REPLY.replace("300", "120000"), O3);
        assertThat(json(above).at("/max_completion_tokens").asInt()).isEqualTo(100000);
        assertThat(ids(above)).contains("PP125").doesNotContain("PP207");
    }

    @Test
    void geminiThinkingModelsGetRoomForTheThinkingTheyDoUnasked() throws Exception {
        Translation flash = PromptPort.translate(SHORT_REPLY, Target.of("gemini:gemini-2.5-flash"));
        assertThat(json(flash).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(300 + 8192);
        assertThat(ids(flash)).contains("PP207");
        Translation pro3 = PromptPort.translate(SHORT_REPLY, Target.of("gemini:gemini-3-pro-preview"));
        assertThat(json(pro3).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(300 + 16384);
        // Flash-Lite thinks only when asked; thinking turned off sends a budget of 0
        Translation lite = PromptPort.translate(SHORT_REPLY, Target.of("gemini:gemini-2.5-flash-lite"));
        assertThat(json(lite).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(300);
        Translation off = PromptPort.translate(SHORT_REPLY.replace("\"max_tokens\":300,",
                "\"max_tokens\":300,\"thinking\":{\"type\":\"disabled\"},"), Target.of("gemini:gemini-2.5-flash"));
        assertThat(json(off).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(300);
        assertThat(ids(lite)).doesNotContain("PP207");
        assertThat(ids(off)).doesNotContain("PP207");
    }

    @Test
    void openAiLimitStaysWhenItsModelAlreadyReasonedWithinIt() throws Exception {
        Translation fromO3 = PromptPort.translate("""
                {"model":"o3","max_completion_tokens":300,"messages":[{"role":"user","content":"Name a bakery."}]}""",
                InputFormat.OPENAI_CHAT, Target.of("openai:gpt-5"), Options.DEFAULT);
        assertThat(json(fromO3).at("/max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(ids(fromO3)).doesNotContain("PP207");
        // a dated snapshot or a router's name of the same model reasons as it does
        for (String named : new String[] {"o3-2025-04-16", "openai/o3"}) {
            Translation snapshot = PromptPort.translate("""
                    {"model":"MODEL","max_completion_tokens":300,"messages":[{"role":"user","content":"Name a bakery."}]}"""
                    .replace("MODEL", named), InputFormat.OPENAI_CHAT, Target.of("openai:gpt-5"), Options.DEFAULT);
            assertThat(json(snapshot).at("/max_completion_tokens").asInt()).as(named).isEqualTo(300);
        }
        Translation fromGpt4o = PromptPort.translate("""
                {"model":"gpt-4o","max_completion_tokens":300,"messages":[{"role":"user","content":"Name a bakery."}]}""",
                InputFormat.OPENAI_CHAT, O3, Options.DEFAULT);
        assertThat(json(fromGpt4o).at("/max_completion_tokens").asInt()).isEqualTo(300 + 8192);
        assertThat(finding(fromGpt4o, "PP207").message()).contains("max_completion_tokens=300");
    }

    @Test
    void geminiLimitStaysForO3WhenTheRequestThinksAndGrowsWhenThinkingIsOff() throws Exception {
        String thinking = """
                {"contents":[{"role":"user","parts":[{"text":"Name a bakery."}]}],
                 "generationConfig":{"maxOutputTokens":300,"thinkingConfig":{"thinkingBudget":1024}}}""";
        Translation thinks = PromptPort.translate(thinking, InputFormat.GEMINI, O3, Options.DEFAULT);
        assertThat(json(thinks).at("/max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(ids(thinks)).doesNotContain("PP207");
        Translation off = PromptPort.translate(thinking.replace("1024", "0"), InputFormat.GEMINI, O3, Options.DEFAULT);
        assertThat(json(off).at("/max_completion_tokens").asInt()).isEqualTo(300 + 2048);
        assertThat(finding(off, "PP207").location().pointer()).isEqualTo("/generationConfig/maxOutputTokens");
    }
}
