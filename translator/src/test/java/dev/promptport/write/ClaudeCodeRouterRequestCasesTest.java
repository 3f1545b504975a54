package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * claude-code-router's cases for its Anthropic transformer, request side (musistudio/claude-code-router
 * {@code packages/core/src/transformer/__tests__/anthropic.transformer.test.ts},
 * {@code AnthropicTransformer.transformRequestOut}). The router converts to its own OpenAI-like
 * request; here the target is OpenAI's Chat Completions, checked against OpenAI's spec.
 */
class ClaudeCodeRouterRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String GPT = "openai:gpt-4o";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-6\",\"max_tokens\":100,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static final String HI = "[{\"role\":\"user\",\"content\":\"hi\"}]";

    /**
     * "converts string system prompt" and "converts array system prompt and preserves
     * cache_control": the router keeps the blocks and their cache marks; OpenAI's system message
     * takes neither, so the blocks are one text and the mark is named (PP113).
     */
    @Test
    void systemTextInEitherShapeIsTheFirstMessage() {
        assertThat(json(PEER.translate("system-string", request(HI, "\"system\":\"you are helpful\""), GPT)).at("/messages/0").toString())
                .isEqualTo("{\"role\":\"system\",\"content\":\"you are helpful\"}");
        Translation t = PEER.translate("system-blocks", request(HI, "\"system\":[{\"type\":\"text\",\"text\":\"rule one\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}},{\"type\":\"text\",\"text\":\"rule two\"}]"), GPT);
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("rule one\n\nrule two");
        assertThat(ids(t)).contains("PP113");
    }

    /**
     * The same case's image among the system blocks, which the router filters out without a
     * word. Claude's API refuses it, and no target carries one there: it used to vanish from
     * every translation; it is now an input error that says where to put it.
     */
    @Test
    void anImageAmongTheSystemBlocksIsAnInputError() {
        String req = request(HI, "\"system\":[{\"type\":\"text\",\"text\":\"rule one\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]");
        for (String target : new String[] {GPT, "gemini:gemini-2.5-flash", "anthropic:claude-sonnet-4-5"}) {
            assertThatThrownBy(() -> PromptPort.translate(req, Target.of(target))).as(target).isInstanceOf(PromptPortException.class)
                    .hasMessageContaining("system holds text blocks only").hasMessageContaining("first user message");
        }
    }

    /** "passes a user string message through unchanged" and "converts user image content to image_url with base64 data URI". */
    @Test
    void userTextAndImagesAreMessagesAndImageUrlParts() {
        assertThat(json(PEER.translate("user-string", request("[{\"role\":\"user\",\"content\":\"hello\"}]", ""), GPT)).path("messages").toString())
                .isEqualTo("[{\"role\":\"user\",\"content\":\"hello\"}]");
        JsonNode parts = json(PEER.translate("user-image", request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"describe this\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KG\"}}]}]", ""), GPT))
                .at("/messages/0/content");
        assertThat(parts.get(0).toString()).isEqualTo("{\"type\":\"text\",\"text\":\"describe this\"}");
        assertThat(parts.get(1).at("/image_url/url").asText()).isEqualTo("data:image/png;base64,iVBORw0KG");
    }

    /**
     * "emits a separate tool role message for each tool_result block". The router sends a result
     * given as blocks as their JSON text; promptport sends the blocks' text, which is what the
     * tool returned.
     */
    @Test
    void eachResultIsAToolMessageOfItsText() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"tool-1\","
                + "\"name\":\"a\",\"input\":{}},{\"type\":\"tool_use\",\"id\":\"tool-2\",\"name\":\"b\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tool-1\",\"content\":\"result-text\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"tool-2\",\"content\":[{\"type\":\"text\",\"text\":\"structured\"}]}]}]", "");
        JsonNode b = json(PEER.translate("two-results", req, GPT));
        assertThat(b.path("messages")).hasSize(4);
        assertThat(b.at("/messages/2").toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"tool-1\",\"content\":\"result-text\"}");
        assertThat(b.at("/messages/3").toString()).isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"tool-2\",\"content\":\"structured\"}");
    }

    /**
     * "joins assistant text parts and converts tool_use to tool_calls". The router joins the
     * parts with a line break; promptport with a blank line, so each stays a paragraph.
     */
    @Test
    void anAssistantsTextPartsAreOneContentBesideItsCalls() {
        String req = request("[{\"role\":\"user\",\"content\":\"go\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"first\"},"
                + "{\"type\":\"text\",\"text\":\"second\"},{\"type\":\"tool_use\",\"id\":\"tu-1\",\"name\":\"search\",\"input\":{\"q\":\"ts\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tu-1\",\"content\":\"found\"}]}]", "");
        JsonNode a = json(PEER.translate("assistant-parts", req, GPT)).at("/messages/1");
        assertThat(a.path("content").asText()).isEqualTo("first\n\nsecond");
        assertThat(a.path("tool_calls").toString())
                .isEqualTo("[{\"id\":\"tu-1\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"q\\\":\\\"ts\\\"}\"}}]");
    }

    /**
     * "preserves assistant thinking block". The router keeps it on the message for its own
     * format; no OpenAI model reads Claude's signed thinking, so it is dropped and named (PP110).
     */
    @Test
    void anEarlierThinkingBlockIsDroppedAndNamed() {
        String req = request("[{\"role\":\"user\",\"content\":\"q\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"reasoning here\","
                + "\"signature\":\"sig-xyz\"},{\"type\":\"text\",\"text\":\"answer\"}]},{\"role\":\"user\",\"content\":\"more\"}]", "");
        Translation t = PEER.translate("thinking-history", req, GPT);
        assertThat(json(t).at("/messages/1/content").asText()).isEqualTo("answer");
        assertThat(t.json()).doesNotContain("reasoning here");
        assertThat(ids(t)).contains("PP110");
    }

    /**
     * "maps Anthropic tools to unified function tools", "maps tool_choice" (auto, any, tool) and
     * "maps thinking config to reasoning with effort": any is OpenAI's "required", a named tool
     * its function form, and a budget of 10000 the effort medium.
     */
    @Test
    void toolsToolChoiceAndThinkingBecomeOpenAisForms() {
        String tools = "\"tools\":[{\"name\":\"search\",\"description\":\"search the web\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"q\":{\"type\":\"string\"}}}}]";
        JsonNode b = json(PEER.translate("tools", request(HI, tools + ",\"tool_choice\":{\"type\":\"auto\"}"), GPT));
        assertThat(b.path("tools").toString()).isEqualTo("[{\"type\":\"function\",\"function\":{\"name\":\"search\",\"description\":\"search the web\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}}]");
        assertThat(b.path("tool_choice").asText()).isEqualTo("auto");
        assertThat(json(PEER.translate("tool-choice-any", request(HI, tools + ",\"tool_choice\":{\"type\":\"any\"}"), GPT)).path("tool_choice").asText())
                .isEqualTo("required");
        assertThat(json(PEER.translate("tool-choice-tool", request(HI, tools + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"search\"}"), GPT))
                .path("tool_choice").toString()).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"search\"}}");
        Translation o3 = PEER.translate("thinking", request(HI, "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":10000}")
                .replace("\"max_tokens\":100", "\"max_tokens\":16000"), "openai:o3");
        assertThat(json(o3).path("reasoning_effort").asText()).isEqualTo("medium");
        assertThat(finding(o3, "PP108").message()).contains("10000");
    }
}
