package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The case-blind literal prefilter, anchored on a literal's rarest character, finds what a plain search finds. */
class PatternLiteralProperties {

    @Property(tries = 3000)
    void findsACaseBlindLiteralWhereverAPlainSearchDoes(@ForAll("prose") String text, @ForAll("literals") String literal) {
        boolean expected = text.toLowerCase(Locale.ROOT).contains(literal.toLowerCase(Locale.ROOT));
        assertThat(PatternMatch.containsAny(text, new String[] {literal}, true)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.of("Think ", "STEP", "step", "-by-", " by ", "Step-By-Step", "chain of thought", "CHAIN-OF-",
                "thought", "x", " ", "\n", "é", "q", "z").list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.of("step by step", "step-by-step", "chain of thought", "chain-of-thought", "think", "q", "zq",
                "Step", "by", "-");
    }
}
