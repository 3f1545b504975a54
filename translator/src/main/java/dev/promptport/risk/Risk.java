package dev.promptport.risk;

import dev.promptport.Finding;
import dev.promptport.Severity;

import java.util.List;

/**
 * How risky moving one prompt to one target is.
 *
 * <ul>
 *   <li>{@code level}: A when every finding is information only (translated automatically,
 *       no behaviour risk); B when the worst finding is low or medium (translated, behaviour
 *       may change: review); C when any finding is high or a blocker (manual work needed).</li>
 *   <li>{@code score}: 0 (drop-in) to 100, the sum of the findings' severity weights
 *       (info 0, low 2, medium 5, high 15, blocker 40), capped at 100.</li>
 *   <li>{@code effort}: the findings' effort in minutes, summed.</li>
 * </ul>
 */
public record Risk(Level level, int score, int effort) {

    public enum Level {
        A, B, C
    }

    public static int weight(Severity s) {
        return switch (s) {
            case INFO -> 0;
            case LOW -> 2;
            case MEDIUM -> 5;
            case HIGH -> 15;
            case BLOCKER -> 40;
        };
    }

    public static Risk of(List<Finding> findings) {
        int score = 0;
        int effort = 0;
        Severity worst = Severity.INFO;
        for (Finding f : findings) {
            score += weight(f.severity());
            effort += f.effort();
            if (f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        Level level = worst.compareTo(Severity.HIGH) >= 0 ? Level.C : worst == Severity.INFO ? Level.A : Level.B;
        return new Risk(level, Math.min(100, score), effort);
    }
}
