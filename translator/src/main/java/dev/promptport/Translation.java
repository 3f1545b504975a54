package dev.promptport;

import java.util.List;
import java.util.Map;

/**
 * The result of translating one request or prompt for one target.
 *
 * @param json the translated request, or {@code null} when a prompt file was translated
 * @param text the rewritten prompt text, or {@code null} when a request was translated
 * @param findings every change made and everything that could not be carried over
 * @param prefill the assistant prefix that became an instruction, or {@code null}; put it
 *     back in front of the reply
 * @param toolNames tool names changed for the target: the name sent to the original name
 */
public record Translation(Target target, String json, String text, List<Finding> findings,
                          String prefill, Map<String, String> toolNames) {

    public Translation {
        findings = List.copyOf(findings);
        toolNames = Map.copyOf(toolNames);
    }

    /** The translated output: the request JSON, or the prompt text. */
    public String output() {
        return json != null ? json : text;
    }

    /** The most severe finding's severity, or {@code null} when there are none. */
    public Severity worstSeverity() {
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        return worst;
    }
}
