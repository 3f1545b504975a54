package dev.promptport.write;

import dev.promptport.spec.PythonCrossCheck;

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
import java.util.concurrent.TimeUnit;

/**
 * Runs the reference validator {@code shared/tools/validate/validate.py --strict gemini} on
 * request bodies. Skips the calling test (JUnit assumption) when python3 with jsonschema and
 * PyYAML, or the shared folder ({@code promptport.root/../shared}), is not there. One run loads
 * the protos once, so pass many files to one {@link #strict} call.
 */
final class GeminiValidate {

    /** What validate.py printed for each file: its ERROR, RULE and WARN lines (empty: valid). */
    record Result(int exitCode, Map<String, List<String>> problems, String output) {
        List<String> of(String name) {
            return problems.getOrDefault(name, List.of());
        }

        /** Every problem line, prefixed with the name of its body; empty when all are valid. */
        List<String> all() {
            List<String> lines = new ArrayList<>();
            problems.forEach((name, ps) -> ps.forEach(p -> lines.add(name + ": " + p)));
            return lines;
        }
    }

    private GeminiValidate() {
    }

    /** The shared folder holding specs/ and tools/, beside the repository. */
    static Path sharedDir() {
        return require().getParent().getParent().getParent();
    }

    /** The reference validator; the probe is {@link PythonCrossCheck}'s, so both skip alike. */
    static Path require() {
        return PythonCrossCheck.require();
    }

    static Result strict(Map<String, String> bodies) {
        Path script = require();
        try {
            Path dir = Files.createTempDirectory("promptport-gemini-");
            try {
                Map<String, Path> files = new LinkedHashMap<>();
                int i = 0;
                for (Map.Entry<String, String> e : bodies.entrySet()) {
                    Path f = dir.resolve((i++) + "-" + e.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
                    Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                    files.put(e.getKey(), f);
                }
                return run(script, files);
            } finally {
                try (var s = Files.list(dir)) {
                    for (Path f : s.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result strict(String name, String body) {
        return strict(Map.of(name, body));
    }

    private static Result run(Path script, Map<String, Path> files) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "--specs",
                sharedDir().resolve("specs").toString(), "--strict", "gemini"));
        for (Path f : files.values()) {
            cmd.add(f.toAbsolutePath().toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("validate.py timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String prefix = e.getValue().toAbsolutePath() + ": ";
            List<String> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith(prefix)) {
                    String rest = line.substring(prefix.length());
                    if (rest.startsWith("ERROR") || rest.startsWith("RULE") || rest.startsWith("WARN")) {
                        lines.add(rest);
                    }
                }
            }
            problems.put(e.getKey(), lines);
        }
        return new Result(p.exitValue(), problems, out);
    }
}
