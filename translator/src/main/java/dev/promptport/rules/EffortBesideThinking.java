package dev.promptport.rules;

import dev.promptport.tree.Extra;
import dev.promptport.tree.ReasoningConfig;

import java.util.List;

/**
 * Claude's {@code output_config.effort} beside thinking that is off or names an effort of its
 * own ({@link Extra#OUTPUT_EFFORT}). Claude takes both as written. Another target has one
 * reasoning knob, which the thinking setting sets (off is the model's lowest effort), so the
 * effort level is named as not sent.
 */
final class EffortBesideThinking {

    private EffortBesideThinking() {
    }

    static void fit(Extra e, ReasoningConfig thinking, StepContext ctx, List<Extra> kept) {
        String value = FitOptions.textOf(e.value().json());
        if (ctx.target().facts().anthropicWire()) {
            if (ctx.target().facts().efforts().isEmpty()) {
                // Opus 4.5 and later take an effort level; Sonnet 4.5, Haiku 4.5 and Opus 4.1 refuse it
                ctx.sink().report("PP157", e.loc(), value, ctx.targetName());
            } else {
                kept.add(e);
            }
            return;
        }
        String target = ctx.targetName();
        String why;
        if (thinking == null) {
            // the reasoning step dropped the thinking setting too, having named it where it had to
            why = target + " has no reasoning setting, so neither it nor the request's thinking setting was sent";
        } else if (thinking.mode() == ReasoningConfig.Mode.DISABLED) {
            why = "the request also turns thinking off (thinking.type \"disabled\"), which " + target
                    + " follows by reasoning as little as it can; it has one reasoning setting";
        } else {
            why = "the request also sets thinking.effort" + (thinking.effort() == null ? "" : " to \"" + thinking.effort() + "\"")
                    + ", and " + target + " has one reasoning setting, which follows that";
        }
        ctx.sink().report("PP173", e.loc(), FitOptions.dotted(e.loc().pointer()), value, why);
    }
}
