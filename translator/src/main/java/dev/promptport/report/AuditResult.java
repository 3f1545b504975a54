package dev.promptport.report;

import dev.promptport.Limits;
import dev.promptport.Target;

import java.util.List;

/**
 * Every input audited for every target, and the inputs that could not be read.
 *
 * @param limits the limits the inputs were read with: a report reads a request again to place
 *     its findings, and must accept every request the run accepted
 */
public record AuditResult(List<Target> targets, List<FileResult> files, List<InputProblem> problems, Limits limits) {
    public AuditResult {
        targets = List.copyOf(targets);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        limits = limits == null ? Limits.DEFAULTS : limits;
    }

    /** A result read with the default limits. */
    public AuditResult(List<Target> targets, List<FileResult> files, List<InputProblem> problems) {
        this(targets, files, problems, Limits.DEFAULTS);
    }
}
