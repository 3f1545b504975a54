package dev.promptport.tree;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DeferredTextTest {

    /** A text that counts how often it is made and written. */
    private static final class Counted extends DeferredText {
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        private final String text;

        Counted(String text) {
            this.text = text;
        }

        @Override
        protected String make() {
            made.incrementAndGet();
            return new String(text);
        }

        @Override
        protected void write(Sink sink) {
            written.incrementAndGet();
            sink.chars(text.toCharArray(), text.length());
        }
    }

    @Test
    void aDeferredTextIsMadeOnceHoweverOftenItIsRead() {
        Counted d = new Counted("## Rules\n\nBe brief.");
        Part.Text t = new Part.Text("<rules>Be brief.</rules>", null, null, Loc.NONE).withDeferredText(d);

        String first = t.text();

        assertThat(first).isEqualTo("## Rules\n\nBe brief.");
        assertThat(t.text()).isSameAs(first);
        assertThat(d.made).hasValue(1);
        assertThat(t.markup()).isNull();
    }

    @Test
    void aDeferredTextIsWrittenFromItsCharactersUntilItIsMadeAndFromItsStringAfter() {
        Counted d = new Counted("## Rules");
        StringBuilder seen = new StringBuilder();
        DeferredText.Sink sink = new DeferredText.Sink() {
            @Override
            public void chars(char[] chars, int length) {
                seen.append("chars:").append(chars, 0, length).append(';');
            }

            @Override
            public void text(String text) {
                seen.append("text:").append(text).append(';');
            }
        };

        d.writeTo(sink);
        d.text();
        d.writeTo(sink);

        assertThat(seen).hasToString("chars:## Rules;text:## Rules;");
        assertThat(d.written).hasValue(1);
    }

    @Test
    void aTextWrittenLaterEqualsTheSameTextWrittenAtOnce() {
        Loc at = Loc.NONE;
        Part.Text now = new Part.Text("## Rules", null, new CacheHint("ephemeral", null), at);
        Part.Text later = new Part.Text("<rules/>", null, new CacheHint("ephemeral", null), at).withDeferredText(new Counted("## Rules"));

        assertThat(later).isEqualTo(now).hasSameHashCodeAs(now);
        assertThat(later.withCitations(null).text()).isEqualTo("## Rules");
        assertThat(later.toString()).contains("text=## Rules");
        assertThat(later.isBlank()).isFalse();
        assertThat(later.isEmpty()).isFalse();
        assertThat(new Part.Text("x", null, null, at).withDeferredText(new Counted(" \n")).isBlank()).isTrue();
        assertThat(new Part.Text("x", null, null, at).withDeferredText(new Counted("")).isEmpty()).isTrue();
    }
}
