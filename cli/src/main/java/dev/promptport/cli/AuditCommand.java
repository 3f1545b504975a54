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
import dev.promptport.report.TerminalText;
import dev.promptport.report.TextReport;
import dev.promptport.rules.RuleConfig;
import dev.promptport.traffic.LogFiles;
import dev.promptport.traffic.TrafficAudit;
import dev.promptport.traffic.TrafficJson;
import dev.promptport.traffic.TrafficSummary;
import dev.promptport.traffic.TrafficText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit",
        description = "Translates every prompt file and request under the given paths for each target and"
                + " reports, per target, the migration risk of each: level A (no behaviour risk), B (review),"
                + " C (manual work or a blocker), a score from 0 to 100 and the effort.",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written (with --jsonl, also when some lines were bad: the report counts them)",
                "2:usage error, or some input could not be read (the report lists it)"})
final class AuditCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    Settings settings;

    @Mixin
    LimitOptions limits;

    @Option(names = "--to", paramLabel = "TARGET",
            description = "Target models, comma-separated, e.g. openai:gpt-4o,openai:o3 (default: targets in .promptport.yaml).")
    List<String> to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table per target), json (for scripts) or html (a page for people).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = OutputNames.Report.class,
            description = "Write the report to FILE instead of standard output (- is standard output).")
    Path output;

    @Option(names = "--jsonl", paramLabel = "FILE",
            description = "Audit logged traffic instead of files: one request a line (bare, or under \"request\","
                    + " \"body\" or \"request_body\", up to two deep), any request format, or the batch files of"
                    + " Anthropic, OpenAI, Gemini and Bedrock and LiteLLM, Helicone and Bedrock logs; plain or gzip (- for"
                    + " standard input; a folder: every file under it, in path order, as one log). Prints, per target,"
                    + " the share of requests at each level and the features behind the risk with example lines;"
                    + " bad lines are counted and listed, and do not change the exit code; lines holding no prompt"
                    + " (batch results, embeddings requests) are counted apart by reason.")
    String jsonl;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files and folders to audit (- for standard input).")
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
        if (jsonl != null) {
            return jsonl(out, err);
        }
        if (paths == null || paths.isEmpty()) {
            err.println("promptport audit: give the files or folders to audit (PATH), or --jsonl FILE");
            return Main.BAD_INPUT;
        }
        try {
            RuleConfig config = settings.resolve(paths);
            List<Target> targets = Settings.targets(to, config);
            Options options = Options.DEFAULT.withRules(Settings.rules(config)).withLimits(limits.limits());
            Inputs inputs = Inputs.collect(paths, config, stdin, limits.maxInputBytes());
            OutputTarget.refuseInput(output, "report", inputs.files);
            inputs.reportSkipped(err);
            Progress progress = Progress.forTerminal(err, inputs.inputs.size());
            AuditResult result = Audit.run(inputs.inputs, targets, options, progress);
            progress.finish();
            List<InputProblem> problems = new ArrayList<>(inputs.problems);
            problems.addAll(result.problems());
            result = Suppressions.apply(result.withProblems(problems));
            InputProblems.print(problems, err);
            String report = switch (format) {
                case text -> TextReport.write(result);
                case json -> JsonReport.write(result);
                case html -> HtmlReport.write(result);
            };
            OutputTarget.write(output, report, out);
            if (output != null) {
                err.println("promptport: wrote " + TerminalText.escape(output.toString()));
            }
            return problems.isEmpty() ? Main.OK : Main.BAD_INPUT;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
    }

    /** {@code --jsonl}: a traffic audit of one JSONL log, streamed on all cores. */
    private Integer jsonl(PrintWriter out, PrintWriter err) {
        if (paths != null && !paths.isEmpty()) {
            err.println("promptport audit: give either --jsonl FILE or PATHs, not both");
            return Main.BAD_INPUT;
        }
        if (format == Format.html) {
            err.println("promptport audit: --jsonl reports as text or json, not html");
            return Main.BAD_INPUT;
        }
        try {
            LogFiles files;
            if ("-".equals(jsonl)) {
                files = LogFiles.one(null, "<stdin>", () -> stdin);
            } else {
                Path log = Path.of(jsonl);
                if (!Files.exists(log)) {
                    throw new InputFile.InputError(jsonl, "no such file or folder");
                }
                files = Files.isDirectory(log) ? logFiles(log) : LogFiles.one(log, jsonl, () -> Files.newInputStream(log));
                OutputTarget.refuseInput(output, "report", files.paths());
            }
            RuleConfig config = settings.resolve(List.of(jsonl));
            List<Target> targets = Settings.targets(to, config);
            // the limits apply to each line; the log itself is streamed, whatever its size
            Options options = Options.DEFAULT.withRules(Settings.rules(config)).withLimits(limits.limits());
            TrafficSummary summary;
            try (InputStream in = files.open()) {
                summary = TrafficAudit.run(in, targets, options);
            } catch (IOException e) {
                throw new InputFile.InputError(jsonl, InputFile.unreadable(e));
            }
            if (!files.manyFiles() && files.unreadable().size() == 1 && files.unreadable().get(0).afterLine() == 0
                    && !files.unreadable().get(0).midLine()) {
                // one log with nothing read of it: no report to give
                throw new InputFile.InputError(jsonl, "cannot be read: " + files.unreadable().get(0).problem());
            }
            String report = format == Format.json ? TrafficJson.write(summary, files) : TrafficText.write(summary, files);
            OutputTarget.write(output, report, out);
            if (output != null) {
                err.println("promptport: wrote " + TerminalText.escape(output.toString()));
            }
            if (!files.unreadable().isEmpty()) {
                for (LogFiles.Unreadable u : files.unreadable()) {
                    err.println("promptport: " + TerminalText.escape(u.file()) + ": cannot be read to its end: "
                            + TerminalText.message(u.description()));
                }
                return Main.BAD_INPUT;
            }
            return Main.OK;
        } catch (PromptPortException e) {
            err.println("promptport: " + TerminalText.escape(e.describe()));
            return Main.BAD_INPUT;
        } catch (InputFile.InputError e) {
            err.println("promptport: " + TerminalText.escape(e.getMessage()));
            return Main.BAD_INPUT;
        }
    }

    /** A log kept as the files under a folder (Bedrock's delivery to S3, say), read in path order. */
    private static LogFiles logFiles(Path folder) {
        List<Path> under;
        try {
            under = LogFiles.under(folder);
        } catch (IOException e) {
            throw new InputFile.InputError(folder.toString(), InputFile.unreadable(e));
        }
        if (under.isEmpty()) {
            throw new InputFile.InputError(folder.toString(), "is a folder holding no file to read");
        }
        return new LogFiles(under, under.stream().map(Path::toString).toList());
    }
}
