package dev.promptport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the prompt files and requests under the paths a user names, in a stable order,
 * leaving out what the nearest {@code .promptport.yaml} lists under {@code ignore}.
 */
final class InputWalker {

    static final List<String> EXTENSIONS = List.of(".json", ".md", ".txt", ".xml", ".prompt");

    private InputWalker() {
    }

    static List<Path> walk(List<String> roots) {
        List<Path> out = new ArrayList<>();
        for (String r : roots) {
            Path root = Path.of(r);
            if (!Files.exists(root)) {
                throw new InputFile.InputError(r, "no such file or folder");
            }
            if (Files.isRegularFile(root)) {
                out.add(root);
                continue;
            }
            Ignores ignores = Ignores.near(root);
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(InputWalker::looksLikeInput)
                        .filter(p -> !ignores.matches(p))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new InputFile.InputError(r, "cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean looksLikeInput(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Glob patterns from {@code .promptport.yaml}'s {@code ignore} list, relative to that file. */
    record Ignores(Path base, List<PathMatcher> matchers) {

        static Ignores near(Path start) {
            Path dir = start.toAbsolutePath().normalize();
            while (dir != null) {
                Path config = dir.resolve(".promptport.yaml");
                if (Files.isRegularFile(config)) {
                    return read(config);
                }
                dir = dir.getParent();
            }
            return new Ignores(null, List.of());
        }

        private static Ignores read(Path config) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
                List<PathMatcher> matchers = new ArrayList<>();
                if (root != null) {
                    for (JsonNode g : root.path("ignore")) {
                        String glob = g.asText();
                        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                        // as in .gitignore, a leading **/ also matches at the top level
                        if (glob.startsWith("**/")) {
                            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
                        }
                    }
                }
                return new Ignores(config.getParent(), matchers);
            } catch (IOException e) {
                throw new InputFile.InputError(config.toString(), "is not valid YAML: " + e.getMessage());
            }
        }

        boolean matches(Path p) {
            if (base == null) {
                return false;
            }
            Path rel = base.relativize(p.toAbsolutePath().normalize());
            for (PathMatcher m : matchers) {
                if (m.matches(rel)) {
                    return true;
                }
            }
            return false;
        }
    }
}
