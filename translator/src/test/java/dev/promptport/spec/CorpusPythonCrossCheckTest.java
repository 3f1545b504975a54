package dev.promptport.spec;

import dev.promptport.PromptPort;
import dev.promptport.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference validator in ../shared/tools/validate agrees: every corpus request, translated
 * for every golden target, passes {@code validate.py --strict openai-chat} (no error, no rule
 * broken, no warning). Skipped where python3 with jsonschema and PyYAML, or ../shared, is absent.
 */
class CorpusPythonCrossCheckTest {

    @Test
    void everyTranslatedCorpusRequestPassesValidatePyStrict(@TempDir Path out) throws IOException {
        PythonCrossCheck.require();
        Path corpus = Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> inputs = Files.walk(corpus)) {
            for (Path in : inputs.filter(p -> p.getFileName().toString().equals("input.json")).sorted().toList()) {
                for (String target : List.of("openai:gpt-4o", "openai:o3", "openai:gpt-5", "openai:gpt-4.1")) {
                    String json = PromptPort.translate(Files.readString(in, StandardCharsets.UTF_8), Target.of(target)).json();
                    Path f = out.resolve(in.getParent().getFileName() + "-" + target.replace(':', '-') + ".json");
                    Files.writeString(f, json, StandardCharsets.UTF_8);
                    files.add(f);
                }
            }
        }
        PythonCrossCheck.Result r = PythonCrossCheck.run("openai-chat", true, files);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(files).hasSizeGreaterThanOrEqualTo(120);
    }

    @Test
    void everyCorpusRequestTranslatedForGeminiPassesValidatePyStrict(@TempDir Path out) throws IOException {
        PythonCrossCheck.require();
        Path corpus = Path.of(System.getProperty("promptport.root", "..")).resolve("corpus");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> inputs = Files.walk(corpus)) {
            for (Path in : inputs.filter(p -> p.getFileName().toString().equals("input.json")).sorted().toList()) {
                for (String target : List.of("gemini:gemini-2.5-pro", "gemini:gemini-2.5-flash", "gemini:gemini-2.0-flash")) {
                    String json = PromptPort.translate(Files.readString(in, StandardCharsets.UTF_8), Target.of(target)).json();
                    Path f = out.resolve(in.getParent().getFileName() + "-" + target.replace(':', '-') + ".json");
                    Files.writeString(f, json, StandardCharsets.UTF_8);
                    files.add(f);
                }
            }
        }
        PythonCrossCheck.Result r = PythonCrossCheck.run("gemini", true, files);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(files).hasSizeGreaterThanOrEqualTo(90);
    }
}
