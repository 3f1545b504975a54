package dev.promptport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** o3 and o4-mini refuse stop sequences; o3-mini, the older model, takes them as any Chat model does. */
class ReasoningStopSequencesTest {

    private static final String REQUEST = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":500,\"stop_sequences\":[\"END\"],"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Count to five, then write END.\"}]}";

    @Test
    void o3MiniKeepsTheStopSequencesThatO3Drops() throws Exception {
        Translation mini = PromptPort.translate(REQUEST, Target.of("openai:o3-mini"));
        assertThat(new ObjectMapper().readTree(mini.json()).path("stop").toString()).isEqualTo("[\"END\"]");
        assertThat(mini.findings()).extracting(Finding::id).doesNotContain("PP132");

        Translation o3 = PromptPort.translate(REQUEST, Target.of("openai:o3"));
        assertThat(o3.json()).doesNotContain("\"stop\"");
        assertThat(o3.findings()).extracting(Finding::id).contains("PP132");
    }
}
