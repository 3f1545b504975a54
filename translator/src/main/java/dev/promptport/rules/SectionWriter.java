package dev.promptport.rules;

import dev.promptport.tree.DeferredText;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;

import java.util.List;

/**
 * Writes a planned text: headings in place of converted tags, everything else sliced from the
 * original. Blank lines around a section are normalised to exactly one, which is what makes a
 * second rewrite a no-op.
 */
final class SectionWriter {

    private static final String[] SUFFIXES = {" tags", " tag", " XML tags", " XML tag", " xml tags", " xml tag",
            " sections", " section", " blocks", " block"};
    /** A heading's marks by level, with the space after them. */
    private static final String[] MARKS = {" ", "# ", "## ", "### ", "#### ", "##### ", "###### "};

    private final String text;
    private final SectionPlan plan;
    private final String nl;
    /** The blank line between sections. */
    private final String blankLine;
    private final Spliced out;
    private final List<SectionPlan.Reference> references;
    private int nextReference;
    /** Elements met so far, which is how the plan finds its decision on the next one. */
    private int visits;

    /** A section boundary was just written: drop leading blank lines, then separate by one. */
    private boolean boundary;
    /** Whitespace dropped after the last section held a line break (kept for the text's end). */
    private boolean droppedLineBreak;
    /** A reference was just written: a following " tags" is part of what it replaced. */
    private boolean afterReference;
    /**
     * Leading blanks removed from every line inside the innermost converted section: content
     * indented under its tag (as in most .xml prompts) would otherwise read as a Markdown
     * code block.
     */
    private int dedent;

    private SectionWriter(String text, SectionPlan plan) {
        this.text = text;
        this.plan = plan;
        this.nl = hasCrLf(text) ? "\r\n" : "\n";
        this.blankLine = nl.length() == 1 ? "\n\n" : "\r\n\r\n";
        // a converted section adds a blank line and a heading (its marks and a title of a few
        // words) in place of its two tags; a reference a few words in place of one tag
        this.out = new Spliced(text, 16 + 48 * plan.conversions() + 24 * plan.references().size());
        this.references = plan.references();
    }

    static String write(String text, Markup markup, SectionPlan plan) {
        return written(text, markup, plan).text();
    }

    /** As {@link #write}, handing the text to {@code sink} as characters instead of making a String. */
    static void writeTo(String text, Markup markup, SectionPlan plan, DeferredText.Sink sink) {
        written(text, markup, plan).writeTo(sink);
    }

    private static Spliced written(String text, Markup markup, SectionPlan plan) {
        SectionWriter w = new SectionWriter(text, plan);
        w.nodes(markup.nodes());
        if (w.boundary && w.droppedLineBreak) {
            w.out.append(w.nl);
        }
        return w.out;
    }

    /** Searches for the rare '\r' alone, which the JVM does on whole vectors, before pairing it. */
    private static boolean hasCrLf(String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                return true;
            }
        }
        return false;
    }

    private void nodes(List<Node> nodes) {
        boolean afterSection = false;
        // the level of the heading that names the section just closed
        int closedLevel = 0;
        // by index: the lists are List.of lists, and an iterator per list is garbage
        for (int k = 0; k < nodes.size(); k++) {
            Node node = nodes.get(k);
            if (node instanceof Chunk c) {
                // blank lines between a section and what follows it leave it just closed
                boolean blank = afterSection && ElementLayout.blank(text, c.start(), c.end());
                if (afterSection && !blank
                        && !opensHeadingAtMost(c.start(), c.end(), closedLevel) && !opensWithBreak(c.start(), c.end())) {
                    // text after a closed section is outside it; under a heading it would read
                    // as the section's last lines, so a thematic break ends the section. A
                    // heading of the section's level or higher ends it already: a break there
                    // only adds a line the reader has to skip
                    thematicBreak();
                }
                prose(c.start(), c.end());
                afterSection = blank;
            } else if (node instanceof Element e) {
                SectionPlan.Decision d = plan.decision(visits++, e);
                if (afterSection && d.kind() != SectionPlan.Kind.CONVERT) {
                    // a block that keeps its tags ("<document>{{INVOICE_TEXT}}</document>") is
                    // outside the section as text is: without a break it reads as its last lines
                    thematicBreak();
                }
                switch (d.kind()) {
                    case CONVERT -> section(e, d);
                    case REFERENCE -> reference(e.name());
                    default -> kept(e);
                }
                afterSection = d.kind() == SectionPlan.Kind.CONVERT;
                // a section under a heading that names it is that heading's: one level up
                closedLevel = d.headed() ? d.level() - 1 : d.level();
            }
        }
    }


    /** A "---" line that ends the section just closed. */
    private void thematicBreak() {
        separate();
        out.append("---");
        boundary = true;
        droppedLineBreak = false;
    }

    /**
     * Whether the text in [from, to) starts, on a line of its own, with a Markdown heading of
     * {@code level} or higher ("## Next" after a level-2 section).
     */
    /** Whether the text's first line that holds anything is a thematic break of its own ("---", "***"). */
    private boolean opensWithBreak(int from, int to) {
        int first = from;
        while (first < to && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        if (first == to || lastLineBreak(from, first) < 0 && from > 0 && text.charAt(from - 1) != '\n') {
            return false;
        }
        int end = first;
        while (end < to && text.charAt(end) != '\n') {
            end++;
        }
        char mark = text.charAt(first);
        if (mark != '-' && mark != '*' && mark != '_') {
            return false;
        }
        int marks = 0;
        for (int i = first; i < end; i++) {
            char c = text.charAt(i);
            if (c == mark) {
                marks++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return marks >= 3;
    }

    private boolean opensHeadingAtMost(int from, int to, int level) {
        int first = from;
        while (first < to && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        int lineBreak = lastLineBreak(from, first);
        int lineStart = lineBreak >= 0 ? lineBreak + 1 : from;
        if (lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            // more text on the closing tag's line
            return false;
        }
        int heading = MarkdownHeadings.levelOfLine(text, lineStart);
        return heading > 0 && heading <= level;
    }

    private void section(Element e, SectionPlan.Decision d) {
        if (!d.headed()) {
            separate();
            out.append(d.level() < MARKS.length ? MARKS[d.level()] : "#".repeat(d.level()) + " ");
            out.append(d.title());
        }
        boundary = true;
        droppedLineBreak = false;
        int outer = dedent;
        dedent = ownIndent(e);
        nodes(e.children());
        dedent = outer;
        trimEnd();
        boundary = true;
        droppedLineBreak = false;
        afterReference = false;
    }

    private void prose(int start, int end) {
        int cursor = start;
        while (nextReference < references.size() && references.get(nextReference).offset() < end) {
            SectionPlan.Reference r = references.get(nextReference++);
            slice(cursor, r.offset());
            if (r.title()) {
                // "## <rules>" names the section as its heading does: "## Rules"
                begin();
                out.append(plan.referenceTitle(r.name()));
            } else {
                reference(r.name());
            }
            cursor = r.offset() + r.length();
        }
        slice(cursor, end);
    }

    /** {@code the <rules> below} → {@code the "Rules" section below}. */
    private void reference(String name) {
        boolean capital;
        if (!boundary && (endsWithWord("the below ") || endsWithWord("the above ") || endsWithWord("the following ")
                || endsWithWord("The following "))) {
            // "Use the below <vercel_knowledge_base>": the article is there, the words stay
            begin();
            out.append("\"");
            out.append(plan.referenceTitle(name));
            out.append(plan.referencesSeveral(name) ? "\" sections" : "\" section");
            afterReference = true;
            return;
        }
        if (!boundary && determinerBefore()) {
            // "visible in your <browser_state>", "the original <user_request>": the name has its article
            begin();
            out.append("\"");
            out.append(plan.referenceTitle(name));
            out.append(plan.referencesSeveral(name) ? "\" sections" : "\" section");
            afterReference = true;
            return;
        }
        if (boundary) {
            capital = true;
        } else if (endsWithWord("between the ")) {
            // "shown between the <example></example> tags": what a pair of tags held is in a section
            out.setLength(out.length() - "between the ".length());
            out.append("in ");
            capital = false;
        } else if (endsWithWord("the ") || endsWithWord("The ")) {
            capital = out.charAt(out.length() - 4) == 'T';
            out.setLength(out.length() - 4);
        } else {
            capital = atSentenceStart();
        }
        begin();
        out.append(capital ? "The \"" : "the \"");
        out.append(plan.referenceTitle(name));
        out.append(plan.referencesSeveral(name) ? "\" sections" : "\" section");
        afterReference = true;
    }

    private void slice(int start, int end) {
        if (afterReference) {
            afterReference = false;
            start = skipSuffix(start, end);
        }
        if (start >= end) {
            return;
        }
        if (boundary) {
            int first = start;
            while (first < end && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            int lineBreak = lastLineBreak(start, first);
            if (first == end) {
                droppedLineBreak |= lineBreak >= 0;
                return;
            }
            start = lineBreak >= 0 ? lineBreak + 1 : first;
            begin();
        }
        if (dedent == 0) {
            out.appendSource(start, end);
        } else {
            appendDedented(start, end);
        }
    }

    private void appendDedented(int start, int end) {
        int i = start;
        while (i < end) {
            if (i == 0 || text.charAt(i - 1) == '\n') {
                int column = 0;
                while (column < dedent && i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    column = nextColumn(column, text.charAt(i));
                    i++;
                }
                for (; column > dedent; column--) {
                    // a tab that spans the section's margin keeps the columns past it
                    out.append(" ");
                }
            }
            int lineEnd = text.indexOf('\n', i);
            int stop = lineEnd < 0 || lineEnd >= end ? end : lineEnd + 1;
            out.appendSource(i, stop);
            i = stop;
        }
    }

    /**
     * A section's text kept with its tags: its lines lose the section's indent, but no more
     * than the least any of them has, so code at the margin inside it keeps its shape.
     */
    private void kept(Element e) {
        int outer = dedent;
        if (dedent > 0) {
            dedent = Math.min(dedent, commonIndent(e.start(), e.end(), false));
        }
        slice(e.start(), e.end());
        dedent = outer;
    }

    /**
     * The indent of a section's own lines: those of the sections kept inside it do not count
     * (code at the margin in a kept example would leave its prose indented four or more
     * spaces, which Markdown reads as a code block), nor do those of sections converted inside
     * it, which find their own.
     */
    private int ownIndent(Element e) {
        int min = Integer.MAX_VALUE;
        List<Node> children = e.children();
        for (int k = 0; k < children.size(); k++) {
            if (children.get(k) instanceof Chunk c) {
                boolean beforeTag = k + 1 < children.size();
                min = Math.min(min, commonIndent(c.start(), beforeTag ? c.end() + 1 : c.end(), k == 0));
                if (min == 0) {
                    return 0;
                }
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /**
     * The least indent, in columns, of any non-blank line in [from, to) that starts a line;
     * {@link Integer#MAX_VALUE} when there is none. {@code afterTag}: {@code from} is just after a converted section's opening tag.
     */
    private int commonIndent(int from, int to, boolean afterTag) {
        int min = Integer.MAX_VALUE;
        int i = from;
        while (i < to) {
            int lineStart = i;
            boolean startsLine = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
            int j = i;
            int column = 0;
            while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                column = nextColumn(column, text.charAt(j));
                j++;
            }
            int lineEnd = text.indexOf('\n', j);
            if (lineEnd < 0 || lineEnd > to) {
                lineEnd = to;
            }
            boolean blank = j >= lineEnd || text.charAt(j) == '\r';
            if (afterTag && lineStart == from && !blank && !startsLine) {
                // content on the tag's own line moves under the heading with no indent at all
                return 0;
            }
            if (startsLine && !blank) {
                min = Math.min(min, column);
                if (min == 0) {
                    return 0;
                }
            }
            i = lineEnd + 1;
        }
        return min;
    }

    /**
     * The column after a blank at {@code column}: a tab reaches the next multiple of four, as
     * Markdown counts it, so lines indented one with a tab and one with four spaces lose the same
     * margin instead of one character each.
     */
    private static int nextColumn(int column, char blank) {
        return blank == '\t' ? (column & ~3) + 4 : column + 1;
    }

    /** The last '\n' in [from, to), or -1; never looks outside the slice. */
    private int lastLineBreak(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Starts content after a section boundary: one blank line, no more. */
    private void begin() {
        if (boundary) {
            separate();
        }
    }

    private void separate() {
        trimEnd();
        if (out.length() > 0) {
            out.append(blankLine);
        }
        boundary = false;
        afterReference = false;
    }

    private void trimEnd() {
        int len = out.length();
        while (len > 0 && Character.isWhitespace(out.charAt(len - 1))) {
            len--;
        }
        out.setLength(len);
    }

    private int skipSuffix(int start, int end) {
        for (String suffix : SUFFIXES) {
            int after = start + suffix.length();
            if (after <= end && text.startsWith(suffix, start)
                    && (after == end || !Character.isLetterOrDigit(text.charAt(after)))) {
                return after;
            }
        }
        return start;
    }

    /** Words that take the place of "the" before a name: "your", "this", "each", … */
    private static final Words OWN_DETERMINERS = Words.of("your", "our", "their", "its",
            "my", "his", "her", "this", "these", "those", "a", "an", "each", "every", "any", "no");
    /** Words that, one word back, already give the name its article: "the original", "your current". */
    private static final Words ARTICLES = Words.of("the", "your", "our", "their", "its",
            "my", "a", "an", "this", "each", "every");

    /**
     * Whether the output ends with a word that stands for the article, "your ", or with an
     * article and one word between, "the original " or "the model's ": the reworded name needs
     * no "the" of its own.
     */
    private boolean determinerBefore() {
        int end = out.length() - 1;
        if (end < 1 || out.charAt(end) != ' ') {
            return false;
        }
        int start = wordStart(end);
        if (start == end) {
            return false;
        }
        if (OWN_DETERMINERS.in(out, start, end)) {
            return true;
        }
        if (start < 2 || out.charAt(start - 1) != ' ' || out.charAt(start) < 'a' || out.charAt(start) > 'z') {
            return false;
        }
        int before = wordStart(start - 1);
        return before < start - 1 && ARTICLES.in(out, before, start - 1);
    }

    /** Where the word of letters (and an apostrophe) ending at {@code end} (exclusive) starts. */
    private int wordStart(int end) {
        int i = end;
        while (i > 0 && (Character.isLetter(out.charAt(i - 1)) || out.charAt(i - 1) == '\'')) {
            i--;
        }
        return i > 0 && Character.isLetterOrDigit(out.charAt(i - 1)) ? end : i;
    }

    private boolean endsWithWord(String word) {
        int at = out.length() - word.length();
        if (at < 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (out.charAt(at + i) != word.charAt(i)) {
                return false;
            }
        }
        return at == 0 || !Character.isLetterOrDigit(out.charAt(at - 1));
    }

    private boolean atSentenceStart() {
        int i = out.length() - 1;
        while (i >= 0 && (out.charAt(i) == ' ' || out.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || out.charAt(i) == '\n' || out.charAt(i) == '.' || out.charAt(i) == '!' || out.charAt(i) == '?';
    }
}
