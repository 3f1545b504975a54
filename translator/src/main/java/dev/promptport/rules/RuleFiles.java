package dev.promptport.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.promptport.PromptPortException;
import dev.promptport.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule files. Strict, like Semgrep's schema: an unknown key, a missing field, a bad
 * severity or a regular expression RE2 cannot compile is an error naming the file, the line
 * and what is wrong.
 */
public final class RuleFiles {

    /** The request features a finding may name; reports group by them and scripts rely on them. */
    public static final Set<String> FEATURES = Set.of("xml_tags", "output_tags", "prefill", "thinking",
            "thinking_history", "top_k", "temperature", "stop_sequences", "cache_control", "tools", "server_tools",
            "tool_choice", "images", "documents", "citations", "context_window", "max_output", "metadata",
            "unknown_field", "legacy_format", "self_reference", "placeholders", "structure", "schema",
            "sampling", "model");

    static final Set<String> KINDS = Set.of("step", "pattern", "field", "tag", "part", "capability");
    private static final Set<String> KEYS = Set.of("id", "title", "feature", "severity", "effort", "targets", "match",
            "rewrite", "message", "fix");
    private static final Map<String, Set<String>> MATCH_KEYS = Map.of(
            "step", Set.of("kind"),
            "pattern", Set.of("kind", "regex", "scope", "ignore_case", "literals", "skip_examples", "unless"),
            "field", Set.of("kind", "field"),
            "tag", Set.of("kind", "name"),
            "part", Set.of("kind", "part"),
            "capability", Set.of("kind", "check"));
    static final Set<String> SCOPES = Set.of("prompt", "system", "user");
    static final Set<String> PARTS = Set.of("image", "document", "tool_call", "tool_result", "reasoning", "unknown");
    static final Set<String> CHECKS = Set.of("context_window", "no_max_tokens", "tool_count", "schema_root",
            "image_format");

    private RuleFiles() {
    }

    /** The rules in one file's text; {@code builtIn} files may use {@code kind: step}. */
    public static List<RuleInfo> parse(String file, String text, boolean builtIn) {
        YamlLocations yaml = YamlLocations.read(file, text);
        JsonNode rules = yaml.root().path("rules");
        if (!rules.isArray()) {
            throw yaml.error("", "a rule file needs a top-level \"rules:\" list");
        }
        List<RuleInfo> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rule(yaml, rules.get(i), "/rules/" + i, file, builtIn);
            if (seen.put(r.id(), file) != null) {
                throw yaml.error("/rules/" + i + "/id", "rule " + r.id() + " is defined twice");
            }
            out.add(r);
        }
        return out;
    }

    private static RuleInfo rule(YamlLocations yaml, JsonNode r, String at, String file, boolean builtIn) {
        if (!r.isObject()) {
            throw yaml.error(at, "each rule must be a mapping with id, title, feature, severity, match, message and fix");
        }
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw yaml.error(at + "/" + key, "unknown key \"" + key + "\" in a rule (allowed: " + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        String id = required(yaml, r, at, "id");
        if (!validId(id)) {
            throw yaml.error(at + "/id", "rule id \"" + id + "\" must start with a letter and use only letters, digits, _ and -");
        }
        String feature = required(yaml, r, at, "feature");
        if (!FEATURES.contains(feature)) {
            throw yaml.error(at + "/feature", "rule " + id + ": unknown feature \"" + feature + "\" (one of: "
                    + String.join(", ", sorted(FEATURES)) + ")");
        }
        Severity severity;
        try {
            severity = Severity.parse(required(yaml, r, at, "severity"));
        } catch (IllegalArgumentException e) {
            throw yaml.error(at + "/severity", "rule " + id + ": " + e.getMessage());
        }
        int effort = 5;
        if (r.has("effort")) {
            if (!r.get("effort").canConvertToInt() || r.get("effort").asInt() < 0) {
                throw yaml.error(at + "/effort", "rule " + id + ": effort must be a whole number of minutes");
            }
            effort = r.get("effort").asInt();
        }
        List<String> targets = new ArrayList<>();
        if (r.has("targets")) {
            if (!r.get("targets").isArray()) {
                throw yaml.error(at + "/targets", "rule " + id + ": targets must be a list");
            }
            r.get("targets").forEach(t -> targets.add(t.asText()));
        }
        Map<String, String> match = match(yaml, r.get("match"), at + "/match", id, builtIn);
        String rewrite = r.hasNonNull("rewrite") ? r.get("rewrite").asText() : null;
        String message = required(yaml, r, at, "message");
        String fix = required(yaml, r, at, "fix");
        List<String> fills = FILLS.get(match.get("kind").equals("capability") ? match.get("check") : match.get("kind"));
        if (fills != null) {
            placeholders(yaml, at + "/message", id, message, fills);
            placeholders(yaml, at + "/fix", id, fix, fills);
        }
        return new RuleInfo(id, required(yaml, r, at, "title"), feature, severity, effort, targets, match, rewrite,
                message, fix, file);
    }

    /**
     * What fills {0}, {1}, … in the message and fix of a rule of each match kind (of each check
     * for a capability); a step of the built-in pack fills its own.
     */
    private static final Map<String, List<String>> FILLS = Map.of(
            "pattern", List.of("the text matched", "the target"),
            "tag", List.of("the tag's name", "the target"),
            "field", List.of("the field's value", "the target"),
            "part", List.of("the part's kind", "the target"),
            "context_window", List.of("the prompt's tokens", "\" and asks for up to N more\" when max_tokens is set", "the target",
                    "the target's context window"),
            "no_max_tokens", List.of("the target", "the target's output limit"),
            "tool_count", List.of("the number of tools", "the target", "the target's limit"),
            "schema_root", List.of("the tool's name", "its schema's root type", "the target"),
            "image_format", List.of("the image's media type", "the target"));

    /** A placeholder past what the match fills would print as nothing: the rule's author hears of it at once. */
    private static void placeholders(YamlLocations yaml, String at, String id, String template, List<String> fills) {
        for (int brace = template.indexOf('{'); brace >= 0 && brace + 2 < template.length(); brace = template.indexOf('{', brace + 1)) {
            char digit = template.charAt(brace + 1);
            if (digit >= '0' && digit <= '9' && template.charAt(brace + 2) == '}' && digit - '0' >= fills.size()) {
                StringBuilder filled = new StringBuilder();
                for (int k = 0; k < fills.size(); k++) {
                    filled.append(k == 0 ? "" : k + 1 == fills.size() ? " and " : ", ").append('{').append(k).append("} ")
                            .append(fills.get(k));
                }
                throw yaml.error(at, "rule " + id + ": {" + digit + "} stands for nothing here; this match fills only " + filled);
            }
        }
    }

    private static Map<String, String> match(YamlLocations yaml, JsonNode m, String at, String id, boolean builtIn) {
        if (m == null || !m.isObject()) {
            throw yaml.error(at, "rule " + id + ": \"match\" must be a mapping with a \"kind\" ("
                    + String.join(", ", sorted(KINDS)) + ")");
        }
        String kind = m.path("kind").asText("");
        if (!KINDS.contains(kind) || ("step".equals(kind) && !builtIn)) {
            throw yaml.error(at + "/kind", "rule " + id + ": match kind \"" + kind + "\" is not one of "
                    + String.join(", ", sorted(builtIn ? KINDS : Set.of("pattern", "field", "tag", "part", "capability"))));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!MATCH_KEYS.get(kind).contains(e.getKey())) {
                throw yaml.error(at + "/" + e.getKey(), "rule " + id + ": \"" + e.getKey() + "\" is not a parameter of match kind "
                        + kind + " (allowed: " + String.join(", ", sorted(MATCH_KEYS.get(kind))) + ")");
            }
            JsonNode v = e.getValue();
            if (v.isArray()) {
                // lists (literals) travel as one value, one entry per line
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                out.put(e.getKey(), String.join("\n", items));
            } else {
                out.put(e.getKey(), v.asText());
            }
        }
        switch (kind) {
            case "pattern" -> {
                String regex = out.get("regex");
                if (regex == null || regex.isEmpty()) {
                    throw yaml.error(at, "rule " + id + ": a pattern needs a \"regex\"");
                }
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw yaml.error(at + "/regex", "rule " + id + ": the regex does not compile (RE2 syntax): " + e.getMessage());
                }
                try {
                    if (out.containsKey("unless")) {
                        Pattern.compile(out.get("unless"));
                    }
                } catch (PatternSyntaxException e) {
                    throw yaml.error(at + "/unless", "rule " + id + ": the unless regex does not compile (RE2 syntax): "
                            + e.getMessage());
                }
                if (out.containsKey("scope") && !SCOPES.contains(out.get("scope"))) {
                    throw yaml.error(at + "/scope", "rule " + id + ": scope must be prompt, system or user");
                }
            }
            case "field" -> {
                if (!out.getOrDefault("field", "").startsWith("/")) {
                    throw yaml.error(at, "rule " + id + ": a field match needs \"field\" as a JSON pointer such as /top_k");
                }
            }
            case "tag" -> {
                if (out.getOrDefault("name", "").isEmpty()) {
                    throw yaml.error(at, "rule " + id + ": a tag match needs the tag's \"name\"");
                }
            }
            case "part" -> {
                if (!PARTS.contains(out.getOrDefault("part", ""))) {
                    throw yaml.error(at, "rule " + id + ": \"part\" must be one of " + String.join(", ", sorted(PARTS)));
                }
            }
            case "capability" -> {
                if (!CHECKS.contains(out.getOrDefault("check", ""))) {
                    throw yaml.error(at, "rule " + id + ": \"check\" must be one of " + String.join(", ", sorted(CHECKS)));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * A letter, then up to 39 letters, digits, '_' or '-'. Checked by hand: a regular expression
     * compiled for each rule of the built-in pack cost a start-up 7 ms.
     */
    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 40 || !asciiLetter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static String required(YamlLocations yaml, JsonNode r, String at, String key) {
        JsonNode v = r.get(key);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            String id = r.path("id").asText("");
            throw yaml.error(at, (id.isEmpty() ? "a rule" : "rule " + id) + " has no \"" + key + "\"");
        }
        return v.asText();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
