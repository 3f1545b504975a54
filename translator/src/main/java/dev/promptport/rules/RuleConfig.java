package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.Severity;
import dev.promptport.tree.Loc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * A team's settings from {@code .promptport.yaml}, found in the current folder or a parent:
 *
 * <pre>
 * targets: [openai:gpt-4o, openai:o3]   # default --to
 * fail_on: high                         # default lint threshold
 * disable: [PP116]                      # rules turned off
 * severity: {PP102: low}                # severity overrides
 * ignore: ["**&#47;expected/**"]            # paths audit and lint skip
 * rules: [promptport-rules/]            # extra rule files or folders
 * suppress:                             # findings to drop for matching paths (JSON requests)
 *   - {path: "requests/legacy/**", rules: [PP113]}
 * models:                               # your own targets, with the keys of rules/targets.yaml
 *   - {id: "ollama:qwen2.5:32b", like: "ollama:llama3.1", context_window: 32768}
 * </pre>
 *
 * An empty file, or one of comments only, is no settings.
 *
 * @param base the folder holding the file; relative paths and globs are relative to it
 * @param places where each setting was written, for errors found once the rules are known
 */
public record RuleConfig(Path base, List<String> targets, Severity failOn, Set<String> disabled,
                         Map<String, Severity> severities, List<String> ignore, List<Path> ruleFiles,
                         List<Suppression> suppress, List<dev.promptport.Target> models, Places places) {

    public static final String FILE_NAME = ".promptport.yaml";
    public static final RuleConfig NONE = new RuleConfig(null, List.of(), null, Set.of(), Map.of(), List.of(),
            List.of(), List.of(), List.of(), Places.NONE);

    /** The settings, in the order the README lists them. */
    private static final List<String> KEYS = List.of("targets", "fail_on", "disable", "severity", "ignore", "rules",
            "suppress", "models");

    /**
     * Where the settings were written: an error about one, found after the file was read (a rule
     * id the rules in force lack, a target of an unknown vendor), names its file, line and column.
     */
    public static final class Places {
        static final Places NONE = new Places(null);

        private final YamlLocations yaml;

        private Places(YamlLocations yaml) {
            this.yaml = yaml;
        }

        /** {@code file:line:column: problem} for the value at {@code pointer} ({@code /targets/1}). */
        public PromptPortException error(String pointer, String problem) {
            return yaml == null ? new PromptPortException(problem, Loc.NONE) : yaml.error(pointer, problem);
        }

        /**
         * The error for the entry {@code value} of the list or mapping at {@code pointer}
         * ({@code PP999} in {@code disable: [PP116, PP999]}), at the entry's place.
         */
        PromptPortException errorAtEntry(String pointer, String value, String problem) {
            if (yaml == null) {
                return error(pointer, problem);
            }
            JsonNode container = yaml.root().at(pointer);
            for (int i = 0; container.isArray() && i < container.size(); i++) {
                if (value.equals(container.get(i).asText())) {
                    return error(pointer + "/" + i, problem);
                }
            }
            return error(container.isObject() ? pointer + "/" + value.replace("~", "~0").replace("/", "~1") : pointer,
                    problem);
        }
    }

    /** An error at a setting's place, as {@link Places#error}. */
    public PromptPortException error(String pointer, String problem) {
        return places.error(pointer, problem);
    }

    /** Rules to drop for paths matching {@code glob}; an empty set drops every rule. */
    public record Suppression(String glob, Set<String> rules) {
    }

    public RuleConfig {
        targets = List.copyOf(targets);
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        ignore = List.copyOf(ignore);
        ruleFiles = List.copyOf(ruleFiles);
        suppress = List.copyOf(suppress);
        models = List.copyOf(models);
        places = places == null ? Places.NONE : places;
    }

    /** The nearest {@code .promptport.yaml} at or above {@code start}, or {@link #NONE}. */
    public static RuleConfig find(Path start) {
        Path file = nearest(start);
        return file == null ? NONE : load(file);
    }

    /** The nearest {@code .promptport.yaml} at or above {@code start} (a file or a folder), or null. */
    public static Path nearest(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (Files.isRegularFile(dir)) {
            dir = dir.getParent();
        }
        while (dir != null) {
            Path file = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return file;
            }
            dir = dir.getParent();
        }
        return null;
    }

    public static RuleConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PromptPortException(file + ": cannot be read: " + e.getMessage(), Loc.NONE, e);
        }
        return of(file, text);
    }

    /** The settings {@code text} holds, read from {@code file} (which errors name, and paths are relative to). */
    public static RuleConfig of(Path file, String text) {
        return parse(file.toString(), text, file.toAbsolutePath().getParent());
    }

    static RuleConfig parse(String name, String text, Path base) {
        YamlLocations yaml = YamlLocations.read(name, text);
        JsonNode root = yaml.root();
        if (root.isMissingNode() || root.isNull() || root.isObject() && root.isEmpty()) {
            return NONE; // empty, comments only, or a lone "---": every setting is optional
        }
        if (!root.isObject()) {
            throw yaml.error("", "the settings must be a mapping of " + String.join(", ", KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw yaml.error("/" + key, "unknown setting \"" + key + "\" (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        Severity failOn = null;
        if (root.hasNonNull("fail_on")) {
            failOn = severity(yaml, "/fail_on", root.get("fail_on").asText());
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        JsonNode sev = root.path("severity");
        if (!sev.isMissingNode() && !sev.isObject()) {
            throw yaml.error("/severity", "\"severity\" must map rule ids to severities, e.g. {PP102: low}");
        }
        sev.fields().forEachRemaining(e -> severities.put(e.getKey(), severity(yaml, "/severity/" + e.getKey(), e.getValue().asText())));
        List<Path> ruleFiles = new ArrayList<>();
        for (String r : strings(yaml, root, "rules")) {
            ruleFiles.add(base == null ? Path.of(r) : base.resolve(r).normalize());
        }
        List<Suppression> suppress = new ArrayList<>();
        JsonNode sup = root.path("suppress");
        if (!sup.isMissingNode() && !sup.isArray()) {
            throw yaml.error("/suppress", "\"suppress\" must be a list of {path, rules}");
        }
        for (int i = 0; i < sup.size(); i++) {
            JsonNode s = sup.get(i);
            if (!s.hasNonNull("path")) {
                throw yaml.error("/suppress/" + i, "each suppress entry needs a \"path\" glob");
            }
            String glob = glob(yaml, "/suppress/" + i + "/path", s.get("path").asText());
            List<String> ids = new ArrayList<>();
            s.path("rules").forEach(n -> ids.add(n.asText()));
            suppress.add(new Suppression(glob, Set.copyOf(ids)));
        }
        List<dev.promptport.Target> models = new ArrayList<>();
        JsonNode ms = root.path("models");
        if (!ms.isMissingNode() && !ms.isArray()) {
            throw yaml.error("/models", "\"models\" must be a list of models with the keys of rules/targets.yaml");
        }
        for (int i = 0; i < ms.size(); i++) {
            JsonNode m = ms.get(i);
            ModelEntries.check(yaml, "/models/" + i, m);
            dev.promptport.ModelFacts like = null;
            if (m.hasNonNull("like")) {
                dev.promptport.Target likeTarget;
                try {
                    likeTarget = Catalogue.builtIn().target(m.get("like").asText());
                } catch (PromptPortException e) {
                    throw yaml.error("/models/" + i + "/like", e.getMessage());
                }
                if (likeTarget.borrowsFacts()) {
                    // a model's own facts start from a listed model's, not from a guess
                    throw yaml.error("/models/" + i + "/like", "like: \"" + m.get("like").asText()
                            + "\" names a model promptport does not list; name one of rules/targets.yaml"
                            + " (the closest is " + likeTarget.factsFrom() + ")");
                }
                like = likeTarget.facts();
            }
            try {
                models.add(Catalogue.target(m, like));
            } catch (IllegalArgumentException e) {
                throw yaml.error("/models/" + i, e.getMessage());
            }
        }
        List<String> ignore = strings(yaml, root, "ignore");
        for (int i = 0; i < ignore.size(); i++) {
            glob(yaml, "/ignore/" + i, ignore.get(i));
        }
        return new RuleConfig(base, strings(yaml, root, "targets"), failOn, Set.copyOf(strings(yaml, root, "disable")),
                severities, ignore, ruleFiles, suppress, models, new Places(yaml));
    }

    /** {@code glob}, once it is known to compile: a bad one is an error at its place, not when the first path is matched. */
    private static String glob(YamlLocations yaml, String at, String glob) {
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            String why = e.getDescription();
            // the JDK's own words leave the quote open: "Missing '}"
            why = why.matches("Missing '.") ? why + "'" : why;
            throw yaml.error(at, "\"" + glob + "\" is not a valid glob: " + why + " at character " + (e.getIndex() + 1)
                    + "; write \\[ or \\{ for a bracket or brace meant as itself");
        }
        return glob;
    }

    /** Whether {@code path} is one the settings tell audit and lint to skip. */
    public boolean ignores(Path path) {
        return matchesAny(ignore, path);
    }

    /** The rules suppressed for {@code path}: null for none, an empty set for all. */
    public Set<String> suppressedFor(Path path) {
        Set<String> all = null;
        for (Suppression s : suppress) {
            if (matchesAny(List.of(s.glob()), path)) {
                if (s.rules().isEmpty()) {
                    return Set.of();
                }
                all = all == null ? new java.util.HashSet<>() : all;
                all.addAll(s.rules());
            }
        }
        return all;
    }

    private boolean matchesAny(List<String> globs, Path path) {
        if (globs.isEmpty()) {
            return false;
        }
        Path abs = path.toAbsolutePath().normalize();
        Path rel = base != null && abs.startsWith(base) ? base.relativize(abs) : path.normalize();
        for (String g : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
            // as in .gitignore, a leading **/ also matches at the top level
            if (m.matches(rel) || g.startsWith("**/")
                    && FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)).matches(rel)) {
                return true;
            }
        }
        return false;
    }

    private static Severity severity(YamlLocations yaml, String at, String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw yaml.error(at, e.getMessage());
        }
    }

    private static List<String> strings(YamlLocations yaml, JsonNode root, String key) {
        JsonNode n = root.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw yaml.error("/" + key, "\"" + key + "\" must be a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asText()));
        return out;
    }
}
