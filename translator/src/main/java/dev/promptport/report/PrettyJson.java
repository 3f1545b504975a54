package dev.promptport.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON reports' common frame: an indented document ending in a line break, with
 * {@link JsonEscapes} applied so it is valid UTF-8 and safe to print whatever the inputs held.
 */
public final class PrettyJson {

    private static final JsonFactory JSON = new JsonFactory();

    /** What a report writes; it may throw only what the generator throws. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private PrettyJson() {
    }

    public static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return JsonEscapes.escape(out.append('\n').toString());
    }
}
