package dev.promptport.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.promptport.Limits;
import dev.promptport.PromptPortException;
import dev.promptport.tree.Conversation;
import dev.promptport.tree.Extra;
import dev.promptport.tree.Generation;
import dev.promptport.tree.Loc;
import dev.promptport.tree.Part;
import dev.promptport.tree.PromptFileFormat;
import dev.promptport.tree.RawJson;
import dev.promptport.tree.SourceKind;
import dev.promptport.tree.Turn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt files with YAML front matter: Dotprompt ({@code .prompt}: {@code model},
 * {@code config}, a Handlebars body with {@code {{role "system"}}} markers) and Prompty
 * ({@code .prompty}: {@code model.parameters}, a body in {@code system:} / {@code user:}
 * sections). Model settings become generation options; front-matter keys promptport does not
 * use are kept as extras, so a writer can put them back.
 */
public final class FrontMatterPrompt {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Blank and {@code #} lines, then {@code ---}: Dotprompt's own front-matter pattern. */
    private static final Pattern DOTPROMPT_OPEN = Pattern.compile("((?:(?:#[^\\n]*|[ \\t\\r]*)\\n)*)---[ \\t]*\\r?\\n");
    private static final Pattern OPEN = Pattern.compile("()---[ \\t]*\\r?\\n");
    private static final Pattern CLOSE = Pattern.compile("(?m)^---[ \\t]*\\r?$");

    private FrontMatterPrompt() {
    }

    /** Whether the text starts with a {@code ---} front-matter block. */
    public static boolean hasFrontMatter(String text) {
        return hasFrontMatter(text, PromptFileFormat.PROMPTY);
    }

    /**
     * Whether the text starts with a {@code ---} front-matter block; in a Dotprompt file the line
     * may come after blank lines and {@code #} comment lines (a license header), as Dotprompt
     * reads it.
     */
    public static boolean hasFrontMatter(String text, PromptFileFormat flavor) {
        return open(text, flavor) >= 0;
    }

    /**
     * The comment and blank lines before the front matter, which Dotprompt passes over; empty
     * when the file starts with it.
     */
    public static String preamble(String text, PromptFileFormat flavor) {
        int at = open(text, flavor);
        return at <= 0 ? "" : text.substring(0, at);
    }

    /** Where the opening {@code ---} line starts, or -1 when there is none. */
    private static int open(String text, PromptFileFormat flavor) {
        Matcher m = (flavor == PromptFileFormat.DOTPROMPT ? DOTPROMPT_OPEN : OPEN).matcher(text);
        return m.lookingAt() ? m.end(1) : -1;
    }

    public static Conversation read(String text, PromptFileFormat flavor) {
        return read(text, flavor, Limits.DEFAULTS);
    }

    /**
     * The file read for a request.
     *
     * @throws PromptPortException when the front matter is broken, or a
     *     {@link dev.promptport.LimitExceededException} when a section's tags go over {@code limits}
     */
    public static Conversation read(String text, PromptFileFormat flavor, Limits limits) {
        return read(text, flavor, limits, false).conversation();
    }

    /**
     * A prompt file read, and the template syntax in its body that was not kept as text.
     *
     * @param marks what the reader left out of the text, each to be named
     */
    public record Read(Conversation conversation, List<TemplateMark> marks) {
        public Read {
            marks = List.copyOf(marks);
        }
    }

    /**
     * Reads the file for a request, or with {@code writeBack} for a file written back in its own
     * format: that keeps the template syntax its own tool reads (comments, {@code {{history}}},
     * the {@code output} format) where a request has it left out or converted.
     *
     * @throws PromptPortException when the front matter is broken, or a
     *     {@link dev.promptport.LimitExceededException} when a section's tags go over {@code limits}
     */
    public static Read read(String text, PromptFileFormat flavor, Limits limits, boolean writeBack) {
        int open = open(text, flavor);
        if (open < 0) {
            // both formats take a file of the template alone, its roles marked as in any other
            return body(YAML.createObjectNode(), null, text, 1, text, flavor, limits, writeBack);
        }
        int linesBefore = lines(text, open);
        int yamlStart = text.indexOf('\n', open) + 1;
        Matcher close = CLOSE.matcher(text);
        if (!close.find(yamlStart)) {
            throw new PromptPortException("the front matter is not closed with a --- line",
                    Loc.position(linesBefore + 1, 1));
        }
        String yaml = text.substring(yamlStart, close.start());
        int bodyStart = text.indexOf('\n', close.end());
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        int bodyLine = 1 + lines(text, bodyStart < 0 ? text.length() : bodyStart + 1);
        JsonNode meta;
        try {
            meta = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PromptPortException("the front matter is not valid YAML: " + PromptYaml.problem(e),
                    PromptYaml.where(e, linesBefore + 1));
        }
        if (meta == null || !meta.isObject()) {
            meta = YAML.createObjectNode();
        }
        Loc outputAt = flavor == PromptFileFormat.DOTPROMPT && meta.has("output")
                ? Loc.position(linesBefore + 2 + keyLine(yaml.split("\n", -1), -1, "output"), 1) : null;
        return body(meta, outputAt, body, bodyLine, text, flavor, limits, writeBack);
    }

    /** @param text the whole file, for where a setting stands */
    private static Read body(JsonNode meta, Loc outputAt, String body, int bodyLine, String text, PromptFileFormat flavor,
                             Limits limits, boolean writeBack) {
        List<Extra> extras = new ArrayList<>();
        String model;
        JsonNode params;
        if (flavor == PromptFileFormat.PROMPTY && PromptFileFormat.promptyV2Model(meta.path("model"))) {
            // Prompty 2: model.id (or model: as the id alone) and model.options in camelCase;
            // the whole model key is kept, so a file written back keeps this shape
            JsonNode m = meta.path("model");
            model = m.isTextual() ? m.asText() : m.path("id").asText(null);
            params = m.path("options");
            extras.add(new Extra("model", new RawJson(m.toString()), Loc.position(1, 1)));
        } else if (flavor == PromptFileFormat.PROMPTY) {
            JsonNode m = meta.path("model");
            JsonNode conf = m.path("configuration");
            model = conf.path("azure_deployment").asText(conf.path("name").asText(conf.path("model").asText(null)));
            params = m.path("parameters");
            if (m.isObject()) {
                // kept whole, so a file written back keeps the connection settings that still apply
                extras.add(new Extra("model", new RawJson(m.toString()), Loc.position(1, 1)));
            }
        } else {
            model = meta.path("model").asText(null);
            params = meta.path("config");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = meta.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("model") && !e.getKey().equals("config")) {
                extras.add(new Extra(e.getKey(), new RawJson(e.getValue().toString()), Loc.position(1, 1)));
            }
        }
        // a file written back keeps its output key as it came; a request carries it as its reply format
        DotpromptOutput.Reply reply = writeBack || flavor != PromptFileFormat.DOTPROMPT || outputAt == null ? null
                : DotpromptOutput.read(meta.get("output"), outputAt);
        Integer limit = OutputLimit.promptFileOnce(params, limitAt(text, flavor), "maxOutputTokens", "max_tokens");
        Generation gen = new Generation(limit,
                number(params, "temperature", "temperature"), number(params, "topP", "top_p"),
                topK(params, text, flavor), stops(params), null, null, null, reply == null ? null : reply.format());
        List<Part> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        List<TemplateMark> marks = new ArrayList<>();
        PromptBody.read(body, bodyLine, flavor, writeBack, limits, system, turns, marks);
        return new Read(new Conversation(SourceKind.PROMPT_FILE, model, system, turns, List.of(), null, gen, null, extras),
                marks);
    }

    /**
     * A front-matter setting a request written from the file does not carry: its dotted name and
     * line, and whether a file written back in the same format keeps it.
     */
    public record Unsent(String name, Loc loc, boolean keptInFile) {
    }

    /** The settings promptport reads from {@code config}, {@code model.parameters} or {@code model.options}. */
    private static final java.util.Set<String> READ_SETTINGS = java.util.Set.of("maxOutputTokens", "max_tokens",
            "temperature", "topP", "top_p", "topK", "top_k", "stopSequences", "stop");

    /**
     * The front-matter settings that shape the request but are not written into one: model
     * settings promptport does not read, a reply format the request cannot carry ({@code outputs},
     * an {@code output} in another format than JSON or with a schema registered by name) and
     * tools. A file written back in its own format keeps them; a request leaves them out, so each
     * is named. Empty when the file has no readable front matter.
     */
    public static List<Unsent> unsent(String text, PromptFileFormat flavor) {
        int open = flavor == PromptFileFormat.PROMPT_YAML ? -1 : open(text, flavor);
        if (open < 0) {
            return List.of();
        }
        int yamlStart = text.indexOf('\n', open) + 1;
        Matcher close = CLOSE.matcher(text);
        if (!close.find(yamlStart)) {
            return List.of();
        }
        String yaml = text.substring(yamlStart, close.start());
        JsonNode meta;
        try {
            meta = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
        if (meta == null || !meta.isObject()) {
            return List.of();
        }
        String[] lines = yaml.split("\n", -1);
        int first = lines(text, yamlStart) + 1;
        List<Unsent> out = new ArrayList<>();
        for (String key : List.of("output", "outputs", "tools")) {
            if (meta.has(key) && !(flavor == PromptFileFormat.DOTPROMPT && key.equals("outputs"))
                    && !(flavor == PromptFileFormat.DOTPROMPT && key.equals("output")
                            && DotpromptOutput.read(meta.get(key), Loc.NONE) != null)) {
                out.add(new Unsent(key, Loc.position(first + keyLine(lines, -1, key), 1), true));
            }
        }
        JsonNode model = meta.path("model");
        String[] path = flavor == PromptFileFormat.DOTPROMPT ? new String[] {"config"}
                : PromptFileFormat.promptyV2Model(model) ? new String[] {"model", "options"} : new String[] {"model", "parameters"};
        JsonNode settings = meta;
        int line = -1;
        for (String p : path) {
            settings = settings.path(p);
            line = keyLine(lines, line, p);
        }
        if (settings.isObject()) {
            for (Iterator<String> it = settings.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!READ_SETTINGS.contains(key)) {
                    int at = keyLine(lines, line, key);
                    String indent = lines[Math.max(at, 0)];
                    // the writer rebuilds config and parameters from what it read; Prompty 2's options keep the rest
                    out.add(new Unsent(String.join(".", path) + "." + key, Loc.position(first + Math.max(at, 0),
                            1 + indent.length() - indent.stripLeading().length()), path[path.length - 1].equals("options")));
                }
            }
        }
        return out;
    }

    /** The output limit's names: Dotprompt's, Prompty's and GitHub's ({@code modelParameters} takes both of OpenAI's). */
    private static final List<String> MAX_KEYS = List.of("maxOutputTokens", "max_tokens", "max_completion_tokens");

    /** A request field's names in prompt files: Dotprompt's and Prompty 2's camelCase, Prompty 1's and GitHub's snake_case. */
    private static final Map<String, List<String>> SETTING_KEYS = Map.of(
            "top_k", List.of("topK", "top_k"), "top_p", List.of("topP", "top_p"),
            "temperature", List.of("temperature"),
            "max_tokens", MAX_KEYS, "max_completion_tokens", MAX_KEYS, "max_output_tokens", MAX_KEYS,
            "stop", List.of("stopSequences", "stop"), "stop_sequences", List.of("stopSequences", "stop"));

    /**
     * Where a prompt file sets the request field a finding points at ({@code /top_k}): the line
     * and column of the setting's key, so a prompt file's findings are placed by line and column
     * like the rest. {@code null} when the file does not set it.
     */
    public static Loc settingAt(String text, PromptFileFormat flavor, String pointer) {
        if (pointer == null || pointer.length() < 2) {
            return null;
        }
        int slash = pointer.indexOf('/', 1);
        List<String> keys = SETTING_KEYS.get(pointer.substring(1, slash < 0 ? pointer.length() : slash));
        if (keys == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        if (flavor != PromptFileFormat.PROMPT_YAML) {
            int open = open(text, flavor);
            if (open < 0) {
                return null;
            }
            from = text.indexOf('\n', open) + 1;
            Matcher close = CLOSE.matcher(text);
            if (!close.find(from)) {
                return null;
            }
            to = close.start();
        }
        Matcher m = Pattern.compile("(?m)^([ \\t]+)[\"']?(" + String.join("|", keys) + ")[\"']?[ \\t]*:").matcher(text)
                .region(from, to);
        if (!m.find()) {
            return null;
        }
        return Loc.position(1 + lines(text, m.start()), 1 + m.group(1).length());
    }

    /** Where the file sets its output limit; its first line when the key is not on a line of its own. */
    static Loc limitAt(String text, PromptFileFormat flavor) {
        Loc at = settingAt(text, flavor, "/max_tokens");
        return at == null ? Loc.position(1, 1) : at;
    }

    /**
     * Where the front matter sets a key given by its dotted name
     * ({@code model.configuration.azure_endpoint}): the line and column of its last part, or of
     * the nearest part above it that is there; the file's first line when there is no front matter.
     */
    public static Loc keyAt(String text, PromptFileFormat flavor, String dotted) {
        int open = open(text, flavor);
        if (open < 0) {
            return Loc.position(1, 1);
        }
        int yamlStart = text.indexOf('\n', open) + 1;
        Matcher close = CLOSE.matcher(text);
        String[] lines = text.substring(yamlStart, close.find(yamlStart) ? close.start() : text.length()).split("\n", -1);
        int at = -1;
        for (String key : dotted.split("\\.")) {
            at = keyLine(lines, at, key);
        }
        String line = lines[Math.max(at, 0)];
        return Loc.position(lines(text, yamlStart) + 1 + Math.max(at, 0), 1 + line.length() - line.stripLeading().length());
    }

    /** The index of the first line after {@code after} that sets {@code key}, or {@code after} when none does. */
    private static int keyLine(String[] lines, int after, String key) {
        Pattern p = Pattern.compile((after < 0 ? "^" : "^[ \\t]+") + "[\"']?" + Pattern.quote(key) + "[\"']?[ \\t]*:");
        for (int i = after + 1; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i;
            }
        }
        return Math.max(after, 0);
    }

    private static int lines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The file's top-k; one that is not a whole number is an input error at its key, as a request's is. */
    private static Integer topK(JsonNode params, String text, PromptFileFormat flavor) {
        String key = params.has("topK") ? "topK" : "top_k";
        JsonNode v = params.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        Loc at = settingAt(text, flavor, "/top_k");
        at = at == null ? Loc.position(1, 1) : at;
        if (!v.canConvertToInt() || !v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble())) {
            throw new PromptPortException(key + " must be a whole number, not "
                    + (v.isTextual() ? "the text \"" + v.asText() + "\"" : v.toString()), at);
        }
        return v.asInt();
    }

    private static Double number(JsonNode params, String camel, String snake) {
        JsonNode v = params.has(camel) ? params.get(camel) : params.get(snake);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static List<String> stops(JsonNode params) {
        return stopList(params.has("stopSequences") ? params.get("stopSequences") : params.get("stop"));
    }

    /** Stop sequences written as a list or as one string; {@code null} when absent. */
    static List<String> stopList(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }
}
