package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal prefilter, anchored on a literal's rarest character, finds what a plain search finds, case-blind or not. */
class PatternLiteralProperties {

    @Property(tries = 3000)
    void findsACaseBlindLiteralWhereverAPlainSearchDoes(@ForAll("prose") String text, @ForAll("literals") String literal) {
        boolean expected = text.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
        assertThat(contains(text, literal, true)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void findsAnExactLiteralWhereverAPlainSearchDoes(@ForAll("prose") String text, @ForAll("literals") String literal) {
        assertThat(contains(text, literal, false)).isEqualTo(text.contains(literal));
    }

    @Property(tries = 3000)
    void findsTheBuiltInRulesLiteralsWhereverAPlainSearchDoes(@ForAll("markedProse") String text,
            @ForAll("builtInLiterals") String literal) {
        assertThat(contains(text, literal, false)).isEqualTo(text.contains(literal));
    }

    @Property(tries = 3000)
    void comparesTwoCharsAsACaseBlindRegionMatchDoes(@ForAll char a, @ForAll char b) {
        assertThat(LiteralSearch.sameIgnoringCase(a, b)).isEqualTo(String.valueOf(a).regionMatches(true, 0, String.valueOf(b), 0, 1));
    }

    @Example
    void comparesEveryCharWithEveryAsciiCharAsACaseBlindRegionMatchDoes() {
        for (int a = 0; a <= Character.MAX_VALUE; a++) {
            for (int b = 0; b < 0x80; b++) {
                boolean expected = String.valueOf((char) a).regionMatches(true, 0, String.valueOf((char) b), 0, 1);
                if (LiteralSearch.sameIgnoringCase((char) a, (char) b) != expected) {
                    throw new AssertionError("chars " + a + " and " + b + ": expected " + expected);
                }
            }
        }
    }

    private static boolean contains(String text, String literal, boolean ignoreCase) {
        String[] literals = {literal};
        return LiteralSearch.containsAny(text, literals, LiteralSearch.anchors(literals, ignoreCase), ignoreCase);
    }

    @Provide
    Arbitrary<String> markedProse() {
        return Arbitraries.of("Claude", "Clau", "Anthropic", "Human", ":", "Human:", "Assistant", "Assistant:", "{", "{{",
                "{%", "$", "${", "}", " ", "\n", "–", "\uD83D\uDE00", "a", "C").list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> builtInLiterals() {
        return Arbitraries.of("Claude", "Anthropic", "Human:", "Assistant:", "{{", "{%", "${");
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.of("Think ", "STEP", "step", "-by-", " by ", "Step-By-Step", "chain of thought", "CHAIN-OF-",
                "thought", "x", " ", "\n", "é", "q", "z", "thin", "\u212A").list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.of("step by step", "step-by-step", "chain of thought", "chain-of-thought", "think", "q", "zq",
                "Step", "by", "-");
    }
}
