package dev.promptport.cli;

import dev.promptport.Audit;
import dev.promptport.Options;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.report.AuditResult;
import dev.promptport.report.HtmlReport;
import dev.promptport.report.InputProblem;
import dev.promptport.report.JsonReport;
import dev.promptport.report.Suppressions;
import dev.promptport.report.TextReport;
import dev.promptport.rules.RuleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit",
        description = "Translates every prompt file and request under the given paths for each target and"
                + " reports, per target, the migration risk of each: level A (no behaviour risk), B (review),"
                + " C (manual work or a blocker), a score from 0 to 100 and the effort.",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "2:usage error, or some input could not be read (the report lists it)"})
final class AuditCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    Settings settings;

    @Option(names = "--to", split = ",", paramLabel = "TARGET",
            description = "Target models, comma-separated, e.g. openai:gpt-4o,openai:o3 (default: targets in .promptport.yaml).")
    List<String> to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table per target), json (for scripts) or html (a page for people).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to audit (- for standard input).")
    List<String> paths;

    private final InputStream stdin;

    AuditCommand() {
        this(System.in);
    }

    AuditCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    enum Format { text, json, html }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RuleConfig config = settings.resolve(paths);
            List<Target> targets = Settings.targets(to, config);
            Options options = Options.DEFAULT.withRules(Settings.rules(config));
            Inputs inputs = Inputs.collect(paths, config, stdin);
            Progress progress = Progress.forTerminal(err, inputs.inputs.size());
            AuditResult result = Audit.run(inputs.inputs, targets, options, progress);
            progress.finish();
            List<InputProblem> problems = new ArrayList<>(inputs.problems);
            problems.addAll(result.problems());
            result = Suppressions.apply(new AuditResult(result.targets(), result.files(), problems));
            String report = switch (format) {
                case text -> TextReport.write(result);
                case json -> JsonReport.write(result);
                case html -> HtmlReport.write(result);
            };
            OutputTarget.write(output, report, out);
            if (output != null) {
                err.println("promptport: wrote " + output);
            }
            return problems.isEmpty() ? Main.OK : Main.BAD_INPUT;
        } catch (PromptPortException e) {
            err.println("promptport: " + e.describe());
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
