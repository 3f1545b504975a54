package dev.promptport.traffic;

import dev.promptport.risk.Risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One worker's share of the aggregate: counts and the smallest example line numbers. Its size
 * is bounded by the number of targets and features, never by the number of lines; partials
 * merge in any order to the same result.
 */
final class Partial {

    private static final class FeatureCount {
        long lines;
        final SmallestLines examples = new SmallestLines(TrafficAudit.FEATURE_EXAMPLES);
    }

    private final List<String> targets;
    private long lines;
    private long requests;
    private long bad;
    private final long[][] levels;
    private final List<Map<String, FeatureCount>> features = new ArrayList<>();
    private final TreeMap<Long, String> badExamples = new TreeMap<>();
    /** By reason (a few fixed sentences): how many lines, and the first. */
    private final TreeMap<String, long[]> skipped = new TreeMap<>();

    Partial(List<String> targets) {
        this.targets = List.copyOf(targets);
        levels = new long[targets.size()][Risk.Level.values().length];
        for (int i = 0; i < targets.size(); i++) {
            features.add(new HashMap<>());
        }
    }

    void addBad(long line, String message) {
        lines++;
        bad++;
        if (badExamples.size() < TrafficAudit.BAD_EXAMPLES || line < badExamples.lastKey()) {
            badExamples.put(line, message);
            if (badExamples.size() > TrafficAudit.BAD_EXAMPLES) {
                badExamples.pollLastEntry();
            }
        }
    }

    void addSkipped(long line, String reason) {
        lines++;
        long[] c = skipped.computeIfAbsent(reason, k -> new long[] {0, line});
        c[0]++;
        c[1] = Math.min(c[1], line);
    }

    /** One request: its level for each target and, per target, the features with a finding above info. */
    void addRequest(long line, List<Risk.Level> levelPerTarget, List<List<String>> featuresPerTarget) {
        lines++;
        requests++;
        for (int i = 0; i < levelPerTarget.size(); i++) {
            levels[i][levelPerTarget.get(i).ordinal()]++;
            Map<String, FeatureCount> byFeature = features.get(i);
            for (String f : featuresPerTarget.get(i)) {
                FeatureCount c = byFeature.computeIfAbsent(f, k -> new FeatureCount());
                c.lines++;
                c.examples.add(line);
            }
        }
    }

    void merge(Partial o) {
        lines += o.lines;
        requests += o.requests;
        bad += o.bad;
        for (var e : o.badExamples.entrySet()) {
            badExamples.put(e.getKey(), e.getValue());
        }
        while (badExamples.size() > TrafficAudit.BAD_EXAMPLES) {
            badExamples.pollLastEntry();
        }
        for (var e : o.skipped.entrySet()) {
            long[] c = skipped.computeIfAbsent(e.getKey(), k -> new long[] {0, Long.MAX_VALUE});
            c[0] += e.getValue()[0];
            c[1] = Math.min(c[1], e.getValue()[1]);
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int l = 0; l < levels[i].length; l++) {
                levels[i][l] += o.levels[i][l];
            }
            Map<String, FeatureCount> mine = features.get(i);
            for (var e : o.features.get(i).entrySet()) {
                FeatureCount c = mine.computeIfAbsent(e.getKey(), k -> new FeatureCount());
                c.lines += e.getValue().lines;
                for (long n : e.getValue().examples.toArray()) {
                    c.examples.add(n);
                }
            }
        }
    }

    TrafficSummary summary() {
        List<TrafficSummary.TargetTraffic> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<TrafficSummary.FeatureTraffic> ranked = new ArrayList<>();
            for (var e : features.get(i).entrySet()) {
                List<Long> examples = new ArrayList<>();
                for (long n : e.getValue().examples.toArray()) {
                    examples.add(n);
                }
                ranked.add(new TrafficSummary.FeatureTraffic(e.getKey(), e.getValue().lines, examples));
            }
            ranked.sort(Comparator.comparingLong(TrafficSummary.FeatureTraffic::lines).reversed()
                    .thenComparing(TrafficSummary.FeatureTraffic::feature));
            long[] l = levels[i];
            out.add(new TrafficSummary.TargetTraffic(targets.get(i), l[Risk.Level.A.ordinal()],
                    l[Risk.Level.B.ordinal()], l[Risk.Level.C.ordinal()], ranked));
        }
        List<TrafficSummary.BadLine> badLines = new ArrayList<>();
        badExamples.forEach((n, m) -> badLines.add(new TrafficSummary.BadLine(n, m)));
        List<TrafficSummary.SkippedLines> skips = new ArrayList<>();
        skipped.forEach((reason, c) -> skips.add(new TrafficSummary.SkippedLines(reason, c[0], c[1])));
        skips.sort(Comparator.comparingLong(TrafficSummary.SkippedLines::lines).reversed()
                .thenComparing(TrafficSummary.SkippedLines::reason));
        return new TrafficSummary(lines, requests, bad, badLines, out, skips);
    }
}
