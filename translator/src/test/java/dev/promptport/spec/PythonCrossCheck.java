package dev.promptport.spec;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference validator {@code shared/tools/validate/validate.py} on files, when python3 with
 * {@code jsonschema} and {@code yaml} is installed; otherwise {@link #require()} skips the calling test.
 * Each run reloads the 3 MB spec in Python (about a second), so pass many files to one {@link #run}.
 */
public final class PythonCrossCheck {

    static final String SKIP_MESSAGE = "python3 with jsonschema+yaml, or shared/tools/validate/validate.py, "
            + "not available: cross-check with validate.py skipped";

    /** One finding line: {@code FILE: LEVEL $.path: message}; level ERROR, RULE or WARN. */
    record Finding(String level, String path, String message) {
        boolean failure() {
            return level.equals("ERROR") || level.equals("RULE");
        }
    }

    /** Exit status (0 ok, 1 violations, 2 bad input) and the findings per file, in argument order. */
    record Result(int exitCode, Map<Path, List<Finding>> findings, String output) {
        List<Finding> of(Path file) {
            return findings.getOrDefault(file, List.of());
        }
    }

    private static final class Availability {
        static final Optional<Path> SCRIPT = probe();
    }

    private PythonCrossCheck() {
    }

    static Optional<Path> script() {
        return Availability.SCRIPT;
    }

    static boolean available() {
        return script().isPresent();
    }

    /** The validate.py path, or skips the calling test. */
    /** The validate.py script; skips the calling test when it or its Python modules are missing. */
    public static Path require() {
        Assumptions.assumeTrue(available(), SKIP_MESSAGE);
        return script().get();
    }

    private static Optional<Path> probe() {
        Path script = OpenAiSpec.load().map(OpenAiSpec::sharedDir).orElseGet(OpenAiSpec::locateSharedDir)
                .resolve(Path.of("tools", "validate", "validate.py"));
        if (!Files.isRegularFile(script)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import jsonschema, yaml; "
                    + "from jsonschema import Draft202012Validator")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(script) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code python3 validate.py [--strict] TARGET FILE...}; TARGET e.g. {@code openai-chat}, {@code openai-responses}. */
    static Result run(String target, boolean strict, List<Path> files) {
        Path script = require();
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(),
                "--specs", script.getParent().getParent().getParent().resolve("specs").toString()));
        if (strict) {
            cmd.add("--strict");
        }
        cmd.add(target);
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            String n = f.toAbsolutePath().toString();
            names.add(n);
            cmd.add(n);
        }
        String out;
        int code;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("validate.py timed out");
            }
            code = p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        for (Path f : files) {
            byFile.put(f, new ArrayList<>());
        }
        for (String line : out.split("\n")) {
            for (int i = 0; i < names.size(); i++) {
                String prefix = names.get(i) + ": ";
                if (!line.startsWith(prefix)) {
                    continue;
                }
                String rest = line.substring(prefix.length());
                int sp = rest.indexOf(' ');
                String level = sp < 0 ? rest : rest.substring(0, sp);
                if (level.equals("ERROR") || level.equals("RULE") || level.equals("WARN")) {
                    String tail = rest.substring(sp + 1).strip();
                    int colon = tail.indexOf(": ");
                    String path = colon < 0 ? "" : tail.substring(0, colon);
                    String msg = colon < 0 ? tail : tail.substring(colon + 2);
                    byFile.get(files.get(i)).add(new Finding(level, path, msg));
                }
                break;
            }
        }
        return new Result(code, byFile, out);
    }

    /** Writes {@code json} to a temporary file and runs validate.py on it. */
    static Result runJson(String target, boolean strict, String json) {
        require();
        try {
            Path tmp = Files.createTempFile("promptport-spec-", ".json");
            try {
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                return run(target, strict, List.of(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
