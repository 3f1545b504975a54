package dev.promptport.traffic;

import dev.promptport.report.TerminalText;

import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * A traffic audit as text for people:
 *
 * <pre>
 * promptport audit: 200000 line(s), 196000 request(s), 4000 bad line(s), 1 target(s)
 *
 * openai:gpt-4o
 *   levels: A 49000 (25.0%), B 98000 (50.0%), C 49000 (25.0%)
 *   features behind the risk (lines touched, share of requests):
 *     prefill              24000  12.2%  e.g. lines 3, 40, 77, 90, 120
 *
 * bad lines: 4000
 *   line 17: not JSON: ...
 * </pre>
 *
 * Skipped lines, when there are any, are counted by reason after the bad lines, each with its
 * first line number; the first line then names them too.
 *
 * A bad line's message may quote the line, so it goes through {@link TerminalText} like every
 * other text from the log.
 */
public final class TrafficText {

    private TrafficText() {
    }

    public static String write(TrafficSummary s) {
        return write(s, null);
    }

    /**
     * @param files the files the log was read from, whose names and own line numbers then stand
     *     for the stream's line numbers when they are many; null for a log read otherwise
     */
    public static String write(TrafficSummary s, LogFiles files) {
        boolean byFile = files != null && files.manyFiles();
        LongFunction<String> at = byFile ? n -> TerminalText.escape(files.where(n)) : n -> "line " + n;
        StringBuilder b = new StringBuilder();
        b.append("promptport audit: ").append(s.lines()).append(" line(s), ").append(s.requests())
                .append(" request(s), ").append(s.badLines()).append(" bad line(s), ");
        if (!s.skipped().isEmpty()) {
            b.append(s.skippedLines()).append(" skipped line(s), ");
        }
        b.append(s.targets().size()).append(" target(s)\n");
        for (TrafficSummary.TargetTraffic t : s.targets()) {
            long total = t.requests();
            b.append('\n').append(TerminalText.escape(t.target())).append('\n');
            b.append("  levels: A ").append(t.levelA()).append(" (").append(percent(t.levelA(), total)).append("), B ")
                    .append(t.levelB()).append(" (").append(percent(t.levelB(), total)).append("), C ")
                    .append(t.levelC()).append(" (").append(percent(t.levelC(), total)).append(")\n");
            if (t.features().isEmpty()) {
                b.append("  no feature behind any risk\n");
                continue;
            }
            b.append("  features behind the risk (lines touched, share of requests):\n");
            int width = t.features().stream().mapToInt(f -> TerminalText.escape(f.feature()).length()).max()
                    .orElse(0);
            for (TrafficSummary.FeatureTraffic f : t.features()) {
                b.append("    ").append(pad(TerminalText.escape(f.feature()), width))
                        .append(String.format(Locale.ROOT, " %9d %6s", f.lines(), percent(f.lines(), total)));
                b.append("  e.g. ");
                if (!byFile) {
                    b.append("line").append(f.examples().size() == 1 ? " " : "s ")
                            .append(f.examples().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                } else {
                    b.append(f.examples().stream().map(at::apply).collect(Collectors.joining(", ")));
                }
                b.append('\n');
            }
        }
        b.append("\nbad lines: ").append(s.badLines()).append('\n');
        for (TrafficSummary.BadLine bad : s.badExamples()) {
            b.append("  ").append(at.apply(bad.line())).append(": ").append(TerminalText.message(bad.message()))
                    .append('\n');
        }
        if (s.badLines() > s.badExamples().size()) {
            b.append("  … and ").append(s.badLines() - s.badExamples().size()).append(" more\n");
        }
        if (files != null && !files.unreadable().isEmpty()) {
            b.append("\nfiles not read to their end: ").append(files.unreadable().size()).append('\n');
            for (LogFiles.Unreadable u : files.unreadable()) {
                b.append("  ").append(TerminalText.escape(u.file())).append(": ").append(TerminalText.message(u.description()))
                        .append('\n');
            }
        }
        if (!s.skipped().isEmpty()) {
            b.append("\nskipped lines (no prompt to audit): ").append(s.skippedLines()).append('\n');
            for (TrafficSummary.SkippedLines k : s.skipped()) {
                b.append("  ").append(k.lines()).append(" × ").append(TerminalText.message(k.reason())).append(" (first: ")
                        .append(at.apply(k.firstLine())).append(")\n");
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String percent(long part, long total) {
        return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : part * 100.0 / total);
    }
}
