package dev.promptport;

import dev.promptport.report.AuditResult;
import dev.promptport.report.FileResult;
import dev.promptport.report.InputProblem;
import dev.promptport.report.TargetResult;
import dev.promptport.risk.Risk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Audits many inputs for several targets: every input is translated for every target, its
 * findings filtered by the team's suppressions, and its risk scored. Inputs are independent,
 * so they are translated in parallel; the result keeps the inputs' order.
 */
public final class Audit {

    private Audit() {
    }

    /**
     * One input.
     *
     * @param path the path as the user named it
     * @param format the request's format, or {@code null} for a prompt file
     */
    public record Input(String path, String text, InputFormat format) {

        /** An Anthropic request ({@code request}) or a prompt file. */
        public Input(String path, String text, boolean request) {
            this(path, text, request ? InputFormat.ANTHROPIC : null);
        }

        public boolean request() {
            return format != null;
        }
    }

    private record Outcome(FileResult file, InputProblem problem) {
    }

    public static AuditResult run(List<Input> inputs, List<Target> targets, Options options) {
        return run(inputs, targets, options, done -> { });
    }

    /** As {@link #run(List, List, Options)}, telling {@code progress} how many inputs are done. */
    public static AuditResult run(List<Input> inputs, List<Target> targets, Options options, IntConsumer progress) {
        AtomicInteger done = new AtomicInteger();
        List<Outcome> outcomes = inputs.parallelStream().map(in -> {
            Outcome o = audit(in, targets, options);
            progress.accept(done.incrementAndGet());
            return o;
        }).toList();
        List<FileResult> files = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Outcome o : outcomes) {
            Optional.ofNullable(o.file()).ifPresent(files::add);
            Optional.ofNullable(o.problem()).ifPresent(problems::add);
        }
        return new AuditResult(targets, files, problems, options.limits(), options.rules());
    }

    /** Dotprompt, Prompty and GitHub Models prompt files are told by their extension. */
    /**
     * The rules suppressed for the input's path; none for a name no file system path can take
     * (a NUL in it), which no suppression's glob matches either.
     */
    private static Set<String> suppressedFor(String path, Options options) {
        try {
            return options.rules().config().suppressedFor(Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            return Set.of();
        }
    }

    static Prompt promptOf(Input in) {
        return Prompt.ofFile(in.path(), in.text());
    }

    private static Outcome audit(Input in, List<Target> targets, Options options) {
        List<TargetResult> results = new ArrayList<>(targets.size());
        Set<String> suppressed = suppressedFor(in.path(), options);
        try {
            // a request is read once for all the targets
            List<Translation> translations = in.request() ? PromptPort.translate(in.text(), in.format(), targets, options)
                    : null;
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get(i);
                Translation t = in.request() ? translations.get(i) : PromptPort.translate(promptOf(in), target, options);
                List<Finding> findings = t.findings();
                if (suppressed != null) {
                    findings = findings.stream().filter(f -> !suppressed.isEmpty() && !suppressed.contains(f.id())).toList();
                }
                results.add(new TargetResult(target, Risk.of(findings), findings, t.output()));
            }
        } catch (PromptPortException e) {
            return new Outcome(null, new InputProblem(in.path(), e.location().display(), e.getMessage()));
        }
        return new Outcome(new FileResult(in.path(), in.request() ? "request" : "prompt", in.text(), results), null);
    }
}
