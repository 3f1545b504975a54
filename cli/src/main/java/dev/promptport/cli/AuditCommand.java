package dev.promptport.cli;

import dev.promptport.Finding;
import dev.promptport.Prompt;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "audit",
        description = "Translates every prompt file and request under the given paths for each target and"
                + " reports, per target, how much each would change: level A (no behaviour risk), B (review),"
                + " C (manual work or a blocker).",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed", "2:usage error, or some input could not be read"})
final class AuditCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, split = ",", paramLabel = "TARGET",
            description = "Target models, comma-separated, e.g. openai:gpt-4o,openai:o3.")
    List<String> to;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to audit.")
    List<String> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Target> targets = new ArrayList<>();
        List<Path> files;
        try {
            for (String t : to) {
                targets.add(Target.of(t.trim()));
            }
            files = InputWalker.walk(paths);
        } catch (PromptPortException e) {
            err.println("promptport: " + e.describe());
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        Map<Path, String> unreadable = new LinkedHashMap<>();
        Map<Path, InputFile> inputs = new LinkedHashMap<>();
        for (Path p : files) {
            try {
                inputs.put(p, InputFile.read(p.toString(), System.in, null));
            } catch (InputFile.InputError e) {
                unreadable.put(p, e.getMessage());
            }
        }
        out.printf("promptport audit: %d file(s), %d target(s)%n", inputs.size(), targets.size());
        for (Target target : targets) {
            out.println();
            out.println(target.id());
            out.printf("  %-58s %-5s %8s  %s%n", "FILE", "LEVEL", "FINDINGS", "TOP FINDINGS");
            Map<Character, Integer> levels = new TreeMap<>();
            Map<String, Integer> features = new LinkedHashMap<>();
            for (Map.Entry<Path, InputFile> e : inputs.entrySet()) {
                Translation t;
                try {
                    t = translate(e.getValue(), target);
                } catch (PromptPortException ex) {
                    unreadable.putIfAbsent(e.getKey(), new InputFile.InputError(e.getKey().toString(), ex).getMessage());
                    continue;
                }
                char level = level(t.findings());
                levels.merge(level, 1, Integer::sum);
                for (Finding f : t.findings()) {
                    if (f.severity() != Severity.INFO) {
                        features.merge(f.feature(), 1, Integer::sum);
                    }
                }
                out.printf("  %-58s %-5s %8d  %s%n", shorten(e.getKey().toString(), 58), level,
                        t.findings().size(), top(t.findings()));
            }
            out.printf("  levels: A %d, B %d, C %d%n", levels.getOrDefault('A', 0), levels.getOrDefault('B', 0),
                    levels.getOrDefault('C', 0));
            out.println("  features behind the risk (findings above info): " + topFeatures(features));
        }
        if (!unreadable.isEmpty()) {
            out.println();
            out.println("could not audit:");
            unreadable.values().forEach(m -> out.println("  " + m));
            return Main.BAD_INPUT;
        }
        return Main.OK;
    }

    private static Translation translate(InputFile in, Target target) {
        return in.kind() == InputFile.Kind.REQUEST
                ? PromptPort.translate(in.text(), target)
                : PromptPort.translate(Prompt.system(in.text()), target);
    }

    /** A: nothing beyond information; B: behaviour may change; C: a person must act. */
    static char level(List<Finding> findings) {
        Severity worst = Severity.INFO;
        for (Finding f : findings) {
            if (f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return worst == Severity.INFO ? 'A' : worst.compareTo(Severity.HIGH) >= 0 ? 'C' : 'B';
    }

    private static String top(List<Finding> findings) {
        Map<Severity, List<String>> bySeverity = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            List<String> ids = bySeverity.computeIfAbsent(f.severity(), s -> new ArrayList<>());
            if (!ids.contains(f.id())) {
                ids.add(f.id());
            }
        }
        List<String> ordered = new ArrayList<>();
        for (Severity s : List.of(Severity.BLOCKER, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            for (String id : bySeverity.getOrDefault(s, List.of())) {
                ordered.add(id + "(" + s.label() + ")");
            }
        }
        return ordered.size() <= 4 ? String.join(" ", ordered) : String.join(" ", ordered.subList(0, 4)) + " …";
    }

    private static String topFeatures(Map<String, Integer> features) {
        return features.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(6)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    private static String shorten(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
