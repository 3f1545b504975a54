package dev.promptport.rules;

import dev.promptport.Target;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Loc;

/**
 * Says, on every translation for a model the catalogue does not list, whose facts were used
 * instead (PP208): the limits and settings the other steps fitted the request to are a guess.
 */
final class BorrowedFacts implements RewriteStep {

    @Override
    public Conversation apply(Conversation conversation, StepContext ctx) {
        Target t = ctx.target();
        if (t.factsFrom() != null) {
            ctx.sink().report("PP208", Loc.NONE, ctx.targetName(), t.factsFrom(), how(t));
        }
        return conversation;
    }

    /** Why that model: the closest of the family, or the vendor's most cautious one. */
    private static String how(Target t) {
        String from = t.factsFrom().substring(t.factsFrom().indexOf(':') + 1);
        return ModelIds.related(ModelIds.parts(ModelIds.base(t.vendor(), t.model())),
                ModelIds.parts(ModelIds.base(t.vendor(), from)))
                ? "the closest listed model of its family"
                : "no listed model of " + t.vendor() + " matches its name, so the one with the smallest limits";
    }
}
