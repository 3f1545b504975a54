package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.risk.Risk;
import dev.promptport.tree.LineIndex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings a prompt file turns off itself, with comments. The comment stays in the prompt;
 * only the finding goes.
 *
 * <ul>
 *   <li>{@code <!-- promptport-disable PP104 PP105 -->} anywhere: those rules, whole file;
 *       without ids, every rule.</li>
 *   <li>{@code <!-- promptport-disable-next-line PP104 -->}: the next non-blank line.</li>
 *   <li>The same as {@code # promptport-disable…} or {@code // promptport-disable…} alone on a line.</li>
 * </ul>
 *
 * Ids may be separated by spaces or commas; text after {@code --} is a reason for readers.
 * A misspelt directive ({@code promptport-disabled}) matches nothing rather than everything.
 */
public final class Suppressions {

    private static final String ALL = "*";
    /** The keyword must end there ({@code -->} may follow at once), so that a longer word is not taken for it. */
    private static final String KEYWORD = "promptport-disable(-next-line)?(?!\\w|-(?!->))";
    private static final Pattern HTML = Pattern.compile("<!--\\s*" + KEYWORD + "(.*?)-->", Pattern.DOTALL);
    private static final Pattern LINE = Pattern.compile("^[ \\t]*(?:#|//)[ \\t]*" + KEYWORD + "(.*)$",
            Pattern.MULTILINE);
    private static final Suppressions NONE = new Suppressions(Set.of(), Map.of());

    private final Set<String> inFile;
    private final Map<Integer, Set<String>> onLine;

    private Suppressions(Set<String> inFile, Map<Integer, Set<String>> onLine) {
        this.inFile = Set.copyOf(inFile);
        this.onLine = Map.copyOf(onLine);
    }

    public static Suppressions parse(String text) {
        if (text == null || !text.contains("promptport-disable")) {
            return NONE;
        }
        Set<String> inFile = new HashSet<>();
        Map<Integer, Set<String>> onLine = new HashMap<>();
        String[] lines = text.split("\n", -1);
        LineIndex index = LineIndex.of(text);
        for (Pattern p : List.of(HTML, LINE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Set<String> ids = ids(m.group(2));
                if (m.group(1) == null) {
                    inFile.addAll(ids);
                } else {
                    int next = nextContentLine(lines, index.line(m.end()) + 1);
                    onLine.computeIfAbsent(next, k -> new HashSet<>()).addAll(ids);
                }
            }
        }
        return new Suppressions(inFile, onLine);
    }

    /** Whether {@code ruleId} is turned off at 1-based {@code line} (0: a finding about the whole file). */
    public boolean suppresses(String ruleId, int line) {
        String id = ruleId.toUpperCase(Locale.ROOT);
        if (inFile.contains(ALL) || inFile.contains(id)) {
            return true;
        }
        Set<String> here = onLine.get(line);
        return here != null && (here.contains(ALL) || here.contains(id));
    }

    /** {@code r} without the findings its prompt files turn off; each changed result's risk is recomputed. */
    public static AuditResult apply(AuditResult r) {
        List<FileResult> files = new ArrayList<>();
        for (FileResult file : r.files()) {
            Suppressions s = "prompt".equals(file.kind()) ? parse(file.source()) : NONE;
            if (s == NONE) {
                files.add(file); // requests are JSON, which has no comments
                continue;
            }
            List<TargetResult> targets = new ArrayList<>();
            for (TargetResult t : file.targets()) {
                List<Finding> kept = t.findings().stream()
                        .filter(f -> !s.suppresses(f.id(), f.location() == null ? 0 : f.location().line()))
                        .toList();
                targets.add(new TargetResult(t.target(), Risk.of(kept), kept, t.output()));
            }
            files.add(new FileResult(file.path(), file.kind(), file.source(), targets));
        }
        return r.withFiles(files);
    }

    /** The ids in a directive's text; none means every rule. */
    private static Set<String> ids(String rest) {
        int reason = rest.indexOf("--");
        String list = (reason < 0 ? rest : rest.substring(0, reason)).strip();
        Set<String> ids = new HashSet<>();
        if (list.isEmpty()) {
            ids.add(ALL);
            return ids;
        }
        for (String id : list.split("[\\s,]+")) {
            if (!id.isEmpty()) {
                ids.add(id.toUpperCase(Locale.ROOT));
            }
        }
        return ids;
    }

    /**
     * The first line from {@code from} (1-based) that is neither blank nor only a directive,
     * so that several next-line directives stacked above one line all apply to it.
     */
    private static int nextContentLine(String[] lines, int from) {
        for (int i = from; i <= lines.length; i++) {
            String line = lines[i - 1];
            if (!line.isBlank() && !HTML.matcher(line).replaceAll("").isBlank() && !LINE.matcher(line).matches()) {
                return i;
            }
        }
        return -1;
    }
}
