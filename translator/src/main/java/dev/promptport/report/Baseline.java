package dev.promptport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptport.Finding;
import dev.promptport.risk.Risk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted as existing debt, so a lint run fails only on new ones.
 *
 * <pre>
 * {"version": 1, "findings": [{"path", "target", "id", "fingerprint"}]}
 * </pre>
 *
 * A fingerprint hashes the path, target, rule id, the flagged line's trimmed text and the
 * message, but not the line number: a finding that only moved does not fire again. Entries
 * are counted, so a second identical finding in a file is new when the baseline holds one.
 * Paths are stored relative with forward slashes, so a baseline works on every machine: named
 * by {@link BaselineNames}, from the baseline file's folder as the command line writes them.
 */
public final class Baseline {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String[] FIELDS = {"path", "target", "id", "fingerprint"};

    /** One accepted finding. */
    record Entry(String path, String target, String id, String fingerprint) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::target)
            .thenComparing(Entry::id).thenComparing(Entry::fingerprint);

    private final Map<Entry, Integer> counts;

    private Baseline(Map<Entry, Integer> counts) {
        this.counts = Map.copyOf(counts);
    }

    /** How many findings the baseline accepts. */
    public int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every finding of {@code r} as a baseline file naming paths from the working directory. */
    public static String write(AuditResult r) {
        return write(r, BaselineNames.WORKING_DIRECTORY);
    }

    /** Every finding of {@code r} as a baseline file, its files named by {@code names}, sorted so that it diffs well. */
    public static String write(AuditResult r, BaselineNames names) {
        List<Entry> entries = new ArrayList<>();
        for (FileResult file : r.files()) {
            String path = names.name(file.path());
            for (LintText.Row row : LintText.rows(file, r.limits())) {
                entries.add(entry(row, path));
            }
        }
        entries.sort(ORDER);
        return PrettyJson.write(g -> {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("findings");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeStringField("target", e.target());
                g.writeStringField("id", e.id());
                g.writeStringField("fingerprint", e.fingerprint());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** @throws IllegalArgumentException naming what is wrong, when {@code json} is not a baseline file */
    public static Baseline read(String json) {
        JsonNode root;
        String text = json == null ? "" : json;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // editors on Windows save one; requests and prompts accept it too
        }
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("the baseline is not JSON" + (at == null ? "" : " (at "
                    + at.getLineNr() + ":" + at.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the baseline is not a JSON object"
                    + " (expected {\"version\": 1, \"findings\": [...]})");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.intValue() != 1) {
            throw new IllegalArgumentException((version == null ? "the baseline has no \"version\""
                    : "the baseline has version " + version) + "; this promptport reads version 1");
        }
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new IllegalArgumentException("the baseline has no \"findings\" array");
        }
        Map<Entry, Integer> counts = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode f = findings.get(i);
            String[] v = new String[FIELDS.length];
            for (int k = 0; k < FIELDS.length; k++) {
                JsonNode field = f.get(FIELDS[k]);
                if (field == null || !field.isTextual()) {
                    throw new IllegalArgumentException("baseline finding " + (i + 1) + " (/findings/" + i
                            + ") has no \"" + FIELDS[k] + "\" string");
                }
                v[k] = field.textValue();
            }
            counts.merge(new Entry(v[0], v[1], v[2], v[3]), 1, Integer::sum);
        }
        return new Baseline(counts);
    }

    /** {@code r} without the findings this baseline accepts, its paths named from the working directory. */
    public AuditResult filter(AuditResult r) {
        return filter(r, BaselineNames.WORKING_DIRECTORY);
    }

    /**
     * {@code r} without the findings this baseline accepts, its files named by {@code names};
     * each file's risk is recomputed. Each entry accepts one finding.
     */
    public AuditResult filter(AuditResult r, BaselineNames names) {
        Map<Entry, Integer> left = new HashMap<>(counts);
        List<FileResult> files = new ArrayList<>();
        for (FileResult file : r.files()) {
            List<String> paths = names.names(file.path());
            List<List<Finding>> kept = new ArrayList<>();
            file.targets().forEach(t -> kept.add(new ArrayList<>()));
            for (LintText.Row row : LintText.rows(file, r.limits())) {
                if (!accept(left, row, paths)) {
                    kept.get(row.targetIndex()).add(row.finding());
                }
            }
            List<TargetResult> targets = new ArrayList<>();
            for (int i = 0; i < file.targets().size(); i++) {
                TargetResult t = file.targets().get(i);
                targets.add(new TargetResult(t.target(), Risk.of(kept.get(i)), kept.get(i), t.output()));
            }
            files.add(new FileResult(file.path(), file.kind(), file.source(), targets));
        }
        return r.withFiles(files);
    }

    /** Takes one entry for {@code row} under the first of its {@code paths} that has one left. */
    private static boolean accept(Map<Entry, Integer> left, LintText.Row row, List<String> paths) {
        for (String path : paths) {
            Entry e = entry(row, path);
            if (left.getOrDefault(e, 0) > 0) {
                left.merge(e, -1, Integer::sum);
                return true;
            }
        }
        return false;
    }

    private static Entry entry(LintText.Row row, String path) {
        String target = row.target().id();
        String id = row.finding().id();
        return new Entry(path, target, id, hash(path, target, id, row.lineText(), row.finding().message()));
    }

    /** A short stable hash of {@code parts}: 16 hex digits of their SHA-256. */
    static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0); // a separator, so ("ab", "c") and ("a", "bc") differ
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
