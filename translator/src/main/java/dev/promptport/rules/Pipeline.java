package dev.promptport.rules;

import dev.promptport.tree.Conversation;

import java.util.List;

/** The rewrite steps, in the order they run, that fit a conversation to a target. */
public final class Pipeline {

    private static final List<RewriteStep> STEPS = List.of(
            new BorrowedFacts(),
            new ClaudeCodeBillingLine(),
            new RewriteSections(),
            new SystemTurnsToTop(),
            new OrphanResults(),
            new RepeatedResults(),
            new MissingResults(),
            new ConvertPrefill(),
            new DropThinkingHistory(),
            new PlaceholderSignatures(),
            new MapReasoning(),
            new FitTools(),
            new FitContent(),
            new TrimPrefill(),
            new AddMissingUserTurn(),
            new FitOptions(),
            new FitOutputFormat(),
            new SystemAsUser());

    private Pipeline() {
    }

    public static Conversation run(Conversation conversation, StepContext context) {
        context.read(conversation);
        Conversation c = conversation;
        for (RewriteStep step : STEPS) {
            c = step.apply(c, context);
        }
        return c;
    }
}
