package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Limits;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.tree.Loc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lint run for people and editors: one line per finding,
 * {@code path:line:col: severity id message [target]}, then a summary line. The
 * {@code path:line:col:} prefix is the form compilers use, so editors and grep can jump to it.
 * Text from the inputs goes through {@link TerminalText}, so no finding can print a line that
 * passes for another or send escape sequences to the terminal.
 * Also home of the placement every lint format shares ({@link #rows}).
 */
public final class LintText {

    private LintText() {
    }

    /**
     * One finding for one target, placed at a line and column of its file.
     *
     * @param targetIndex the place of the target in {@link FileResult#targets()}, for a stable order
     * @param lineText the flagged line of the file, trimmed; identifies a finding that moved
     */
    record Row(FileResult file, int targetIndex, Target target, Finding finding, int line, int column,
               String lineText) {
        String path() {
            return file.path();
        }
    }

    /** A finding reported the same way, at the same place, for one or more targets. */
    record Group(Row first, List<Target> targets) {
        String targetList() {
            return String.join(",", targets.stream().map(Target::id).toList());
        }
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::path)
            .thenComparingInt(Row::line).thenComparingInt(Row::column)
            .thenComparing(r -> r.finding().id())
            .thenComparingInt(Row::targetIndex)
            .thenComparing(r -> r.finding().message());

    public static String write(AuditResult r, Severity failOn) {
        StringBuilder out = new StringBuilder();
        List<Group> groups = groups(rows(r));
        for (Group g : groups) {
            Row row = g.first();
            Finding f = row.finding();
            out.append(TerminalText.escape(row.path())).append(':').append(row.line()).append(':').append(row.column())
                    .append(": ").append(f.severity().label()).append(' ').append(TerminalText.escape(f.id()))
                    .append(' ').append(TerminalText.message(f.message()))
                    .append(" [").append(TerminalText.escape(g.targetList())).append("]\n");
        }
        for (InputProblem p : problems(r)) {
            out.append(TerminalText.escape(p.path()))
                    .append(p.where() == null || p.where().isEmpty() ? "" : ":" + TerminalText.escape(p.where()))
                    .append(": error ").append(TerminalText.message(p.message())).append('\n');
        }
        return out.append(summary(r, groups, failOn)).append('\n').toString();
    }

    /** Whether any finding is at {@code failOn} or above: the lint run then exits 1. */
    public static boolean fails(AuditResult r, Severity failOn) {
        return failOn != null && r.files().stream().flatMap(f -> f.targets().stream())
                .flatMap(t -> t.findings().stream()).anyMatch(f -> f.severity().compareTo(failOn) >= 0);
    }

    private static String summary(AuditResult r, List<Group> groups, Severity failOn) {
        int files = r.files().size();
        int unread = r.problems().size();
        String unreadNote = unread == 0 ? "" : "; " + plural(unread, "input") + " could not be read";
        if (groups.isEmpty()) {
            return (unread == 0 ? "✔" : "✖") + " no problems in " + plural(files, "file") + unreadNote;
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Set<String> paths = new HashSet<>();
        int failing = 0;
        for (Group g : groups) {
            Severity s = g.first().finding().severity();
            bySeverity.merge(s, 1, Integer::sum);
            paths.add(g.first().path());
            failing += failOn != null && s.compareTo(failOn) >= 0 ? 1 : 0;
        }
        List<String> counts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            counts.add(bySeverity.getOrDefault(s, 0) + " " + s.label());
        }
        return "✖ " + plural(groups.size(), "problem") + " (" + String.join(", ", counts) + ") in "
                + paths.size() + " of " + plural(files, "file")
                + (failOn == null ? "" : "; failing at " + failOn.label() + " or above: " + failing)
                + unreadNote;
    }

    /** Every finding of every file for every target, placed and sorted by path, line, column, id. */
    static List<Row> rows(AuditResult r) {
        List<Row> rows = new ArrayList<>();
        for (FileResult file : r.files()) {
            rows.addAll(rows(file, r.limits()));
        }
        rows.sort(ORDER);
        return rows;
    }

    /** One file's findings, placed, in the order of its targets and findings; {@code limits} as the run read it. */
    static List<Row> rows(FileResult file, Limits limits) {
        List<Row> rows = new ArrayList<>();
        String source = file.source() == null ? "" : file.source();
        JsonPositions positions = "request".equals(file.kind()) ? JsonPositions.of(source, limits) : null;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < file.targets().size(); i++) {
            TargetResult t = file.targets().get(i);
            for (Finding f : t.findings()) {
                JsonPositions.Position at = positions != null ? positions.locate(f.location()) : inText(f.location());
                String text = at.line() <= lines.length ? lines[at.line() - 1].trim() : "";
                rows.add(new Row(file, i, t.target(), f, at.line(), at.column(), text));
            }
        }
        return rows;
    }

    /** A prompt file's finding sits where it says; one without a position is about the whole file. */
    private static JsonPositions.Position inText(Loc loc) {
        return loc == null || !loc.hasPosition() ? JsonPositions.Position.START
                : new JsonPositions.Position(loc.line(), Math.max(1, loc.column()));
    }

    /** Rows reported identically (same place, id, severity and message) for several targets, merged. */
    static List<Group> groups(List<Row> rows) {
        Map<List<Object>, List<Row>> same = new LinkedHashMap<>();
        for (Row row : rows) {
            Finding f = row.finding();
            same.computeIfAbsent(List.of(row.path(), row.line(), row.column(), f.id(), f.severity(), f.message()),
                    k -> new ArrayList<>()).add(row);
        }
        List<Group> out = new ArrayList<>();
        for (List<Row> g : same.values()) {
            out.add(new Group(g.get(0), g.stream().map(Row::target).distinct().toList()));
        }
        return out;
    }

    static List<InputProblem> problems(AuditResult r) {
        return r.problems().stream().sorted(Comparator.comparing(InputProblem::path)
                .thenComparing(p -> p.where() == null ? "" : p.where())).toList();
    }

    /**
     * The path as code scanning and baselines need it: normalized ({@code a//b} and
     * {@code a/../a/b} are the same file, and must match as one), relative to the working
     * directory when under it, and with forward slashes, so it matches across machines. A path
     * outside the working directory is made absolute: relative, it would name a file inside the
     * repository that code scanning resolves against.
     */
    static String repoPath(String path) {
        String p = path.replace('\\', '/');
        try {
            Path cwd = Path.of(System.getProperty("user.dir", "")).toAbsolutePath();
            Path absolute = cwd.resolve(path).normalize();
            p = (absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute).toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            // not a path on this system: keep it as written
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    /** Messages are one line in every format that prints one finding per line. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
