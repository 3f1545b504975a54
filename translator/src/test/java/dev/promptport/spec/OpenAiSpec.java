package dev.promptport.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Test oracle: OpenAI's official OpenAPI 3.1 spec ({@code shared/specs/openai/openapi.yaml}), used to
 * validate every request the translator produces. Mirrors {@code shared/tools/validate/validate.py}:
 * <ul>
 *   <li>{@link #validateChatRequest} / {@link #validateResponsesRequest}: its ERROR level (violations of
 *       {@code CreateChatCompletionRequest} / {@code CreateResponse}) plus its RULE level (limits stated
 *       only in descriptions: function names {@code ^[a-zA-Z0-9_-]{1,64}$}), each {@code "$.path: message"};</li>
 *   <li>{@link #warnings} / {@link #responsesWarnings}: its WARN level (undeclared fields where the
 *       object is open, deprecated fields). promptport aims for zero warnings.</li>
 * </ul>
 * The spec is parsed once per JVM ({@link #load()}); each request schema is compiled once, on first use.
 * When the shared folder is absent (a plain clone), {@link #require()} skips the calling test.
 */
public final class OpenAiSpec {

    public static final String SKIP_MESSAGE = "../shared/specs not present: spec validation skipped";
    public static final String CHAT_REQUEST = "CreateChatCompletionRequest";
    public static final String RESPONSES_REQUEST = "CreateResponse";
    static final Pattern OPENAI_FN_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    static final Path SPEC_IN_SHARED = Path.of("specs", "openai", "openapi.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sharedDir;
    private final Path specFile;
    /** every components/schemas entry, converted to JSON Schema 2020-12 ($refs rewritten to #/$defs/X). */
    private final ObjectNode converted;
    private final long loadMillis;
    private final Map<String, SchemaTarget> targets = new ConcurrentHashMap<>();

    /** Findings of one request, by level (as validate.py prints them). */
    public record Report(List<String> errors, List<String> rules, List<String> warnings) {
        /** ERROR + RULE: what makes validate.py exit 1. */
        public List<String> failures() {
            List<String> out = new ArrayList<>(errors);
            out.addAll(rules);
            return out;
        }

        /** everything, prefixed with the level: what makes {@code validate.py --strict} exit 1. */
        public List<String> all() {
            List<String> out = new ArrayList<>();
            errors.forEach(e -> out.add("ERROR " + e));
            rules.forEach(e -> out.add("RULE  " + e));
            warnings.forEach(e -> out.add("WARN  " + e));
            return out;
        }

        public boolean clean() {
            return errors.isEmpty() && rules.isEmpty() && warnings.isEmpty();
        }
    }

    private static final class Holder {
        static final Optional<OpenAiSpec> INSTANCE = loadFrom(locateSharedDir());
    }

    private OpenAiSpec(Path sharedDir, Path specFile, ObjectNode converted, long loadMillis) {
        this.sharedDir = sharedDir;
        this.specFile = specFile;
        this.converted = converted;
        this.loadMillis = loadMillis;
    }

    // ------------------------------------------------------------------------------------------ loading

    /** The spec, parsed once per JVM; empty when the shared folder (or the spec in it) is absent. */
    public static Optional<OpenAiSpec> load() {
        return Holder.INSTANCE;
    }

    /** The spec, or skips the calling test (JUnit assumption) with {@link #SKIP_MESSAGE}. */
    public static OpenAiSpec require() {
        Optional<OpenAiSpec> spec = load();
        Assumptions.assumeTrue(spec.isPresent(), SKIP_MESSAGE);
        return spec.get();
    }

    /**
     * The shared folder: system property {@code promptport.shared}; else {@code <promptport.root>/../shared}
     * (surefire sets {@code promptport.root} to the repository root); else {@code ../shared} (or
     * {@code ../../shared} when run from a module folder) relative to the working directory.
     */
    static Path locateSharedDir() {
        String explicit = System.getProperty("promptport.shared");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String root = System.getProperty("promptport.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root).toAbsolutePath().normalize().resolve("..").resolve("shared").normalize();
        }
        Path one = Path.of("..", "shared").toAbsolutePath().normalize();
        Path two = Path.of("..", "..", "shared").toAbsolutePath().normalize();
        return !Files.isRegularFile(one.resolve(SPEC_IN_SHARED)) && Files.isRegularFile(two.resolve(SPEC_IN_SHARED))
                ? two : one;
    }

    /** Parses the spec under {@code sharedDir} (uncached; prefer {@link #load()}). Empty when the file is absent. */
    static Optional<OpenAiSpec> loadFrom(Path sharedDir) {
        Path file = sharedDir.resolve(SPEC_IN_SHARED);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // SnakeYAML's default (3 MiB) is barely above the spec's size
        options.setMaxAliasesForCollections(10_000);
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
        JsonNode doc;
        try {
            doc = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        JsonNode schemas = doc.path("components").path("schemas");
        if (!schemas.isObject()) {
            throw new IllegalStateException(file + " has no components/schemas");
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        schemas.properties().forEach(e -> converted.set(e.getKey(), OasToJsonSchema.convert(e.getValue())));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return Optional.of(new OpenAiSpec(sharedDir, file, converted, ms));
    }

    public Path sharedDir() {
        return sharedDir;
    }

    public Path specFile() {
        return specFile;
    }

    /** Time spent reading, parsing and converting the YAML (schema compilation is separate, per target). */
    public long loadMillis() {
        return loadMillis;
    }

    /** The compiled schema for a component name, built on first use. */
    SchemaTarget target(String schemaName) {
        return targets.computeIfAbsent(schemaName, n -> new SchemaTarget(converted, n));
    }

    /** The converted (JSON Schema 2020-12) form of one component schema, or null. */
    JsonNode convertedSchema(String schemaName) {
        return converted.get(schemaName);
    }

    // ------------------------------------------------------------------------------------------ chat

    /** ERROR and RULE findings for a Chat Completions request body; empty = valid. */
    public List<String> validateChatRequest(String json) {
        return checkChatRequest(json).failures();
    }

    /** WARN findings for a Chat Completions request body (undeclared fields where open, deprecated fields). */
    public List<String> warnings(String json) {
        return checkChatRequest(json).warnings();
    }

    public Report checkChatRequest(String json) {
        return check(CHAT_REQUEST, json);
    }

    /** Fails (AssertionFailedError listing every finding) unless the body has no error, rule or warning. */
    public void assertCleanChatRequest(String json) {
        assertClean(checkChatRequest(json), json);
    }

    // ------------------------------------------------------------------------------------------ responses

    /** ERROR and RULE findings for a Responses API request body ({@code CreateResponse}); empty = valid. */
    public List<String> validateResponsesRequest(String json) {
        return checkResponsesRequest(json).failures();
    }

    public List<String> responsesWarnings(String json) {
        return checkResponsesRequest(json).warnings();
    }

    public Report checkResponsesRequest(String json) {
        return check(RESPONSES_REQUEST, json);
    }

    public void assertCleanResponsesRequest(String json) {
        assertClean(checkResponsesRequest(json), json);
    }

    // ------------------------------------------------------------------------------------------ core

    /** Validates {@code json} against any component schema (ERROR/WARN as above; RULEs for the two requests). */
    public Report check(String schemaName, String json) {
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Report(List.of("$: cannot parse JSON: " + e.getOriginalMessage()), List.of(), List.of());
        }
        if (body == null || body.isMissingNode()) {
            return new Report(List.of("$: empty input"), List.of(), List.of());
        }
        SchemaTarget target = target(schemaName);
        List<String> errors = render(new ErrorExpander(target, body).expand(target.validate(body)));
        List<String> rules = new ArrayList<>();
        if (CHAT_REQUEST.equals(schemaName)) {
            rulesChat(body, rules);
        } else if (RESPONSES_REQUEST.equals(schemaName)) {
            rulesResponses(body, rules);
        }
        List<String> warnings = render(new OpenFieldWalker(target).walk(body));
        return new Report(errors, dedup(rules), warnings);
    }

    private static void rulesChat(JsonNode body, List<String> out) {
        JsonNode tools = body.path("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode fn = tools.get(i).path("function");
            if (fn.isObject()) {
                fnNameRule(fn.get("name"), "$.tools[" + i + "].function.name",
                        "OpenAI (FunctionObject.name: a-z A-Z 0-9 _ -, max 64)", out);
            }
        }
    }

    private static void rulesResponses(JsonNode body, List<String> out) {
        JsonNode tools = body.path("tools");
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            if ("function".equals(t.path("type").asText(null))) {
                fnNameRule(t.get("name"), "$.tools[" + i + "].name", "OpenAI (a-z A-Z 0-9 _ -, max 64)", out);
            }
        }
    }

    private static void fnNameRule(JsonNode name, String path, String vendor, List<String> out) {
        if (name != null && name.isTextual() && !OPENAI_FN_NAME.matcher(name.asText()).matches()) {
            out.add(path + ": (rule) function name " + JsonPaths.shortJson(name) + " violates " + vendor
                    + " rule " + OPENAI_FN_NAME.pattern());
        }
    }

    private static List<String> render(List<ErrorExpander.Finding> findings) {
        Set<String> out = new LinkedHashSet<>();
        findings.forEach(f -> out.add(f.render()));
        return List.copyOf(out);
    }

    private static List<String> dedup(List<String> xs) {
        return List.copyOf(new LinkedHashSet<>(xs));
    }

    private static void assertClean(Report r, String json) {
        if (!r.clean()) {
            Assertions.fail("request does not conform to the OpenAI spec:\n  " + String.join("\n  ", r.all())
                    + "\nbody: " + (json.length() > 2000 ? json.substring(0, 2000) + "..." : json));
        }
    }
}
