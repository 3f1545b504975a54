package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.rules.RuleInfo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint run as GitHub Actions workflow commands, one per line on standard output:
 * {@code ::error file=path,line=L,col=C,title=ID title::message}. GitHub turns them into
 * annotations on the pull request's diff. An annotation does not fail the step; the exit code does.
 *
 * <p>Text from the inputs is first made printable by {@link TerminalText} (the runner's log
 * shows escape sequences as colours, and the line breaks of a message become spaces), then
 * encoded as GitHub's workflow commands require ({@link #data}, {@link #property}), so it can
 * neither end the command nor start another one.
 */
public final class GithubReport {

    private static final Pattern LINE_COLUMN = Pattern.compile("(\\d+):(\\d+)");

    private GithubReport() {
    }

    public static String write(AuditResult r) {
        StringBuilder out = new StringBuilder();
        for (LintText.Group g : LintText.groups(LintText.rows(r))) {
            LintText.Row row = g.first();
            Finding f = row.finding();
            RuleInfo rule = r.rules().find(f.id());
            String title = rule == null ? f.id() : f.id() + " " + rule.title();
            out.append("::").append(command(f.severity()))
                    .append(" file=").append(property(TerminalText.escape(LintText.repoPath(row.path()))))
                    .append(",line=").append(row.line())
                    .append(",col=").append(row.column())
                    .append(",title=").append(property(TerminalText.escape(title)))
                    .append("::")
                    .append(data(TerminalText.escape(SarifReport.messageText(f) + " [" + g.targetList() + "]")))
                    .append('\n');
        }
        for (InputProblem p : LintText.problems(r)) {
            out.append("::error file=").append(property(TerminalText.escape(LintText.repoPath(p.path()))));
            Matcher m = LINE_COLUMN.matcher(p.where() == null ? "" : p.where());
            if (m.matches()) {
                out.append(",line=").append(m.group(1)).append(",col=").append(m.group(2));
            }
            String where = p.where() == null || p.where().isEmpty() || m.matches() ? "" : p.where() + ": ";
            out.append(",title=").append(property("promptport: unusable input"))
                    .append("::").append(data(TerminalText.message(where + p.message()))).append('\n');
        }
        return out.toString();
    }

    static String command(Severity s) {
        return switch (s) {
            case BLOCKER, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "notice";
        };
    }

    /** The message after {@code ::}: a command is one line, so line breaks and the escape character are encoded. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,} too, which delimit properties. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
