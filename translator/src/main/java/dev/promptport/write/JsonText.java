package dev.promptport.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs one writer's body against a fresh JSON generator and returns the text it wrote. */
final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What a writer writes; it may throw only what the generator throws. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonText() {
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
