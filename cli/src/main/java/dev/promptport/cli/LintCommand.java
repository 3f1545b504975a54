package dev.promptport.cli;

import dev.promptport.Audit;
import dev.promptport.Finding;
import dev.promptport.Options;
import dev.promptport.PromptPortException;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.report.AuditResult;
import dev.promptport.report.Baseline;
import dev.promptport.report.BaselineNames;
import dev.promptport.report.FileResult;
import dev.promptport.report.GithubReport;
import dev.promptport.report.InputProblem;
import dev.promptport.report.LintJson;
import dev.promptport.report.LintText;
import dev.promptport.report.SarifReport;
import dev.promptport.report.Suppressions;
import dev.promptport.report.TargetResult;
import dev.promptport.report.TerminalText;
import dev.promptport.rules.RuleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "lint",
        description = "Checks prompt files and requests for a CI build: fails when a finding at or above --fail-on is present.",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-on", "1:findings at or above --fail-on",
            "2:usage error, or an input or the baseline could not be read"})
final class LintCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    Settings settings;

    @Mixin
    LimitOptions limits;

    @Option(names = "--to", paramLabel = "TARGET",
            description = "Target models, comma-separated (default: targets in .promptport.yaml).")
    List<String> to;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Fail on findings at or above: info, low, medium, high (default, or fail_on in .promptport.yaml), blocker.")
    String failOn;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:col severity id message), json, sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = OutputNames.Report.class,
            description = "Write the report to FILE instead of standard output (- is standard output).")
    Path output;

    @Option(names = "--min-severity", paramLabel = "SEVERITY", defaultValue = "low",
            description = "Report findings at or above this severity (default low: information-only findings, which need"
                    + " no action, are left out; use info to see them). Findings at or above --fail-on are always reported.")
    String minSeverity;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings that are not in this baseline.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", converter = OutputNames.Baseline.class,
            description = "Record today's findings in FILE and exit 0 (2 when an input could not be read); no report is"
                    + " written, so --output, --format and --baseline are refused beside it.")
    Path writeBaseline;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to lint (- for standard input).")
    List<String> paths;

    private final InputStream stdin;

    LintCommand() {
        this(System.in);
    }

    LintCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    enum Format { text, json, sarif, github }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String clash = writeBaseline == null ? null : besideWriteBaseline();
        if (clash != null) {
            err.println("promptport lint: " + clash);
            return Main.BAD_INPUT;
        }
        try {
            RuleConfig config = settings.resolve(paths);
            List<Target> targets = Settings.targets(to, config);
            Severity threshold = failOn != null ? Severity.parse(failOn)
                    : config.failOn() != null ? config.failOn() : Severity.HIGH;
            Options options = Options.DEFAULT.withRules(Settings.rules(config)).withLimits(limits.limits());
            Inputs inputs = Inputs.collect(paths, config, stdin, limits.maxInputBytes());
            List<Path> read = new ArrayList<>(inputs.files);
            if (baseline != null) {
                read.add(baseline);
            }
            OutputTarget.refuseInput(writeBaseline, "baseline", read);
            OutputTarget.refuseInput(output, "report", read);
            inputs.reportSkipped(err);
            AuditResult result = Audit.run(inputs.inputs, targets, options);
            List<InputProblem> problems = new ArrayList<>(inputs.problems);
            problems.addAll(result.problems());
            // a finding that fails the run is always shown: a failure with nothing to look at helps no one
            Severity min = Severity.parse(minSeverity);
            result = atLeast(Suppressions.apply(result.withProblems(problems)),
                    min.compareTo(threshold) > 0 ? threshold : min);
            InputProblems.print(problems, err);
            if (writeBaseline != null) {
                OutputTarget.write(writeBaseline, Baseline.write(result, namesFrom(writeBaseline)), out);
                err.println("promptport: recorded " + count(result) + " finding(s) in "
                        + TerminalText.escape(writeBaseline.toString()));
                return problems.isEmpty() ? Main.OK : Main.BAD_INPUT;
            }
            if (baseline != null) {
                result = readBaseline(baseline).filter(result, namesFrom(baseline));
            }
            String report = switch (format) {
                case text -> LintText.write(result, threshold);
                case json -> LintJson.write(result);
                case sarif -> SarifReport.write(result, Version.number());
                case github -> GithubReport.write(result);
            };
            OutputTarget.write(output, report, out);
            if (!problems.isEmpty()) {
                return Main.BAD_INPUT;
            }
            return failing(result, threshold) ? Main.FINDINGS : Main.OK;
        } catch (IllegalArgumentException e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
    }

    /**
     * What {@code --write-baseline} is given beside it that it would leave unused, as a usage
     * error, or null: it records the findings and writes no report, and reads no baseline.
     */
    private String besideWriteBaseline() {
        picocli.CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--baseline")) {
            return "--write-baseline records every finding, so --baseline would be ignored; give one of them";
        }
        for (String option : new String[] {"--output", "--format"}) {
            if (given.hasMatchedOption(option)) {
                return "--write-baseline writes the baseline and no report, so " + option
                        + " has nothing to write; leave it out, or run lint again for the report";
            }
        }
        return null;
    }

    private static Baseline readBaseline(Path file) {
        try {
            return Baseline.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InputFile.InputError(file.toString(), "no such baseline file (write one with --write-baseline)");
        } catch (IOException e) {
            throw new InputFile.InputError(file.toString(), InputFile.unreadable(e));
        } catch (IllegalArgumentException e) {
            throw new InputFile.InputError(file.toString(), "is not a promptport baseline: " + e.getMessage());
        }
    }

    /** A baseline names files from its own folder, so it matches from wherever lint runs. */
    private static BaselineNames namesFrom(Path baselineFile) {
        try {
            // the folder the file is, or will be, in: a link to a baseline is followed, as it is written through
            return BaselineNames.relativeTo(OutputTarget.destination(baselineFile).getParent());
        } catch (IOException e) {
            throw new InputFile.InputError(baselineFile.toString(), "cannot be used: " + e.getMessage());
        }
    }

    private static int count(AuditResult r) {
        int n = 0;
        for (FileResult f : r.files()) {
            for (TargetResult t : f.targets()) {
                n += t.findings().size();
            }
        }
        return n;
    }

    /** The result without findings below {@code min}, risks recomputed. */
    static AuditResult atLeast(AuditResult r, Severity min) {
        if (min == Severity.INFO) {
            return r;
        }
        List<FileResult> files = new ArrayList<>(r.files().size());
        for (FileResult f : r.files()) {
            List<TargetResult> targets = new ArrayList<>(f.targets().size());
            for (TargetResult t : f.targets()) {
                List<Finding> kept = t.findings().stream().filter(x -> x.severity().compareTo(min) >= 0).toList();
                targets.add(new TargetResult(t.target(), dev.promptport.risk.Risk.of(kept), kept, t.output()));
            }
            files.add(new FileResult(f.path(), f.kind(), f.source(), targets));
        }
        return r.withFiles(files);
    }

    static boolean failing(AuditResult r, Severity threshold) {
        for (FileResult f : r.files()) {
            for (TargetResult t : f.targets()) {
                for (Finding finding : t.findings()) {
                    if (finding.severity().compareTo(threshold) >= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
