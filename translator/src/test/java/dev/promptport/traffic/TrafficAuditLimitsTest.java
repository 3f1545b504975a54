package dev.promptport.traffic;

import dev.promptport.Limits;
import dev.promptport.Options;
import dev.promptport.Target;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request over a limit is one bad line of the log: counted, explained, and the run goes on. */
class TrafficAuditLimitsTest {

    private static final List<Target> GPT4O = List.of(Target.of("openai:gpt-4o"));
    private static final String FINE = TrafficAuditTest.ANTHROPIC_PLAIN;

    private static TrafficSummary audit(Limits limits, String... lines) throws Exception {
        return TrafficAudit.run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), GPT4O,
                Options.DEFAULT.withLimits(limits), 2);
    }

    private static String nested(int depth) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"x\":" + "[".repeat(depth - 1)
                + "]".repeat(depth - 1) + "}";
    }

    @Test
    void aLineOverEachLimitIsABadLineNamingTheLimitAndTheOthersAreAudited() throws Exception {
        Limits limits = Limits.DEFAULTS.withMaxJsonDepth(10).withMaxTagDepth(2).withMaxTags(6).withMaxInputBytes(400);
        TrafficSummary s = audit(limits,
                FINE,
                nested(11),
                "{\"request\":" + nested(11) + "}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"<a><b><c>x</c></b></a>\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"<a/><a/><a/><a/><a/><a/><a/>\"}]}",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(400) + "\"}]}",
                FINE);
        assertThat(s.lines()).isEqualTo(7);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.badLines()).isEqualTo(5);
        assertThat(s.badExamples()).extracting(TrafficSummary.BadLine::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(s.badExamples()).extracting(TrafficSummary.BadLine::message).satisfiesExactly(
                m -> assertThat(m).contains("JSON depth limit (10)").contains("--max-json-depth"),
                m -> assertThat(m).contains("JSON depth limit (10)").contains("--max-json-depth"),
                m -> assertThat(m).startsWith("/messages/0/content:1:7: ").contains("tag depth limit (2)")
                        .contains("--max-tag-depth"),
                m -> assertThat(m).contains("holds 7 tags").contains("tag count limit (6)").contains("--max-tags"),
                m -> assertThat(m).contains("input size limit (400 bytes)").contains("--max-input-mb"));
    }

    @Test
    void aStreamedLineOverTheSizeLimitIsABadLineNamingItsLengthAndTheLinesAfterItAreAudited() throws Exception {
        long huge = 40L << 20;
        Utf8LinesProperties.Generated log = new Utf8LinesProperties.Generated(huge, "\n" + FINE + "\n" + FINE);
        TrafficSummary s = TrafficAudit.run(log, GPT4O, Options.DEFAULT.withLimits(Limits.DEFAULTS.withMaxInputBytes(1 << 20)), 2);
        assertThat(s.lines()).isEqualTo(3);
        assertThat(s.requests()).isEqualTo(2);
        assertThat(s.badExamples()).extracting(TrafficSummary.BadLine::line).containsExactly(1L);
        assertThat(s.badExamples().get(0).message()).isEqualTo("the line is " + huge
                + " bytes, larger than the input size limit (1 MB); raise it with --max-input-mb");
        assertThat(log.largestBuffer).isLessThanOrEqualTo((1 << 20) + 1);
    }

    @Test
    void aWrappedRequestExactlyAtTheDepthLimitIsAuditedThoughItsLineIsOneLevelDeeper() throws Exception {
        TrafficSummary s = audit(Limits.DEFAULTS.withMaxJsonDepth(10), "{\"request\":" + nested(10) + "}", nested(10));
        assertThat(s.badLines()).as("%s", s.badExamples()).isZero();
        assertThat(s.requests()).isEqualTo(2);
    }

    @Test
    void raisingTheLimitMakesTheSameLinesGood() throws Exception {
        TrafficSummary s = audit(Limits.DEFAULTS.withMaxJsonDepth(2_000), nested(1_500), "{\"body\":" + nested(1_500) + "}");
        assertThat(s.badLines()).as("%s", s.badExamples()).isZero();
        TrafficSummary d = audit(Limits.DEFAULTS, nested(1_500));
        assertThat(d.badLines()).isEqualTo(1);
        assertThat(d.badExamples().get(0).message()).contains("JSON depth limit (256)");
    }
}
