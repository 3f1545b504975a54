package dev.promptport.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A part of README.md written by code, between a begin and an end marker: the check fails when
 * the README differs from what the code writes, and {@code -Dpromptport.regenerate=true}
 * rewrites it instead.
 */
final class GeneratedReadmeSection {

    private GeneratedReadmeSection() {
    }

    static void check(String name, String begin, String end, String expected) throws IOException {
        Path readme = Path.of(System.getProperty("promptport.root", "..")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("README.md has the %s begin marker", name).isNotNegative();
        assertThat(to).as("README.md has the %s end marker", name).isGreaterThan(from);
        int start = from + begin.length() + 1;
        if (Boolean.getBoolean("promptport.regenerate")) {
            Files.writeString(readme, text.substring(0, start) + expected + text.substring(to), StandardCharsets.UTF_8);
            return;
        }
        assertThat(text.substring(start, to)).as("README %s; regenerate with -Dpromptport.regenerate=true", name)
                .isEqualTo(expected);
    }
}
