package dev.promptport.reply;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

import static org.assertj.core.api.Assertions.assertThat;

class JsonQuotingProperties {

    @Property(tries = 2000)
    void deltasAreQuotedExactlyAsJacksonQuotesThem(@ForAll String text) {
        assertSameAsJackson(text);
    }

    @Property(tries = 2000)
    void controlCharactersQuotesAndBackslashesAreQuotedAsJacksonQuotesThem(
            @ForAll @Chars({'"', '\\', '/', '\u007f', '\u2028', 'a'}) @CharRange(from = '\u0000', to = '\u001f') String text) {
        assertSameAsJackson(text);
    }

    private static void assertSameAsJackson(String text) {
        StringBuilder b = new StringBuilder();
        Json.appendQuoted(b, text);
        String jackson = Json.write(g -> g.writeString(text));
        assertThat(b.toString()).isEqualTo(jackson);
    }
}
