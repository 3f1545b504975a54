package dev.promptport.rules;

import dev.promptport.tree.Markup;
import dev.promptport.tree.Markup.Chunk;
import dev.promptport.tree.Markup.Element;
import dev.promptport.tree.Markup.Node;
import dev.promptport.tree.Markup.Problem;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The tags of one text that stayed text (the scanner's problems): which section each sits in,
 * which are mentions in a sentence rather than broken markup, and which sections they tangle.
 */
final class SectionStrays {

    private final String text;
    private final TagVocabulary vocab;
    private final List<Problem> problems;
    private final int[] offsets;
    private final Element[] owners;
    private final List<Node> nodes;
    /** Every element name, gathered on the first question that needs it. */
    private Set<String> elementNames;
    /** The sections a stray tangles; null while there are none, as in most texts. */
    private Set<Element> tangled;
    /** Past the text's last character that is not blank, found on the first question that needs it; -1 before. */
    private int textEnd = -1;

    SectionStrays(String text, Markup markup, TagVocabulary vocab) {
        this.text = text;
        this.vocab = vocab;
        this.nodes = markup.nodes();
        if (markup.problems().isEmpty()) {
            // most texts: nothing stayed text, so there is nothing to place in the tree
            this.problems = List.of();
            this.offsets = new int[0];
            this.owners = new Element[0];
            return;
        }
        // in text order, as a markup keeps them
        this.problems = markup.problems();
        this.offsets = new int[problems.size()];
        for (int p = 0; p < offsets.length; p++) {
            offsets[p] = problems.get(p).offset();
        }
        this.owners = new Element[problems.size()];
        placeProblems(nodes, null);
        findTangles();
    }

    int size() {
        return problems.size();
    }

    Problem get(int p) {
        return problems.get(p);
    }

    /**
     * The index of the first problem inside {@code c}, if {@link #inside} says so; the ones after
     * it, in text order, while it does. A loop over these makes no callback object for each chunk.
     */
    int firstIn(Chunk c) {
        return offsets.length == 0 ? 0 : firstAt(c.start());
    }

    /** Whether problem {@code p} (from {@link #firstIn}) is inside {@code c}. */
    boolean inside(int p, Chunk c) {
        return p < offsets.length && offsets[p] < c.end();
    }

    /**
     * A section whose closing tag left a tag inside it unclosed is not converted: once its own
     * tags are gone, the stray tag would pair with something else on the next pass.
     */
    boolean tangles(Element e) {
        // asked of every section, and even an empty identity set would give e an identity hash,
        // which the JVM makes (and stores in the object) only on request, slowly
        return tangled != null && tangled.contains(e);
    }

    /** A bare {@code <name>} that stayed text: the shape of a mention in a sentence. */
    boolean isBareOpen(int p) {
        Problem problem = problems.get(p);
        return problem.kind() != Problem.Kind.UNOPENED && problem.length() == problem.name().length() + 2;
    }

    /**
     * An open tag followed only by bare words, {@code <name of author>} or {@code <your answer
     * here>}: the way prompts and templates write a blank to fill in. Markup gives every
     * attribute a value; a word standing alone would be an HTML flag, and the flags that appear
     * in prompts belong to tags that get closed, so they never reach this question.
     */
    private boolean isPlaceholderPhrase(int p) {
        Problem problem = problems.get(p);
        if (problem.kind() == Problem.Kind.UNOPENED) {
            return false;
        }
        int wordsStart = problem.offset() + 1 + problem.name().length();
        int end = problem.offset() + problem.length() - 1;
        if (wordsStart >= end || text.charAt(end) != '>') {
            return false;
        }
        boolean word = false;
        for (int i = wordsStart; i < end; i++) {
            char c = text.charAt(i);
            if (c == '=' || c == '/') {
                return false;
            }
            word |= c > ' ';
        }
        return word;
    }

    /** A bare {@code </name>} that stayed text. */
    boolean isBareClose(int p) {
        Problem problem = problems.get(p);
        return problem.kind() == Problem.Kind.UNOPENED && problem.length() == problem.name().length() + 3;
    }

    /**
     * A bare tag in a sentence naming something the text or the vocabulary knows: prose, not a
     * broken tag. Alone on its line it is structure (a section someone forgot to close), except
     * for output tags, which prompts often open for the model to continue.
     */
    boolean isMention(int p) {
        String name = problems.get(p).name();
        if (isBareClose(p)) {
            // "nothing may follow the closing </answer> tag": a closing tag after prose is quoted
            return proseBefore(p);
        }
        if (isPlaceholderPhrase(p)) {
            return true;
        }
        if (!isBareOpen(p)) {
            // "events are <event kind="..."> elements": a tag described mid-sentence, attributes and all
            return problems.get(p).kind() != Problem.Kind.UNOPENED && proseBefore(p) && proseAfter(p);
        }
        // "<label> tags should hold one word": a line that opens with a tag followed by "tags" talks about it
        return vocab.isOutput(name) || proseBefore(p) || isPathPart(p) || endsParagraph(p)
                || (inSentence(p) && (elementNames().contains(name) || vocab.isData(name)
                        || TagMentions.tagsFollow(text, problems.get(p).offset() + problems.get(p).length())));
    }

    /**
     * A name glued to the word before it, {@code Promise<Response>} or {@code List<Answer>}: a
     * type argument in quoted code, not a tag the reply is asked to use.
     */
    boolean isTypeArgument(int p) {
        int i = problems.get(p).offset() - 1;
        return i >= 0 && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
    }

    /**
     * A bare tag on the last line of a paragraph that has lines above it, {@code Best regards,}
     * then {@code <agent_name>}, or {@code Set the key to:} then {@code <YOUR_API_KEY>}: a slot
     * for a value, filled in later, when the text ends there or the name is written as a
     * placeholder is, in capitals. A section someone forgot to close has its text under it.
     */
    private boolean endsParagraph(int p) {
        Problem problem = problems.get(p);
        if (proseAfter(p)) {
            return false;
        }
        if (problem.offset() + problem.length() < textEnd() && !inCapitals(problem.name())) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', problem.offset() - 1) + 1;
        if (lineStart == 0 || !text.substring(lineStart, problem.offset()).isBlank()) {
            return false;
        }
        int previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
        if (text.substring(previousStart, lineStart - 1).isBlank()) {
            return false;
        }
        int lineEnd = text.indexOf('\n', problem.offset() + problem.length());
        if (lineEnd < 0) {
            return true;
        }
        int nextEnd = text.indexOf('\n', lineEnd + 1);
        return text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd).isBlank();
    }

    /** Past the text's last character that is not blank: a tag ending there ends the text. */
    private int textEnd() {
        if (textEnd < 0) {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            textEnd = end;
        }
        return textEnd;
    }

    /** {@code YOUR_API_KEY}: capitals, digits and underscores, with a letter. */
    private static boolean inCapitals(String name) {
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letter = true;
            } else if (!(c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return letter;
    }

    /** Words after the tag on its line. */
    private boolean proseAfter(int p) {
        Problem problem = problems.get(p);
        int j = problem.offset() + problem.length();
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j < text.length() && text.charAt(j) != '\n';
    }

    /**
     * A name glued to a path or file name, {@code <dir>/<file>.json}: command-line help quoted
     * in a prompt writes its arguments so, and a section tag is followed by a space or a line.
     */
    private boolean isPathPart(int p) {
        Problem problem = problems.get(p);
        int j = problem.offset() + problem.length();
        if (j + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(j);
        char next = text.charAt(j + 1);
        return c == '/' || c == '\\' || c == '{' || c == '.' && Character.isLetterOrDigit(next);
    }

    /**
     * Words before the tag on its line: "follow the rules in <policies>" names a section that
     * may live in another block of the prompt. A forgotten section tag starts its line.
     */
    private boolean proseBefore(int p) {
        int i = problems.get(p).offset() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i >= 0 && text.charAt(i) != '\n';
    }

    /** Words before or after the tag on its line: not alone on it. */
    boolean inSentence(int p) {
        return proseBefore(p) || proseAfter(p);
    }

    /**
     * For an unclosed bare {@code <name>} alone on its line, the next stray tag when it is the
     * same one again: "{@code <example_response>} … {@code <example_response>}", the second
     * written where {@code </example_response>} belongs. -1 otherwise: with other strays between,
     * the two are further apart than one slip.
     */
    int openedAgain(int p) {
        int q = p + 1;
        if (q >= problems.size() || !bareOpenAlone(p) || !bareOpenAlone(q)) {
            return -1;
        }
        return problems.get(q).name().equals(problems.get(p).name()) ? q : -1;
    }

    private boolean bareOpenAlone(int p) {
        return problems.get(p).kind() == Problem.Kind.UNCLOSED && isBareOpen(p) && !inSentence(p);
    }

    /**
     * The findings for the broken tags (PP104, PP105, PP134, PP219), and for a text that ends
     * by opening the reply's tag (PP230), added to {@code out}; a mention and a bare tag that
     * marks a place ({@code <insert_here>}) are none. {@code asked}: the names the text asks
     * the reply to use.
     */
    void addFindings(List<SectionFinding> out, Set<String> asked) {
        for (int p = 0; p < problems.size(); p++) {
            if (opensReply(p, asked)) {
                out.add(new SectionFinding(problems.get(p).offset(), "PP230", problems.get(p).name()));
                continue;
            }
            if (isMention(p) || placeMarker(p)) {
                continue;
            }
            int again = openedAgain(p);
            if (again >= 0) {
                // "<x> … <x>": one slip, a closing tag short of its slash, told once where it is
                out.add(new SectionFinding(problems.get(again).offset(), "PP219", problems.get(again).name()));
                p = again;
            } else {
                out.add(finding(p));
            }
        }
    }

    /**
     * A bare opening tag that ends the text, left open for the reply to go on from: "Here is the
     * summary of the agreement: {@code <summary>}", or {@code <answer>} on the last line. Claude's
     * old completion prompts started the reply so; other models answer the text rather than
     * continue it. Alone on its line after a line of text it is a slot filled in later ("Best
     * regards," then {@code <agent_name>}) unless its name is the reply's. After words on its
     * line it follows a colon, and a name for the reply ("Answer: {@code <answer>}"), a label of
     * its own words ("French translation:") or a line that hands it over and names it ("Here is
     * the summary of the agreement:") says it is the reply; "Begin your reply with
     * {@code <verdict>}" is an instruction, "Set the key to: {@code <api_key>}" a slot.
     */
    boolean opensReply(int p, Set<String> asked) {
        Problem problem = problems.get(p);
        if (problem.kind() != Problem.Kind.UNCLOSED || !isBareOpen(p) || owners[p] != null
                || problem.offset() + problem.length() != textEnd() || inCapitals(problem.name())) {
            return false;
        }
        int written = problem.offset() - 1;
        while (written >= 0 && Character.isWhitespace(text.charAt(written))) {
            written--;
        }
        if (written < 0) {
            // the tag is all the text: nothing before it was written to be continued
            return false;
        }
        boolean replyName = vocab.isOutput(problem.name()) || asked.contains(problem.name());
        if (!proseBefore(p)) {
            return replyName || !endsParagraph(p);
        }
        int before = problem.offset() - 1;
        while (text.charAt(before) == ' ' || text.charAt(before) == '\t') {
            before--;
        }
        if (text.charAt(before) != ':') {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', before) + 1;
        return replyName || labels(problem.name(), lineStart, before)
                || JudgedOutputs.handsOver(text, lineStart) && lineNames(problem.name(), lineStart, before);
    }

    /**
     * Whether [from, to) is a label made of {@code name}'s own words and nothing else: "French
     * translation:" before {@code <french_translation>}. "Set the key to:" is a sentence.
     */
    private boolean labels(String name, int from, int to) {
        boolean any = false;
        int k = from;
        while (k < to) {
            while (k < to && !Character.isLetter(text.charAt(k))) {
                k++;
            }
            int w = k;
            while (k < to && Character.isLetter(text.charAt(k))) {
                k++;
            }
            if (k > w) {
                if (!nameHolds(name, w, k)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** Whether {@code name} holds the text's word [w, k) as a word of its own, in any case. */
    private boolean nameHolds(String name, int w, int k) {
        int length = k - w;
        for (int i = 0; i + length <= name.length(); i++) {
            if (name.regionMatches(true, i, text, w, length) && (i == 0 || !Character.isLetter(name.charAt(i - 1)))
                    && (i + length == name.length() || !Character.isLetter(name.charAt(i + length)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether [lineStart, end) holds a word of {@code name} ("Here is the summary of the
     * agreement:" for {@code <summary>}).
     */
    private boolean lineNames(String name, int lineStart, int end) {
        int i = 0;
        while (i < name.length()) {
            int j = i;
            while (j < name.length() && Character.isLetter(name.charAt(j))) {
                j++;
            }
            if (j - i >= 3 && holdsWord(lineStart, end, name, i, j)) {
                return true;
            }
            i = j + 1;
        }
        return false;
    }

    /** Whether [from, to) of the text holds {@code name}'s letters [i, j) as a word, in any case. */
    private boolean holdsWord(int from, int to, String name, int i, int j) {
        int length = j - i;
        for (int k = from; k + length <= to; k++) {
            if (text.regionMatches(true, k, name, i, length) && (k == from || !Character.isLetter(text.charAt(k - 1)))
                    && (k + length == to || !Character.isLetter(text.charAt(k + length)))) {
                return true;
            }
        }
        return false;
    }

    /** A bare opening tag that marks a place: it opens no section, so it is not unclosed. */
    private boolean placeMarker(int p) {
        Problem problem = problems.get(p);
        return problem.kind() != Problem.Kind.UNOPENED && isBareOpen(p)
                && PlaceMarkers.marks(text, problem.offset(), problem.offset() + problem.length(), problem.name());
    }

    /** The finding for a broken tag; mentions are left to the caller to skip. */
    private SectionFinding finding(int p) {
        Problem problem = problems.get(p);
        return switch (problem.kind()) {
            case UNCLOSED -> new SectionFinding(problem.offset(), "PP104", problem.name());
            case UNOPENED -> new SectionFinding(problem.offset(), "PP105", problem.name());
            // {0} is the tag left open; {1}, the section whose closing tag ended it, for templates that name it
            case MISMATCHED -> new SectionFinding(problem.offset(), "PP134", problem.name(),
                    owners[p] == null ? problem.name() : owners[p].name());
        };
    }

    /** The innermost element around each problem. */
    private void placeProblems(List<Node> within, Element owner) {
        for (int i = 0, size = within.size(); i < size; i++) {
            Node node = within.get(i);
            if (node instanceof Chunk c) {
                for (int p = firstAt(c.start()); p < offsets.length && offsets[p] < c.end(); p++) {
                    owners[p] = owner;
                }
            } else if (node instanceof Element e && holdsProblem(e)) {
                placeProblems(e.children(), e);
            }
        }
    }

    private boolean holdsProblem(Element e) {
        int p = firstAt(e.start());
        return p < offsets.length && offsets[p] < e.end();
    }

    private Set<String> elementNames() {
        if (elementNames == null) {
            elementNames = new HashSet<>();
            addNames(nodes);
        }
        return elementNames;
    }

    private void addNames(List<Node> within) {
        for (Node node : within) {
            if (node instanceof Element e) {
                elementNames.add(e.name());
                addNames(e.children());
            }
        }
    }

    private void findTangles() {
        for (int p = 0; p < problems.size(); p++) {
            if (problems.get(p).kind() == Problem.Kind.MISMATCHED && owners[p] != null && !isMention(p)) {
                if (tangled == null) {
                    tangled = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                tangled.add(owners[p]);
            }
        }
    }

    private int firstAt(int offset) {
        int lo = 0;
        int hi = offsets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
