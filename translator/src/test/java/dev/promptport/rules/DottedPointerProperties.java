package dev.promptport.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** How findings name a request field from its JSON pointer: dots between names, indexes in brackets. */
class DottedPointerProperties {

    @Example
    void namesAndIndexesAreWrittenAsInCode() {
        assertThat(FitOptions.dotted("/metadata/user_id")).isEqualTo("metadata.user_id");
        assertThat(FitOptions.dotted("/tools/2/cache_control")).isEqualTo("tools[2].cache_control");
        assertThat(FitOptions.dotted("/a~1b/c~0d")).isEqualTo("a/b.c~d");
        assertThat(FitOptions.dotted("/~01")).isEqualTo("~1");
        assertThat(FitOptions.dotted("/a//b/")).isEqualTo("a..b");
        assertThat(FitOptions.dotted("/")).isEmpty();
    }

    /** The reading a regular expression's split gave, which the hand-written one replaced. */
    @Property(tries = 3000)
    void readsEveryPointerAsSplittingItOnSlashesDoes(@ForAll("pointers") String pointer) {
        StringBuilder b = new StringBuilder();
        for (String token : pointer.substring(1).split("/")) {
            String t = token.replace("~1", "/").replace("~0", "~");
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                b.append('[').append(t).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(t);
            }
        }
        assertThat(FitOptions.dotted(pointer)).isEqualTo(b.toString());
    }

    @Provide
    Arbitrary<String> pointers() {
        return Arbitraries.of("/", "a", "0", "12", "~0", "~1", "~", "user_id", "", "\u0663", "x.y")
                .list().ofMaxSize(6).map(l -> "/" + String.join("", l));
    }
}
