package dev.promptport.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.promptport.read.TagScanner;
import dev.promptport.tree.Markup;
import dev.promptport.tree.Part;

import java.util.ArrayList;
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
 * skipped. A code span that holds the match and nothing else still counts: {@code `{{cwd}}`} in
 * "The working directory is `{{cwd}}`." is a value the prompt means to fill in, set as code.
 * Each distinct match is reported once per text.
 */
final class PatternMatch {

    private static final int MAX_PER_TEXT = 10;

    private PatternMatch() {
    }

    /** A rule's regex compiled and its literals split: worked out once per rule set. */
    /** {@code skipExamples}: the rule does not read example sections ({@code <example>}), whose transcripts are shown. */
    record Compiled(Pattern pattern, String[] literals, int[] anchors, boolean literalsIgnoreCase, boolean skipExamples) {
    }

    static Compiled compile(RuleInfo rule) {
        boolean ignoreCase = Boolean.parseBoolean(rule.match().getOrDefault("ignore_case", "false"));
        String regex = rule.match().get("regex");
        String literals = rule.match().get("literals");
        boolean literalsIgnoreCase = ignoreCase || regex.startsWith("(?i)");
        String[] split = literals == null ? null : literals.split("\n");
        return new Compiled(Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0), split,
                split == null ? null : anchors(split, literalsIgnoreCase), literalsIgnoreCase,
                Boolean.parseBoolean(rule.match().getOrDefault("skip_examples", "false")));
    }

    /** Each literal's anchor ({@link #anchor}, {@link #exactAnchor}), worked out once with the rule. */
    static int[] anchors(String[] literals, boolean ignoreCase) {
        int[] anchors = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            anchors[i] = literals[i].isEmpty() ? 0 : ignoreCase ? anchor(literals[i]) : exactAnchor(literals[i]);
        }
        return anchors;
    }

    /** The rule's distinct matches in {@code t} outside data sections, at most {@value #MAX_PER_TEXT}. */
    static List<TextHits.Hit> find(RuleInfo rule, Part.Text t, StepContext ctx) {
        Compiled compiled = ctx.rules().pattern(rule);
        String[] literals = compiled.literals();
        if (literals != null && !containsAny(t.text(), literals, compiled.anchors(), compiled.literalsIgnoreCase())) {
            return List.of();
        }
        Matcher m = compiled.pattern().matcher(t.text());
        List<int[]> data = null;
        List<int[]> code = null;
        List<TextHits.Hit> hits = null;
        Set<String> seen = null;
        while (m.find() && (seen == null || seen.size() < MAX_PER_TEXT)) {
            if (m.end() == m.start()) {
                continue;
            }
            if (data == null) {
                data = dataRanges(t.markup(), ctx.catalogue().tags(), compiled.skipExamples());
                data.addAll(TagScanner.fencedBlocks(t.text()));
                code = TagScanner.codeSpans(t.text());
            }
            if (inside(data, m.start()) || inCode(code, t.text(), m.start(), m.end())) {
                continue;
            }
            String found = m.group().strip();
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

    static boolean containsAny(String text, String[] literals, int[] anchors, boolean ignoreCase) {
        for (int i = 0; i < literals.length; i++) {
            String lit = literals[i];
            if (ignoreCase ? containsIgnoreCase(text, lit, anchors[i]) : containsExactly(text, lit, anchors[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text.contains(lit)}, by jumping between the places where the literal's rarest
     * character stands. The JVM searches for one character many times faster than for a
     * string, most of all in a text with a character past U+00FF, and every pattern rule with
     * literals runs this on every prompt text.
     */
    private static boolean containsExactly(String text, String lit, int a) {
        int n = lit.length();
        if (n == 0) {
            return true;
        }
        char c = lit.charAt(a);
        int last = text.length() - n;
        for (int p = text.indexOf(c, a); p >= 0; p = text.indexOf(c, p + 1)) {
            int i = p - a;
            if (i > last) {
                return false;
            }
            if (text.regionMatches(i, lit, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the literal's rarest character in prose, case kept: capitals and signs are rarer than any small letter. */
    static int exactAnchor(String lit) {
        int best = 0;
        int bestRank = exactRank(lit.charAt(0));
        for (int i = 1; i < lit.length(); i++) {
            int r = exactRank(lit.charAt(i));
            if (r > bestRank) {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    private static int exactRank(char c) {
        int r = FREQUENT.indexOf(c);
        return r < 0 ? FREQUENT.length() : r;
    }

    private static boolean containsIgnoreCase(String text, String lit, int a) {
        int n = lit.length();
        if (n == 0) {
            return true;
        }
        // jump between places where the literal's rarest character stands (indexOf is
        // vectorized): anchoring on a first letter such as 's' or 'c' would stop at every word
        char lower = Character.toLowerCase(lit.charAt(a));
        char upper = Character.toUpperCase(lit.charAt(a));
        int last = text.length() - n;
        int nextLower = text.indexOf(lower, a);
        int nextUpper = lower == upper ? -1 : text.indexOf(upper, a);
        while (nextLower >= 0 || nextUpper >= 0) {
            int p = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper) ? nextLower : nextUpper;
            int i = p - a;
            if (i > last) {
                return false;
            }
            if (text.regionMatches(true, i, lit, 0, n)) {
                return true;
            }
            if (p == nextLower) {
                nextLower = text.indexOf(lower, p + 1);
            } else {
                nextUpper = text.indexOf(upper, p + 1);
            }
        }
        return false;
    }

    /** English letters from most to least frequent; a character not here is rarer than all. */
    private static final String FREQUENT = " etaoinshrdlcumwfgypbvkjxqz";

    /**
     * The index of the literal's rarest character in prose. The first character stays the
     * anchor when it is as rare: 's' and 'k' have case partners beyond ASCII (long s, Kelvin
     * sign) that only a first-character anchor has ever matched, so they are never chosen
     * anew.
     */
    static int anchor(String lit) {
        int best = 0;
        int bestRank = rank(lit.charAt(0));
        for (int i = 1; i < lit.length(); i++) {
            char c = Character.toLowerCase(lit.charAt(i));
            int r = rank(c);
            if (r > bestRank && c != 's' && c != 'k') {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }

    private static int rank(char c) {
        int r = FREQUENT.indexOf(Character.toLowerCase(c));
        return r < 0 ? FREQUENT.length() : r;
    }

    static String abbreviate(String s) {
        return Snippets.abbreviate(s, 60);
    }

    private static boolean inside(List<int[]> ranges, int offset) {
        for (int[] r : ranges) {
            if (offset >= r[0] && offset < r[1]) {
                return true;
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
                    out.add(new int[] {e.start(), e.end()});
                } else {
                    collect(e.children(), vocab, examples, out);
                }
            }
        }
    }
}
