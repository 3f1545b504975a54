package dev.promptport.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full fuzz campaign, run on demand: {@code mvn -pl translator test -Pfuzz -Dtest=TranslateFuzz}.
 * Not part of the default build (surefire includes only {@code *Test} and {@code *Properties}
 * there). Properties: {@code promptport.fuzz.count} (default 1,000,000), {@code promptport.fuzz.seed}
 * (fixed by default, so failures reproduce), {@code promptport.fuzz.threads},
 * {@code promptport.fuzz.timeoutMillis} (2000), {@code promptport.fuzz.maxFailures} (20),
 * {@code promptport.fuzz.minimizeMillis}, {@code promptport.fuzz.maxSeconds} (stop generating after this
 * long and report the inputs run; 0, the default, means no limit). Failing inputs are written to {@code target/fuzz-failures/}.
 */
class TranslateFuzz {

    @Test
    void translateSurvivesTheFuzzCampaign() throws Exception {
        FuzzCampaign campaign = FuzzCampaign.fromProperties(1_000_000L, 120_000L);
        String summary = campaign.run();
        System.out.println(summary);
        assertThat(campaign.failures()).as(summary).isEmpty();
    }
}
