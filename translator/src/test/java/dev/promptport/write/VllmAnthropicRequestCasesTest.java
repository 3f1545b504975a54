package dev.promptport.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPort;
import dev.promptport.PromptPortException;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static dev.promptport.write.PeerRequests.finding;
import static dev.promptport.write.PeerRequests.ids;
import static dev.promptport.write.PeerRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * vLLM's cases for its Anthropic Messages endpoint, request side (vllm-project/vllm
 * {@code tests/entrypoints/anthropic/test_anthropic_messages_conversion.py}: image sources, tool
 * result content, the attribution header, thinking blocks, inline system messages; and
 * {@code test_system_hoist.py}). vLLM converts to its own OpenAI Chat request; here the target is
 * a vLLM server's OpenAI-compatible endpoint, and Gemini where the case differs there.
 */
class VllmAnthropicRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String VLLM = "vllm:Qwen/Qwen2.5-72B-Instruct";
    private static final String GPT = "openai:gpt-4o";
    private static final String GEMINI = "gemini:gemini-2.5-flash";

    private static String request(String messages, String more) {
        return "{\"model\":\"test-model\",\"max_tokens\":128,\"messages\":" + messages + (more.isEmpty() ? "" : "," + more) + "}";
    }

    /** A read_file call and its result holding {@code content}, as vLLM's _make_tool_result_request builds it. */
    private static String toolResult(String content) {
        return request("[{\"role\":\"user\",\"content\":\"Read it\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_001\","
                + "\"name\":\"read_file\",\"input\":{\"path\":\"/tmp/img.png\"}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"call_001\",\"content\":" + content + "}]}]", "");
    }

    private static String image(String source) {
        return "{\"type\":\"image\",\"source\":" + source + "}";
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** TestConvertImageSourceToUrl and TestImageContentBlocks: a base64 image is a data URL, a URL image its URL. */
    @Test
    void base64AndUrlImagesBecomeImageUrlParts() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe these\"},"
                + image("{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"iVBORw0KGgo=\"}") + ","
                + image("{\"type\":\"url\",\"url\":\"https://example.com/cat.png\"}") + "]}]", "");
        JsonNode parts = json(PEER.translate("images", req, GPT)).at("/messages/0/content");
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).toString()).isEqualTo("{\"type\":\"text\",\"text\":\"Describe these\"}");
        assertThat(parts.get(1).at("/image_url/url").asText()).isEqualTo("data:image/jpeg;base64,iVBORw0KGgo=");
        assertThat(parts.get(2).at("/image_url/url").asText()).isEqualTo("https://example.com/cat.png");
    }

    /**
     * test_missing_type_defaults_to_base64, test_missing_media_type_defaults_to_jpeg and
     * test_url_source_missing_url_returns_empty. vLLM guesses base64 and JPEG, or sends an empty
     * URL. Claude's API refuses a source without its type or URL, and so does promptport, with an
     * input error that names the field. Without a media_type the type is read from the data's
     * first bytes: it was sent as application/octet-stream to OpenAI (which refuses it), as JPEG
     * to Gemini and as null to Claude. Data that shows none of the types Claude reads is sent as
     * it came, without a type, as before.
     */
    @Test
    void anImageWithoutItsMediaTypeTakesTheTypeItsBytesShow() {
        String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";
        String req = request("[{\"role\":\"user\",\"content\":[" + image("{\"type\":\"base64\",\"data\":\"" + png + "\"}") + "]}]", "");
        assertThat(json(PEER.translate("no-media-type", req, GPT)).at("/messages/0/content/0/image_url/url").asText())
                .isEqualTo("data:image/png;base64," + png);
        assertThat(json(PEER.translate("no-media-type", req, GEMINI)).at("/contents/0/parts/0/inlineData/mimeType").asText())
                .isEqualTo("image/png");
        assertThat(json(PEER.translate("no-media-type", req, "anthropic:claude-sonnet-4-5")).at("/messages/0/content/0/source/media_type")
                .asText()).isEqualTo("image/png");
        String[][] refused = {{"{\"media_type\":\"image/webp\",\"data\":\"UklGR\"}", "\"type\""}, {"{\"type\":\"url\"}", "\"url\""}};
        for (String[] c : refused) {
            String bad = request("[{\"role\":\"user\",\"content\":[" + image(c[0]) + "]}]", "");
            assertThatThrownBy(() -> PromptPort.translate(bad, Target.of(GPT))).as(c[0]).isInstanceOf(PromptPortException.class)
                    .hasMessageContaining(c[1]);
        }
        String unknown = request("[{\"role\":\"user\",\"content\":[" + image("{\"type\":\"base64\",\"data\":\"abc123\"}") + "]}]", "");
        assertThat(PromptPort.translate(unknown, Target.of(GPT)).json()).contains("abc123");
    }

    /**
     * TestToolResultContent string and text blocks. vLLM joins the blocks with one line break;
     * promptport keeps each block a paragraph of its own (a blank line), so two blocks whose
     * text runs on are not read as one line.
     */
    @Test
    void aResultsTextIsTheToolMessage() {
        JsonNode s = json(PEER.translate("result-string", toolResult("\"file contents here\""), VLLM));
        assertThat(s.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(s.at("/messages/2/tool_call_id").asText()).isEqualTo("call_001");
        assertThat(s.at("/messages/2/content").asText()).isEqualTo("file contents here");
        JsonNode b = json(PEER.translate("result-blocks", toolResult("[{\"type\":\"text\",\"text\":\"line 1\"},{\"type\":\"text\",\"text\":\"line 2\"}]"), VLLM));
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("line 1\n\nline 2");
        assertThat(b.path("messages")).hasSize(3);
        JsonNode n = json(PEER.translate("result-null", toolResult("null"), VLLM));
        assertThat(n.at("/messages/2/content").asText()).isEmpty();
    }

    /**
     * test_tool_result_with_image, _with_text_and_image and _with_multiple_images: a Chat tool
     * message carries text only, so the result's images follow in one user message, in order
     * (PP128); the tool message keeps the text, or is empty.
     */
    @Test
    void aResultsImagesFollowInOneUserMessage() {
        Translation one = PEER.translate("result-image", toolResult("[" + image("{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AAAA\"}") + "]"), GPT);
        JsonNode b = json(one);
        assertThat(b.at("/messages/2/content").asText()).isEmpty();
        assertThat(b.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/3/content")).hasSize(1);
        assertThat(b.at("/messages/3/content/0/image_url/url").asText()).isEqualTo("data:image/png;base64,AAAA");
        assertThat(ids(one)).contains("PP128");
        JsonNode mixed = json(PEER.translate("result-text-image", toolResult("[{\"type\":\"text\",\"text\":\"Here is the screenshot\"},"
                + image("{\"type\":\"base64\",\"media_type\":\"image/jpeg\",\"data\":\"QUFB\"}") + "]"), GPT));
        assertThat(mixed.at("/messages/2/content").asText()).isEqualTo("Here is the screenshot");
        assertThat(mixed.at("/messages/3/content/0/image_url/url").asText()).isEqualTo("data:image/jpeg;base64,QUFB");
        JsonNode two = json(PEER.translate("result-two-images", toolResult("[" + image("{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"IMG1\"}")
                + "," + image("{\"type\":\"url\",\"url\":\"https://example.com/img2.jpg\"}") + "]"), GPT));
        assertThat(two.path("messages")).hasSize(4);
        assertThat(two.at("/messages/3/content")).extracting(p -> p.at("/image_url/url").asText())
                .containsExactly("data:image/png;base64,IMG1", "https://example.com/img2.jpg");
        JsonNode text = json(PEER.translate("result-no-images", toolResult("[{\"type\":\"text\",\"text\":\"just text\"}]"), GPT));
        assertThat(text.path("messages")).hasSize(3);
    }

    /**
     * TestAttributionHeaderStripping and TestInlineSystemMessageInMessagesArray: Claude Code's
     * billing block is left out wherever it stands among the system blocks, so the target's
     * prefix cache can match the unchanged prompt; it is named (PP114). The other blocks are sent
     * as they were.
     */
    @Test
    void theBillingBlockIsLeftOutWhereverItStands() {
        String second = request("[{\"role\":\"user\",\"content\":\"Hello\"}]", "\"system\":[{\"type\":\"text\",\"text\":\"You are a helpful assistant.\"},"
                + "{\"type\":\"text\",\"text\":\"x-anthropic-billing-header: cc_version=2.1.37.abc; cc_entrypoint=cli;\"}]");
        Translation t = PEER.translate("billing-second", second, VLLM);
        assertThat(json(t).at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(finding(t, "PP114").message()).contains("cc_entrypoint=cli");
        String first = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"<system-reminder>\\n.....\\n</system-reminder>\\n\\n\"},"
                + "{\"type\":\"text\",\"text\":\"help?\",\"cache_control\":{\"type\":\"ephemeral\"}}]},{\"role\":\"system\",\"content\":\".....\"}]",
                "\"system\":[{\"type\":\"text\",\"text\":\"x-anthropic-billing-header: cc_version=2.1.160.bca; cc_entrypoint=cli; cch=d1d48;\"},"
                        + "{\"type\":\"text\",\"text\":\"You are Claude Code, Anthropic's official CLI for Claude.\",\"cache_control\":{\"type\":\"ephemeral\"}},"
                        + "{\"type\":\"text\",\"text\":\"....\",\"cache_control\":{\"type\":\"ephemeral\"}}]");
        JsonNode b = json(PEER.translate("billing-first", first, VLLM));
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("You are Claude Code, Anthropic's official CLI for Claude.\n\n....");
        assertThat(b.toString()).doesNotContain("cch=");
        assertThat(b.at("/messages/1/content/1").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"help?\"}");
        // the inline system message stays at its place, as in vLLM
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo(".....");
    }

    /**
     * test_system_hoist.py. vLLM moves system messages from the conversation into the system
     * prompt; promptport keeps each at its place for a Chat target, where it means "from here
     * on", and moves it into systemInstruction only for Gemini, which takes system text nowhere
     * else, naming the lost place (PP214). The top-level system text comes first either way. A
     * role other than user, assistant or system is refused, as in vLLM.
     */
    @Test
    void systemMessagesInTheConversationStayInPlaceWhereTheTargetTakesThem() {
        String req = request("[{\"role\":\"system\",\"content\":\"First.\"},{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"Second.\"}]},{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "{\"role\":\"user\",\"content\":\"Go on\"}]", "\"system\":\"From top level.\"");
        JsonNode b = json(PEER.translate("inline-system", req, VLLM));
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText() + ":" + m.path("content").asText())
                .containsExactly("system:From top level.", "system:First.", "user:Hi", "system:Second.", "assistant:Hello", "user:Go on");
        Translation g = PEER.translate("inline-system", req, GEMINI);
        assertThat(json(g).at("/systemInstruction/parts/0/text").asText()).isEqualTo("From top level.\n\nFirst.\n\nSecond.");
        assertThat(json(g).path("contents")).hasSize(3);
        assertThat(ids(g)).contains("PP214");
        assertThatThrownBy(() -> PromptPort.translate(request("[{\"role\":\"tool\",\"content\":\"x\"}]", ""), Target.of(VLLM)))
                .isInstanceOf(PromptPortException.class).hasMessageContaining("role");
    }

    /**
     * TestThinkingBlockConversion. vLLM hands earlier turns' thinking back to its own model in
     * {@code reasoning}; promptport drops it and names each block (PP110), since thinking signed
     * for Claude is not the target model's own, and shown to it as its reasoning it would change
     * the conversation. The turns' text and calls stay; a redacted block is accepted, and named.
     */
    @Test
    void earlierThinkingIsDroppedAndNamedAndTheTurnsStay() {
        String req = request("[{\"role\":\"user\",\"content\":\"What is 2+2?\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"I need to call the calculator.\",\"signature\":\"sig_tool\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"BASE64_OR_OTHER_OPAQUE_DATA\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_001\",\"name\":\"calculator\",\"input\":{\"expression\":\"2+2\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_001\",\"content\":\"4\"}]},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Just thinking...\",\"signature\":\"sig_xyz\"}]},"
                + "{\"role\":\"user\",\"content\":\"Go on.\"}]", "");
        Translation t = PEER.translate("thinking-history", req, VLLM);
        JsonNode b = json(t);
        assertThat(b.toString()).doesNotContain("I need to call the calculator.").doesNotContain("Just thinking...");
        assertThat(b.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("calculator");
        assertThat(b.at("/messages/1").has("content") && !b.at("/messages/1/content").isNull()).isFalse();
        assertThat(t.findings().stream().filter(f -> f.id().equals("PP110"))).hasSize(3);
        assertThat(b.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "tool", "user");
    }
}
