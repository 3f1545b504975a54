package dev.promptport.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply fuzz campaign ({@link ReplyFuzzCampaign}), run on demand:
 * {@code mvn -pl translator test -Pfuzz -Dtest=ReplyFuzz}. Not part of the default build. It
 * reads the request campaign's properties: {@code promptport.fuzz.count} (default 1,000,000),
 * {@code promptport.fuzz.seed}, {@code promptport.fuzz.threads}, {@code promptport.fuzz.timeoutMillis}
 * (2000), {@code promptport.fuzz.maxFailures} (20), {@code promptport.fuzz.minimizeMillis},
 * {@code promptport.fuzz.maxSeconds}. Failing inputs are written to {@code target/reply-fuzz-failures/}.
 */
class ReplyFuzz {

    @Test
    void repliesAndStreamsSurviveTheFuzzCampaign() throws Exception {
        ReplyFuzzCampaign campaign = ReplyFuzzCampaign.fromProperties(1_000_000L, 120_000L);
        String summary = campaign.run();
        System.out.println(summary);
        assertThat(campaign.failures()).as(summary).isEmpty();
    }
}
