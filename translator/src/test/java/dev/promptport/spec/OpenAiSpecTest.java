package dev.promptport.spec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OpenAiSpec} against the reference samples of {@code shared/tools/validate/samples} (the verdicts
 * and finding paths that {@code validate.py} prints for them), hand-written requests, and, where python3 is
 * installed, against validate.py itself.
 */
class OpenAiSpecTest {

    /** Paths validate.py reports per sample: ERROR + RULE paths, WARN paths. */
    private record Expected(Set<String> failures, Set<String> warnings) {
        static Expected of(List<String> failures, List<String> warnings) {
            return new Expected(new TreeSet<>(failures), new TreeSet<>(warnings));
        }
    }

    private static final Map<String, Expected> CHAT_EXPECTED = Map.of(
            "openai-chat.valid.basic.json", Expected.of(List.of(), List.of()),
            "openai-chat.valid.tools-roundtrip.json", Expected.of(List.of(), List.of()),
            "openai-chat.invalid.anthropic-leaks.json", Expected.of(
                    List.of("$.temperature", "$.reasoning_effort"),
                    List.of("$.max_tokens", "$.top_k", "$.thinking", "$.messages[0].content[0].cache_control")),
            "openai-chat.invalid.bad-role-and-fn-name.json", Expected.of(
                    List.of("$.messages[0].role", "$.tools[0].function.name"), List.of()),
            "openai-chat.invalid.five-stops.json", Expected.of(List.of("$.stop"), List.of()),
            "openai-chat.invalid.tool-missing-type.json", Expected.of(List.of("$.tools[0]"), List.of()));

    private static final Map<String, Expected> RESPONSES_EXPECTED = Map.of(
            "openai-responses.valid.basic.json", Expected.of(List.of(), List.of()),
            "openai-responses.invalid.bad-content-type.json", Expected.of(
                    List.of("$.temperature", "$.input[0].content[0].type"), List.of()),
            "openai-responses.invalid.chat-shaped-tool.json", Expected.of(
                    List.of("$.tools[0]", "$.reasoning.effort"), List.of("$.max_tokens")));

    /** Every field the translator is expected to emit, in one request. validate.py --strict: OK. */
    static final String FULL_CHAT_REQUEST = """
            {
              "model": "o4-mini",
              "messages": [
                {"role": "developer", "content": "You are a careful analyst. Use tools when needed."},
                {"role": "user", "content": [
                  {"type": "text", "text": "Compare the chart with the attached report."},
                  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==", "detail": "high"}},
                  {"type": "file", "file": {"filename": "report.pdf", "file_data": "data:application/pdf;base64,JVBERi0xLjQK"}}
                ]},
                {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_1", "type": "function", "function": {"name": "get_quote", "arguments": "{\\"symbol\\":\\"ACME\\"}"}},
                  {"id": "call_2", "type": "function", "function": {"name": "get_quote", "arguments": "{\\"symbol\\":\\"INITECH\\"}"}}
                ]},
                {"role": "tool", "tool_call_id": "call_1", "content": "ACME 12.50"},
                {"role": "tool", "tool_call_id": "call_2", "content": [{"type": "text", "text": "INITECH 7.25"}]},
                {"role": "assistant", "content": "ACME closed higher."},
                {"role": "user", "content": "Summarise in one line."}
              ],
              "tools": [
                {"type": "function", "function": {
                  "name": "get_quote",
                  "description": "Latest closing price for a ticker symbol",
                  "parameters": {"type": "object", "properties": {"symbol": {"type": "string"}},
                                 "required": ["symbol"], "additionalProperties": false},
                  "strict": true}}
              ],
              "tool_choice": "auto",
              "parallel_tool_calls": true,
              "reasoning_effort": "medium",
              "max_completion_tokens": 4096,
              "temperature": 1,
              "top_p": 0.95,
              "stop": ["END"],
              "stream": true,
              "stream_options": {"include_usage": true},
              "safety_identifier": "user-1234",
              "prompt_cache_key": "user-1234",
              "metadata": {"promptport": "test"}
            }
            """;

    // ------------------------------------------------------------------------------------------ samples

    @TestFactory
    Stream<DynamicTest> chatSamplesMatchValidatePyVerdicts() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        return samples(spec, "openai-chat").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> checkSample(f, spec.checkChatRequest(read(f)), CHAT_EXPECTED)));
    }

    @TestFactory
    Stream<DynamicTest> responsesSamplesMatchValidatePyVerdicts() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        return samples(spec, "openai-responses").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> checkSample(f, spec.checkResponsesRequest(read(f)), RESPONSES_EXPECTED)));
    }

    private static void checkSample(Path f, OpenAiSpec.Report r, Map<String, Expected> expected) {
        String name = f.getFileName().toString();
        if (name.contains(".valid.")) {
            assertThat(r.failures()).as(name + " must give no ERROR/RULE").isEmpty();
            assertThat(r.warnings()).as(name + " must give no WARN").isEmpty();
        } else {
            assertThat(r.failures()).as(name + " must give at least one ERROR/RULE").isNotEmpty();
        }
        Expected e = expected.get(name);
        if (e != null) {
            assertThat(paths(r.failures())).as(name + " ERROR/RULE paths (as validate.py):\n" + String.join("\n", r.all()))
                    .isEqualTo(e.failures());
            assertThat(paths(r.warnings())).as(name + " WARN paths (as validate.py):\n" + String.join("\n", r.all()))
                    .isEqualTo(e.warnings());
        }
    }

    @Test
    void samplesAreCoveredByTheExpectations() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        assertThat(samples(spec, "openai-chat")).hasSizeGreaterThanOrEqualTo(CHAT_EXPECTED.size());
        assertThat(samples(spec, "openai-responses")).hasSizeGreaterThanOrEqualTo(RESPONSES_EXPECTED.size());
    }

    @Test
    void sampleMessagesAreReadable() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        Path dir = samplesDir(spec);
        assertThat(spec.validateChatRequest(read(dir.resolve("openai-chat.invalid.bad-role-and-fn-name.json"))))
                .containsExactly(
                        "$.messages[0].role: \"model\" is not an allowed 'role' here; allowed: assistant, developer, "
                                + "function, system, tool, user",
                        "$.tools[0].function.name: (rule) function name \"get weather!\" violates OpenAI "
                                + "(FunctionObject.name: a-z A-Z 0-9 _ -, max 64) rule ^[a-zA-Z0-9_-]{1,64}$");
        assertThat(spec.validateChatRequest(read(dir.resolve("openai-chat.invalid.tool-missing-type.json"))))
                .containsExactly("$.tools[0]: required discriminator 'type' is missing; one of: custom, function");
        assertThat(spec.validateChatRequest(read(dir.resolve("openai-chat.invalid.five-stops.json"))))
                .singleElement().asString().startsWith("$.stop: ").contains("4");
        assertThat(spec.warnings(read(dir.resolve("openai-chat.invalid.anthropic-leaks.json"))))
                .contains("$.max_tokens: " + OpenFieldWalker.DEPRECATED, "$.top_k: " + OpenFieldWalker.UNKNOWN);
    }

    // ------------------------------------------------------------------------------------------ hand-written

    @Test
    void fullChatRequestIsCleanWithoutWarnings() {
        OpenAiSpec spec = OpenAiSpec.require();
        assertThat(spec.validateChatRequest(FULL_CHAT_REQUEST)).isEmpty();
        assertThat(spec.warnings(FULL_CHAT_REQUEST)).isEmpty();
        spec.assertCleanChatRequest(FULL_CHAT_REQUEST);
    }

    /**
     * {@code user} is valid but {@code deprecated: true} in the spec ("being replaced by
     * {@code safety_identifier} and {@code prompt_cache_key}"): validate.py warns, and so do we.
     */
    @Test
    void userFieldIsValidButDeprecated() {
        OpenAiSpec spec = OpenAiSpec.require();
        String body = FULL_CHAT_REQUEST.replace("\"safety_identifier\": \"user-1234\",", "\"user\": \"user-1234\",");
        assertThat(spec.validateChatRequest(body)).isEmpty();
        assertThat(spec.warnings(body)).containsExactly("$.user: " + OpenFieldWalker.DEPRECATED);
    }

    @Test
    void anthropicShapedPiecesAreRejected() {
        OpenAiSpec spec = OpenAiSpec.require();
        // Anthropic image block instead of image_url
        assertThat(spec.validateChatRequest("""
                {"model": "gpt-4o", "messages": [{"role": "user", "content": [
                  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}}]}]}
                """)).containsExactly("$.messages[0].content[0].type: \"image\" is not an allowed 'type' here; "
                + "allowed: file, image_url, input_audio, text");
        // Anthropic tool definition (input_schema, no type/function wrapper)
        assertThat(spec.validateChatRequest("""
                {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}],
                 "tools": [{"name": "get_weather", "input_schema": {"type": "object"}}]}
                """)).containsExactly("$.tools[0]: required discriminator 'type' is missing; one of: custom, function");
        // tool_result content block in a user message
        assertThat(spec.validateChatRequest("""
                {"model": "gpt-4o", "messages": [{"role": "user", "content": [
                  {"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C"}]}]}
                """)).singleElement().asString().startsWith("$.messages[0].content[0].type: \"tool_result\"");
        // missing required top-level fields, wrong types
        assertThat(spec.validateChatRequest("{\"messages\": [], \"n\": \"2\", \"stream\": \"yes\"}"))
                .anyMatch(s -> s.startsWith("$: 'model' is a required property"))
                .anyMatch(s -> s.startsWith("$.n: "))
                .anyMatch(s -> s.startsWith("$.stream: "));
        assertThat(spec.validateChatRequest("not json")).singleElement().asString().startsWith("$: cannot parse JSON");
    }

    @Test
    void responsesRequestHelpers() {
        OpenAiSpec spec = OpenAiSpec.require();
        String ok = """
                {"model": "gpt-5", "input": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}],
                 "tools": [{"type": "function", "name": "bad name", "parameters": {"type": "object"}, "strict": false}],
                 "max_output_tokens": 64}
                """;
        assertThat(spec.validateResponsesRequest(ok)).containsExactly(
                "$.tools[0].name: (rule) function name \"bad name\" violates OpenAI (a-z A-Z 0-9 _ -, max 64) "
                        + "rule ^[a-zA-Z0-9_-]{1,64}$");
        assertThat(spec.responsesWarnings(ok.replace("bad name", "good_name"))).isEmpty();
        assertThat(spec.validateResponsesRequest(ok.replace("bad name", "good_name"))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ loading

    @Test
    void absentSharedFolderGivesEmpty() {
        assertThat(OpenAiSpec.loadFrom(Path.of("/nonexistent/promptport/shared"))).isEmpty();
    }

    @Test
    void sharedFolderIsFoundFromPromptportRoot() {
        String root = System.getProperty("promptport.root");
        org.junit.jupiter.api.Assumptions.assumeTrue(root != null && System.getProperty("promptport.shared") == null,
                "promptport.root not set (not run by surefire), or promptport.shared overrides it");
        assertThat(OpenAiSpec.locateSharedDir())
                .isEqualTo(Path.of(root).toAbsolutePath().normalize().getParent().resolve("shared"));
    }

    @Test
    void loadIsCachedAndFast() {
        OpenAiSpec spec = OpenAiSpec.require();
        assertThat(OpenAiSpec.load()).containsSame(spec);
        long compileMs = spec.target(OpenAiSpec.CHAT_REQUEST).compileMillis;
        spec.validateChatRequest(FULL_CHAT_REQUEST); // warm up
        spec.warnings(FULL_CHAT_REQUEST);
        int n = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            spec.checkChatRequest(FULL_CHAT_REQUEST);
        }
        long perCheckUs = (System.nanoTime() - t0) / 1_000 / n;
        System.out.printf("OpenAiSpec: load (parse+convert YAML) %d ms, compile %s %d ms, "
                        + "one checkChatRequest (errors+rules+warnings) of a 7-message request %d us%n",
                spec.loadMillis(), OpenAiSpec.CHAT_REQUEST, compileMs, perCheckUs);
        assertThat(perCheckUs).as("one validation should take well under 50 ms").isLessThan(50_000);
    }

    // ------------------------------------------------------------------------------------------ validate.py

    @Test
    void agreesWithValidatePyOnSamples() throws IOException {
        OpenAiSpec spec = OpenAiSpec.require();
        PythonCrossCheck.require();
        for (String target : List.of("openai-chat", "openai-responses")) {
            List<Path> files = samples(spec, target);
            PythonCrossCheck.Result py = PythonCrossCheck.run(target, false, files);
            for (Path f : files) {
                OpenAiSpec.Report r = target.equals("openai-chat")
                        ? spec.checkChatRequest(read(f)) : spec.checkResponsesRequest(read(f));
                List<PythonCrossCheck.Finding> ref = py.of(f);
                assertThat(paths(r.failures())).as(f.getFileName() + " ERROR/RULE paths vs validate.py\n" + py.output())
                        .isEqualTo(ref.stream().filter(PythonCrossCheck.Finding::failure)
                                .map(PythonCrossCheck.Finding::path).collect(Collectors.toCollection(TreeSet::new)));
                assertThat(paths(r.warnings())).as(f.getFileName() + " WARN paths vs validate.py\n" + py.output())
                        .isEqualTo(ref.stream().filter(x -> x.level().equals("WARN"))
                                .map(PythonCrossCheck.Finding::path).collect(Collectors.toCollection(TreeSet::new)));
            }
        }
    }

    @Test
    void fullChatRequestPassesValidatePyStrict() {
        OpenAiSpec.require();
        PythonCrossCheck.require();
        PythonCrossCheck.Result py = PythonCrossCheck.runJson("openai-chat", true, FULL_CHAT_REQUEST);
        assertThat(py.exitCode()).as(py.output()).isZero();
    }

    // ------------------------------------------------------------------------------------------ helpers

    static Path samplesDir(OpenAiSpec spec) {
        return spec.sharedDir().resolve(Path.of("tools", "validate", "samples"));
    }

    static List<Path> samples(OpenAiSpec spec, String target) throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = samplesDir(spec);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, target + ".*.json")) {
                ds.forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    /** "$.a.b: message" -> "$.a.b" (paths never contain ": " in these tests). */
    static Set<String> paths(List<String> findings) {
        return findings.stream().map(s -> s.substring(0, s.indexOf(": "))).collect(Collectors.toCollection(TreeSet::new));
    }
}
