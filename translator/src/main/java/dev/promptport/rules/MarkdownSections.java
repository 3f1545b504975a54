package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.DeferredText;
import dev.promptport.tree.LineIndex;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Markup;

import java.util.List;

/**
 * Rewrites the tagged sections of one prose text as Markdown headings, the structure that
 * OpenAI's and Google's prompting guides recommend. Data sections, output contracts and inline
 * tags keep their tags; mentions of converted tags are reworded to name the heading.
 */
public final class MarkdownSections {

    private static final int MAX_NAMES_SEARCHED = 16;

    private MarkdownSections() {
    }

    /**
     * The rewritten text; {@code text} itself when nothing converts. Findings go to
     * {@code sink}, located with {@code base} (the location of the text).
     */
    public static String rewrite(String text, Markup markup, TagVocabulary vocab, Loc base, FindingSink sink) {
        if (text == null || markup == null) {
            return text;
        }
        Rewrite r = plan(text, markup, vocab);
        r.report(base, sink);
        return r.text();
    }

    /**
     * A text's rewrite with its findings kept as offsets: it depends on the text and the
     * vocabulary only, so a {@link dev.promptport.tree.TextMemo} may keep it for the next
     * request that carries the same text.
     */
    static Rewrite plan(String text, Markup markup, TagVocabulary vocab) {
        return plan(text, markup, vocab, java.util.Set.of());
    }

    /** As {@link #plan(String, Markup, TagVocabulary)}, keeping the tags of sections named {@code kept}. */
    static Rewrite plan(String text, Markup markup, TagVocabulary vocab, java.util.Set<String> kept) {
        return plan(text, markup, vocab, kept, false);
    }

    /**
     * As {@link #plan(String, Markup, TagVocabulary, java.util.Set)}; with {@code defer}, a
     * rewrite that a second run would surely leave alone is not written now but when it is read
     * ({@link Rewrite#deferred}), for a caller that hands it on to one writer.
     */
    static Rewrite plan(String text, Markup markup, TagVocabulary vocab, java.util.Set<String> kept, boolean defer) {
        SectionPlan plan = SectionPlan.of(text, markup, vocab, true, kept);
        String result = text;
        if (plan.convertsAnything()) {
            SecondRun before = defer ? secondRunUnwritten(text, markup, plan) : SecondRun.UNTOLD;
            if (before == SecondRun.SETTLED) {
                List<SectionFinding> findings = plan.findings();
                return new Rewrite(null, new WrittenLater(text, markup, plan), findings,
                        findings.isEmpty() ? null : linesFor(text, findings));
            }
            result = SectionWriter.write(text, markup, plan);
            boolean mayChange = before == SecondRun.MAY_CHANGE || mayChangeOnSecondRun(markup, result);
            if (mayChange && !settled(result, vocab)) {
                // Tag soup whose strays would pair up once the converted tags are gone, or a fence
                // that the rewrite put on a line of its own: keeping every tag is the only answer
                // a second run would agree with.
                plan = SectionPlan.of(text, markup, vocab, false);
                result = text;
            }
        }
        List<SectionFinding> findings = plan.findings();
        return new Rewrite(result, null, findings, findings.isEmpty() ? null : linesFor(text, findings));
    }

    /**
     * What {@link #mayChangeOnSecondRun} will say, where it can be told before the text is written.
     * The rewritten text is pieces of {@code text} joined by the headings, reworded mentions and
     * blank lines the plan writes, none of which holds a '{@code <}'. So when neither {@code text}
     * nor what the plan writes holds a backtick or a tilde, the result holds none. And a stray's
     * partner tag can be in the result only if it is in {@code text}, or if a cut joins a
     * '{@code <}' to the text after it: when neither happens, there is nothing a second run could
     * pair.
     */
    private static SecondRun secondRunUnwritten(String text, Markup markup, SectionPlan plan) {
        if (text.indexOf('`') >= 0 || text.indexOf('~') >= 0 || plan.writesCodeMarks()) {
            return SecondRun.UNTOLD;
        }
        List<Markup.Problem> problems = markup.problems();
        if (problems.isEmpty()) {
            return SecondRun.SETTLED;
        }
        if (problems.size() > MAX_NAMES_SEARCHED) {
            return SecondRun.UNTOLD;
        }
        for (int k = 0; k < problems.size(); k++) {
            Markup.Problem p = problems.get(k);
            // on the rewrite of text, the tags and mentions the plan takes out are not there:
            // a partner found is in the rewrite too, as {@link #mayChangeOnSecondRun} would find
            if (holdsTag(text, p.kind() != Markup.Problem.Kind.UNOPENED, p.name(), plan)) {
                return SecondRun.MAY_CHANGE;
            }
        }
        return plan.cutsAfterAngle(text) ? SecondRun.UNTOLD : SecondRun.SETTLED;
    }

    /** What {@link #mayChangeOnSecondRun} will say of a rewrite, told before it is written. */
    private enum SecondRun {
        /** No: the rewrite can be left to the writer. */
        SETTLED,
        /** Yes: a stray's partner is kept. */
        MAY_CHANGE,
        /** Only the written text can tell. */
        UNTOLD
    }

    /** Lines only as far as the last finding, which in a long prompt is often near its start. */
    private static LineIndex linesFor(String text, List<SectionFinding> findings) {
        int last = 0;
        for (SectionFinding f : findings) {
            last = Math.max(last, f.offset());
        }
        return LineIndex.upTo(text, last);
    }

    /**
     * A rewritten text and its findings, as offsets into the text it was made from. The text is
     * {@code text}, or {@code deferred} when it is written only when read.
     */
    record Rewrite(String text, DeferredText deferred, List<SectionFinding> findings, LineIndex lines) {

        void report(Loc base, FindingSink sink) {
            for (SectionFinding f : findings) {
                f.report(lines.locate(base, f.offset()), sink);
            }
        }
    }

    /** A planned rewrite, written each time it is read until something makes it a String. */
    private static final class WrittenLater extends DeferredText {
        private final String source;
        private final Markup markup;
        private final SectionPlan plan;

        WrittenLater(String source, Markup markup, SectionPlan plan) {
            this.source = source;
            this.markup = markup;
            this.plan = plan;
        }

        @Override
        protected String make() {
            return SectionWriter.write(source, markup, plan);
        }

        @Override
        public boolean isBlank() {
            return !plan.writesHeading() && super.isBlank();
        }

        @Override
        protected void write(Sink sink) {
            SectionWriter.writeTo(source, markup, plan, sink);
        }
    }

    /**
     * Reports only the broken tags, as {@link #rewrite} would; for callers that keep the tags.
     * Bare mentions of known tags ("put it in &lt;answer&gt; tags") are not reported as broken.
     */
    public static void reportProblems(String text, Markup markup, TagVocabulary vocab, Loc base, FindingSink sink) {
        if (text != null && markup != null && !markup.problems().isEmpty()) {
            report(SectionPlan.of(text, markup, vocab, false).problemFindings(), text, base, sink);
        }
    }

    /**
     * Whether {@link #settled} could fail, decided without scanning {@code result} again. A
     * second run sees the tags left in {@code result}: the kept ones, already paired, and the
     * strays not reworded. Only two things can change its outcome. Code: a fence or code span
     * can start on a line the rewrite made, and hide or reveal tags. Strays: an opening tag
     * left unpaired (or a void one such as {@code <br>}, never reported) can pair with a
     * closing tag once the converted section around it is gone. Without backticks or tildes in
     * the result, and with no tag left in it that could partner a stray, neither can happen.
     */
    private static boolean mayChangeOnSecondRun(Markup markup, String result) {
        if (result.indexOf('`') >= 0 || hasTildeFence(result)) {
            return true;
        }
        List<Markup.Problem> problems = markup.problems();
        if (problems.isEmpty()) {
            return false;
        }
        // one search per distinct partner keeps this linear; past a few names, rescanning is
        // cheaper. A partner found ends the question, so every one remembered was not found.
        String[] names = new String[MAX_NAMES_SEARCHED];
        boolean[] closing = new boolean[MAX_NAMES_SEARCHED];
        int searched = 0;
        for (int k = 0; k < problems.size(); k++) {
            Markup.Problem p = problems.get(k);
            boolean close = p.kind() != Markup.Problem.Kind.UNOPENED;
            if (searchedBefore(names, closing, searched, p.name(), close)) {
                continue;
            }
            if (searched == MAX_NAMES_SEARCHED) {
                return true;
            }
            if (holdsTag(result, close, p.name())) {
                return true;
            }
            names[searched] = p.name();
            closing[searched] = close;
            searched++;
        }
        return false;
    }

    private static boolean searchedBefore(String[] names, boolean[] closing, int searched, String name, boolean close) {
        for (int i = 0; i < searched; i++) {
            if (closing[i] == close && names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code result} holds {@code "</" + name} ({@code close}) or {@code "<" + name}:
     * searched for by its '<', few once the sections are converted, so the search string need
     * not be made, and a character search runs on whole vectors where a string search does not.
     */
    static boolean holdsTag(String result, boolean close, String name) {
        return holdsTag(result, close, name, null);
    }

    /** As {@link #holdsTag(String, boolean, String)}, not counting the tags {@code cuts} takes out ({@code null}: none). */
    private static boolean holdsTag(String result, boolean close, String name, SectionPlan cuts) {
        for (int i = result.indexOf('<'); i >= 0; i = result.indexOf('<', i + 1)) {
            int at = i + 1;
            if (close) {
                if (at >= result.length() || result.charAt(at) != '/') {
                    continue;
                }
                at++;
            }
            if (result.startsWith(name, at) && (cuts == null || !cuts.cutsTagAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "~~~" occurs: a search for the rare '~' alone runs on whole vectors, one for the string does not. */
    private static boolean hasTildeFence(String result) {
        for (int i = result.indexOf('~'); i >= 0; i = result.indexOf('~', i + 1)) {
            if (result.startsWith("~~~", i)) {
                return true;
            }
        }
        return false;
    }

    /** True when a second rewrite would convert nothing, so returning {@code result} is idempotent. */
    private static boolean settled(String result, TagVocabulary vocab) {
        if (!TagScanner.mayContainTags(result)) {
            return true;
        }
        Markup again = TagScanner.scan(result);
        return !again.hasElements() || !SectionPlan.of(result, again, vocab, true).convertsAnything();
    }

    private static void report(List<SectionFinding> findings, String text, Loc base, FindingSink sink) {
        if (findings.isEmpty()) {
            return;
        }
        LineIndex lines = linesFor(text, findings);
        for (SectionFinding f : findings) {
            f.report(lines.locate(base, f.offset()), sink);
        }
    }
}
