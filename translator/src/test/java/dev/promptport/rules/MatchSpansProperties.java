package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching only the lines that hold a literal finds every match the whole text's search finds,
 * at the same places, for each built-in pattern rule the line search applies to and for rules
 * written to probe its edges (anchors, word boundaries, classes).
 */
class MatchSpansProperties {

    private static final List<PatternMatch.Compiled> RULES = rules();

    private static List<PatternMatch.Compiled> rules() {
        List<PatternMatch.Compiled> out = new ArrayList<>();
        for (RuleInfo r : RuleSet.builtIn().rules()) {
            if ("pattern".equals(r.match().get("kind"))) {
                PatternMatch.Compiled c = PatternMatch.compile(r);
                if (c.withinLine()) {
                    out.add(c);
                }
            }
        }
        assertThat(out).as("built-in pattern rules searched by line").hasSizeGreaterThanOrEqualTo(4);
        out.add(own("(?m)^[ \\t]?-? ?Claude\\b[^\\n]{0,5}$", "Claude"));
        out.add(own("\\bClau(de)?\\B", "Clau"));
        out.add(own("(?i)[a-z]{0,3}anthropic[ ,.]?", "anthropic"));
        out.add(own("\\{\\{[^}\\n]*\\}\\}|\\$\\{\\w+\\}", "{{\n${"));
        return out;
    }

    private static PatternMatch.Compiled own(String regex, String literals) {
        RuleInfo rule = RuleSet.builtIn().rules().stream().filter(r -> "pattern".equals(r.match().get("kind")))
                .findFirst().orElseThrow();
        PatternMatch.Compiled c = PatternMatch.compile(new RuleInfo(rule.id(), rule.title(), rule.feature(), rule.severity(),
                rule.effort(), rule.targets(), Map.of("kind", "pattern", "regex", regex, "literals", literals),
                rule.rewrite(), rule.message(), rule.fix(), rule.source()));
        assertThat(c.withinLine()).as(regex).isTrue();
        return c;
    }

    @Property(tries = 1500)
    void searchingTheLinesThatHoldALiteralFindsWhatTheWholeTextsSearchFinds(@ForAll("prompts") String text) {
        for (PatternMatch.Compiled rule : RULES) {
            assertThat(spans(new MatchSpans(rule, text, true))).as(rule.pattern().pattern())
                    .isEqualTo(spans(new MatchSpans(rule, text, false)));
        }
    }

    private static List<String> spans(MatchSpans m) {
        List<String> out = new ArrayList<>();
        while (m.next()) {
            out.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return out;
    }

    @Provide
    Arbitrary<String> prompts() {
        return Arbitraries.of("Claude", "claude", "Clau", "Anthropic", "ANTHROPIC", "Human:", "Assistant:", " Human: ",
                "{{", "}}", "{{name}}", "${id}", "{%", "%}", "{{ top: 20 }}", "think step by step", "Think step-by-step",
                "use a chain of thought", "chain-of-thought", "step", " by ", "\n", "\n\n", "\r\n", " ", "  - ", "x", "é",
                "–", ",", ".", "\uD83D\uDE00", "`", "<context>", "</context>", "\t")
                .list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
