package dev.promptport.fuzz;

import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz campaign holds every request it translates for OpenAI to OpenAI's published spec. */
class OpenAiSpecVerdictTest {

    @Test
    void aChatRequestWithoutMessagesFailsTheCampaignsSpecCheck() {
        FuzzCampaign.Verdict v = TargetChecks.openAiVerdict(OpenAiSpec.require(), true,
                "{\"model\":\"gpt-4o\",\"messages\":[]}");
        assertThat(v.outcome()).isEqualTo(FuzzCampaign.Outcome.FAILED);
        assertThat(v.signature()).startsWith("openai-spec/chat/$.messages");
    }

    @Test
    void aResponsesRequestWithAMalformedContextManagementEntryFailsIt() {
        FuzzCampaign.Verdict v = TargetChecks.openAiVerdict(OpenAiSpec.require(), false,
                "{\"model\":\"gpt-5\",\"input\":\"Hi\",\"context_management\":[-1]}");
        assertThat(v.outcome()).isEqualTo(FuzzCampaign.Outcome.FAILED);
        assertThat(v.signature()).startsWith("openai-spec/responses/$.context_management");
    }

    @Test
    void aValidChatRequestPassesIt() {
        assertThat(TargetChecks.openAiVerdict(OpenAiSpec.require(), true,
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .isEqualTo(FuzzCampaign.Verdict.OK);
    }
}
