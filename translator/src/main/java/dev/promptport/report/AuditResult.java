package dev.promptport.report;

import dev.promptport.Limits;
import dev.promptport.Target;
import dev.promptport.rules.RuleSet;

import java.util.List;

/**
 * Every input audited for every target, and the inputs that could not be read.
 *
 * @param limits the limits the inputs were read with: a report reads a request again to place
 *     its findings, and must accept every request the run accepted
 * @param rules the rules the run used, so that a report describes a team's own rules by their
 *     title and fix as it does the built-in ones
 */
public record AuditResult(List<Target> targets, List<FileResult> files, List<InputProblem> problems, Limits limits,
                          RuleSet rules) {
    public AuditResult {
        targets = List.copyOf(targets);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        limits = limits == null ? Limits.DEFAULTS : limits;
        rules = rules == null ? RuleSet.builtIn() : rules;
    }

    /** A result read with the default limits and the built-in rules. */
    public AuditResult(List<Target> targets, List<FileResult> files, List<InputProblem> problems) {
        this(targets, files, problems, Limits.DEFAULTS, RuleSet.builtIn());
    }

    /** The same run with {@code newFiles} in place of its files (findings filtered out, say). */
    public AuditResult withFiles(List<FileResult> newFiles) {
        return new AuditResult(targets, newFiles, problems, limits, rules);
    }

    /** The same run with {@code newProblems} in place of its problems. */
    public AuditResult withProblems(List<InputProblem> newProblems) {
        return new AuditResult(targets, files, newProblems, limits, rules);
    }
}
