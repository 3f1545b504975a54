package dev.promptport.rules;

import com.google.re2j.Pattern;
import dev.promptport.read.TagScanner;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Part;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A regular expression over prose, run by RE2/J in linear time, so a rule file cannot hang a
 * CI job. RE2/J pays a fixed cost per search, so a rule may name {@code literals}: text that
 * contains none of them cannot match and is not searched. Text inside data sections
 * ({@code <document>}, {@code <email>}), fenced code blocks and inline code spans is what the
 * prompt quotes, not what it says ({@code ${id}} in a JavaScript example is the code's own, and
 * so is {@code anthropic.Anthropic()} in {@code `client = anthropic.Anthropic()`}), and is
 * skipped. A code span or data section that holds the match and nothing else still counts:
 * {@code `{{cwd}}`} in "The working directory is `{{cwd}}`." and {@code <ticket>{{ticket}}</ticket>}
 * are values the prompt means to fill in.
 * A match the rule's {@code unless} regex matches whole is not reported: it is text of the
 * pattern's shape that means something else (a template's {@code {{#each items}}} has a
 * placeholder's braces but is no value to fill in). Each distinct match is reported once per text.
 */
final class PatternMatch {

    private static final int MAX_PER_TEXT = 10;

    private PatternMatch() {
    }

    /**
     * A rule's regex compiled and its literals split: worked out once per rule set.
     * {@code skipExamples}: the rule does not read example sections ({@code <example>}), whose
     * transcripts are shown. {@code withinLine}: every match stays within a line
     * ({@link LineBoundRegex}) and the rule names single-line literals, so a match holds one
     * on its own line. {@code unless}: matches not to report, or {@code null}.
     */
    record Compiled(Pattern pattern, String[] literals, int[] anchors, boolean literalsIgnoreCase, boolean skipExamples,
                    boolean withinLine, Pattern unless) {
    }

    static Compiled compile(RuleInfo rule) {
        boolean ignoreCase = Boolean.parseBoolean(rule.match().getOrDefault("ignore_case", "false"));
        String regex = rule.match().get("regex");
        String literals = rule.match().get("literals");
        String unless = rule.match().get("unless");
        boolean literalsIgnoreCase = ignoreCase || regex.startsWith("(?i)");
        String[] split = literals == null ? null : literals.split("\n");
        boolean withinLine = split != null && split.length > 0 && LineBoundRegex.of(regex)
                && Arrays.stream(split).noneMatch(String::isEmpty);
        return new Compiled(Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0), split,
                split == null ? null : LiteralSearch.anchors(split, literalsIgnoreCase), literalsIgnoreCase,
                Boolean.parseBoolean(rule.match().getOrDefault("skip_examples", "false")), withinLine,
                unless == null ? null : Pattern.compile(unless, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    /** The rule's distinct matches in {@code t} outside data sections, at most {@value #MAX_PER_TEXT}. */
    static List<TextHits.Hit> find(RuleInfo rule, Part.Text t, StepContext ctx) {
        Compiled compiled = ctx.rules().pattern(rule);
        String[] literals = compiled.literals();
        if (literals != null && !LiteralSearch.containsAny(t.text(), literals, compiled.anchors(),
                compiled.literalsIgnoreCase())) {
            return List.of();
        }
        MatchSpans m = new MatchSpans(compiled, t.text());
        List<int[]> data = null;
        List<int[]> code = null;
        List<TextHits.Hit> hits = null;
        Set<String> seen = null;
        while (m.next() && (seen == null || seen.size() < MAX_PER_TEXT)) {
            if (m.end() == m.start()) {
                continue;
            }
            if (data == null) {
                data = dataRanges(t.markup(), ctx.catalogue().tags(), compiled.skipExamples());
                data.addAll(TagScanner.fencedBlocks(t.text()));
                code = TagScanner.codeSpans(t.text());
            }
            if (quoted(data, t.text(), m.start(), m.end()) || inCode(code, t.text(), m.start(), m.end())) {
                continue;
            }
            String found = m.group().strip();
            if (compiled.unless() != null && compiled.unless().matches(found)) {
                continue;
            }
            if (seen == null) {
                seen = new HashSet<>();
                hits = new ArrayList<>(2);
            }
            if (seen.add(found)) {
                hits.add(new TextHits.Hit(m.start(), new Object[] {abbreviate(found), ctx.targetName()}));
            }
        }
        return hits == null ? List.of() : hits;
    }

    static String abbreviate(String s) {
        return Snippets.abbreviate(s, 60);
    }

    /**
     * Whether [from, to) lies in a data section or fenced block, and is not all a data section
     * holds: {@code <ticket>{{ticket}}</ticket>} is a slot the template fills, as a code span
     * holding only the match is.
     */
    private static boolean quoted(List<int[]> ranges, String text, int from, int to) {
        for (int[] r : ranges) {
            if (from >= r[0] && from < r[1]) {
                return r.length < 4 || skipBlanks(text, r[2], r[3]) != from || trimBlanks(text, from, r[3]) != to;
            }
        }
        return false;
    }

    /**
     * Whether [from, to) lies in a code span that holds more than it. The spans are in order
     * and apart, so the one that may hold {@code from} is found by halves: a text of many
     * spans and many matches is not read once per pair.
     */
    private static boolean inCode(List<int[]> spans, String text, int from, int to) {
        int lo = 0;
        int hi = spans.size() - 1;
        int[] span = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid)[0] <= from) {
                span = spans.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (span == null || from >= span[1]) {
            return false;
        }
        int ticks = 0;
        while (text.charAt(span[0] + ticks) == '`') {
            ticks++;
        }
        int start = skipBlanks(text, span[0] + ticks, span[1] - ticks);
        int end = trimBlanks(text, start, span[1] - ticks);
        int matchStart = skipBlanks(text, from, to);
        return start != matchStart || end != trimBlanks(text, matchStart, to);
    }

    private static int skipBlanks(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimBlanks(String text, int from, int to) {
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static List<int[]> dataRanges(Markup markup, TagVocabulary vocab, boolean examples) {
        List<int[]> out = new ArrayList<>();
        if (markup != null) {
            collect(markup.nodes(), vocab, examples, out);
        }
        return out;
    }

    private static void collect(List<Markup.Node> nodes, TagVocabulary vocab, boolean examples, List<int[]> out) {
        for (Markup.Node n : nodes) {
            if (n instanceof Markup.Element e) {
                if (vocab.isData(e.name()) || examples && ShownSections.namesExample(e.name())) {
                    out.add(new int[] {e.start(), e.end(), e.openEnd(), e.closeStart()});
                } else {
                    collect(e.children(), vocab, examples, out);
                }
            }
        }
    }
}
