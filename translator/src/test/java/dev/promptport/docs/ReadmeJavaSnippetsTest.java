package dev.promptport.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java samples are what a user copies first, so they must compile against the
 * library as it is. Each ```java block becomes the body of a method; the names a sample takes
 * as given (the request's JSON, a logger, an output) are declared around it, and its imports
 * join the library's packages at the top.
 */
class ReadmeJavaSnippetsTest {

    private static final String PREAMBLE = """
            import dev.promptport.*;
            import dev.promptport.failover.*;
            import dev.promptport.reply.*;
            import dev.promptport.report.*;
            import dev.promptport.rules.*;
            import dev.promptport.tree.TextMemo;
            import java.net.URI;
            import java.nio.file.Path;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            %s
            @SuppressWarnings("unused")
            class ReadmeSnippets {
                String anthropicRequestJson = "{}";
                String requestJson = "{}";
                String streamingRequestJson = "{}";
                String promptText = "";
                String text = "";
                Target target = Target.of("openai:gpt-4o");
                java.util.logging.Logger log = java.util.logging.Logger.getAnonymousLogger();
                java.io.PrintWriter out = new java.io.PrintWriter(java.io.Writer.nullWriter());
                void log(Object... values) { }
                void respond(Object... values) { }
            %s
            }
            """;

    @TempDir
    Path dir;

    @Test
    void everyJavaSampleInTheReadmeCompilesAgainstTheLibrary() throws Exception {
        List<String> imports = new ArrayList<>();
        StringBuilder methods = new StringBuilder();
        int count = 0;
        for (String block : SnippetCompiler.javaBlocks("README.md")) {
            StringBuilder body = new StringBuilder();
            for (String line : block.split("\n", -1)) {
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else {
                    body.append("        ").append(line).append('\n');
                }
            }
            methods.append("    void sample").append(++count).append("() throws Exception {\n")
                    .append(body).append("    }\n");
        }
        assertThat(count).as("java samples in the README").isGreaterThanOrEqualTo(4);

        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("ReadmeSnippets.java"),
                PREAMBLE.formatted(String.join("\n", imports), methods));
        SnippetCompiler.compile(src, Files.createDirectories(dir.resolve("classes")));
    }
}
