package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.risk.Risk;
import dev.promptport.tree.Loc;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit as one self-contained HTML page for the person who leads a migration: a summary
 * per target, a table of every input against every target, and per input and target the
 * findings beside the original and its translation, each finding marked on its line of the
 * original.
 *
 * <p>The page has no external resources and no script; its sections collapse with
 * {@code <details>}. Every string taken from an input (paths, prompt text, translations,
 * messages that quote the prompt) is added as a text node or an attribute through jsoup, never
 * as markup, after {@link HtmlText#display} has replaced control characters and made
 * bidirectional formatting characters visible. The output depends only on the result: the
 * same result gives the same bytes.
 *
 * <p>Anchors are derived from positions, never from paths: {@code f3} is the third input,
 * {@code f3-t2} its section for the second target, {@code f3-t2-l12} line 12 of the original
 * in that section.
 */
public final class HtmlReport {

    static final String TITLE = "promptport migration audit";

    private HtmlReport() {
    }

    /** The complete HTML5 page for {@code result}. */
    public static String write(AuditResult result) {
        Document doc = Document.createShell("");
        doc.outputSettings()
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .syntax(Document.OutputSettings.Syntax.html)
                .prettyPrint(false);
        doc.prependChild(new DocumentType("html", "", ""));
        Element html = doc.selectFirst("html");
        html.attr("lang", "en");
        head(doc.head());
        Element body = doc.body();
        Summary summary = Summary.of(result);
        header(body, result);
        summary(body, result, summary);
        matrix(body, result);
        details(body, result);
        problems(body, result);
        nl(body);
        return "<!DOCTYPE html>\n" + html.outerHtml() + "\n";
    }

    // ---- page frame -------------------------------------------------------------------------

    private static void head(Element head) {
        nl(head);
        head.appendElement("meta").attr("charset", "utf-8");
        nl(head);
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        nl(head);
        head.appendElement("meta").attr("name", "generator").attr("content", "promptport");
        nl(head);
        head.appendElement("title").text(TITLE);
        nl(head);
        head.appendElement("style").appendChild(new DataNode(HtmlStyle.CSS));
        nl(head);
    }

    private static void header(Element body, AuditResult result) {
        nl(body);
        Element header = body.appendElement("header").addClass("page");
        header.appendElement("h1").text(TITLE);
        Element meta = header.appendElement("p").addClass("meta");
        meta.appendText(result.targets().size() == 1 ? "Target: " : "Targets: ");
        if (result.targets().isEmpty()) {
            meta.appendText("none");
        }
        for (int j = 0; j < result.targets().size(); j++) {
            if (j > 0) {
                meta.appendText(", ");
            }
            meta.appendElement("code").addClass("target").appendText(text(result.targets().get(j).id()));
        }
        meta.appendText(" \u00b7 " + count(result.files().size(), "input", "inputs") + " audited");
        if (!result.problems().isEmpty()) {
            meta.appendText(" \u00b7 ");
            meta.appendElement("a").attr("href", "#problems")
                    .appendText(count(result.problems().size(), "input", "inputs") + " could not be read");
        }
        Element nav = header.appendElement("nav").addClass("toc");
        nav.appendElement("a").attr("href", "#summary").text("Summary");
        nav.appendText(" \u00b7 ");
        nav.appendElement("a").attr("href", "#inputs").text("Inputs by target");
        nav.appendText(" \u00b7 ");
        nav.appendElement("a").attr("href", "#details").text("Findings per input");
        if (!result.problems().isEmpty()) {
            nav.appendText(" \u00b7 ");
            nav.appendElement("a").attr("href", "#problems").text("Unreadable inputs");
        }
    }

    // ---- summary ------------------------------------------------------------------------------

    private static void summary(Element body, AuditResult result, Summary summary) {
        nl(body);
        Element section = body.appendElement("section").attr("id", "summary");
        section.appendElement("h2").text("Summary");
        if (summary.targets().isEmpty()) {
            section.appendElement("p").addClass("none").text("No targets.");
            return;
        }
        Element cards = section.appendElement("div").addClass("cards");
        int files = result.files().size();
        for (int j = 0; j < summary.targets().size(); j++) {
            Summary.TargetSummary t = summary.targets().get(j);
            nl(cards);
            Element card = cards.appendElement("article").addClass("card").attr("id", "summary-t" + (j + 1));
            card.appendElement("h3").appendElement("code").addClass("target").appendText(text(t.target().id()));

            Element levels = card.appendElement("table").addClass("levels");
            Element hr = levels.appendElement("thead").appendElement("tr");
            hr.appendElement("th").text("Level");
            hr.appendElement("th").text("Meaning");
            hr.appendElement("th").addClass("num").text("Inputs");
            Element tb = levels.appendElement("tbody");
            for (Risk.Level level : Risk.Level.values()) {
                int n = t.levels().getOrDefault(level, 0);
                Element tr = tb.appendElement("tr").addClass("level-row-" + level.name());
                levelBadge(tr.appendElement("td"), level);
                tr.appendElement("td").text(meaning(level));
                Element td = tr.appendElement("td").addClass("num");
                td.appendElement("span").addClass("count").text(Integer.toString(n));
                if (files > 0) {
                    td.appendElement("span").addClass("share").text(" (" + Math.round(100f * n / files) + "%)");
                }
            }

            Element stats = card.appendElement("dl").addClass("stats");
            stats.appendElement("dt").text("Average score");
            Element score = stats.appendElement("dd");
            score.appendElement("span").addClass("avg-score").text(Integer.toString(t.averageScore()));
            score.appendText(" / 100");
            stats.appendElement("dt").text("Total effort");
            Element effort = stats.appendElement("dd");
            effort.appendElement("span").addClass("effort").attr("data-minutes", Integer.toString(t.effort()))
                    .text(effort(t.effort()));

            card.appendElement("h4").text("Features behind the risk");
            if (t.features().isEmpty()) {
                card.appendElement("p").addClass("none").text("None: every finding is information only.");
            } else {
                Element table = card.appendElement("table").addClass("features");
                Element fh = table.appendElement("thead").appendElement("tr");
                fh.appendElement("th").text("Feature");
                fh.appendElement("th").addClass("num").text("Findings");
                fh.appendElement("th").addClass("num").text("Inputs touched");
                Element fb = table.appendElement("tbody");
                for (Summary.FeatureCount c : t.features()) {
                    Element tr = fb.appendElement("tr");
                    tr.appendElement("td").appendElement("code").appendText(text(c.feature()));
                    tr.appendElement("td").addClass("num").text(Integer.toString(c.findings()));
                    tr.appendElement("td").addClass("num").attr("title", text(String.join("\n", c.paths())))
                            .text(Integer.toString(c.paths().size()));
                }
            }
        }
        nl(cards);
        section.appendElement("p").addClass("note").text("Score: 0 (drop-in) to 100, the sum of the findings' "
                + "weights (info 0, low 2, medium 5, high 15, blocker 40). Effort: the minutes a person needs "
                + "to review or fix the findings. Features count findings above info.");
    }

    private static void matrix(Element body, AuditResult result) {
        nl(body);
        Element section = body.appendElement("section").attr("id", "inputs");
        section.appendElement("h2").text("Inputs by target");
        if (result.files().isEmpty()) {
            section.appendElement("p").addClass("none").text("No inputs.");
            return;
        }
        Element wrap = section.appendElement("div").addClass("scroll");
        Element table = wrap.appendElement("table").addClass("matrix");
        Element hr = table.appendElement("thead").appendElement("tr");
        hr.appendElement("th").addClass("num").text("#");
        hr.appendElement("th").text("Input");
        for (Target t : result.targets()) {
            hr.appendElement("th").appendElement("code").addClass("target").appendText(text(t.id()));
        }
        Element tb = table.appendElement("tbody");
        for (int i = 0; i < result.files().size(); i++) {
            FileResult f = result.files().get(i);
            nl(tb);
            Element tr = tb.appendElement("tr");
            tr.appendElement("td").addClass("num").text(Integer.toString(i + 1));
            Element input = tr.appendElement("td").addClass("path");
            input.appendElement("a").attr("href", "#" + fileId(i)).appendText(text(f.path()));
            input.appendElement("span").addClass("kind").text(kindLabel(f.kind()));
            for (int j = 0; j < result.targets().size(); j++) {
                Element td = tr.appendElement("td").addClass("cell");
                if (j >= f.targets().size()) {
                    td.text("\u2013");
                    continue;
                }
                TargetResult t = f.targets().get(j);
                Element a = td.appendElement("a").attr("href", "#" + targetId(i, j))
                        .attr("title", text(t.target().id()) + ": level " + t.risk().level().name()
                                + ", score " + t.risk().score() + ", effort " + effort(t.risk().effort()));
                levelBadge(a, t.risk().level());
                a.appendElement("span").addClass("score").text(Integer.toString(t.risk().score()));
            }
        }
        nl(tb);
    }

    // ---- per input --------------------------------------------------------------------------

    private static void details(Element body, AuditResult result) {
        nl(body);
        Element section = body.appendElement("section").attr("id", "details");
        section.appendElement("h2").text("Findings per input");
        if (result.files().isEmpty()) {
            section.appendElement("p").addClass("none").text("No inputs.");
        }
        for (int i = 0; i < result.files().size(); i++) {
            input(section, result.files().get(i), i, jsonDepth(result));
        }
    }

    /** A translation can nest a little deeper than its request (a schema moved under a wrapper). */
    private static int jsonDepth(AuditResult result) {
        return Math.max(HtmlJsonLines.DEFAULT_DEPTH, result.limits().maxJsonDepth() + 16);
    }

    private static void input(Element parent, FileResult f, int i, int jsonDepth) {
        nl(parent);
        Element section = parent.appendElement("section").addClass("input").attr("id", fileId(i));
        Element h = section.appendElement("h3").addClass("input-title");
        h.appendElement("span").addClass("index").text((i + 1) + ".");
        h.appendText(" ");
        h.appendElement("span").addClass("path").appendText(text(f.path()));
        h.appendElement("span").addClass("kind").text(kindLabel(f.kind()));
        String source = f.source() == null ? "" : f.source();
        List<String> sourceLines = lines(source);
        HtmlJsonLines[] json = new HtmlJsonLines[1];
        for (int j = 0; j < f.targets().size(); j++) {
            TargetResult t = f.targets().get(j);
            nl(section);
            Element details = section.appendElement("details").addClass("target-result")
                    .addClass("level-" + t.risk().level().name()).attr("id", targetId(i, j)).attr("open", true);
            Element sum = details.appendElement("summary");
            sum.appendElement("code").addClass("target").appendText(text(t.target().id()));
            sum.appendText(" ");
            levelBadge(sum, t.risk().level());
            Element facts = sum.appendElement("span").addClass("facts");
            facts.appendText("score ");
            facts.appendElement("b").addClass("score").text(Integer.toString(t.risk().score()));
            facts.appendText(" \u00b7 effort ");
            facts.appendElement("b").addClass("effort").text(effort(t.risk().effort()));
            facts.appendText(" \u00b7 " + count(t.findings().size(), "finding", "findings"));

            // where each finding sits in the original
            List<Finding> findings = new ArrayList<>(t.findings());
            findings.sort(Comparator.comparing(Finding::severity).reversed());
            Map<Integer, List<Finding>> byLine = new TreeMap<>();
            List<Integer> lineOf = new ArrayList<>();
            for (Finding finding : findings) {
                Loc at = finding.location();
                int line = 0;
                if (at != null && at.pointer() != null) {
                    if (json[0] == null) {
                        json[0] = HtmlJsonLines.of(source, jsonDepth);
                    }
                    line = json[0].line(at.pointer());
                } else if (at != null && at.line() > 0) {
                    line = at.line();
                }
                if (line > sourceLines.size()) {
                    line = sourceLines.size();
                }
                lineOf.add(line);
                if (line > 0) {
                    byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(finding);
                }
            }

            findingsList(details, findings, lineOf, i, j);

            Element compare = details.appendElement("div").addClass("compare");
            Element left = compare.appendElement("div").addClass("col").addClass("original");
            left.appendElement("div").addClass("col-head")
                    .text("Original" + ("request".equals(f.kind()) ? " (Anthropic request)" : " (prompt file)"));
            Element pre = left.appendElement("pre").addClass("code");
            for (int n = 1; n <= sourceLines.size(); n++) {
                Element ln = pre.appendElement("span").addClass("ln").attr("id", lineId(i, j, n))
                        .attr("data-n", Integer.toString(n));
                List<Finding> here = byLine.get(n);
                if (here != null) {
                    Severity worst = Severity.INFO;
                    StringBuilder title = new StringBuilder();
                    StringBuilder ids = new StringBuilder();
                    for (Finding finding : here) {
                        worst = finding.severity().compareTo(worst) > 0 ? finding.severity() : worst;
                        title.append(title.length() == 0 ? "" : ", ").append(finding.id())
                                .append(" (").append(finding.severity().label()).append(')');
                        ids.append(ids.length() == 0 ? "" : " ").append(finding.id());
                    }
                    ln.addClass("hit").addClass("sev-" + worst.label())
                            .attr("title", text(title.toString())).attr("data-ids", text(ids.toString()));
                }
                ln.appendText(sourceLines.get(n - 1) + "\n");
            }
            Element right = compare.appendElement("div").addClass("col").addClass("translation");
            String output = t.output();
            String shown = "request".equals(f.kind()) ? HtmlJsonLines.readable(output, jsonDepth) : output;
            Element rightHead = right.appendElement("div").addClass("col-head");
            rightHead.appendText("Translation for ");
            rightHead.appendElement("code").appendText(text(t.target().id()));
            rightHead.appendText("request".equals(f.kind()) ? " (JSON" : " (text");
            rightHead.appendText(shown != null && !shown.equals(output) ? ", indented for reading)" : ")");
            if (output == null) {
                right.appendElement("p").addClass("none").text("No translation.");
            } else {
                Element out = right.appendElement("pre").addClass("code");
                List<String> outLines = lines(shown);
                for (int n = 1; n <= outLines.size(); n++) {
                    out.appendElement("span").addClass("ln").attr("data-n", Integer.toString(n))
                            .appendText(outLines.get(n - 1) + "\n");
                }
            }
        }
    }

    private static void findingsList(Element parent, List<Finding> findings, List<Integer> lineOf, int i, int j) {
        if (findings.isEmpty()) {
            parent.appendElement("p").addClass("none").text("No findings: translated as it is.");
            return;
        }
        Element ol = parent.appendElement("ol").addClass("findings");
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            int line = lineOf.get(k);
            Element li = ol.appendElement("li").addClass("finding").addClass("sev-" + f.severity().label())
                    .attr("id", targetId(i, j) + "-n" + (k + 1));
            Element head = li.appendElement("div").addClass("finding-head");
            head.appendElement("span").addClass("sev").text(f.severity().label());
            head.appendElement("b").addClass("fid").appendText(text(f.id()));
            head.appendElement("code").addClass("feature").appendText(text(f.feature()));
            String where = f.location() == null ? "" : text(f.location().display());
            Element loc;
            if (line > 0) {
                loc = head.appendElement("a").addClass("loc").attr("href", "#" + lineId(i, j, line));
                boolean pointer = f.location() != null && f.location().pointer() != null;
                loc.appendText(where.isEmpty() ? "line " + line : pointer ? where + " \u2192 line " + line : where);
                loc.attr("title", "line " + line + " of the original");
            } else {
                loc = head.appendElement("span").addClass("loc");
                loc.appendText(where.isEmpty() ? "whole input" : where);
            }
            head.appendElement("span").addClass("f-effort").text(f.effort() + " min");
            li.appendElement("p").addClass("msg").appendText(text(f.message()));
            if (f.fix() != null && !f.fix().isBlank()) {
                Element fix = li.appendElement("p").addClass("fix");
                fix.appendElement("span").addClass("label").text("Fix: ");
                fix.appendText(text(f.fix()));
            }
        }
    }

    private static void problems(Element body, AuditResult result) {
        if (result.problems().isEmpty()) {
            return;
        }
        nl(body);
        Element section = body.appendElement("section").attr("id", "problems");
        section.appendElement("h2").text("Inputs that could not be read");
        Element table = section.appendElement("table").addClass("problems");
        Element hr = table.appendElement("thead").appendElement("tr");
        hr.appendElement("th").text("Input");
        hr.appendElement("th").text("Where");
        hr.appendElement("th").text("Problem");
        Element tb = table.appendElement("tbody");
        for (InputProblem p : result.problems()) {
            Element tr = tb.appendElement("tr");
            tr.appendElement("td").addClass("path").appendText(text(p.path()));
            tr.appendElement("td").appendElement("code").appendText(text(p.where()));
            tr.appendElement("td").appendText(text(p.message()));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String fileId(int i) {
        return "f" + (i + 1);
    }

    static String targetId(int i, int j) {
        return fileId(i) + "-t" + (j + 1);
    }

    static String lineId(int i, int j, int line) {
        return targetId(i, j) + "-l" + line;
    }

    static String meaning(Risk.Level level) {
        return switch (level) {
            case A -> "Translated automatically, no behaviour risk";
            case B -> "Translated, behaviour may change: review";
            case C -> "Manual work needed or a blocker";
        };
    }

    /** {@code 0 min}, {@code 45 min}, {@code 2 h}, {@code 3 h 25 min}. */
    static String effort(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        int h = minutes / 60;
        int m = minutes % 60;
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    private static void levelBadge(Element parent, Risk.Level level) {
        parent.appendElement("span").addClass("badge").addClass("level-" + level.name())
                .attr("title", meaning(level)).text(level.name());
    }

    private static String kindLabel(String kind) {
        if ("request".equals(kind)) {
            return "request";
        }
        if ("prompt".equals(kind)) {
            return "prompt";
        }
        return text(kind);
    }

    /** Display lines of {@code s}, without the empty line after a final line feed. */
    static List<String> lines(String s) {
        String shown = text(s);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < shown.length(); k++) {
            if (shown.charAt(k) == '\n') {
                out.add(shown.substring(start, k));
                start = k + 1;
            }
        }
        if (start < shown.length() || out.isEmpty()) {
            out.add(shown.substring(start));
        }
        return out;
    }

    private static String text(String s) {
        return HtmlText.display(s);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static void nl(Element e) {
        e.appendText("\n");
    }
}
