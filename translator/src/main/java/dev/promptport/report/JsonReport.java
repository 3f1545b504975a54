package dev.promptport.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.promptport.Finding;
import dev.promptport.risk.Risk;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.util.Map;

/**
 * The audit as JSON for scripts. The shape is a contract: later versions only add fields.
 *
 * <pre>
 * {"version": 1,
 *  "targets": ["openai:gpt-4o"],
 *  "files": [{"path", "kind", "targets": [{"target", "level", "score", "effort",
 *             "findings": [{"id", "severity", "feature", "message", "fix", "effort",
 *                           "location": {"line", "column"} | {"pointer"[, "line", "column"]}}]}]}],
 *  "problems": [{"path", "where", "message"}],
 *  "summary": {"targets": [{"target", "files", "levels": {"A", "B", "C"}, "average_score", "effort",
 *                           "features": [{"feature", "findings", "files", "paths"}]}]}}
 * </pre>
 *
 * Text from the inputs is kept exactly; {@link JsonEscapes} makes the output valid UTF-8
 * whatever it holds.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String write(AuditResult result) {
        return PrettyJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("targets");
            for (var t : result.targets()) {
                g.writeString(t.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("files");
            for (FileResult f : result.files()) {
                file(g, f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (InputProblem p : result.problems()) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeStringField("where", p.where());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            summary(g, Summary.of(result), result.files().size());
            g.writeEndObject();
        });
    }

    private static void file(JsonGenerator g, FileResult f) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", f.path());
        g.writeStringField("kind", f.kind());
        g.writeArrayFieldStart("targets");
        for (TargetResult t : f.targets()) {
            g.writeStartObject();
            g.writeStringField("target", t.target().id());
            g.writeStringField("level", t.risk().level().name());
            g.writeNumberField("score", t.risk().score());
            g.writeNumberField("effort", t.risk().effort());
            g.writeArrayFieldStart("findings");
            for (Finding finding : t.findings()) {
                finding(g, finding);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One finding; also used by the lint JSON output. */
    public static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("feature", f.feature());
        g.writeStringField("message", f.message());
        g.writeStringField("fix", f.fix());
        g.writeNumberField("effort", f.effort());
        location(g, f.location());
        g.writeEndObject();
    }

    public static void location(JsonGenerator g, Loc at) throws IOException {
        g.writeObjectFieldStart("location");
        if (at != null && at.pointer() != null) {
            g.writeStringField("pointer", at.pointer());
        }
        if (at != null && at.line() > 0) {
            g.writeNumberField("line", at.line());
            g.writeNumberField("column", at.column());
        }
        g.writeEndObject();
    }

    private static void summary(JsonGenerator g, Summary s, int files) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeArrayFieldStart("targets");
        for (Summary.TargetSummary t : s.targets()) {
            g.writeStartObject();
            g.writeStringField("target", t.target().id());
            g.writeNumberField("files", files);
            g.writeObjectFieldStart("levels");
            for (Map.Entry<Risk.Level, Integer> e : t.levels().entrySet()) {
                g.writeNumberField(e.getKey().name(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("average_score", t.averageScore());
            g.writeNumberField("effort", t.effort());
            g.writeArrayFieldStart("features");
            for (Summary.FeatureCount c : t.features()) {
                g.writeStartObject();
                g.writeStringField("feature", c.feature());
                g.writeNumberField("findings", c.findings());
                g.writeNumberField("files", c.paths().size());
                g.writeArrayFieldStart("paths");
                for (String p : c.paths()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
