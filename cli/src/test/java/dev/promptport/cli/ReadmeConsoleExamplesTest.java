package dev.promptport.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README shows what each command prints. Every example there that runs one {@code promptport}
 * command on the shipped corpus (no shell pipes or files of its own) is run here through the real
 * {@code main}, from the project's folder, and what it prints, standard output then standard error, must be what the README
 * shows; a line holding only "…" stands for the rest of the output, left out there.
 */
class ReadmeConsoleExamplesTest {

    private static final Pattern CONSOLE = Pattern.compile("```console\\n(.*?)```", Pattern.DOTALL);

    record Example(int line, List<String> args, String shown) {
    }

    @Test
    void everyCorpusExampleInTheReadmePrintsWhatTheReadmeShows() throws Exception {
        Path root = Path.of(System.getProperty("promptport.root", "..")).toRealPath();
        List<Example> examples = examples(Files.readString(root.resolve("README.md")), root);
        assertThat(examples).as("README examples run on the corpus").hasSizeGreaterThanOrEqualTo(3);
        for (Example e : examples) {
            String printed = runInFolder(root, e.args()).stripTrailing();
            List<String> shown = Arrays.asList(e.shown().stripTrailing().split("\n", -1));
            int elided = shown.stream().map(String::strip).toList().indexOf("…");
            String where = "README.md line " + e.line() + ": promptport " + String.join(" ", e.args());
            if (elided >= 0) {
                assertThat(printed).as(where).startsWith(String.join("\n", shown.subList(0, elided)) + "\n");
            } else {
                assertThat(printed).as(where).isEqualTo(String.join("\n", shown));
            }
        }
    }

    /**
     * Runs the real {@code main} in a JVM of its own, from the project's folder as the README's
     * reader would, so paths and the report's column widths are the ones shown.
     */
    private static String runInFolder(Path root, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        // standard error is read after standard output ends; the examples' findings are a few lines
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out + err;
    }

    /** The blocks with one {@code $ promptport …} line, no shell operators, and only corpus files. */
    private static List<Example> examples(String readme, Path root) {
        List<Example> out = new ArrayList<>();
        Matcher m = CONSOLE.matcher(readme);
        while (m.find()) {
            List<String> lines = Arrays.asList(m.group(1).split("\n", -1));
            List<String> commands = lines.stream().filter(l -> l.startsWith("$ ")).toList();
            if (commands.size() != 1 || !commands.get(0).startsWith("$ promptport ")
                    || commands.get(0).matches(".*[|<>;&#].*")) {
                continue;
            }
            List<String> args = Arrays.asList(commands.get(0).substring("$ promptport ".length()).trim().split(" +"));
            boolean corpusOnly = args.stream().filter(a -> !a.startsWith("-") && a.contains("/"))
                    .allMatch(a -> a.startsWith("corpus/") && Files.exists(root.resolve(a)));
            boolean namesAFile = args.stream().anyMatch(a -> a.startsWith("corpus/"));
            if (!corpusOnly || !namesAFile || args.stream().anyMatch(a -> a.endsWith(".json") && !a.contains("/"))) {
                continue;
            }
            int at = lines.indexOf(commands.get(0));
            String shown = String.join("\n", lines.subList(at + 1, lines.size()));
            int line = readme.substring(0, m.start()).split("\n", -1).length + 1 + at;
            out.add(new Example(line, args, shown));
        }
        return out;
    }
}
