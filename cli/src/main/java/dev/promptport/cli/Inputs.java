package dev.promptport.cli;

import dev.promptport.Audit;
import dev.promptport.report.InputProblem;
import dev.promptport.rules.RuleConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The prompt files and requests under the paths a user names, in a stable order, leaving
 * out hidden files and folders and what the settings' {@code ignore} list names.
 */
final class Inputs {

    /** Requests, prompt files, and the template files prompts are often kept in (read as plain prompt text). */
    static final List<String> EXTENSIONS = List.of(".json", ".md", ".txt", ".xml", ".prompt", ".prompty",
            ".prompt.yml", ".prompt.yaml", ".mdx", ".j2", ".jinja", ".jinja2", ".hbs", ".mustache", ".tmpl");

    final List<Audit.Input> inputs = new ArrayList<>();
    /** The files behind the inputs and the problems, as named or found: what no output may replace. */
    final List<Path> files = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();
    /** JSON files a folder walk found that hold no prompt ({@code package.json}, schemas). */
    final List<String> skipped = new ArrayList<>();

    private final long maxBytes;
    /** The real paths of the files met so far. */
    private final Set<Path> seen = new HashSet<>();

    private Inputs(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @throws InputFile.InputError when a named path does not exist, or standard input is named twice
     */
    static Inputs collect(List<String> roots, RuleConfig config, InputStream stdin, long maxBytes) {
        Inputs out = new Inputs(maxBytes);
        boolean stdinNamed = false;
        for (String r : roots) {
            if ("-".equals(r)) {
                if (stdinNamed) {
                    throw new InputFile.InputError(r, "is named twice; standard input can be read once");
                }
                stdinNamed = true;
                out.add(r, stdin, false);
                continue;
            }
            Path root = Path.of(r);
            if (!Files.exists(root)) {
                throw new InputFile.InputError(r, missing(root));
            }
            if (!Files.isDirectory(root)) {
                // named, so read: a file, or a named pipe or <(...) that only a read can tell from nothing
                out.addOnce(root, r, stdin, false);
                continue;
            }
            List<Path> files;
            try {
                files = walk(root).stream().filter(Inputs::looksLikeInput)
                        .filter(p -> !config.ignores(p)).sorted().toList();
            } catch (IOException e) {
                throw new InputFile.InputError(r, InputFile.unreadable(e));
            }
            for (Path p : files) {
                out.addOnce(p, p.toString(), stdin, true);
            }
        }
        return out;
    }

    /** Why a path that is not there is not: a link may name nothing, or itself through others. */
    private static String missing(Path root) {
        if (Files.isSymbolicLink(root)) {
            try {
                root.toRealPath();
            } catch (IOException e) {
                return InputFile.unreadable(e);
            }
        }
        return "no such file or folder";
    }

    /**
     * Reads {@code file} unless a file read already is the same one under another name
     * ({@code ./a}, {@code a//b}, a link, or found again by a folder walk): each is read, and
     * reported, once, under the name it was first met by.
     */
    private void addOnce(Path file, String name, InputStream stdin, boolean walked) {
        if (seen.add(identity(file))) {
            add(name, stdin, walked);
        }
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize(); // reading it will fail and say why
        }
    }

    /**
     * The regular files under {@code root}, not entering hidden folders below it: {@code .git},
     * {@code .venv} and their like hold tools' files, not the project's prompts. A hidden folder
     * named as the root is walked, as it was asked for.
     */
    private static List<Path> walk(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
                return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (Files.isRegularFile(file)) { // a link to a file is read, as the file it names
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** @param walked whether a folder walk found the file, rather than the user naming it */
    private void add(String name, InputStream stdin, boolean walked) {
        try {
            InputFile f = InputFile.read(name, stdin, null, maxBytes);
            if (walked && !f.mayHoldPrompt()) {
                skipped.add(f.displayName());
                return;
            }
            inputs.add(new Audit.Input(f.displayName(), f.text(), f.format()));
            addFile(name);
        } catch (InputFile.InputError e) {
            problems.add(new InputProblem("-".equals(name) ? "<stdin>" : name, e.where(), e.problem()));
            addFile(name);
        }
    }

    private void addFile(String name) {
        if (!"-".equals(name)) {
            files.add(Path.of(name));
        }
    }

    /** One line on standard error naming the JSON files a folder walk passed over, or nothing. */
    void reportSkipped(java.io.PrintWriter err) {
        if (skipped.isEmpty()) {
            return;
        }
        int shown = Math.min(5, skipped.size());
        err.println("promptport: skipped " + skipped.size() + " JSON file" + (skipped.size() == 1 ? "" : "s")
                + " that hold no request, message list or tool definitions: "
                + dev.promptport.report.TerminalText.escape(String.join(", ", skipped.subList(0, shown)))
                + (skipped.size() > shown ? " and " + (skipped.size() - shown) + " more" : "")
                + " (name a file to have it read anyway)");
    }

    private static boolean looksLikeInput(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }
}
