package dev.promptport.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.promptport.report.PrettyJson;

import java.io.IOException;

/**
 * A traffic audit as JSON for scripts (later versions only add fields):
 *
 * <pre>{@code
 * {"version":1,"lines":200000,"requests":196000,
 *  "badLines":{"count":4000,"examples":[{"line":17,"message":"not JSON: ..."}]},
 *  "skippedLines":{"count":12,"reasons":[{"reason":"embeddings request: ...","lines":12,"firstLine":9}]},
 *  "targets":[{"target":"openai:gpt-4o","requests":196000,
 *    "levels":{"A":{"count":..,"share":0.25},"B":{..},"C":{..}},
 *    "features":[{"feature":"prefill","lines":24000,"share":0.1224,"examples":[3,40,77,90,120]}]}]}
 * }</pre>
 * Shares are fractions of the target's requests (bad lines excluded), rounded to 4 places. A
 * log read from many files ({@link LogFiles}) adds {@code "files":[{"file":"…","firstLine":1},…]}
 * (line numbers count through the files in that order) and {@code "unreadableFiles":[{"file":"…",
 * "problem":"…","afterLine":3,"midLine":false}]}, the files that could not be read to their end
 * (the lines read whole before the cut, and whether it fell inside the next); one log cut short
 * adds the latter alone.
 */
public final class TrafficJson {

    private TrafficJson() {
    }

    public static String write(TrafficSummary s) {
        return write(s, null);
    }

    /**
     * @param files the files the log was read from, listed in {@code "files"} with the line
     *     number each starts at (line numbers elsewhere count through them all) when they are
     *     many; null for a log read otherwise
     */
    public static String write(TrafficSummary s, LogFiles files) {
        return PrettyJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeNumberField("lines", s.lines());
            g.writeNumberField("requests", s.requests());
            g.writeObjectFieldStart("badLines");
            g.writeNumberField("count", s.badLines());
            g.writeArrayFieldStart("examples");
            for (TrafficSummary.BadLine b : s.badExamples()) {
                g.writeStartObject();
                g.writeNumberField("line", b.line());
                g.writeStringField("message", b.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("skippedLines");
            g.writeNumberField("count", s.skippedLines());
            g.writeArrayFieldStart("reasons");
            for (TrafficSummary.SkippedLines k : s.skipped()) {
                g.writeStartObject();
                g.writeStringField("reason", k.reason());
                g.writeNumberField("lines", k.lines());
                g.writeNumberField("firstLine", k.firstLine());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("targets");
            for (TrafficSummary.TargetTraffic t : s.targets()) {
                g.writeStartObject();
                g.writeStringField("target", t.target());
                g.writeNumberField("requests", t.requests());
                g.writeObjectFieldStart("levels");
                level(g, "A", t.levelA(), t.requests());
                level(g, "B", t.levelB(), t.requests());
                level(g, "C", t.levelC(), t.requests());
                g.writeEndObject();
                g.writeArrayFieldStart("features");
                for (TrafficSummary.FeatureTraffic f : t.features()) {
                    g.writeStartObject();
                    g.writeStringField("feature", f.feature());
                    g.writeNumberField("lines", f.lines());
                    g.writeNumberField("share", share(f.lines(), t.requests()));
                    g.writeArrayFieldStart("examples");
                    for (long n : f.examples()) {
                        g.writeNumber(n);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (files != null && files.manyFiles()) {
                g.writeArrayFieldStart("files");
                for (LogFiles.Start f : files.starts()) {
                    g.writeStartObject();
                    g.writeStringField("file", f.file());
                    g.writeNumberField("firstLine", f.firstLine());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (files != null && (files.manyFiles() || !files.unreadable().isEmpty())) {
                g.writeArrayFieldStart("unreadableFiles");
                for (LogFiles.Unreadable u : files.unreadable()) {
                    g.writeStartObject();
                    g.writeStringField("file", u.file());
                    g.writeStringField("problem", u.problem());
                    g.writeNumberField("afterLine", u.afterLine());
                    g.writeBooleanField("midLine", u.midLine());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
    }

    private static void level(JsonGenerator g, String name, long count, long total) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", count);
        g.writeNumberField("share", share(count, total));
        g.writeEndObject();
    }

    static double share(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 10000.0 / total) / 10000.0;
    }
}
