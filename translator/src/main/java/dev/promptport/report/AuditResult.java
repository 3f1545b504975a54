package dev.promptport.report;

import dev.promptport.Target;

import java.util.List;

/** Every input audited for every target, and the inputs that could not be read. */
public record AuditResult(List<Target> targets, List<FileResult> files, List<InputProblem> problems) {
    public AuditResult {
        targets = List.copyOf(targets);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
