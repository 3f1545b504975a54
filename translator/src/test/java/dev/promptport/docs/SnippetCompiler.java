package dev.promptport.docs;

import dev.promptport.PromptPort;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles the documentation's Java against the library, as a reader would: Java 17, the test class path. */
final class SnippetCompiler {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private SnippetCompiler() {
    }

    /** The ```java blocks of a Markdown file of the project, such as {@code README.md}, in order. */
    static List<String> javaBlocks(String file) throws Exception {
        Path root = Path.of(System.getProperty("promptport.root", ".."));
        Matcher m = JAVA_BLOCK.matcher(Files.readString(root.resolve(file)));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Compiles every .java file under {@code src} into {@code classes}; fails with javac's messages. */
    static void compile(Path src, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        // surefire may hand the class path over in a manifest-only jar; the library's own
        // folder is named as well so javac finds it either way
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + Path.of(PromptPort.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", classes.toString()),
                    null, files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(ok).as(() -> diagnostics.getDiagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining("\n"))).isTrue();
        }
    }
}
