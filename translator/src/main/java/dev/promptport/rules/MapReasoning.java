package dev.promptport.rules;

import dev.promptport.ModelFacts;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.ReasoningConfig;
import dev.promptport.tree.Role;
import dev.promptport.tree.ToolChoice;
import dev.promptport.tree.Turn;

import java.util.List;

/**
 * Turns Claude's thinking budget into the target's reasoning knob: a named effort for
 * models that take one (thresholds in {@code rules/targets.yaml}), nothing for models that
 * do not reason.
 */
final class MapReasoning implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        // the output limit's room is judged by the reasoning the request asked for, before it is mapped
        return ReasoningRoom.fit(c.reasoning(), map(c, ctx), ctx);
    }

    private static Conversation map(Conversation c, StepContext ctx) {
        ReasoningConfig r = c.reasoning();
        if (r == null) {
            return c;
        }
        ModelFacts facts = ctx.target().facts();
        boolean effortOnly = r.mode() == ReasoningConfig.Mode.EFFORT;
        ToolChoice choice = c.toolChoice();
        if (facts.anthropicWire() && r.thinks() && choice != null
                && (choice.mode() == ToolChoice.Mode.ANY || choice.mode() == ToolChoice.Mode.TOOL) && !c.tools().isEmpty()) {
            // Claude refuses thinking when the tool call is forced; the call is the caller's contract
            ctx.sink().report("PP178", r.loc(), choice.mode() == ToolChoice.Mode.TOOL ? "the tool \"" + choice.name() + "\"" : "a tool",
                    ctx.targetName());
            return c.withReasoning(null);
        }
        if (facts.anthropicWire() && r.thinks() && endsWithPrefill(c)) {
            // with thinking on, Claude wants a last assistant turn to start with its own thinking;
            // the prefix is the caller's contract, as a forced call is
            ctx.sink().report("PP182", r.loc(), ctx.targetName());
            return c.withReasoning(null);
        }
        if (facts.anthropicWire() && r.thinks() && toolLoopWithoutThinking(c)) {
            // Claude wants the assistant turn of a tool loop in progress to start with the
            // thinking it signed; another vendor's reply in that place has none Claude can verify
            ctx.sink().report("PP186", r.loc(), ctx.targetName());
            return c.withReasoning(null);
        }
        if (effortOnly && facts.anthropicWire()) {
            if (facts.efforts().isEmpty()) {
                // Opus 4.5 and later take an effort level; Sonnet 4.5, Haiku 4.5 and Opus 4.1 refuse it
                ctx.sink().report("PP157", r.loc(), r.effort(), ctx.targetName());
                return c.withReasoning(null);
            }
            // Claude's own setting, written back as it came
            return c;
        }
        if (!facts.reasons() || !facts.takesBudget() && !facts.takesEffort()) {
            if (effortOnly) {
                ctx.sink().report("PP157", r.loc(), r.effort(), ctx.targetName());
            } else if (r.enabled()) {
                ctx.sink().report(facts.reasons() ? "PP147" : "PP109", r.loc(), ctx.targetName());
            }
            return c.withReasoning(null);
        }
        if (facts.takesBudget()) {
            Conversation out = budget(c, r, facts, ctx);
            return facts.anthropicWire() ? claudeEffort(out, r, facts, ctx) : out;
        }
        List<String> efforts = facts.efforts();
        String effort;
        if (r.mode() == ReasoningConfig.Mode.DISABLED) {
            effort = efforts.isEmpty() ? null : efforts.get(0);
            ctx.sink().report("PP135", r.loc(), ctx.targetName(), effort);
        } else if (r.effort() != null) {
            effort = nearest(r.effort(), efforts);
            if (r.budgetTokens() != null) {
                ctx.sink().report("PP218", r.loc(), r.budgetTokens(), r.effort(), ctx.targetName(),
                        "it reasons at effort \"" + effort + "\" and the budget was dropped");
            }
            if (!effort.equals(r.effort())) {
                ctx.sink().report("PP217", r.loc(), r.effort(), ctx.targetName(), levels(efforts), effort);
            }
        } else if (r.budgetTokens() != null) {
            effort = nearest(fromBudget(r.budgetTokens(), ctx.catalogue()), efforts);
            ctx.sink().report("PP108", r.loc(), r.budgetTokens(), effort, ctx.targetName());
        } else {
            effort = nearest("medium", efforts);
            if (dynamic(r)) {
                ctx.sink().report("PP173", r.loc(), FitOptions.dotted(r.loc().pointer()), DYNAMIC, ctx.targetName()
                        + " has no thinking length the model sets itself, so it reasons at effort \"" + effort + "\"");
            }
        }
        return c.withReasoning(new ReasoningConfig(r.mode(), r.budgetTokens(), effort, r.loc(), r.shown()));
    }

    /** Whether the request ends with an assistant turn of text only: a reply for the model to continue. */
    private static boolean endsWithPrefill(Conversation c) {
        if (c.turns().isEmpty()) {
            return false;
        }
        Turn last = c.turns().get(c.turns().size() - 1);
        return last.role() == Role.ASSISTANT && !last.parts().isEmpty()
                && last.parts().stream().allMatch(p -> p instanceof Part.Text);
    }

    /**
     * Whether the request answers tool calls (its last user turn holds tool results) whose
     * assistant turn does not start with reasoning. Runs after earlier reasoning Claude cannot
     * verify was dropped.
     */
    private static boolean toolLoopWithoutThinking(Conversation c) {
        List<Turn> turns = c.turns();
        int i = turns.size() - 1;
        boolean results = false;
        for (; i >= 0 && turns.get(i).role() == Role.USER; i--) {
            for (Part p : turns.get(i).parts()) {
                results |= p instanceof Part.ToolResult;
            }
        }
        if (!results) {
            return false;
        }
        boolean calls = false;
        Part first = null;
        for (; i >= 0 && turns.get(i).role() == Role.ASSISTANT; i--) {
            List<Part> parts = turns.get(i).parts();
            for (Part p : parts) {
                calls |= p instanceof Part.ToolCall;
            }
            if (!parts.isEmpty()) {
                first = parts.get(0);
            }
        }
        return calls && !(first instanceof Part.Reasoning);
    }

    private static final String DYNAMIC = "the model decides how long to think";

    /** Thinking whose length the model sets itself (Gemini's budget of -1, Claude's adaptive thinking). */
    private static boolean dynamic(ReasoningConfig r) {
        return r.mode() == ReasoningConfig.Mode.ADAPTIVE && r.budgetTokens() == null && r.effort() == null;
    }

    /** For targets whose knob is a token budget: keep it, clamped to the model's range. */
    private static Conversation budget(Conversation c, ReasoningConfig r, ModelFacts facts, StepContext ctx) {
        if (r.mode() == ReasoningConfig.Mode.DISABLED) {
            // a budget floor means the model cannot stop reasoning (Gemini 2.5 Pro); Claude's
            // floor applies only while thinking is on, and thinking turns off
            if (facts.budgetMin() > 0 && !facts.anthropicWire()) {
                ctx.sink().report("PP135", r.loc(), ctx.targetName(), facts.budgetMin() + " tokens");
                // still off for the caller: the writer sends the floor but does not ask for the thoughts
                return c.withReasoning(new ReasoningConfig(ReasoningConfig.Mode.DISABLED, facts.budgetMin(), null, r.loc(), false));
            }
            return c.withReasoning(r);
        }
        Integer budget = r.budgetTokens();
        if (budget == null && r.effort() != null) {
            budget = ctx.catalogue().budgetFor(r.effort());
            ctx.sink().report("PP148", r.loc(), r.effort(), budget, ctx.targetName());
            budget = withinLimit(c, r, budget, facts, ctx);
        }
        if (budget == null && dynamic(r) && !facts.wire().equals("gemini")) {
            // the writers would send the smallest budget; the middle of the scale is nearer the request
            budget = ctx.catalogue().budgetFor("medium");
            ctx.sink().report("PP173", r.loc(), FitOptions.dotted(r.loc().pointer()), DYNAMIC, ctx.targetName()
                    + " has no thinking budget the model sets itself, so it thinks with a fixed budget of " + budget
                    + " tokens, the one for a medium effort");
        }
        if (budget == null) {
            return c.withReasoning(r);
        }
        if (r.effort() != null && r.budgetTokens() != null && !facts.anthropicWire()) {
            // Claude takes both; Gemini's thinking budget and level exclude each other
            ctx.sink().report("PP218", r.loc(), budget, r.effort(), ctx.targetName(),
                    "it thinks with the budget and the effort was dropped");
        }
        int clamped = Math.max(facts.budgetMin(), facts.budgetMax() > 0 ? Math.min(budget, facts.budgetMax()) : budget);
        if (clamped != budget) {
            ctx.sink().report("PP149", r.loc(), budget, ctx.targetName(), facts.budgetMin(), facts.budgetMax(), clamped);
        }
        return c.withReasoning(new ReasoningConfig(r.mode() == ReasoningConfig.Mode.ADAPTIVE
                ? ReasoningConfig.Mode.ADAPTIVE : ReasoningConfig.Mode.ENABLED, clamped, r.effort(), r.loc(), r.shown()));
    }

    /**
     * A budget made from an effort level that is not below the request's output limit: a target
     * that counts its thinking inside that limit (Gemini's maxOutputTokens) could think until the
     * limit and reply with nothing. The budget is promptport's choice, the limit the caller's, so
     * the budget gives way: half the limit, the other half left to the reply (PP227). Claude's
     * limit grows instead (PP152), as Claude refuses such a budget.
     */
    private static int withinLimit(Conversation c, ReasoningConfig r, int budget, ModelFacts facts, StepContext ctx) {
        Integer limit = c.generation().maxTokens();
        if (limit == null || budget < limit || facts.anthropicWire()) {
            return budget;
        }
        int half = Math.max(1, limit / 2);
        ctx.sink().report("PP227", r.loc(), r.effort(), budget, FitOptions.given(c.generation().at().maxTokens(), "max_tokens"),
                limit, ctx.targetName(), half);
        return half;
    }

    /**
     * An effort level beside thinking goes to Claude in {@code output_config} where the model
     * takes one; Sonnet 4.5, Haiku 4.5 and Opus 4.1 refuse it there too. Asked beside a budget it
     * is named; asked alone it already became the budget (PP148), which is all such a model takes.
     */
    private static Conversation claudeEffort(Conversation c, ReasoningConfig asked, ModelFacts facts, StepContext ctx) {
        ReasoningConfig r = c.reasoning();
        if (r == null || r.effort() == null || !r.thinks() || !facts.efforts().isEmpty()) {
            return c;
        }
        if (asked.budgetTokens() != null) {
            ctx.sink().report("PP157", asked.loc(), r.effort(), ctx.targetName());
        }
        return c.withReasoning(new ReasoningConfig(r.mode(), r.budgetTokens(), null, r.loc(), r.shown()));
    }

    /** {@code [low, medium, high]} as a person reads it: {@code "low", "medium" or "high"}. */
    private static String levels(List<String> efforts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < efforts.size(); i++) {
            b.append(i == 0 ? "" : i == efforts.size() - 1 ? " or " : ", ").append('"').append(efforts.get(i)).append('"');
        }
        return b.toString();
    }

    static String fromBudget(int budget, Catalogue catalogue) {
        for (Catalogue.EffortBound b : catalogue.effortBounds()) {
            if (b.below() == null || budget < b.below()) {
                return b.effort();
            }
        }
        return "high";
    }

    /** The effort itself when the model accepts it, else the closest one it does accept. */
    static String nearest(String effort, List<String> accepted) {
        if (accepted.isEmpty() || accepted.contains(effort)) {
            return effort;
        }
        List<String> scale = List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");
        int want = scale.indexOf(effort);
        String best = accepted.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String a : accepted) {
            int d = Math.abs(scale.indexOf(a) - want);
            if (d < bestDistance) {
                best = a;
                bestDistance = d;
            }
        }
        return best;
    }
}
