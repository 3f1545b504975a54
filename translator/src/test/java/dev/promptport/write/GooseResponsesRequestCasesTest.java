package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goose's case for writing OpenAI Responses requests (block/goose
 * {@code crates/goose/src/providers/formats/openai_responses.rs},
 * "test_history_preserves_chronological_order"), restated as a Claude request.
 */
class GooseResponsesRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();

    /**
     * Two assistant turns, each a sentence then a call: the input keeps each sentence before its
     * own call, not all sentences first and the calls after.
     */
    @Test
    void eachAssistantSentenceStaysBeforeItsOwnCall() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Make a file\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"I'll create that file.\"},{\"type\":\"tool_use\","
                + "\"id\":\"call_1\",\"name\":\"shell\",\"input\":{\"command\":\"echo hello\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"ok\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Now let me verify.\"},{\"type\":\"tool_use\","
                + "\"id\":\"call_2\",\"name\":\"shell\",\"input\":{\"command\":\"cat file.txt\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_2\",\"content\":\"hello\"}]}]}";
        JsonNode input = json(PEER.translate("order", req, "openai-responses:gpt-5")).path("input");
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : input) {
            kinds.add(item.has("role") ? item.path("role").asText() : item.path("type").asText());
        }
        assertThat(kinds).containsExactly("user", "assistant", "function_call", "function_call_output",
                "assistant", "function_call", "function_call_output");
        assertThat(input.at("/1/content").toString()).contains("I'll create that file.");
        assertThat(input.at("/2/call_id").asText()).isEqualTo("call_1");
        assertThat(input.at("/4/content").toString()).contains("Now let me verify.");
        assertThat(input.at("/5/call_id").asText()).isEqualTo("call_2");
    }
}
