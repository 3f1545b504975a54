package dev.promptport.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.promptport.Finding;
import dev.promptport.report.JsonEscapes;
import dev.promptport.report.TerminalText;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints findings for people (one line each) or for scripts (a JSON array). */
final class FindingPrinter {

    private static final JsonFactory JSON = new JsonFactory();

    private FindingPrinter() {
    }

    static void print(TranslateCommand.FindingsFormat format, String file, List<Finding> findings, PrintWriter err) {
        switch (format) {
            case none -> {
            }
            case json -> json(findings, err);
            case text -> {
                String name = "-".equals(file) ? "<stdin>" : file;
                for (Finding f : findings) {
                    err.println(line(name, f));
                }
            }
        }
        err.flush();
    }

    /** {@code file:where: severity ID message}; the file name, pointer and message may come from the input. */
    static String line(String file, Finding f) {
        String where = f.location() == null ? "" : f.location().display();
        return TerminalText.escape(file) + (where.isEmpty() ? "" : ":" + TerminalText.escape(where)) + ": "
                + f.severity().label() + " " + TerminalText.escape(f.id()) + " " + TerminalText.message(f.message());
    }

    static void json(List<Finding> findings, PrintWriter err) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Finding f : findings) {
                write(g, f);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        err.println(JsonEscapes.escape(text.toString()));
    }

    static void write(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("feature", f.feature());
        g.writeStringField("message", f.message());
        g.writeStringField("fix", f.fix());
        Loc at = f.location();
        g.writeObjectFieldStart("location");
        if (at != null && at.pointer() != null) {
            g.writeStringField("pointer", at.pointer());
        }
        if (at != null && at.line() > 0) {
            g.writeNumberField("line", at.line());
            g.writeNumberField("column", at.column());
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}
