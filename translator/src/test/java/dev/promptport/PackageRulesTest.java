package dev.promptport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md's package rules, checked on the sources: a writer never reaches into a reader
 * (both share only the model in {@code .tree}), and the library never depends on the command.
 */
class PackageRulesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/promptport");

    private static List<String> filesMentioning(Path folder, String packageName) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains(packageName + ".");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(p -> MAIN.relativize(p).toString())
                    .toList();
        }
    }

    @Test
    void writersNeverUseAReaderClass() throws IOException {
        assertThat(filesMentioning(MAIN.resolve("write"), "dev.promptport.read")).isEmpty();
    }

    @Test
    void theLibraryNeverUsesTheCommandLine() throws IOException {
        assertThat(filesMentioning(MAIN, "dev.promptport.cli")).isEmpty();
    }
}
