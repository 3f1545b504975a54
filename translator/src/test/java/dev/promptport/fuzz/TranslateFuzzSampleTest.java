package dev.promptport.fuzz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small sample of the fuzz campaign ({@link TranslateFuzz}) in the default test run: 2,000
 * inputs with the fixed seed. It checks correctness only (no exception other than
 * PromptPortException, no internal error, no hang, no prompt text lost without a finding, no
 * request for Claude its SDK refuses or for OpenAI that OpenAI's spec refuses). The time
 * limit per call is 30 s here, so a slow machine cannot fail it; the 2 s limit is the full campaign's.
 */
class TranslateFuzzSampleTest {

    @Test
    void aSampleOfTheFuzzCampaignPasses() throws Exception {
        long seed = Long.getLong("promptport.fuzz.seed", 20261126L);
        FuzzCampaign campaign = new FuzzCampaign(2_000, seed, Runtime.getRuntime().availableProcessors(), 30_000, 20,
                java.nio.file.Path.of("target/fuzz-failures/sample"), 5_000);
        String summary = campaign.run();
        System.out.println(summary);
        assertThat(campaign.failures()).as(summary).isEmpty();
    }
}
