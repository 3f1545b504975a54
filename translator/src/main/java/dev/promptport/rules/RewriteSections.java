package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites tagged sections in the system prompt and user turns as Markdown, when the target's
 * vendor recommends Markdown. Assistant turns and tool results are left alone: they are what
 * a model or a tool produced, not instructions.
 */
final class RewriteSections implements RewriteStep {

    @Override
    public Conversation apply(Conversation c, StepContext ctx) {
        boolean markdown = ctx.style() == Style.AUTO && "markdown".equals(ctx.target().facts().structure());
        if (ctx.style() == Style.AUTO && "xml".equals(ctx.target().facts().structure())) {
            return toXml(c, ctx);
        }
        List<Part> system = Parts.mapList(c.system(), p -> rewrite(p, markdown, ctx));
        List<Turn> turns = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            turns.add(t.role() == Role.USER ? t.withParts(Parts.mapList(t.parts(), p -> rewrite(p, markdown, ctx))) : t);
        }
        return c.withSystem(system).withTurns(turns);
    }

    private static Part rewrite(Part p, boolean markdown, StepContext ctx) {
        if (!(p instanceof Part.Text t) || t.markup() == null) {
            return p;
        }
        if (!markdown) {
            reportProblems(t, ctx);
            return p;
        }
        String text = markdown(t, ctx);
        if (text.equals(t.text())) {
            return p;
        }
        // later steps and writers read the text, not its markup: scanning it again would be waste
        return t.withText(text, null);
    }

    private static String markdown(Part.Text t, StepContext ctx) {
        TagVocabulary vocab = ctx.catalogue().tags();
        TextMemo memo = ctx.memo();
        MarkdownSections.Rewrite r = memo != null && TextMemo.worthIt(t.text())
                // the vocabulary is the key: a team's own tag words plan a text differently
                ? memo.get(t.text(), vocab, () -> MarkdownSections.plan(t.text(), t.markup(), vocab))
                : MarkdownSections.plan(t.text(), t.markup(), vocab);
        r.report(t.loc(), ctx.sink());
        return r.text();
    }

    /** For targets that prefer XML tags: Markdown headings become tagged sections. */
    private static Conversation toXml(Conversation c, StepContext ctx) {
        java.util.function.Function<Part, Part> rewrite = p -> {
            if (!(p instanceof Part.Text t)) {
                return p;
            }
            String text = XmlSections.rewrite(t.text(), t.markup(), ctx.catalogue().tags(), t.loc(), ctx.sink());
            return text.equals(t.text()) ? p : t.withText(text, null);
        };
        List<Part> system = Parts.mapList(c.system(), rewrite);
        List<Turn> turns = new ArrayList<>(c.turns().size());
        for (Turn t : c.turns()) {
            turns.add(t.role() == Role.USER ? t.withParts(Parts.mapList(t.parts(), rewrite)) : t);
        }
        return c.withSystem(system).withTurns(turns);
    }

    /** With tags kept, broken tags are still worth knowing about. */
    private static void reportProblems(Part.Text t, StepContext ctx) {
        MarkdownSections.reportProblems(t.text(), t.markup(), ctx.catalogue().tags(), t.loc(), ctx.sink());
    }
}
