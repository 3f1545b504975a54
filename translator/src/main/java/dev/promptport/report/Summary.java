package dev.promptport.report;

import dev.promptport.Finding;
import dev.promptport.Severity;
import dev.promptport.Target;
import dev.promptport.risk.Risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per target: how many inputs sit at each level, and which features drive the risk. */
public record Summary(List<TargetSummary> targets) {

    /**
     * @param levels inputs at each level
     * @param averageScore mean score over the inputs, rounded
     * @param effort minutes summed over all inputs
     * @param features features with at least one finding above info, most inputs touched first
     */
    public record TargetSummary(Target target, Map<Risk.Level, Integer> levels, int averageScore, int effort,
                                List<FeatureCount> features) {
    }

    /** A feature, how many findings name it, and which inputs have one. */
    public record FeatureCount(String feature, int findings, List<String> paths) {
    }

    public static Summary of(AuditResult result) {
        List<TargetSummary> out = new ArrayList<>();
        for (int i = 0; i < result.targets().size(); i++) {
            Target target = result.targets().get(i);
            Map<Risk.Level, Integer> levels = new EnumMap<>(Risk.Level.class);
            for (Risk.Level l : Risk.Level.values()) {
                levels.put(l, 0);
            }
            int scoreSum = 0;
            int effort = 0;
            int n = 0;
            Map<String, Integer> findings = new LinkedHashMap<>();
            Map<String, Set<String>> paths = new LinkedHashMap<>();
            for (FileResult f : result.files()) {
                TargetResult t = f.targets().get(i);
                levels.merge(t.risk().level(), 1, Integer::sum);
                scoreSum += t.risk().score();
                effort += t.risk().effort();
                n++;
                for (Finding finding : t.findings()) {
                    if (finding.severity() != Severity.INFO) {
                        findings.merge(finding.feature(), 1, Integer::sum);
                        paths.computeIfAbsent(finding.feature(), k -> new LinkedHashSet<>()).add(f.path());
                    }
                }
            }
            List<FeatureCount> features = new ArrayList<>();
            findings.forEach((feature, count) -> features.add(new FeatureCount(feature, count, List.copyOf(paths.get(feature)))));
            features.sort(Comparator.comparingInt((FeatureCount c) -> -c.paths().size())
                    .thenComparingInt(c -> -c.findings()).thenComparing(FeatureCount::feature));
            out.add(new TargetSummary(target, levels, n == 0 ? 0 : Math.round((float) scoreSum / n), effort, features));
        }
        return new Summary(out);
    }
}
