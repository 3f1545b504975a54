package dev.promptport.traffic;

import java.util.List;

/**
 * The aggregate of a traffic audit. Everything in it is independent of thread scheduling:
 * counts are sums, examples are the smallest line numbers, features are ranked by lines
 * touched and then by name.
 *
 * @param lines non-blank lines read (requests, bad lines and skipped lines)
 * @param requests lines that were requests and translated for every target
 * @param badLines lines that were not JSON or not a request
 * @param badExamples up to {@link TrafficAudit#BAD_EXAMPLES} bad lines, smallest line numbers first
 * @param targets one entry per target, in the order given
 * @param skipped lines that are known records holding no prompt (batch results, embeddings
 *                requests), by reason, most lines first
 */
public record TrafficSummary(long lines, long requests, long badLines, List<BadLine> badExamples,
                             List<TargetTraffic> targets, List<SkippedLines> skipped) {

    public TrafficSummary {
        badExamples = List.copyOf(badExamples);
        targets = List.copyOf(targets);
        skipped = List.copyOf(skipped);
    }

    /** An audit with no skipped lines. */
    public TrafficSummary(long lines, long requests, long badLines, List<BadLine> badExamples,
                          List<TargetTraffic> targets) {
        this(lines, requests, badLines, badExamples, targets, List.of());
    }

    /** Lines skipped for every reason. */
    public long skippedLines() {
        return skipped.stream().mapToLong(SkippedLines::lines).sum();
    }

    /** Lines skipped for one reason: how many, and the first's 1-based line number. */
    public record SkippedLines(String reason, long lines, long firstLine) {
    }

    /** A line that could not be audited: its 1-based line number and why. */
    public record BadLine(long line, String message) {
    }

    /**
     * One target's share of the traffic.
     *
     * @param levelA requests at level A (information-only findings)
     * @param levelB requests at level B (worst finding low or medium)
     * @param levelC requests at level C (a high or blocker finding)
     * @param features features with a finding above info, most lines touched first
     */
    public record TargetTraffic(String target, long levelA, long levelB, long levelC, List<FeatureTraffic> features) {

        public TargetTraffic {
            features = List.copyOf(features);
        }

        public long requests() {
            return levelA + levelB + levelC;
        }
    }

    /**
     * @param lines requests with at least one finding of this feature above info
     * @param examples up to {@link TrafficAudit#FEATURE_EXAMPLES} of their line numbers, smallest first
     */
    public record FeatureTraffic(String feature, long lines, List<Long> examples) {

        public FeatureTraffic {
            examples = List.copyOf(examples);
        }
    }
}
