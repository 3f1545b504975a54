package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Target;
import dev.promptport.risk.Risk;

import java.util.List;

/**
 * One input translated for one target.
 *
 * @param output the translated request JSON or prompt text
 */
public record TargetResult(Target target, Risk risk, List<Finding> findings, String output) {
    public TargetResult {
        findings = List.copyOf(findings);
    }
}
