package dev.promptport;

import dev.promptport.read.TemplateMark;
import dev.promptport.rules.Snippets;
import dev.promptport.rules.StepContext;

import java.util.List;

/** Names the template syntax a prompt file's reader left out of what it translated. */
final class TemplateMarks {

    /** How much of a comment a finding quotes. */
    private static final int QUOTED = 80;

    private TemplateMarks() {
    }

    /** @param writeBack whether the translation is a file written back rather than a request */
    static void report(List<TemplateMark> marks, boolean writeBack, StepContext ctx) {
        Target target = ctx.target();
        for (TemplateMark m : marks) {
            if (m instanceof TemplateMark.RoleAttributes a) {
                ctx.sink().report("PP200", a.loc(), a.line(), a.attributes(),
                        (writeBack ? "the file written for " : "the request for ") + target);
            } else if (m instanceof TemplateMark.Comment c) {
                ctx.sink().report("PP201", c.loc(), Snippets.abbreviate(c.text(), QUOTED), target);
            } else if (m instanceof TemplateMark.History h) {
                ctx.sink().report("PP202", h.loc(), h.text(), target, h.modelText()
                        ? " The text after it has no role marker of its own, so it became a model (assistant) message, as"
                                + " Dotprompt makes it." : "");
            }
        }
    }
}
