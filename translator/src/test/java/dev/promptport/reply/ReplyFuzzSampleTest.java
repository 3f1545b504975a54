package dev.promptport.reply;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small sample of the reply fuzz campaign ({@link ReplyFuzz}) in the default test run: 3,000
 * whole replies and streams with the fixed seed, every fixture among the seeds. The time limit
 * per call is 30 s here, so a slow machine cannot fail it; the 2 s limit is the full campaign's.
 */
class ReplyFuzzSampleTest {

    @Test
    void aSampleOfTheReplyFuzzCampaignPasses() throws Exception {
        long seed = Long.getLong("promptport.fuzz.seed", 20261128L);
        ReplyFuzzCampaign campaign = new ReplyFuzzCampaign(3_000, seed, Runtime.getRuntime().availableProcessors(), 30_000, 20,
                Path.of("target/reply-fuzz-failures/sample"), 5_000);
        assertThat(campaign.seedCount()).as("fixtures found among the test sources").isGreaterThan(100);
        String summary = campaign.run();
        System.out.println(summary);
        assertThat(campaign.failures()).as(summary).isEmpty();
    }
}
