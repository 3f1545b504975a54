package dev.promptport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the CLI tests write into their temporary folder. */
final class TestFiles {

    /** A prompt with one finding (an unclosed tag), for tests that need a report to write. */
    static final String PROMPT_WITH_FINDING = "Intro\n<style>\nBe kind.\n";

    private TestFiles() {
    }

    /** Writes {@code content} as UTF-8 to {@code name} under {@code dir}, making its folders. */
    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
