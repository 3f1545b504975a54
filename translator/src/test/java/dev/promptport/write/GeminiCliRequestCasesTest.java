package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * gemini-cli's cases for histories cut from the front before they go to Gemini
 * (google-gemini/gemini-cli {@code packages/core/src/services/loopDetectionService.test.ts}
 * "should prepend user message if history starts with a function call", from issue #11814, and
 * the compression boundary of pull request #4141, "Don't start uncompressed history with a
 * function response"). Here each cut history is a Claude request translated for Gemini.
 */
class GeminiCliRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String TOOLS = ",\"tools\":[{\"name\":\"read_file\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}]";

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    private static String request(String messages) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1000,\"messages\":" + messages + TOOLS + "}";
    }

    /**
     * Issue #11814: Gemini answers 400 "Please ensure that function call turn comes immediately
     * after a user turn or after a function response turn" when the history starts with a function
     * call. gemini-cli puts a user message first; so does promptport (PP189), on Gemini 2.5 and 3.
     */
    @Test
    void aHistoryThatStartsWithAFunctionCallGetsAUserTurnFirst() {
        String req = request("[{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"c1\",\"name\":\"read_file\",\"input\":{\"path\":\"a.txt\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"c1\",\"content\":\"hello\"}]},"
                + "{\"role\":\"assistant\",\"content\":\"a.txt says hello.\"},{\"role\":\"user\",\"content\":\"Is this a loop?\"}]");
        for (String target : new String[] {"gemini:gemini-2.5-flash", "gemini:gemini-3-flash-preview"}) {
            Translation t = PEER.translate("starts-with-call " + target, req, target);
            JsonNode contents = json(t).path("contents");
            assertThat(contents.at("/0/role").asText()).as(target).isEqualTo("user");
            assertThat(contents.at("/0/parts/0/text").asText()).isEqualTo("[The start of this conversation is not included.]");
            assertThat(contents.at("/1/role").asText()).isEqualTo("model");
            assertThat(contents.at("/1/parts").toString()).contains("\"functionCall\"");
            assertThat(contents).hasSize(5);
            assertThat(ids(t)).contains("PP189");
        }
    }

    /**
     * Pull request #4141: a history whose first content is a function response, its call cut
     * away, chokes Gemini. gemini-cli moves the cut; promptport sends the response as user text
     * that says whose result it is (PP204), so the history starts with the user.
     */
    @Test
    void aHistoryThatStartsWithAFunctionResponseStartsWithItsText() {
        Translation t = PEER.translate("starts-with-response", request("[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"c1\",\"content\":\"hello\"}]},{\"role\":\"assistant\",\"content\":\"a.txt says hello.\"},"
                + "{\"role\":\"user\",\"content\":\"And b.txt?\"}]"), "gemini:gemini-2.5-flash");
        JsonNode first = json(t).at("/contents/0");
        assertThat(first.path("role").asText()).isEqualTo("user");
        assertThat(first.toString()).doesNotContain("functionResponse").contains("[Result of the tool call c1:]").contains("hello");
        assertThat(ids(t)).contains("PP204").doesNotContain("PP189");
    }
}
