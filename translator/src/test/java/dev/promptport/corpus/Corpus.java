package dev.promptport.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The cases in {@code corpus/}: one folder each, with one {@code input.*} file. */
final class Corpus {

    /** One model of every vendor at least; OpenAI twice, for a model with and one without reasoning. */
    static final List<String> TARGETS = List.of("openai:gpt-4o", "openai:o3", "openai-responses:gpt-5", "gemini:gemini-2.5-pro",
            "deepseek:deepseek-reasoner", "mistral:mistral-large-latest", "groq:llama-3.3-70b-versatile",
            "together:meta-llama/Llama-3.3-70B-Instruct-Turbo", "fireworks:accounts/fireworks/models/llama-v3p3-70b-instruct",
            "ollama:llama3.1", "vllm:Qwen/Qwen2.5-72B-Instruct", "azure:gpt-4o", "anthropic:claude-sonnet-4-5");

    private Corpus() {
    }

    record Case(String name, Path dir, Path input) {
        boolean isRequest() {
            return input.getFileName().toString().endsWith(".json");
        }

        /** A Dotprompt or Prompty file: a request template, translated into a request. */
        boolean isTemplate() {
            String n = input.getFileName().toString();
            return n.endsWith(".prompt") || n.endsWith(".prompty");
        }

        String inputText() {
            try {
                return Files.readString(input, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Where the expected translation for {@code target} lives. */
        Path expected(String target) {
            String base = fileName(target);
            String ext = isRequest() || isTemplate() ? ".json" : input.getFileName().toString().substring("input".length());
            return dir.resolve("expected").resolve(base + ext);
        }

        Path expectedFindings(String target) {
            return dir.resolve("expected").resolve(fileName(target) + ".findings.txt");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code together:meta-llama/Llama-3.3-70B} → {@code together-meta-llama_Llama-3.3-70B}. */
    static String fileName(String target) {
        return target.replace(':', '-').replace('/', '_');
    }

    static Path root() {
        String r = System.getProperty("promptport.root");
        Path base = r != null ? Path.of(r) : Path.of("..");
        return base.resolve("corpus").toAbsolutePath().normalize();
    }

    static List<Case> cases() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().map(Corpus::caseOf).filter(c -> c != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case caseOf(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("input."))
                    .findFirst()
                    .map(p -> new Case(dir.getFileName().toString(), dir, p))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean regenerate() {
        return Boolean.getBoolean("promptport.regenerate");
    }
}
