package dev.promptport.rules;

import dev.promptport.read.TagScanner;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import dev.promptport.tree.Markup.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for one text, what becomes of every tagged section that sits in prose, which tag
 * mentions get reworded, and which findings to report. Writing is left to {@link SectionWriter}.
 */
final class SectionPlan {

    enum Kind {
        /** Becomes a Markdown heading. */
        CONVERT,
        /** Data: kept with its tags. */
        DATA,
        /** An output contract (an output tag, or an empty or self-closing one): kept. */
        OUTPUT,
        /** An empty pair like {@code <rules></rules>} naming a converted section: reworded. */
        REFERENCE,
        /** Inline, or not safe to convert: kept as written. */
        VERBATIM
    }

    /**
     * {@code headed}: the Markdown heading right above the section already names it ("## Search
     * Instructions" above {@code <search_instructions>}), so the section writes none of its own.
     */
    record Decision(Kind kind, String title, int level, boolean headed) {
    }

    /**
     * A tag mention in prose, {@code <rules>}, that gets reworded to name its heading;
     * {@code title}: the mention is all its heading or bold line says, and becomes the title alone.
     */
    record Reference(int offset, int length, String name, boolean title) {
    }

    // a kept section's decision carries no title: one of each kind serves them all
    private static final Decision DATA = new Decision(Kind.DATA, null, 0, false);
    private static final Decision OUTPUT = new Decision(Kind.OUTPUT, null, 0, false);
    private static final Decision REFERENCE = new Decision(Kind.REFERENCE, null, 0, false);
    private static final Decision VERBATIM = new Decision(Kind.VERBATIM, null, 0, false);

    /**
     * The sections converted under one name: the name's words (prompts repeat a handful of
     * names many times; their words are worked out once), the first one's title, and how many.
     */
    private static final class Converted {
        final String words;
        final String title;
        int count;

        Converted(String words, String title) {
            this.words = words;
            this.title = title;
        }
    }

    private final String text;
    private final WebMarkup web;
    private final TagVocabulary vocab;
    private final boolean convert;
    private final SectionStrays strays;
    private final PlannedVisits visits = new PlannedVisits();
    private final List<Element> converted = new ArrayList<>();
    /** In the order the names first convert, which is the order PP101 lists them in. */
    private final Map<String, Converted> convertedNames = new LinkedHashMap<>();
    /** Where the text's lines start, found when a reworded mention first asks. */
    private LineStarts lines;
    private int[] proseMentions = new int[0];
    private int mentions;
    private final List<Reference> references = new ArrayList<>();
    /** Unmodifiable once {@link #collectFindings} made it: a remembered rewrite shares it with later requests. */
    private List<SectionFinding> findings = List.of();
    /** Names another text of the request refers to: their sections keep their tags. */
    private final Set<String> kept;
    /**
     * Names of sections shown as syntax ("Usage:\n<read_file>…"): a tool call the model writes.
     * A later section of the same name is another such call, in an example that nothing
     * introduces ("## Example 2: Requesting to read a file"), and keeps its tags as well.
     */
    private Set<String> shownNames;
    /** Names the prompt asks the reply to use ({@link OutputContracts}). */
    private Set<String> contracts = Set.of();
    /**
     * The kept tags' roles: a kept reply template's tags ({@link #replyTemplate}) and an
     * example's answers are told as the walk meets them, the rest once it is done.
     */
    private final TagRoleFindings roles = new TagRoleFindings();
    /** The text's Markdown headings, found on the first question. */
    private MarkdownHeadings headings;
    /** How many converted example sections ({@code <example>}) the walk is inside. */
    private int examplesOpen;
    /**
     * Sections named for the reply that an example shows filled in ({@code <output>} after an
     * example's {@code <input>}), under a name no instruction asks for: PP212, not PP102.
     */
    private Set<Element> exampleAnswers;

    private SectionPlan(String text, Markup markup, TagVocabulary vocab, boolean convert, Set<String> kept) {
        this.text = text;
        this.web = new WebMarkup(text);
        this.vocab = vocab;
        this.convert = convert;
        this.kept = kept;
        this.strays = new SectionStrays(text, markup, vocab);
    }

    /** {@code convert == false} plans a text where every section keeps its tags. */
    static SectionPlan of(String text, Markup markup, TagVocabulary vocab, boolean convert) {
        return of(text, markup, vocab, convert, Set.of());
    }

    /** {@code kept}: names another text of the request refers to, whose sections keep their tags. */
    static SectionPlan of(String text, Markup markup, TagVocabulary vocab, boolean convert, Set<String> kept) {
        SectionPlan plan = new SectionPlan(text, markup, vocab, convert, kept);
        plan.contracts = OutputContracts.of(text, markup, plan.strays);
        plan.classify(markup.nodes(), null, 1);
        plan.resolveMentions();
        plan.collectFindings();
        return plan;
    }

    boolean convertsAnything() {
        return !converted.isEmpty();
    }

    /** How many sections convert. */
    int conversions() {
        return converted.size();
    }

    /**
     * The decision on {@code e}, the {@code visit}-th element (from 0) of a walk that enters
     * converted sections only, in text order, as {@link #classify} walks.
     */
    Decision decision(int visit, Element e) {
        return visits.decisionOn(visit, e);
    }

    List<Reference> references() {
        return references;
    }

    /**
     * Whether a heading or a reworded mention the rewrite writes holds a backtick or a tilde,
     * which could start code in the rewritten text. Titles are made from tag names, which hold
     * neither, and from attribute values, which rarely do.
     */
    boolean writesCodeMarks() {
        if (visits.titleHoldsCodeMark()) {
            return true;
        }
        for (Converted c : convertedNames.values()) {
            if (holdsCodeMark(c.title) || holdsCodeMark(c.words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a '{@code <}' stands just before a mention the rewrite rewords in place ("the
     * "Rules" section"), where the words put in could join it into a tag that {@code text} does
     * not hold. A converted section's tags need no look: the writer trims the blanks before
     * them and starts a new line after them.
     */
    boolean cutsAfterAngle(String text) {
        if (visits.referenceStartsWhere(at -> angleBefore(text, at))) {
            return true;
        }
        for (Reference r : references) {
            if (angleBefore(text, r.offset())) {
                return true;
            }
        }
        return false;
    }

    /** A '<' right before {@code at}, or before a "the " there, which the writer takes out and writes again. */
    private static boolean angleBefore(String text, int at) {
        return at >= 1 && text.charAt(at - 1) == '<' || at >= 5 && text.charAt(at - 5) == '<';
    }

    /** Whether the rewrite writes a heading's marks ("## "), so that its text is not blank. */
    boolean writesHeading() {
        return visits.writesHeading();
    }

    /** Whether the rewrite takes out the tag or mention that starts at {@code offset}. */
    boolean cutsTagAt(int offset) {
        if (visits.cutsTagAt(offset)) {
            return true;
        }
        for (Reference r : references) {
            if (r.offset() == offset) {
                return true;
            }
        }
        return false;
    }

    static boolean holdsCodeMark(String s) {
        return s.indexOf('`') >= 0 || s.indexOf('~') >= 0;
    }

    /** How a reworded mention names its section. */
    String referenceTitle(String name) {
        Converted c = convertedNames.get(name);
        return c.count == 1 ? c.title : c.words;
    }

    /**
     * PP106 for the mention of {@code name} at {@code offset}: what its sections' headings now
     * read, as the reworded mention names them ("the "Example" sections" for several).
     */
    private SectionFinding referenceFinding(int offset, String name) {
        boolean several = referencesSeveral(name);
        String now = several ? "are now the \"" + referenceTitle(name) + "\" headings"
                : "is now the heading \"" + referenceTitle(name) + "\"";
        String place = ReferencePlace.of(text, lines().start(offset), lines().end(offset));
        return new SectionFinding(offset, "PP106", name, now, place, several ? "the sections" : "the section");
    }

    /** The text's lines, found once for all the mentions that ask. */
    private LineStarts lines() {
        if (lines == null) {
            lines = new LineStarts(text);
        }
        return lines;
    }

    /** Whether a reworded mention names several sections ("the "Example" sections"). */
    boolean referencesSeveral(String name) {
        return convertedNames.get(name).count > 1;
    }

    /** PP101 first (it sums up the text), then everything else in text order. */
    List<SectionFinding> findings() {
        return findings;
    }

    List<SectionFinding> problemFindings() {
        return findings.stream().filter(f -> f.id().equals("PP104") || f.id().equals("PP105")
                || f.id().equals("PP134") || f.id().equals("PP219")).toList();
    }

    /** Walks prose: the top level and the inside of converted sections; kept sections are not entered. */
    private void classify(List<Node> nodes, Element section, int level) {
        int lastElement = nodes.size() - 1;
        while (lastElement >= 0 && !(nodes.get(lastElement) instanceof Element)) {
            lastElement--;
        }
        if (lastElement < 0) {
            // a section's text with no section inside, as most are: only its stray tags to note
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) instanceof Chunk c) {
                    noteMentions(c);
                }
            }
            return;
        }
        // same-name siblings, numbered or not: an unnumbered third example is "Example 3";
        // per name, the converted siblings and how many of them the walk has passed
        SiblingNames siblings = null;
        // the name of the level's one converted section, until a second one needs the counts
        String onlyConverted = null;
        // per name, the numbers the siblings' own attributes give and those handed out since
        Map<String, Set<String>> claimed = null;
        // asked of every one-line child, answered once
        boolean outputSection = section != null && (nameFlags(section.name()) & NameFlags.DESCRIBES_OUTPUT) != 0;
        Kind[] kinds = new Kind[nodes.size()];
        // the level of the Markdown heading last written in this level's own text, which the
        // sections below it go under ("## Examples" above <example>): found again in the second
        // pass rather than kept per node
        int headingAbove = 0;
        // the sections right after "reply in this format:", with only blank lines between them
        boolean replyShown = false;
        // the sections right after "For example:" or "Usage:", with only blank lines between them
        boolean exampleShown = false;
        // the examples right after "an example of how your output should be structured:"
        boolean replyExampleShown = false;
        for (int i = 0; i < kinds.length; i++) {
            if (nodes.get(i) instanceof Chunk c) {
                headingAbove = headingAbove(c, headingAbove);
                // what prose says of the sections after it matters only when one follows
                if (i < lastElement && !ElementLayout.blank(text, c.start(), c.end())) {
                    // "# Plan:" between two of the template's sections is part of the template
                    replyShown = replyShown && ShownSections.onlyLabels(text, c.start(), c.end())
                            || ShownSections.asksForFormat(text, c.start(), c.end());
                    replyExampleShown = ShownSections.showsReplyShape(text, c.start(), c.end());
                    exampleShown = ShownSections.introducesExample(text, c.start(), c.end());
                    int lead = replyShown || replyExampleShown || exampleShown ? -1
                            : ShownSections.exampleLeadIn(text, c.start(), c.end());
                    if (lead > 0) {
                        // "as in the following example:\nDISCUSSION\n…" then <command>: the section
                        // is part of the example or format that the colon's line introduces
                        replyShown = ShownSections.asksForFormat(text, c.start(), lead);
                        replyExampleShown = ShownSections.showsReplyShape(text, c.start(), lead);
                        exampleShown = ShownSections.introducesExample(text, c.start(), lead);
                    }
                }
            } else if (nodes.get(i) instanceof Element e) {
                boolean shownAsReply = replyShown || replyExampleShown;
                kinds[i] = shownAsReply ? shownReply(e) : kindOf(e, section, outputSection, depth(level, headingAbove), nodes, i);
                if (kinds[i] == Kind.OUTPUT && !shownAsReply && !outputSection && (examplesOpen > 0 || exampleShown)
                        && answersInExample(e)) {
                    if (exampleAnswers == null) {
                        exampleAnswers = Collections.newSetFromMap(new IdentityHashMap<>());
                    }
                    exampleAnswers.add(e);
                    roles.shown(e.name(), e.start());
                } else if (kinds[i] == Kind.VERBATIM && (nameFlags(e.name()) & NameFlags.MODEL_WRITES) != 0
                        && ShownSections.showsReply(e.name())) {
                    // "<ideal_output><category>…": the example's reply, written with the reply's tags; the
                    // flag, which the vocabulary keeps per name, spares reading every kept name again
                    for (Node n : e.children()) {
                        if (n instanceof Element child && (nameFlags(child.name()) & NameFlags.DATA_NAME) == 0
                                && answerShown(child)) {
                            roles.shown(child.name(), child.start());
                        }
                    }
                }
                if (replyShown && (ElementLayout.namesItsValue(text, e) || ShownSections.wrapsToolCall(e.name()))) {
                    // a tool call shown as the reply's format is that format whole: the sections
                    // after it ("<IMPORTANT>Reminder: …") are the prompt's own again
                    replyShown = false;
                }
                if (kinds[i] == Kind.CONVERT && (exampleShown || ShownSections.toolUnderItsHeading(text, nodes, i))
                        && !ShownSections.namesExample(e.name())) {
                    // "Usage:\n<read_file>\n<path>…</path>\n</read_file>": the tags are the text
                    // shown, the syntax a tool call or a reply is written in, not a section
                    kinds[i] = Kind.VERBATIM;
                    if (shownNames == null) {
                        shownNames = new java.util.HashSet<>();
                    }
                    shownNames.add(e.name());
                } else if (kinds[i] == Kind.CONVERT && shownNames != null && shownNames.contains(e.name())) {
                    kinds[i] = Kind.VERBATIM;
                }
                if (kinds[i] == Kind.CONVERT) {
                    if (siblings != null) {
                        siblings.add(e.name());
                    } else if (onlyConverted == null) {
                        onlyConverted = e.name();
                    } else {
                        siblings = new SiblingNames();
                        siblings.add(onlyConverted);
                        siblings.add(e.name());
                    }
                    String number = SectionTitle.number(e.attributes());
                    if (number != null) {
                        // an unnumbered sibling must not take a number another one was given
                        if (claimed == null) {
                            claimed = new HashMap<>();
                        }
                        claimed.computeIfAbsent(e.name(), k -> new java.util.HashSet<>()).add(number);
                    }
                }
            }
        }
        headingAbove = 0;
        for (int i = 0; i < kinds.length; i++) {
            Node node = nodes.get(i);
            if (node instanceof Chunk c) {
                headingAbove = headingAbove(c, headingAbove);
                noteMentions(c);
            } else if (node instanceof Element e) {
                Kind k = kinds[i];
                if (k != Kind.CONVERT) {
                    visits.add(e, k == Kind.DATA ? DATA : k == Kind.OUTPUT ? OUTPUT : VERBATIM);
                    continue;
                }
                int depth = depth(level, headingAbove);
                int position = siblings == null ? 1 : siblings.pass(e.name());
                int total = siblings == null ? 1 : siblings.total(e.name());
                int ordinal = !SectionTitle.hasNumber(e.attributes()) && total > 1 ? position : 0;
                Set<String> taken = claimed == null ? null : claimed.get(e.name());
                if (ordinal > 0 && taken != null) {
                    while (!taken.add(Integer.toString(ordinal))) {
                        ordinal++;
                    }
                }
                Converted named = convertedNames.get(e.name());
                String words = named != null ? named.words : vocab.names().of(e.name()).words();
                String title = SectionTitle.of(words, e.attributes(), ordinal);
                boolean headed = i > 0 && nodes.get(i - 1) instanceof Chunk above
                        && HeadingAbove.names(text, above.start(), above.end(), depth - 1, title);
                visits.add(e, new Decision(Kind.CONVERT, title, depth, headed));
                converted.add(e);
                if (named == null) {
                    named = new Converted(words, title);
                    convertedNames.put(e.name(), named);
                }
                named.count++;
                boolean example = ShownSections.namesExample(e.name());
                examplesOpen += example ? 1 : 0;
                // under a heading that names it, the section's own level is that heading's
                classify(e.children(), e, headed ? depth : depth + 1);
                examplesOpen -= example ? 1 : 0;
            }
        }
    }

    /** The level of the last Markdown heading in {@code c}, or {@code above} when it holds none. */
    private int headingAbove(Chunk c, int above) {
        int last = headings().lastIn(c.start(), c.end());
        return last > 0 ? last : above;
    }

    /** The level a section's heading takes: under its parent's, and under the Markdown heading above it. */
    private static int depth(int level, int headingAbove) {
        return Math.max(level, headingAbove + 1);
    }

    /** The bare opening tags in {@code c}'s prose: mentions of a section, or strays. */
    private void noteMentions(Chunk c) {
        for (int p = strays.firstIn(c); strays.inside(p, c); p++) {
            if (strays.isBareOpen(p)) {
                addMention(p);
            }
        }
    }

    /**
     * A section shown as the reply's format. Under an example's name it wraps the reply rather
     * than being part of it: kept as written, and the tags inside are the ones the reply holds.
     */
    private Kind shownReply(Element e) {
        if (!contract(e.name()) && (nameFlags(e.name()) & NameFlags.OUTPUT_NAME) == 0
                && ElementLayout.onlyEnginePlaceholder(text, e)) {
            // "answer in XML format" above "<prompt>{{PROMPT}}</prompt>": a template engine fills
            // the pair in with the application's input. A single-brace "<score>{score}</score>"
            // is how a reply's template tells the model what to write there: still the reply's own
            return Kind.VERBATIM;
        }
        if (!ShownSections.namesExample(e.name())) {
            return Kind.OUTPUT;
        }
        for (Node n : e.children()) {
            if (n instanceof Element child && !child.selfClosing() && (nameFlags(child.name()) & NameFlags.DATA_NAME) == 0) {
                roles.asked(child.name(), child.start());
            }
        }
        return Kind.VERBATIM;
    }

    /**
     * An example's answer, filled in: a section named for the reply, with text, whose name no
     * instruction asks the reply to use. An empty slot ({@code <answer></answer>}) is a place
     * for the reply's own, and stays the reply's wherever it stands.
     */
    private boolean answersInExample(Element e) {
        return (nameFlags(e.name()) & NameFlags.OUTPUT_NAME) != 0 && answerShown(e);
    }

    /** A section with text whose name no instruction asks the reply to use. */
    private boolean answerShown(Element e) {
        return !contract(e.name()) && !e.selfClosing() && !ElementLayout.blank(text, e.openEnd(), e.closeStart());
    }

    /**
     * The tags that sentences inside a kept section ask for, told as PP102: the walk does not
     * enter a kept section, but one kept for its form rather than its content (a command's
     * syntax, a section a stray tag tangles) holds the prompt's own instructions. Nothing there
     * is reworded: the section keeps its text as written.
     */
    private void noteAskedWithin(List<Node> nodes) {
        for (int i = 0, size = nodes.size(); i < size; i++) {
            Node n = nodes.get(i);
            if (n instanceof Chunk c) {
                for (int p = strays.firstIn(c); strays.inside(p, c); p++) {
                    Problem problem = strays.get(p);
                    if (strays.isBareOpen(p) && contract(problem.name()) && !strays.isTypeArgument(p)) {
                        roles.asked(problem.name(), problem.offset());
                    }
                }
            } else if (n instanceof Element inner) {
                noteAskedWithin(inner.children());
            }
        }
    }

    private void addMention(int p) {
        if (mentions == proseMentions.length) {
            proseMentions = Arrays.copyOf(proseMentions, Math.max(8, mentions * 2));
        }
        proseMentions[mentions++] = p;
    }

    /**
     * {@code outputSection}: {@code section} describes the reply's format. {@code depth}: the
     * level the section sits at, counting a Markdown heading written beside it in its parent's
     * own text (not inside a sibling): a second run sees the headings the first one wrote in
     * place of the parents, and must decide alike. {@code e} is {@code siblings.get(at)}.
     */
    private Kind kindOf(Element e, Element section, boolean outputSection, int depth, List<Node> siblings, int at) {
        if (ElementLayout.namesItsValue(text, e) || ElementLayout.marksOptionalAttributes(e)) {
            // "<function=execute_bash>…</function>": a tool call's syntax, written by the model as shown
            return Kind.VERBATIM;
        }
        if (!contract(e.name()) && (e.selfClosing() || ElementLayout.blank(text, e.openEnd(), e.closeStart()))
                && PlaceMarkers.marks(text, e.start(), e.end(), e.name())) {
            // "the edit is marked with <recent-change/>": a place in the text, not a slot for the reply
            return Kind.VERBATIM;
        }
        if (outputSection && ElementLayout.onOneLine(text, e) || contract(e.name())) {
            // what the reply must hold, even under a name that usually holds data (<patient_message>)
            return Kind.OUTPUT;
        }
        int named = nameFlags(e.name());
        if ((named & NameFlags.DATA_NAME) != 0) {
            return Kind.DATA;
        }
        if ((named & NameFlags.OUTPUT_NAME) != 0) {
            // "<Output>…</Output>\n<Rubric>…</Rubric>": an evaluator's prompt shows the output
            // it grades; in a section that describes the reply, every part is the reply's
            if (!outputSection && (JudgedOutputs.judged(text, e, JudgedOutputs.next(text, siblings, at))
                    || JudgedOutputs.labelledForJudging(text, e, siblings, at)
                    || JudgedOutputs.presentedAsGiven(text, e, siblings, at))) {
                return Kind.DATA;
            }
            if (outputSection || examplesOpen > 0 || !ReplyInstructions.instructs(text, e)) {
                return Kind.OUTPUT;
            }
            // "<output>\nYour answer must be precise …\n</output>": the prompt's instructions on
            // the reply, which no words ask to be written in these tags; a section as any other
        }
        if (e.selfClosing() || ElementLayout.blank(text, e.openEnd(), e.closeStart())) {
            // "Load Tailwind: <script src="…"></script>" is a page's markup, not a slot for the reply;
            // and "<divider></divider>" alone between paragraphs, with no words that ask for it, is
            // a marker: a slot the reply fills is named in a sentence ("give a score as <score/>"),
            // under a name for the reply (<answer></answer>), or after "reply in this format:"
            return web.isMarkup(e, (named & NameFlags.WEB_NAME) != 0) || ElementLayout.isBlock(text, e, section)
                    ? Kind.VERBATIM : Kind.OUTPUT;
        }
        if (!ElementLayout.onOneLine(text, e) && ElementLayout.onlyPlaceholder(text, e)) {
            // "<question>{{QUESTION}}</question>": filled in later with text nobody has read; but
            // "<button className=…>{children}</button>" is a component's markup
            return web.isMarkup(e, (named & NameFlags.WEB_NAME) != 0) ? Kind.VERBATIM : Kind.DATA;
        }
        if (ElementLayout.onOneLine(text, e)) {
            // "<disposition>one of: A, B</disposition>" is a field or a template, not a section
            return Kind.VERBATIM;
        }
        if (convert && strays.tangles(e)) {
            // a broken tag keeps the section as written, but its sentences are still the prompt's
            noteAskedWithin(e.children());
            return Kind.VERBATIM;
        }
        if (!convert || kept.contains(e.name()) || !ElementLayout.isBlockBetweenTags(text, e, section)
                || web.isMarkup(e, (named & NameFlags.WEB_NAME) != 0) || (named & NameFlags.MODEL_WRITES) != 0
                || web.holdsOnlyEmptyElements(e)) {
            return Kind.VERBATIM;
        }
        if (ShownSections.definesCommand(text, e)) {
            // the reply writes the command in these tags, as it writes its one-line siblings;
            // its description is the prompt's own words, and asks for tags as prose does
            noteAskedWithin(e.children());
            return Kind.OUTPUT;
        }
        if (ElementLayout.underListItem(text, e) || ElementLayout.betweenListItems(text, e)) {
            // "1. Migration File Creation:\n   <boltAction …>": a heading there would end the list
            // and lift the item's markup out of it
            return Kind.VERBATIM;
        }
        if (depth > 6) {
            // Markdown has six heading levels: a seventh would read as its parent's sibling
            return Kind.VERBATIM;
        }
        if (headings().top(e.openEnd(), e.closeStart()) <= depth) {
            // its own "# Billing" headings would sit beside the new heading, not under it: the
            // tags keep the section together
            return Kind.VERBATIM;
        }
        if (replyTemplate(e)) {
            // the reply's template holds tags on lines of their own: those tags are what the
            // reply must hold, and only the section around them tells so; kept whole, a second
            // run reads it the same way
            return Kind.VERBATIM;
        }
        return Kind.CONVERT;
    }

    /**
     * What the name alone says of its section ({@link NameFlags}), remembered by the vocabulary:
     * prompts repeat a handful of names, a long one's examples a hundred times, and each is
     * lower-cased, looked up in the vocabulary and read for its words once.
     */
    private int nameFlags(String name) {
        return vocab.names().of(name).flags();
    }

    private boolean isOutputName(String name) {
        return (nameFlags(name) & NameFlags.OUTPUT_NAME) != 0 || contract(name);
    }

    private boolean contract(String name) {
        return contracts.contains(name);
    }

    private MarkdownHeadings headings() {
        if (headings == null) {
            headings = MarkdownHeadings.of(text);
        }
        return headings;
    }

    /**
     * An output format that shows the reply with tags on lines of their own, each around a
     * short placeholder ({@code <summary>\nTwo sentences.\n</summary>}); their names go to PP102.
     * A subsection of prose (rules on citations) makes it a section of instructions, which converts.
     */
    private boolean replyTemplate(Element e) {
        if (!templatesReply(e)) {
            return false;
        }
        List<Element> slots = new ArrayList<>();
        for (Node n : e.children()) {
            if (n instanceof Element child && !ElementLayout.onOneLine(text, child)
                    && (nameFlags(child.name()) & NameFlags.DATA_NAME) == 0) {
                if (!ElementLayout.fewShortLines(text, child)) {
                    // one subsection of prose makes the whole a section of instructions
                    return false;
                }
                slots.add(child);
            }
        }
        for (Element slot : slots) {
            roles.asked(slot.name(), slot.start());
        }
        return !slots.isEmpty();
    }

    /**
     * A section that shows the reply itself ({@code <output_format>}, {@code <response_template>},
     * a lone {@code <format>}), not one of several named formats to choose from
     * ({@code <formats><format name="…">}), whose parts are instructions.
     */
    private static boolean templatesReply(Element section) {
        String n = TagVocabulary.normal(section.name());
        return section.attributes().isEmpty() && (n.equals("format") || n.equals("template") || n.equals("output")
                || n.endsWith("output_format") || n.endsWith("response_format") || n.endsWith("answer_format")
                || n.endsWith("_template") || n.endsWith("_schema") || n.equals("output_structure")
                || n.equals("expected_output"));
    }

    /** Turns empty pairs and bare mentions of converted names into references. */
    private void resolveMentions() {
        for (int v = 0; v < visits.size(); v++) {
            Element e = visits.element(v);
            // "look like what is shown between the <example></example> tags": kept as shown
            // after a request for a format, but a mention all the same of the section that converts
            Decision d = visits.decision(v);
            boolean slot = d == OUTPUT || d == VERBATIM && ElementLayout.afterProseOnItsLine(text, e);
            if (slot && e.attributes().isEmpty() && ElementLayout.blank(text, e.openEnd(), e.closeStart())
                    && convertedNames.containsKey(e.name()) && !isOutputName(e.name()) && !TagMentions.quoted(text, e.start())) {
                visits.decide(v, REFERENCE);
            }
        }
        for (int m = 0; m < mentions; m++) {
            int p = proseMentions[m];
            if (isReference(p)) {
                Problem problem = strays.get(p);
                references.add(new Reference(problem.offset(), problem.length(), problem.name(),
                        TitleLines.only(text, problem.offset(), problem.length(), lines().start(problem.offset()))));
            }
        }
    }

    /** A mention in a sentence; alone on its line a bare tag is a broken section, not a reference. */
    private boolean isReference(int p) {
        // "Here is the summary: <summary>" at the end opens the reply, whatever section has the name
        return convertedNames.containsKey(strays.get(p).name()) && strays.inSentence(p)
                && !TagMentions.quoted(text, strays.get(p).offset()) && !strays.opensReply(p, contracts);
    }

    private void collectFindings() {
        List<SectionFinding> rest = new ArrayList<>();
        for (int v = 0; v < visits.size(); v++) {
            Element e = visits.element(v);
            switch (visits.decision(v).kind()) {
                case OUTPUT -> {
                    // an example's answer was told as shown when the walk met it
                    if ((exampleAnswers == null || !exampleAnswers.contains(e)) && !isQuotedMarkup(e)) {
                        roles.asked(e.name(), e.start());
                    }
                }
                case DATA -> roles.data(e.name(), e.start());
                case REFERENCE -> rest.add(referenceFinding(e.start(), e.name()));
                default -> {
                }
            }
        }
        for (int m = 0; m < mentions; m++) {
            int p = proseMentions[m];
            Problem problem = strays.get(p);
            if (isReference(p)) {
                rest.add(referenceFinding(problem.offset(), problem.name()));
            } else if (isOutputName(problem.name()) && !strays.isTypeArgument(p)) {
                roles.asked(problem.name(), problem.offset());
            }
        }
        roles.addTo(rest, text);
        strays.addFindings(rest, contracts);
        rest.sort(Comparator.comparingInt(SectionFinding::offset));
        if (!converted.isEmpty()) {
            rest.add(0, new SectionFinding(converted.get(0).start(), "PP101", converted.size(),
                    NameList.of(convertedNames.keySet())));
        }
        findings = Collections.unmodifiableList(rest);
    }

    /**
     * A self-closing HTML void element or JSX component, {@code <br/>} or {@code <App />}: web
     * markup quoted in the prompt, not a field the reply must fill as {@code <score/>} is.
     */
    private boolean isQuotedMarkup(Element e) {
        String name = e.name();
        return e.selfClosing() && !isOutputName(name)
                && (TagScanner.isHtmlVoid(name) || Character.isUpperCase(name.charAt(0)) || name.indexOf('.') >= 0);
    }


}
