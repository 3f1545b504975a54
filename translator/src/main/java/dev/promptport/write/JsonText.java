package dev.promptport.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;

import dev.promptport.tree.TextMemo;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs one writer's body against a fresh JSON generator and returns the text it wrote. */
final class JsonText {

    /* Jackson's fast double writer (Schubfach): JDK 17's Double.toString is the slowest step of
     * writing "temperature": 0.7; both give the shortest form that reads back as the same double. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** What a writer writes; it may throw only what the generator throws. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** The memo key of a text's JSON string form. */
    private static final Object QUOTED = new Object();

    private JsonText() {
    }

    /**
     * Writes {@code text} as a JSON string value. A long text that traffic repeats (a system
     * prompt, the history each turn re-sends) is quoted once and copied in after that: escaping
     * it costs more than copying. Quoting apart costs more than writing in place, so a text is
     * quoted for the memo only once it is seen a second time; one seen once is written as usual.
     */
    static void string(JsonGenerator g, String text, TextMemo memo) throws IOException {
        String quoted = memo != null && TextMemo.worthIt(text)
                ? memo.getOnceSeenBefore(text, QUOTED, () -> write(false, q -> JsonQuote.write(q, text))) : null;
        if (quoted != null) {
            g.writeRawValue(quoted);
        } else {
            JsonQuote.write(g, text);
        }
    }

    static String write(boolean pretty, Body body) {
        SegmentedStringWriter out = new SegmentedStringWriter(FACTORY._getBufferRecycler());
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                if (pretty) {
                    g.useDefaultPrettyPrinter();
                }
                body.write(g);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }
}
