package dev.promptport.report;

import dev.promptport.Finding;

/**
 * The lint run for scripts: a JSON array with one object per finding and target, in the
 * order of the text output.
 *
 * <pre>
 * [{"path", "line", "column", "target", "id", "severity", "feature", "message", "fix",
 *   "location": {"line", "column"} | {"pointer"[, "line", "column"]}}]
 * </pre>
 *
 * {@code line} and {@code column} are in the file; {@code location} is the finding's own
 * location (for a request, a JSON pointer and possibly a place inside that string). The
 * shape is a contract: later versions only add fields. As in {@link JsonReport}, text from
 * the inputs is kept exactly and {@link JsonEscapes} makes the output valid UTF-8.
 */
public final class LintJson {

    private LintJson() {
    }

    public static String write(AuditResult r) {
        return PrettyJson.write(g -> {
            g.writeStartArray();
            for (LintText.Row row : LintText.rows(r)) {
                Finding f = row.finding();
                g.writeStartObject();
                g.writeStringField("path", row.path());
                g.writeNumberField("line", row.line());
                g.writeNumberField("column", row.column());
                g.writeStringField("target", row.target().id());
                g.writeStringField("id", f.id());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("feature", f.feature());
                g.writeStringField("message", f.message());
                g.writeStringField("fix", f.fix());
                JsonReport.location(g, f.location());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
