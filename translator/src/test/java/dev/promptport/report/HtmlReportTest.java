package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.Translation;
import dev.promptport.risk.Risk;
import dev.promptport.tree.Loc;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final Target GPT_4O = Target.of("openai:gpt-4o");
    private static final Target O3 = Target.of("openai:o3");
    private static final List<Target> TARGETS = List.of(GPT_4O, O3);

    /** /max_tokens starts on line 3, /messages/1 (the prefill) on line 9. */
    private static final String REQUEST = """
            {
              "model": "claude-sonnet-4-5",
              "max_tokens": 400,
              "messages": [
                {
                  "role": "user",
                  "content": "Classify this: <script>alert(1)</script> \\u202e \\"quoted\\""
                },
                {
                  "role": "assistant",
                  "content": "{"
                }
              ]
            }
            """;

    private static final String HOSTILE = "<instructions>\n"
            + "Be \"nice\" <script>alert(1)</script> </pre> \u202Eevil\u202C done\n"
            + "<img src=x onerror=alert(2)> NUL:\u0000 BEL:\u0007 ESC:\u001B C1:\u0085 tab:\there\r\n"
            + "</instructions>\n"
            + "<style>\n"
            + "Answer inside <answer></answer> tags.\n";

    private static final String MALFORMED = """
            You take meeting notes.

            <instructions>
            Write decisions first.
            </rules>

            <escalation>
            Flag safety incidents.
            <format>
            Bullet points.
            </escalation>
            </format>
            Put the notes in <notes></notes> tags.
            """;

    private static FileResult request(String path, String json) {
        List<TargetResult> results = new ArrayList<>();
        for (Target t : TARGETS) {
            Translation tr = PromptPort.translate(json, t);
            results.add(new TargetResult(t, Risk.of(tr.findings()), tr.findings(), tr.output()));
        }
        return new FileResult(path, "request", json, results);
    }

    private static FileResult prompt(String path, String text) {
        List<TargetResult> results = new ArrayList<>();
        for (Target t : TARGETS) {
            Translation tr = PromptPort.translate(Prompt.system(text), t);
            results.add(new TargetResult(t, Risk.of(tr.findings()), tr.findings(), tr.output()));
        }
        return new FileResult(path, "prompt", text, results);
    }

    private static AuditResult audit() {
        return new AuditResult(TARGETS, List.of(
                request("requests/prefill.json", REQUEST),
                prompt("prompts/<b>hostile</b>\u202E\".txt", HOSTILE),
                prompt("prompts/malformed.txt", MALFORMED)),
                List.of(new InputProblem("broken/<script>x</script>.json", "2:16",
                        "invalid JSON: Unexpected character (',' (code 44)) \u202E<img onerror=alert(3)>")));
    }

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    // ---- page and safety --------------------------------------------------------------------

    @Test
    void pageIsCompleteAndSelfContained() {
        String html = HtmlReport.write(audit());
        Document doc = parse(html);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
        assertThat(doc.title()).isEqualTo("promptport migration audit");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("promptport migration audit");
        assertThat(doc.selectFirst("head meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(doc.select("head style")).hasSize(1);
        assertThat(doc.select("script, link, img, iframe, object, embed, [src]")).isEmpty();
        assertThat(doc.selectFirst("header .meta").text())
                .contains("openai:gpt-4o", "openai:o3", "3 inputs audited", "1 input could not be read");
        // no date: nothing that looks like a year
        assertThat(doc.selectFirst("header").text()).doesNotContainPattern("20\\d\\d");
    }

    @Test
    void hostilePromptTextAppearsOnlyAsText() {
        String html = HtmlReport.write(audit());
        Document doc = parse(html);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("b:containsOwn(hostile)")).isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
            }
        }
        // no raw bidi override, no control characters anywhere in the bytes of the page
        assertThat(html).doesNotContain("\u202E", "\u202C", "\u0000", "\u0007", "\u001B", "\u0085", "\r");
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
        assertThat(doc.text()).doesNotContain("\u202E");

        // the hostile prompt is shown, as text, inside its own pre
        Element original = doc.selectFirst("#f2-t1 .original pre");
        assertThat(original.text())
                .contains("Be \"nice\" <script>alert(1)</script> </pre> \u27E8U+202E\u27E9evil\u27E8U+202C\u27E9 done")
                .contains("<img src=x onerror=alert(2)> NUL:\uFFFD BEL:\uFFFD ESC:\uFFFD C1:\uFFFD tab:\there");
        assertThat(original.select("span.ln")).hasSize(6);
        // the closing </pre> in the prompt did not close any pre: two per input and target
        assertThat(doc.select("pre")).hasSize(3 * 2 * 2);
        assertThat(doc.select("pre pre")).isEmpty();

        // the path and the unreadable input are text too
        assertThat(doc.selectFirst("#f2 .input-title .path").text())
                .isEqualTo("prompts/<b>hostile</b>\u27E8U+202E\u27E9\".txt");
        Element problem = doc.selectFirst("#problems tbody tr");
        assertThat(problem.child(0).text()).isEqualTo("broken/<script>x</script>.json");
        assertThat(problem.child(2).text()).endsWith("\u27E8U+202E\u27E9<img onerror=alert(3)>");

        // the request's translation keeps the escaped script only as text
        assertThat(doc.selectFirst("#f1-t1 .translation pre").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void displayTextReplacesControlsAndShowsBidiCharacters() {
        assertThat(HtmlText.display("a\u0000b\u0007c\u007Fd\u0085e")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(HtmlText.display("keep\ttab\nand lines")).isEqualTo("keep\ttab\nand lines");
        assertThat(HtmlText.display("crlf\r\nlone\rcr")).isEqualTo("crlf\nlone\uFFFDcr");
        assertThat(HtmlText.display("\u202Ax\u202Ey\u2066z\u2069\u200E\u200F\u061C"))
                .isEqualTo("\u27E8U+202A\u27E9x\u27E8U+202E\u27E9y\u27E8U+2066\u27E9z\u27E8U+2069\u27E9"
                        + "\u27E8U+200E\u27E9\u27E8U+200F\u27E9\u27E8U+061C\u27E9");
        assertThat(HtmlText.display("emoji \uD83D\uDE00 lone \uD83D end \uDE00"))
                .isEqualTo("emoji \uD83D\uDE00 lone \uFFFD end \uFFFD");
        assertThat(HtmlText.display("العربية")).isEqualTo("العربية");
        assertThat(HtmlText.display(null)).isEmpty();
    }

    // ---- findings marked in the original ----------------------------------------------------

    @Test
    void everyPromptFindingLinksToItsMarkedLine() {
        AuditResult audit = audit();
        Document doc = parse(HtmlReport.write(audit));
        int checked = 0;
        for (int i = 1; i <= 2; i++) {
            FileResult file = audit.files().get(i);
            String[] sourceLines = file.source().split("\n", -1);
            for (int j = 0; j < TARGETS.size(); j++) {
                TargetResult result = file.targets().get(j);
                String section = "f" + (i + 1) + "-t" + (j + 1);
                Elements items = doc.select("#" + section + " li.finding");
                assertThat(items).hasSize(result.findings().size());
                for (Finding f : result.findings()) {
                    assertThat(f.location().line()).isPositive();
                    Element item = items.stream()
                            .filter(li -> li.selectFirst(".fid").text().equals(f.id())
                                    && li.selectFirst(".loc").text().equals(f.location().display()))
                            .findFirst().orElseThrow(() -> new AssertionError("no list item for " + f.oneLine()));
                    assertThat(item.hasClass("sev-" + f.severity().label())).isTrue();
                    assertThat(item.selectFirst(".msg").wholeText()).isEqualTo(HtmlText.display(f.message()));
                    Element link = item.selectFirst("a.loc");
                    assertThat(link).as("link of %s", f.oneLine()).isNotNull();
                    assertThat(link.attr("href")).isEqualTo("#" + section + "-l" + f.location().line());
                    Element line = doc.getElementById(link.attr("href").substring(1));
                    assertThat(line).isNotNull();
                    assertThat(line.hasClass("ln")).isTrue();
                    assertThat(line.hasClass("hit")).isTrue();
                    assertThat(line.attr("title")).contains(f.id());
                    assertThat(line.attr("data-ids")).contains(f.id());
                    assertThat(line.closest(".original")).isNotNull();
                    assertThat(line.closest("details").id()).isEqualTo(section);
                    String sourceLine = sourceLines[f.location().line() - 1];
                    if (sourceLine.endsWith("\r")) {
                        sourceLine = sourceLine.substring(0, sourceLine.length() - 1);
                    }
                    assertThat(line.wholeText()).isEqualTo(HtmlText.display(sourceLine) + "\n");
                    checked++;
                }
                // lines without findings are not marked
                List<Integer> findingLines = result.findings().stream().map(f -> f.location().line()).toList();
                for (Element ln : doc.select("#" + section + " .original span.ln")) {
                    int n = Integer.parseInt(ln.attr("data-n"));
                    assertThat(ln.hasClass("hit")).isEqualTo(findingLines.contains(n));
                    assertThat(ln.id()).isEqualTo(section + "-l" + n);
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void requestFindingWithPointerMarksTheLineWhereTheValueStarts() {
        AuditResult audit = audit();
        Document doc = parse(HtmlReport.write(audit));
        for (int j = 0; j < TARGETS.size(); j++) {
            List<Finding> findings = audit.files().get(0).targets().get(j).findings();
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo("PP107");
                assertThat(f.location().pointer()).isEqualTo("/messages/1");
            });
            String section = "f1-t" + (j + 1);
            Element prefill = doc.select("#" + section + " li.finding").stream()
                    .filter(li -> li.selectFirst(".fid").text().equals("PP107")).findFirst().orElseThrow();
            Element link = prefill.selectFirst("a.loc");
            assertThat(link.attr("href")).isEqualTo("#" + section + "-l9");
            assertThat(link.text()).isEqualTo("/messages/1 \u2192 line 9");
            Element line = doc.getElementById(section + "-l9");
            assertThat(line.wholeText()).isEqualTo("    {\n");
            assertThat(line.hasClass("hit")).isTrue();
            assertThat(line.hasClass("sev-high")).isTrue();
            assertThat(line.attr("title")).contains("PP107 (high)");
            // the message object before it is not marked
            assertThat(doc.getElementById(section + "-l5").hasClass("hit")).isFalse();
        }
    }

    @Test
    void pointerWithAPositionInsideAStringMarksTheStringsStartLine() {
        String json = "{\n  \"system\":\n    \"first\\nsecond\\nthird\",\n  \"messages\": []\n}\n";
        Finding inString = new Finding("PP104", Severity.MEDIUM, "structure", "m", "x", new Loc("/system", 3, 1), 5);
        Finding missing = new Finding("PP115", Severity.MEDIUM, "unknown_field", "m", "x", Loc.pointer("/messages/7/content"), 10);
        Finding none = new Finding("PP133", Severity.INFO, "structure", "m", "x", Loc.NONE, 1);
        List<Finding> findings = List.of(inString, missing, none);
        TargetResult t = new TargetResult(GPT_4O, Risk.of(findings), findings, "{}");
        AuditResult audit = new AuditResult(List.of(GPT_4O), List.of(new FileResult("r.json", "request", json, List.of(t))),
                List.of());
        Document doc = parse(HtmlReport.write(audit));
        Elements links = doc.select("#f1-t1 a.loc");
        assertThat(links.eachAttr("href")).containsExactly("#f1-t1-l3", "#f1-t1-l4");
        assertThat(doc.getElementById("f1-t1-l3").attr("title")).isEqualTo("PP104 (medium)");
        assertThat(doc.getElementById("f1-t1-l4").attr("title")).isEqualTo("PP115 (medium)");
        // a finding without a location is listed, unlinked
        assertThat(doc.select("#f1-t1 li.finding")).hasSize(3);
        assertThat(doc.select("#f1-t1 li.finding").last().selectFirst("span.loc").text()).isEqualTo("whole input");
        assertThat(doc.select("#problems")).isEmpty();
    }

    @Test
    void jsonLinesFollowPointersAndFallBackToTheClosestAncestor() {
        String json = """
                {
                  "a": 1,
                  "b": [
                    "x",
                    {"c": true,
                     "d/e": {"f~g": null}}
                  ],
                  "a": 2
                }""";
        HtmlJsonLines lines = HtmlJsonLines.of(json);
        assertThat(lines.line("")).isEqualTo(1);
        assertThat(lines.line("/a")).isEqualTo(2);
        assertThat(lines.line("/b")).isEqualTo(3);
        assertThat(lines.line("/b/0")).isEqualTo(4);
        assertThat(lines.line("/b/1")).isEqualTo(5);
        assertThat(lines.line("/b/1/c")).isEqualTo(5);
        assertThat(lines.line("/b/1/d~1e")).isEqualTo(6);
        assertThat(lines.line("/b/1/d~1e/f~0g")).isEqualTo(6);
        assertThat(lines.line("/b/1/zzz/0")).isEqualTo(5);
        assertThat(lines.line("/b/9")).isEqualTo(3);
        assertThat(lines.line("/nope")).isEqualTo(1);
        assertThat(HtmlJsonLines.line(json, "/b/0")).isEqualTo(4);
        assertThat(HtmlJsonLines.line("{\r\n\"a\":\r\n[1]}", "/a")).isEqualTo(3);
        // not JSON: what was read before the error still counts
        assertThat(HtmlJsonLines.line("{\n\"a\": {\n\"b\": ,", "/a/b")).isEqualTo(2);
        assertThat(HtmlJsonLines.line("not json", "/a")).isZero();
    }

    @Test
    void linesAreFoundInRequestsNestedDeeperThanTheDefaultWhenTheRunReadThemDeeper() {
        int depth = 1_500;
        String json = "{\"a\":".repeat(depth) + "\n1" + "}".repeat(depth);
        String pointer = "/a".repeat(depth);
        assertThat(HtmlJsonLines.of(json, 2_000).line(pointer)).isEqualTo(2);
        // read only as deep as the default, the closest ancestor read is all there is
        assertThat(HtmlJsonLines.of(json).line(pointer)).isEqualTo(1);
        String compact = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        assertThat(HtmlJsonLines.readable(compact, 2_000).lines().count()).isEqualTo(2L * depth + 1);
        assertThat(HtmlJsonLines.readable(compact).lines().count()).isEqualTo(1L);
    }

    @Test
    void compactJsonTranslationIsIndentedForReadingAndTextIsKept() {
        assertThat(HtmlJsonLines.readable("{\"a\":[1,2.50,\"x\"]}"))
                .isEqualTo("{\n  \"a\" : [ 1, 2.50, \"x\" ]\n}");
        assertThat(HtmlJsonLines.readable("{\n \"a\": 1\n}")).isEqualTo("{\n \"a\": 1\n}");
        assertThat(HtmlJsonLines.readable("# Heading")).isEqualTo("# Heading");
        assertThat(HtmlJsonLines.readable("{\"a\":1} trailing")).isEqualTo("{\"a\":1} trailing");
    }

    // ---- summary and table ------------------------------------------------------------------

    @Test
    void summaryNumbersMatchSummaryOf() {
        AuditResult audit = audit();
        Summary summary = Summary.of(audit);
        Document doc = parse(HtmlReport.write(audit));
        assertThat(doc.select("#summary article.card")).hasSize(TARGETS.size());
        for (int j = 0; j < summary.targets().size(); j++) {
            Summary.TargetSummary s = summary.targets().get(j);
            Element card = doc.getElementById("summary-t" + (j + 1));
            assertThat(card.selectFirst("h3").text()).isEqualTo(s.target().id());
            for (Risk.Level level : Risk.Level.values()) {
                Element row = card.selectFirst("tr.level-row-" + level.name());
                assertThat(row.selectFirst(".badge").text()).isEqualTo(level.name());
                assertThat(row.selectFirst(".count").text()).isEqualTo(Integer.toString(s.levels().get(level)));
                assertThat(row.child(1).text()).isEqualTo(HtmlReport.meaning(level));
            }
            assertThat(card.selectFirst(".avg-score").text()).isEqualTo(Integer.toString(s.averageScore()));
            assertThat(card.selectFirst(".effort").attr("data-minutes")).isEqualTo(Integer.toString(s.effort()));
            assertThat(card.selectFirst(".effort").text()).isEqualTo(HtmlReport.effort(s.effort()));
            Elements rows = card.select("table.features tbody tr");
            assertThat(rows).hasSize(s.features().size());
            for (int k = 0; k < rows.size(); k++) {
                Summary.FeatureCount c = s.features().get(k);
                assertThat(rows.get(k).child(0).text()).isEqualTo(c.feature());
                assertThat(rows.get(k).child(1).text()).isEqualTo(Integer.toString(c.findings()));
                assertThat(rows.get(k).child(2).text()).isEqualTo(Integer.toString(c.paths().size()));
            }
        }
        assertThat(summary.targets().get(0).features()).isNotEmpty();
    }

    @Test
    void tableOfInputsByTargetLinksToEachSection() {
        AuditResult audit = audit();
        Document doc = parse(HtmlReport.write(audit));
        Elements rows = doc.select("#inputs table.matrix tbody tr");
        assertThat(rows).hasSize(audit.files().size());
        for (int i = 0; i < rows.size(); i++) {
            FileResult f = audit.files().get(i);
            Element row = rows.get(i);
            Element input = row.selectFirst("td.path a");
            assertThat(input.attr("href")).isEqualTo("#f" + (i + 1));
            assertThat(input.text()).isEqualTo(HtmlText.display(f.path()));
            assertThat(doc.getElementById("f" + (i + 1))).isNotNull();
            Elements cells = row.select("td.cell");
            assertThat(cells).hasSize(TARGETS.size());
            for (int j = 0; j < cells.size(); j++) {
                TargetResult t = f.targets().get(j);
                Element a = cells.get(j).selectFirst("a");
                String id = "f" + (i + 1) + "-t" + (j + 1);
                assertThat(a.attr("href")).isEqualTo("#" + id);
                assertThat(doc.getElementById(id)).isNotNull();
                assertThat(a.selectFirst(".badge").text()).isEqualTo(t.risk().level().name());
                assertThat(a.selectFirst(".score").text()).isEqualTo(Integer.toString(t.risk().score()));
                Element section = doc.getElementById(id);
                assertThat(section.selectFirst("summary .badge").text()).isEqualTo(t.risk().level().name());
                assertThat(section.selectFirst("summary .score").text()).isEqualTo(Integer.toString(t.risk().score()));
                assertThat(section.selectFirst("summary .effort").text()).isEqualTo(HtmlReport.effort(t.risk().effort()));
            }
        }
        // ids come from positions, never from paths
        for (Element e : doc.select("[id]")) {
            assertThat(e.id()).matches("summary(-t\\d+)?|inputs|details|problems|f\\d+(-t\\d+(-(l|n)\\d+)?)?");
        }
    }

    @Test
    void originalAndTranslationSitSideBySide() {
        AuditResult audit = audit();
        Document doc = parse(HtmlReport.write(audit));
        TargetResult prompt = audit.files().get(2).targets().get(0);
        Element compare = doc.selectFirst("#f3-t1 .compare");
        assertThat(compare.children()).hasSize(2);
        assertThat(compare.child(0).hasClass("original")).isTrue();
        assertThat(compare.child(1).hasClass("translation")).isTrue();
        assertThat(compare.selectFirst(".original pre").wholeText()).isEqualTo(MALFORMED);
        assertThat(compare.selectFirst(".translation pre").wholeText())
                .isEqualTo(prompt.output().endsWith("\n") ? prompt.output() : prompt.output() + "\n");
        // a request's translation: the same JSON, indented for reading
        Element json = doc.selectFirst("#f1-t1 .translation pre");
        assertThat(json.wholeText()).contains("\"model\" : \"gpt-4o\"");
        assertThat(doc.selectFirst("#f1-t1 .original pre").wholeText()).isEqualTo(REQUEST);
    }

    @Test
    void emptyAuditStillMakesAPage() {
        Document doc = parse(HtmlReport.write(new AuditResult(List.of(GPT_4O), List.of(), List.of())));
        assertThat(doc.selectFirst("#summary .count").text()).isEqualTo("0");
        assertThat(doc.selectFirst("#inputs .none").text()).isEqualTo("No inputs.");
        assertThat(doc.select("#problems")).isEmpty();
    }

    @Test
    void effortIsWrittenInHoursAndMinutes() {
        assertThat(HtmlReport.effort(0)).isEqualTo("0 min");
        assertThat(HtmlReport.effort(59)).isEqualTo("59 min");
        assertThat(HtmlReport.effort(60)).isEqualTo("1 h");
        assertThat(HtmlReport.effort(205)).isEqualTo("3 h 25 min");
    }

    @Test
    void outputIsDeterministic() {
        String first = HtmlReport.write(audit());
        assertThat(HtmlReport.write(audit())).isEqualTo(first);
        AuditResult same = audit();
        assertThat(HtmlReport.write(same)).isEqualTo(HtmlReport.write(same));
    }
}
