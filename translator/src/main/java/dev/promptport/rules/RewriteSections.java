package dev.promptport.rules;

import dev.promptport.tree.Conversation;
import dev.promptport.tree.Part;
import dev.promptport.tree.Role;
import dev.promptport.tree.TextMemo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        Map<Part.Text, Set<String>> kept = markdown ? CrossMentions.kept(c) : Map.of();
        return mapProse(c, p -> rewrite(p, markdown, kept, ctx));
    }

    /** Maps the system's parts and those of user and system turns; the same conversation when none changes. */
    private static Conversation mapProse(Conversation c, Function<Part, Part> rewrite) {
        return Parts.with(c, Parts.mapList(c.system(), rewrite), Parts.mapList(c.turns(), t -> {
            if (t.role() == Role.ASSISTANT) {
                return t;
            }
            List<Part> parts = Parts.mapList(t.parts(), rewrite);
            return parts == t.parts() ? t : t.withParts(parts);
        }));
    }

    private static Part rewrite(Part p, boolean markdown, Map<Part.Text, Set<String>> kept, StepContext ctx) {
        if (!(p instanceof Part.Text t) || t.markup() == null) {
            return p;
        }
        if (!markdown) {
            reportProblems(t, ctx);
            return p;
        }
        Set<String> keep = kept.get(t);
        MarkdownSections.Rewrite r = keep == null ? markdown(t, ctx) : keeping(t, keep, ctx);
        r.report(t.loc(), ctx.sink());
        // later steps and writers read the text, not its markup: scanning it again would be waste
        if (r.deferred() != null) {
            return t.withDeferredText(r.deferred());
        }
        return r.text().equals(t.text()) ? p : t.withText(r.text(), null);
    }

    private static MarkdownSections.Rewrite markdown(Part.Text t, StepContext ctx) {
        TagVocabulary vocab = ctx.catalogue().tags();
        TextMemo memo = ctx.memo();
        if (memo != null && TextMemo.worthIt(t.text())) {
            // the vocabulary is the key: a team's own tag words plan a text differently. What is
            // remembered is written now, to be copied by every request that carries the text
            return memo.get(t.text(), vocab, () -> MarkdownSections.plan(t.text(), t.markup(), vocab));
        }
        // written once, by the writer, straight into the request
        return MarkdownSections.plan(t.text(), t.markup(), vocab, Set.of(), true);
    }

    /** The memo key of a text's rewrites that keep sections another text of the request names. */
    private static final Object KEEPING = new Object();
    /** Ways of keeping one text remembered at most, so traffic that varies them cannot grow the memo. */
    private static final int MAX_WAYS = 8;

    /** Which sections a remembered rewrite keeps, under which tag vocabulary. */
    private record Kept(TagVocabulary vocab, Set<String> names) {
    }

    /**
     * A text whose sections another text refers to, or whose tags a prefilled reply opens. Such
     * requests repeat too (every request of an application that prefills its reply), so the
     * rewrite is remembered for the sections it keeps: a text is kept in few ways.
     */
    private static MarkdownSections.Rewrite keeping(Part.Text t, Set<String> keep, StepContext ctx) {
        TagVocabulary vocab = ctx.catalogue().tags();
        TextMemo memo = ctx.memo();
        if (memo != null && TextMemo.worthIt(t.text())) {
            Map<Kept, MarkdownSections.Rewrite> ways = memo.get(t.text(), KEEPING, ConcurrentHashMap::new);
            Kept way = new Kept(vocab, keep);
            MarkdownSections.Rewrite known = ways.get(way);
            if (known != null) {
                return known;
            }
            MarkdownSections.Rewrite r = MarkdownSections.plan(t.text(), t.markup(), vocab, keep);
            if (ways.size() < MAX_WAYS) {
                ways.put(way, r);
            }
            return r;
        }
        return MarkdownSections.plan(t.text(), t.markup(), vocab, keep, true);
    }

    /** For targets that prefer XML tags: Markdown headings become tagged sections. */
    private static Conversation toXml(Conversation c, StepContext ctx) {
        return mapProse(c, p -> {
            if (!(p instanceof Part.Text t)) {
                return p;
            }
            String text = XmlSections.rewrite(t.text(), t.markup(), ctx.catalogue().tags(), t.loc(), ctx.sink());
            return text.equals(t.text()) ? p : t.withText(text, null);
        });
    }

    /** With tags kept, broken tags are still worth knowing about. */
    private static void reportProblems(Part.Text t, StepContext ctx) {
        MarkdownSections.reportProblems(t.text(), t.markup(), ctx.catalogue().tags(), t.loc(), ctx.sink());
    }
}
