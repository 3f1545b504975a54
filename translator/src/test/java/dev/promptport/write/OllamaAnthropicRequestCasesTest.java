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
 * Ollama's cases for its Anthropic Messages endpoint, request side (ollama/ollama
 * {@code anthropic/anthropic_test.go}, {@code TestFromMessagesRequest_*} and
 * {@code TestConvert*}). Ollama converts to its own chat request; promptport's nearest targets
 * are Ollama's OpenAI-compatible endpoint and the other wires, so each case checks what the
 * Ollama test expects in those shapes, and every body against the vendor's spec.
 */
class OllamaAnthropicRequestCasesTest {

    private static final PeerRequests PEER = new PeerRequests();
    private static final String OLLAMA = "ollama:llama3.1";
    private static final String GPT = "openai:gpt-4o";
    private static final String GPT5 = "openai:gpt-5";
    private static final String RESPONSES = "openai-responses:gpt-5";
    private static final String GEMINI = "gemini:gemini-2.5-pro";
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=";

    private static String request(String messages, String more) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"messages\":" + messages
                + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static String hello(String more) {
        return request("[{\"role\":\"user\",\"content\":\"Hello\"}]", more);
    }

    @AfterAll
    static void everyGeminiBodyIsOneGeminiAccepts() {
        PEER.validateGemini();
    }

    /** TestFromMessagesRequest_Basic and _WithSystemPrompt. */
    @Test
    void oneUserTurnAndASystemPromptBecomeTheFirstMessages() {
        Translation t = PEER.translate("basic", hello("\"system\":\"You are a helpful assistant.\""), OLLAMA);
        JsonNode b = json(t);
        assertThat(b.path("messages")).hasSize(2);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("You are a helpful assistant.");
        assertThat(b.at("/messages/1/content").asText()).isEqualTo("Hello");
        assertThat(b.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(json(PEER.translate("basic", hello(""), GEMINI)).at("/contents/0/parts/0/text").asText()).isEqualTo("Hello");
    }

    /**
     * TestFromMessagesRequest_WithSystemPromptArray. Ollama glues the blocks together as they are
     * ("You are helpful. Be concise."); promptport keeps each block a paragraph of its own, so
     * text that ends or starts without a space is not run together: nothing is lost either way.
     */
    @Test
    void systemBlocksAreOneSystemMessageWithEveryBlocksText() {
        String req = hello("\"system\":[{\"type\":\"text\",\"text\":\"You are helpful.\"},{\"type\":\"text\",\"text\":\" Be concise.\"}]");
        JsonNode b = json(PEER.translate("system-array", req, OLLAMA));
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("You are helpful.\n\n Be concise.");
        assertThat(json(PEER.translate("system-array", req, RESPONSES)).path("instructions").asText())
                .isEqualTo("You are helpful.\n\n Be concise.");
    }

    /**
     * TestFromMessagesRequest_WithOptions: temperature, top_p, top_k and stop sequences all reach
     * Ollama's own options. Its OpenAI-compatible endpoint has no top_k (ollama/ollama
     * {@code openai/openai.go} ChatCompletionRequest), so there top_k is named as dropped; it used
     * to vanish without a word, and also from Together, Fireworks and vLLM requests, whose
     * endpoints take it.
     */
    @Test
    void samplingSettingsAndStopSequencesReachTheTargetAndTopKIsNamedWhereItCannot() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,\"temperature\":0.7,\"top_p\":0.9,\"top_k\":40,"
                + "\"stop_sequences\":[\"\\n\",\"END\"],\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        Translation ollama = PEER.translate("options", req, OLLAMA);
        JsonNode b = json(ollama);
        assertThat(b.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(b.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(b.path("stop").toString()).isEqualTo("[\"\\n\",\"END\"]");
        assertThat(b.has("top_k")).isFalse();
        assertThat(finding(ollama, "PP111").message()).isEqualTo("top_k=40 was dropped: ollama:llama3.1 is sent to Ollama's"
                + " OpenAI-compatible endpoint, which has no top_k field (Ollama's own /api/chat takes top_k among its"
                + " options, and a Modelfile can set it).");
        for (String target : new String[] {"vllm:Qwen/Qwen2.5-72B-Instruct", "together:meta-llama/Llama-3.3-70B-Instruct-Turbo",
                "fireworks:accounts/fireworks/models/llama-v3p3-70b-instruct"}) {
            Translation t = PEER.translate("options", req, target);
            assertThat(json(t).path("top_k").asInt()).as(target).isEqualTo(40);
            assertThat(ids(t)).as(target).doesNotContain("PP111");
        }
        JsonNode gemini = json(PEER.translate("options", req, GEMINI)).path("generationConfig");
        assertThat(gemini.path("topK").asInt()).isEqualTo(40);
        assertThat(gemini.path("stopSequences").toString()).isEqualTo("[\"\\n\",\"END\"]");
    }

    /** An OpenAI-compatible server promptport has no row for is not sent a setting OpenAI does not define. */
    @Test
    void anUnknownCompatibleServerIsNotSentTopK() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"top_k\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        Translation t = PromptPort.translate(req, new Target("acme", "m", Target.of(OLLAMA).facts(), null));
        assertThat(json(t).has("top_k")).isFalse();
        assertThat(finding(t, "PP111").message()).isEqualTo("top_k=5 was dropped: acme:m is sent to an OpenAI-compatible"
                + " server promptport has no facts for, and OpenAI's Chat Completions format, which such servers copy,"
                + " has no top_k field.");
    }

    /** TestFromMessagesRequest_WithImage. */
    @Test
    void anImageBesideTextReachesAVisionTarget() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What's in this image?\"},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}]}]", "");
        JsonNode b = json(PEER.translate("image", req, GPT));
        assertThat(b.at("/messages/0/content/0/text").asText()).isEqualTo("What's in this image?");
        assertThat(b.at("/messages/0/content/1/image_url/url").asText()).isEqualTo("data:image/png;base64," + PNG);
        assertThat(json(PEER.translate("image", req, GEMINI)).at("/contents/0/parts/1/inlineData/data").asText()).isEqualTo(PNG);
    }

    /** TestFromMessagesRequest_WithToolUse, _WithToolResult and TestConvertTool_RegularTool / _WithTools. */
    @Test
    void aToolCallAndItsResultKeepTheirIdAndName() {
        String req = request("[{\"role\":\"user\",\"content\":\"What's the weather in Paris?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_123\",\"name\":\"get_weather\",\"input\":{\"location\":\"Paris\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\",\"content\":\"The weather in Paris is sunny, 22°C\"}]}]",
                "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Get current weather\",\"input_schema\":{\"type\":\"object\","
                        + "\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}]");
        JsonNode b = json(PEER.translate("tool-use", req, OLLAMA));
        assertThat(b.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(b.at("/tools/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(b.at("/tools/0/function/description").asText()).isEqualTo("Get current weather");
        assertThat(b.at("/messages/1/tool_calls/0/id").asText()).isEqualTo("call_123");
        assertThat(b.at("/messages/1/tool_calls/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("call_123");
        assertThat(b.at("/messages/2/content").asText()).isEqualTo("The weather in Paris is sunny, 22°C");
        JsonNode g = json(PEER.translate("tool-use", req, GEMINI));
        assertThat(g.at("/contents/1/parts/0/functionCall/id").asText()).isEqualTo("call_123");
        assertThat(g.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
    }

    /**
     * TestFromMessagesRequest_WithToolResult with no call before it. Ollama sends a tool message
     * all the same; OpenAI refuses a tool message that answers no call of the assistant message
     * before it, so promptport sends the result as user text saying whose it is (PP204).
     */
    @Test
    void aResultWithNoCallBeforeItIsUserTextThatSaysWhoseItIs() {
        String req = request("[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_123\","
                + "\"content\":\"The weather in Paris is sunny, 22°C\"}]}]", "");
        Translation t = PEER.translate("orphan-result", req, OLLAMA);
        assertThat(json(t).at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(json(t).at("/messages/0/content").toString()).contains("call_123").contains("The weather in Paris is sunny, 22°C");
        assertThat(ids(t)).contains("PP204");
    }

    /**
     * TestFromMessagesRequest_WithToolResultImage. Responses takes the image inside the call's
     * output; a Chat tool message carries only text, so for a vision model the image follows in
     * a user message, and llama3.1, which reads no images, is told the image was left out.
     */
    @Test
    void anImageInAToolResultGoesWhereTheTargetTakesItOrIsNamed() {
        String req = request("[{\"role\":\"user\",\"content\":\"Show me\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_img\",\"name\":\"screenshot\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_img\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Attached image\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\","
                + "\"media_type\":\"image/png\",\"data\":\"" + PNG + "\"}}]}]}]",
                "\"tools\":[{\"name\":\"screenshot\",\"input_schema\":{\"type\":\"object\"}}]");
        JsonNode r = json(PEER.translate("tool-result-image", req, RESPONSES));
        assertThat(r.at("/input/2/output/0/text").asText()).isEqualTo("Attached image");
        assertThat(r.at("/input/2/output/1/image_url").asText()).isEqualTo("data:image/png;base64," + PNG);
        JsonNode gpt = json(PEER.translate("tool-result-image", req, GPT));
        assertThat(gpt.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(gpt.at("/messages/2/tool_call_id").asText()).isEqualTo("call_img");
        assertThat(gpt.at("/messages/2/content").toString()).contains("Attached image");
        assertThat(gpt.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(gpt.at("/messages/3").toString()).contains(PNG);
        Translation ollama = PEER.translate("tool-result-image", req, OLLAMA);
        assertThat(json(ollama).at("/messages/2/content").asText()).isEqualTo("Attached image");
        assertThat(ids(ollama)).contains("PP126");
        JsonNode g = json(PEER.translate("tool-result-image", req, GEMINI));
        assertThat(g.at("/contents/2/parts/1/inlineData/data").asText()).isEqualTo(PNG);
    }

    /** TestFromMessagesRequest_WithToolResultFollowedByUserText: the result first, then the user's text. */
    @Test
    void textAfterAToolResultFollowsTheToolMessage() {
        String req = request("[{\"role\":\"user\",\"content\":\"Look at it\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"call_read\",\"name\":\"Read\",\"input\":{\"file_path\":\"/tmp/a.png\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"call_read\",\"content\":\"Read image (311.5KB)\"},"
                + "{\"type\":\"text\",\"text\":\"Please describe it.\"}]}]",
                "\"tools\":[{\"name\":\"Read\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"file_path\":{\"type\":\"string\"}}}}]");
        JsonNode b = json(PEER.translate("result-then-text", req, OLLAMA));
        assertThat(b.path("messages")).hasSize(4);
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("tool");
        assertThat(b.at("/messages/2/tool_call_id").asText()).isEqualTo("call_read");
        assertThat(b.at("/messages/3/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/3/content").asText()).isEqualTo("Please describe it.");
        JsonNode r = json(PEER.translate("result-then-text", req, RESPONSES));
        assertThat(r.at("/input/2/type").asText()).isEqualTo("function_call_output");
        assertThat(r.at("/input/3/content/0/text").asText()).isEqualTo("Please describe it.");
        PEER.translate("result-then-text", req, GEMINI);
    }

    private static String effort(String thinking, String effort) {
        return "{\"model\":\"claude-opus-4-5\",\"max_tokens\":32000," + thinking + "\"output_config\":{\"effort\":\"" + effort
                + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"Describe the image.\"}]}";
    }

    /**
     * TestFromMessagesRequest_WithOutputConfigEffort, _WithOutputConfigEffortXHighMapsToHigh,
     * _ThinkingDisabledOverridesOutputConfigEffort and _ThinkingAdaptiveUsesOutputConfigEffort.
     * Where thinking is off, Ollama sends think=false; gpt-5 cannot stop reasoning, so it gets its
     * lowest effort, and the effort the request named is reported as not sent (PP173).
     */
    @Test
    void effortBecomesTheReasoningEffortUnlessThinkingIsOff() {
        assertThat(json(PEER.translate("effort-high", effort("", "high"), GPT5)).path("reasoning_effort").asText()).isEqualTo("high");
        Translation xhigh = PEER.translate("effort-xhigh", effort("", "xhigh"), GPT5);
        assertThat(json(xhigh).path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(ids(xhigh)).contains("PP217");
        Translation off = PEER.translate("effort-off", effort("\"thinking\":{\"type\":\"disabled\"},", "high"), GPT5);
        assertThat(json(off).path("reasoning_effort").asText()).isEqualTo("minimal");
        assertThat(ids(off)).contains("PP135", "PP173");
        Translation adaptive = PEER.translate("effort-adaptive", effort("\"thinking\":{\"type\":\"adaptive\"},", "high"), GPT5);
        assertThat(json(adaptive).path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(json(PEER.translate("effort-adaptive", effort("\"thinking\":{\"type\":\"adaptive\"},", "high"), RESPONSES))
                .at("/reasoning/effort").asText()).isEqualTo("high");
        JsonNode g = json(PEER.translate("effort-adaptive", effort("\"thinking\":{\"type\":\"adaptive\"},", "high"), GEMINI));
        assertThat(g.at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isPositive();
        PEER.translate("effort-off", effort("\"thinking\":{\"type\":\"disabled\"},", "high"), GEMINI);
    }

    /** TestFromMessagesRequest_WithThinking: thinking on becomes the target's reasoning, or is named where it has none. */
    @Test
    void thinkingOnBecomesReasoningOrIsNamed() {
        String req = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":2048,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        assertThat(json(PEER.translate("thinking", req, RESPONSES)).at("/reasoning/effort").asText()).isEqualTo("low");
        assertThat(json(PEER.translate("thinking", req, GEMINI)).at("/generationConfig/thinkingConfig/thinkingBudget").asInt())
                .isEqualTo(1024);
        assertThat(ids(PEER.translate("thinking", req, OLLAMA))).contains("PP109");
    }

    /**
     * TestFromMessagesRequest_ThinkingOnlyBlock. Ollama's own chat message has a thinking field
     * for it; no other vendor can take Claude's signed reasoning back, so promptport drops the
     * block and names it (PP110). The assistant turn is then empty and the user turns around it
     * become one.
     */
    @Test
    void aThinkingOnlyAssistantTurnIsDroppedAndNamed() {
        String req = request("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\","
                + "\"thinking\":\"Let me think about this...\",\"signature\":\"c2ln\"}]},{\"role\":\"user\",\"content\":\"Go on\"}]", "");
        for (String target : new String[] {OLLAMA, RESPONSES, GEMINI}) {
            Translation t = PEER.translate("thinking-only", req, target);
            assertThat(finding(t, "PP110").location().pointer()).as(target).isEqualTo("/messages/1/content/0");
            assertThat(t.json()).as(target).doesNotContain("Let me think").contains("Hello").contains("Go on");
        }
    }

    /**
     * TestFromMessagesRequest_DropsCustomWebSearchWhenBuiltinPresent and
     * _KeepsCustomWebSearchWhenBuiltinAbsent. Ollama drops the request's own "web_search" tool
     * when the built-in one is there. promptport keeps it (its description is the user's text),
     * and the built-in search becomes the target's own or is named: on Responses the two do not
     * clash, as hosted tools have no function name.
     */
    @Test
    void aCustomToolNamedWebSearchIsKeptBesideTheBuiltInOne() {
        String tools = "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5},"
                + "{\"type\":\"custom\",\"name\":\"web_search\",\"description\":\"User-defined web search\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}}}},"
                + "{\"type\":\"custom\",\"name\":\"get_weather\",\"description\":\"Get current weather\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}]";
        Translation r = PEER.translate("web-search-both", hello(tools), RESPONSES);
        JsonNode rt = json(r).path("tools");
        assertThat(rt.at("/0/type").asText()).isEqualTo("web_search");
        assertThat(rt.at("/1/name").asText()).isEqualTo("web_search");
        assertThat(rt.at("/2/name").asText()).isEqualTo("get_weather");
        assertThat(json(r).path("max_tool_calls").asInt()).isEqualTo(5);
        Translation ollama = PEER.translate("web-search-both", hello(tools), OLLAMA);
        assertThat(json(ollama).path("tools")).hasSize(2);
        assertThat(json(ollama).at("/tools/0/function/description").asText()).isEqualTo("User-defined web search");
        assertThat(finding(ollama, "PP119").location().pointer()).isEqualTo("/tools/0");
        Translation g = PEER.translate("web-search-both", hello(tools), GEMINI);
        assertThat(json(g).at("/tools/0/functionDeclarations")).hasSize(2);
        assertThat(ids(g)).contains("PP156");

        String custom = "\"tools\":[{\"type\":\"custom\",\"name\":\"web_search\",\"description\":\"User-defined web search\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}},\"required\":[\"query\"]}}]";
        Translation only = PEER.translate("web-search-custom", hello(custom), OLLAMA);
        assertThat(json(only).at("/tools/0/function/name").asText()).isEqualTo("web_search");
        assertThat(json(only).at("/tools/0/function/description").asText()).isEqualTo("User-defined web search");
        assertThat(ids(only)).doesNotContain("PP119");
    }

    /**
     * TestConvertTool_WebSearch: Ollama turns the built-in search into a function of its own that
     * it runs itself. promptport has nothing to run it, so the built-in search becomes the target's
     * own hosted search (Gemini's google_search, Responses' web_search) or is named as left out.
     */
    @Test
    void theBuiltInWebSearchBecomesTheTargetsOwnSearch() {
        String tools = "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":5}]";
        assertThat(json(PEER.translate("web-search", hello(tools), GEMINI)).at("/tools/0").has("googleSearch")).isTrue();
        assertThat(json(PEER.translate("web-search", hello(tools), RESPONSES)).at("/tools/0/type").asText()).isEqualTo("web_search");
        assertThat(ids(PEER.translate("web-search", hello(tools), OLLAMA))).contains("PP119");
    }

    /**
     * TestConvertMessage_ServerToolUse, _WebSearchToolResult, _WebSearchToolResultEmpty… and
     * _WebSearchToolResultError… (there the result sits in a user turn; Claude puts it in the
     * assistant turn that ran the search, as here). Ollama replays them as a tool call and a tool
     * message; no other vendor can take the record of a search Claude ran, so promptport leaves
     * both blocks out and names each (PP164); what the reply wrote about them stays.
     */
    @Test
    void aSearchClaudeRanIsLeftOutOfTheHistoryAndNamed() {
        String[] results = {
                "[{\"type\":\"web_search_result\",\"title\":\"Test Result\",\"url\":\"https://example.com\",\"encrypted_content\":\"EqAB\"}]",
                "[]",
                "{\"type\":\"web_search_tool_result_error\",\"error_code\":\"max_uses_exceeded\"}"};
        for (String result : results) {
            String req = request("[{\"role\":\"user\",\"content\":\"Search\"},{\"role\":\"assistant\",\"content\":["
                    + "{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_123\",\"name\":\"web_search\",\"input\":{\"query\":\"test query\"}},"
                    + "{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_123\",\"content\":" + result + "},"
                    + "{\"type\":\"text\",\"text\":\"Found it.\"}]},{\"role\":\"user\",\"content\":\"Thanks\"}]",
                    "\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]");
            for (String target : new String[] {GPT, RESPONSES, GEMINI}) {
                Translation t = PEER.translate("server-tool " + result, req, target);
                assertThat(t.findings().stream().filter(f -> f.id().equals("PP164")).map(f -> f.location().pointer()))
                        .as(target).containsExactly("/messages/1/content/0", "/messages/1/content/1");
                assertThat(t.json()).as(target).contains("Found it.").doesNotContain("srvtoolu_123");
            }
        }
    }

    /**
     * TestFromMessagesRequest_ToolUseMissingName and _InvalidToolSchema: both are refused with a
     * message that says where. (_ToolUseMissingID is not: promptport gives the call an id, as the
     * target needs one to pair it with its result; Claude itself refuses such a request.)
     */
    @Test
    void aToolCallWithoutANameAndASchemaThatIsNoObjectAreRefused() {
        String noName = request("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"id\":\"call_123\",\"input\":{}}]},{\"role\":\"user\",\"content\":\"ok\"}]", "");
        assertThatThrownBy(() -> PromptPort.translate(noName, Target.of(OLLAMA)))
                .isInstanceOfSatisfying(PromptPortException.class,
                        e -> assertThat(e.location().pointer()).isEqualTo("/messages/1/content/0"))
                .hasMessageContaining("no \"name\"");
        String badSchema = hello("\"tools\":[{\"name\":\"bad_tool\",\"input_schema\":\"{invalid json\"}]");
        assertThatThrownBy(() -> PromptPort.translate(badSchema, Target.of(OLLAMA)))
                .isInstanceOfSatisfying(PromptPortException.class,
                        e -> assertThat(e.location().pointer()).isEqualTo("/tools/0/input_schema"));
        String noId = request("[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"name\":\"get_weather\",\"input\":{}}]},{\"role\":\"user\",\"content\":\"ok\"}]", "");
        assertThat(json(PEER.translate("no-id", noId, OLLAMA)).at("/messages/1/tool_calls/0/id").asText()).isNotEmpty();
    }
}
