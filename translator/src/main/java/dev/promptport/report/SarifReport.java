package dev.promptport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.rules.RuleInfo;
import dev.promptport.rules.RuleSet;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint run as SARIF 2.1.0, shaped for GitHub code scanning: every property GitHub lists
 * as required is written (rule descriptions, help, {@code partialFingerprints}), paths are
 * relative to the repository root ({@code %SRCROOT%}) so alerts match across runs. Messages
 * keep the input's text exactly; {@link JsonEscapes} makes the output valid UTF-8.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/promptport/promptport";
    static final String SRCROOT = "%SRCROOT%";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LINE_COLUMN = Pattern.compile("(\\d+):(\\d+)");

    private SarifReport() {
    }

    public static String write(AuditResult r, String toolVersion) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        List<LintText.Row> rows = LintText.rows(r);
        Map<String, Integer> ruleIndex = driver(run.putObject("tool").putObject("driver"), r.rules(), rows, toolVersion);
        invocation(run.putArray("invocations").addObject(), r);
        // Java strings count UTF-16 units, as the finding columns do; say so rather than rely on the default
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> seen = new HashMap<>();
        for (LintText.Row row : rows) {
            results.add(result(row, ruleIndex.get(row.finding().id()), seen));
        }
        try {
            return JsonEscapes.escape(MAPPER.writeValueAsString(log) + "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills in the tool and its rules; returns each rule's index in {@code rules[]}. */
    private static Map<String, Integer> driver(ObjectNode driver, RuleSet ruleSet, List<LintText.Row> rows,
                                               String toolVersion) {
        driver.put("name", "promptport");
        if (toolVersion != null && !toolVersion.isBlank()) {
            driver.put("semanticVersion", toolVersion);
        }
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo rule : rules(ruleSet, rows).values()) {
            index.put(rule.id(), rules.size());
            rules.add(descriptor(rule));
        }
        return index;
    }

    /** Inputs that could not be read make the run unsuccessful: its results may miss findings. */
    private static void invocation(ObjectNode invocation, AuditResult r) {
        invocation.put("executionSuccessful", r.problems().isEmpty());
        if (!r.problems().isEmpty()) {
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (InputProblem p : LintText.problems(r)) {
                notes.add(notification(p));
            }
        }
    }

    /**
     * Every rule the run used, a team's own among them, so a rule with no result still documents
     * itself and each is described by its own title and fix; then any other id seen.
     */
    private static Map<String, RuleInfo> rules(RuleSet ruleSet, List<LintText.Row> rows) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (RuleInfo rule : ruleSet.rules()) {
            rules.put(rule.id(), rule);
        }
        Map<String, RuleInfo> other = new TreeMap<>();
        for (LintText.Row row : rows) {
            Finding f = row.finding();
            if (!rules.containsKey(f.id())) {
                // a finding of no rule the run names: describe it by its first finding
                other.putIfAbsent(f.id(), new RuleInfo(f.id(), f.id(), f.feature(), f.severity(), f.effort(),
                        null, null, null, f.message(), f.fix(), null));
            }
        }
        rules.putAll(other);
        return rules;
    }

    private static ObjectNode descriptor(RuleInfo rule) {
        ObjectNode d = NODES.objectNode();
        d.put("id", rule.id());
        d.put("name", camelCase(rule.title()));
        d.putObject("shortDescription").put("text", rule.title());
        d.putObject("fullDescription").put("text", description(rule));
        String fix = rule.fix() == null || rule.fix().isBlank() ? rule.title() : placeholders(rule.fix());
        ObjectNode help = d.putObject("help");
        help.put("text", fix);
        help.put("markdown", markdown(fix));
        d.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode props = d.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        if (rule.feature() != null) {
            tags.add(rule.feature());
        }
        tags.add("portability");
        props.put("precision", "high");
        props.put("problem.severity", problemSeverity(rule.severity()));
        return d;
    }

    private static ObjectNode result(LintText.Row row, int ruleIndex, Map<String, Integer> seen) {
        Finding f = row.finding();
        ObjectNode res = NODES.objectNode();
        res.put("ruleId", f.id());
        res.put("ruleIndex", ruleIndex);
        res.put("level", level(f.severity()));
        res.putObject("message").put("text", messageText(f));
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        artifact(physical, row.path());
        ObjectNode region = physical.putObject("region");
        region.put("startLine", row.line());
        region.put("startColumn", row.column());
        // GitHub matches alerts by this hash; the occurrence keeps two identical lines apart
        String hash = Baseline.hash(f.id(), LintText.repoPath(row.path()), row.lineText(), row.target().id());
        int occurrence = seen.merge(hash, 1, Integer::sum);
        res.putObject("partialFingerprints").put("primaryLocationLineHash", hash + ":" + occurrence);
        ObjectNode props = res.putObject("properties");
        props.put("feature", f.feature());
        props.put("severity", f.severity().label());
        props.put("target", row.target().id());
        return res;
    }

    private static ObjectNode notification(InputProblem p) {
        ObjectNode n = NODES.objectNode();
        n.put("level", "error");
        String where = p.where() == null || p.where().isEmpty() ? "" : ":" + p.where();
        n.putObject("message").put("text", p.path() + where + ": " + LintText.oneLine(p.message()));
        ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
        artifact(physical, p.path());
        Matcher m = LINE_COLUMN.matcher(p.where() == null ? "" : p.where());
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", Integer.parseInt(m.group(1)));
            region.put("startColumn", Math.max(1, Integer.parseInt(m.group(2))));
        }
        return n;
    }

    private static void artifact(ObjectNode physical, String path) {
        ObjectNode artifact = physical.putObject("artifactLocation");
        String relative = LintText.repoPath(path);
        try {
            if (Path.of(relative).isAbsolute()) {
                // outside the working directory: GitHub cannot match it, but the URI stays truthful
                artifact.put("uri", Path.of(relative).toUri().toString());
                return;
            }
        } catch (InvalidPathException e) {
            // not a path on this system: write it as a relative reference
        }
        artifact.put("uri", uri(relative));
        artifact.put("uriBaseId", SRCROOT);
    }

    /**
     * A relative path as a URI reference: '/' kept, anything else outside RFC 3986's safe set
     * percent-encoded. An unpaired surrogate, which has no UTF-8 form, becomes U+FFFD (String's
     * own encoding would make it a '?', a character the name does not hold).
     */
    static String uri(String relativePath) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(relativePath)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=@".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] utf8(String s) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8))
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("an encoder that replaces does not fail", e);
        }
    }

    /** GitHub shows only the first sentence in lists, so the message comes before the fix. */
    static String messageText(Finding f) {
        String message = LintText.oneLine(f.message()).strip();
        if (f.fix() == null || f.fix().isBlank()) {
            return message;
        }
        boolean ended = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
        return message + (ended ? " " : ". ") + "Fix: " + LintText.oneLine(f.fix()).strip();
    }

    static String level(Severity s) {
        return switch (s) {
            case BLOCKER, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    private static String problemSeverity(Severity s) {
        return switch (s) {
            case BLOCKER, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "recommendation";
        };
    }

    /** The message template with its placeholders shown as "…"; the title when nothing else is left. */
    static String description(RuleInfo rule) {
        String text = rule.message() == null ? "" : placeholders(rule.message()).strip();
        return text.chars().anyMatch(Character::isLetter) ? text : rule.title();
    }

    private static String placeholders(String template) {
        return template.replaceAll("\\{\\d+}", "…");
    }

    /** {@code Tag opened but never closed} → {@code TagOpenedButNeverClosed}. */
    static String camelCase(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
                        .append(word.substring(Character.charCount(word.codePointAt(0))));
            }
        }
        return out.toString();
    }

    /** Fixes mention tags such as {@code <…>}; escaped so GitHub's Markdown does not read them as HTML. */
    private static String markdown(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
