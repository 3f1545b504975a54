package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Generation;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.SourceKind;

/**
 * Leaves a reasoning model room to reason inside the output limit. OpenAI's reasoning models
 * (max_completion_tokens, max_output_tokens), Gemini's thinking models (maxOutputTokens) and
 * DeepSeek's reasoner (max_tokens) count their hidden reasoning in the same limit as the reply,
 * so a limit written for the reply alone (Claude without thinking, a model that does not reason)
 * can be spent on reasoning, and the reply comes back empty with the finish reason "length".
 * Such a limit grows by the budget of the effort sent (PP207), up to the model's maximum. A
 * limit that already covered reasoning (Claude thinking, an OpenAI or Gemini model that reasons)
 * stays; a Claude target's limit is PP152's, since Claude thinks only when asked. A Claude
 * thinking budget that is not below max_tokens, which Claude refuses, leaves the reply no room;
 * the limit stays as written, and that is named (PP226).
 */
final class ReasoningRoom {

    private ReasoningRoom() {
    }

    /**
     * @param asked the reasoning the request asked for, as read
     * @param c the conversation with the reasoning mapped for the target
     */
    static Conversation fit(ReasoningConfig asked, Conversation c, StepContext ctx) {
        Generation g = c.generation();
        Integer limit = g.maxTokens();
        if (limit == null) {
            return c;
        }
        ModelFacts facts = ctx.target().facts();
        // Claude's thinking budget at or above its max_tokens leaves the reply no room: Claude
        // refuses it, and a model that counts its reasoning in the limit could spend it all on
        // reasoning. Gemini takes such a budget, its limit holding both: that one stays
        boolean overBudget = asked != null && asked.thinks() && asked.budgetTokens() != null
                && asked.budgetTokens() >= limit && "max_tokens".equals(FitOptions.given(g.at().maxTokens(), "max_tokens"));
        if (!facts.reasons() || facts.anthropicWire() || c.source() != SourceKind.REQUEST) {
            return c;
        }
        if (overBudget) {
            // kept as written, as the gateways keep it (LiteLLM sends max_tokens on whatever the
            // budget): how much of the limit the reply may have is the caller's to say
            ctx.sink().report("PP226", g.at().maxTokens(), limit, asked.budgetTokens(), ctx.targetName(),
                    facts.outputLimitField());
            return c;
        }
        if (facts.maxOutput() > 0 && limit >= facts.maxOutput() || coversReasoning(asked, c.model(), ctx.catalogue())) {
            return c;
        }
        ReasoningConfig sent = c.reasoning();
        String effort = effortSent(sent, facts);
        boolean budget = effort == null && sent != null && sent.budgetTokens() != null && facts.takesBudget();
        int room = budget ? (sent.mode() == ReasoningConfig.Mode.DISABLED && facts.budgetMin() == 0 ? 0 : sent.budgetTokens())
                : effort == null || "none".equals(effort) ? 0 : ctx.catalogue().budgetFor(effort);
        if (room <= 0) {
            return c;
        }
        String why = budget ? room + " tokens for the thinking budget it is sent"
                : sent == null || sent.effort() == null
                ? room + " tokens, the room a " + effort + " reasoning effort gets, for the reasoning it does when the request sets none"
                : room + " tokens for reasoning at effort \"" + effort + "\"";
        int raised = (int) Math.min((long) limit + room, facts.maxOutput() > 0 ? facts.maxOutput() : Integer.MAX_VALUE);
        if (raised < (long) limit + room) {
            why += ", cut to the " + facts.maxOutput() + " tokens the model writes at most";
        }
        ctx.sink().report("PP207", g.at().maxTokens(), FitOptions.given(g.at().maxTokens(), "max_tokens"), limit,
                ctx.targetName(), facts.outputLimitField(), raised, why);
        return c.withGeneration(g.withMaxTokens(raised));
    }

    /**
     * Whether the request's limit already held the model's reasoning: it asked its model to
     * reason (Claude's thinking on, an OpenAI effort, a Gemini thinking budget or level), or it
     * names a model that reasons unasked (o3, Gemini 2.5 Pro). Every vendor counts reasoning
     * inside the output limit once the model reasons; they differ in whether it reasons unasked.
     */
    private static boolean coversReasoning(ReasoningConfig asked, String model, Catalogue catalogue) {
        if (asked != null) {
            return asked.thinks();
        }
        return catalogue.reasonsUnasked(model);
    }

    /**
     * The effort the translation sends, or the model's default when it sends none; {@code null}
     * for a model whose knob is a budget and that was sent one.
     */
    private static String effortSent(ReasoningConfig sent, ModelFacts facts) {
        if (sent == null) {
            return facts.defaultEffort();
        }
        if (facts.takesBudget()) {
            if (sent.budgetTokens() != null) {
                return null;
            }
            // thinking turned off with no floor sent (0), or left to the model (-1)
            return sent.mode() == ReasoningConfig.Mode.DISABLED ? "none" : facts.defaultEffort();
        }
        return sent.effort() != null ? sent.effort() : facts.defaultEffort();
    }
}
