package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.risk.Risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The audit as a person reads it in a terminal: a table per target, then a summary. Text from
 * the inputs (paths, problems, rule ids and features from a user's rule files) goes through
 * {@link TerminalText}.
 */
public final class TextReport {

    private static final int PATH_WIDTH = 56;

    private TextReport() {
    }

    public static String write(AuditResult result) {
        StringBuilder out = new StringBuilder();
        out.append("promptport audit: ").append(result.files().size()).append(" input(s), ")
                .append(result.targets().size()).append(" target(s)\n");
        Summary summary = Summary.of(result);
        for (int i = 0; i < result.targets().size(); i++) {
            Summary.TargetSummary s = summary.targets().get(i);
            out.append('\n').append(TerminalText.escape(s.target().id())).append('\n');
            out.append(String.format("  %-" + PATH_WIDTH + "s %-5s %5s %7s  %s%n", "FILE", "LEVEL", "SCORE", "EFFORT",
                    "TOP FINDINGS"));
            for (FileResult f : result.files()) {
                TargetResult t = f.targets().get(i);
                out.append(String.format("  %-" + PATH_WIDTH + "s %-5s %5d %7s  %s%n",
                        shorten(TerminalText.escape(f.path())), t.risk().level(), t.risk().score(),
                        minutes(t.risk().effort()), top(t.findings())));
            }
            Map<Risk.Level, Integer> levels = s.levels();
            int n = result.files().size();
            out.append(String.format("  levels: A %d (%s), B %d (%s), C %d (%s); average score %d; effort %s%n",
                    levels.get(Risk.Level.A), percent(levels.get(Risk.Level.A), n),
                    levels.get(Risk.Level.B), percent(levels.get(Risk.Level.B), n),
                    levels.get(Risk.Level.C), percent(levels.get(Risk.Level.C), n), s.averageScore(), minutes(s.effort())));
            if (s.features().isEmpty()) {
                out.append("  no feature above info\n");
            } else {
                out.append("  features behind the risk (inputs touched, findings):\n");
                for (Summary.FeatureCount c : s.features().subList(0, Math.min(8, s.features().size()))) {
                    out.append(String.format("    %-18s %4d %5d  e.g. %s%n", TerminalText.escape(c.feature()),
                            c.paths().size(), c.findings(), TerminalText.escape(c.paths().get(0))));
                }
            }
        }
        if (!result.problems().isEmpty()) {
            out.append("\ncould not audit:\n");
            for (InputProblem p : result.problems()) {
                out.append("  ").append(TerminalText.escape(p.path()))
                        .append(p.where() == null || p.where().isEmpty() ? "" : ":" + TerminalText.escape(p.where()))
                        .append(": ").append(TerminalText.message(p.message())).append('\n');
            }
        }
        out.append("\nLevels: A = translated automatically, no behaviour risk; B = translated, behaviour may change,"
                + " review; C = manual work needed or a blocker.\n");
        return out.toString();
    }

    static String minutes(int m) {
        return m < 60 ? m + "m" : (m / 60) + "h" + (m % 60 == 0 ? "" : String.format("%02dm", m % 60));
    }

    private static String percent(int k, int n) {
        return n == 0 ? "0%" : Math.round(100f * k / n) + "%";
    }

    private static String top(List<Finding> findings) {
        Map<Severity, List<String>> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            List<String> ids = bySeverity.computeIfAbsent(f.severity(), s -> new ArrayList<>());
            if (!ids.contains(f.id())) {
                ids.add(f.id());
            }
        }
        List<String> ordered = new ArrayList<>();
        for (Severity s : List.of(Severity.BLOCKER, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            for (String id : bySeverity.getOrDefault(s, List.of())) {
                ordered.add(TerminalText.escape(id) + "(" + s.label() + ")");
            }
        }
        return ordered.size() <= 4 ? String.join(" ", ordered) : String.join(" ", ordered.subList(0, 4)) + " …";
    }

    /** The end of a long path, which names the file; never from the middle of a surrogate pair. */
    private static String shorten(String s) {
        if (s.length() <= PATH_WIDTH) {
            return s;
        }
        int from = s.length() - PATH_WIDTH + 1;
        return "…" + s.substring(Character.isLowSurrogate(s.charAt(from)) ? from + 1 : from);
    }
}
