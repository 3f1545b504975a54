package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import dev.promptport.spec.OpenAiSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.ReplyFixtures.CHAT_REFUSAL;
import static dev.promptport.reply.ReplyFixtures.CHAT_TEXT;
import static dev.promptport.reply.ReplyFixtures.CHAT_TOOLS;
import static dev.promptport.reply.ReplyFixtures.DEEPSEEK_REASONER;
import static dev.promptport.reply.ReplyFixtures.chatReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyOpenAiChatTest {

    private static String translate(String json, ReplyContext ctx) {
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ctx);
        assertMessage(out);
        return out;
    }

    private static String translate(String json) {
        return translate(json, ReplyContext.NONE);
    }

    @Test
    void theFixturesAreRepliesOpenAisSpecAccepts() {
        OpenAiSpec.load().ifPresent(spec -> {
            for (String f : new String[] {CHAT_TEXT, CHAT_TOOLS, CHAT_REFUSAL, chatReply("\"hi\"", "length")}) {
                assertThat(spec.check("CreateChatCompletionResponse", f).errors()).as(f).isEmpty();
            }
            assertThat(spec.check("CreateChatCompletionResponse", "{\"id\":\"x\"}").errors()).isNotEmpty();
        });
    }

    @Test
    void textReplyBecomesOneTextBlockWithEndTurn() {
        JsonNode m = parse(translate(CHAT_TEXT));
        assertThat(m.path("id").asText()).isEqualTo("msg_chatcmpl-CK4pQ9s2vJ7Yb1mXwRt0aLkEuN3fD");
        assertThat(m.path("model").asText()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/0/text").asText()).startsWith("Your October invoice was charged twice (2 × €1,490).");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.path("stop_sequence").isNull()).isTrue();
    }

    @Test
    void cachedPromptTokensAreCacheReadsAndNotInputTokens() {
        JsonNode u = parse(translate(CHAT_TEXT)).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(1117 - 1024);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(1024);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isZero();
        assertThat(u.path("output_tokens").asInt()).isEqualTo(46);
    }

    @Test
    void cacheWritesAreReportedAsCacheCreation() {
        String json = CHAT_TEXT.replace("\"cached_tokens\": 1024, \"audio_tokens\": 0",
                "\"cached_tokens\": 1000, \"cache_write_tokens\": 100");
        JsonNode u = parse(translate(json)).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(17);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(1000);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void modelFromTheContextReplacesTheVendorsModel() {
        JsonNode m = parse(translate(CHAT_TEXT, new ReplyContext("claude-sonnet-4-5", null, Map.of())));
        assertThat(m.path("model").asText()).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void idAlreadyStartingWithMsgIsKept() {
        JsonNode m = parse(translate(CHAT_TEXT.replace("chatcmpl-CK4pQ9s2vJ7Yb1mXwRt0aLkEuN3fD", "msg_01ABC")));
        assertThat(m.path("id").asText()).isEqualTo("msg_01ABC");
    }

    @Test
    void toolCallsFollowTheTextAsToolUseBlocksWithParsedInput() {
        JsonNode m = parse(translate(CHAT_TOOLS));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode c = m.path("content");
        assertThat(c).hasSize(3);
        assertThat(c.get(0).path("text").asText()).isEqualTo("Let me check both cities.");
        assertThat(c.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(c.get(1).path("id").asText()).isEqualTo("call_Xr4QmT2bWv9LkN0pYs7dHa3E");
        assertThat(c.get(1).path("name").asText()).isEqualTo("get_weather");
        assertThat(c.get(1).path("input")).isEqualTo(parse("{\"city\":\"Lisbon\",\"unit\":\"celsius\",\"days\":3}"));
        assertThat(c.get(2).path("name").asText()).isEqualTo("mcp__billing__lookup_invoice");
    }

    @Test
    void toolArgumentsPassThroughWithNumbersSpelledExactly() {
        String out = translate(CHAT_TOOLS);
        assertThat(out).contains("\"input\":{\"invoice_id\":\"INV-2025-0881\",\"amount\":1490.10,\"ref\":12345678901234567890}");
    }

    @Test
    void renamedToolsGetTheirOriginalNamesBack() {
        ReplyContext ctx = new ReplyContext(null, null, Map.of("mcp__billing__lookup_invoice", "mcp:billing/lookup invoice"));
        JsonNode c = parse(translate(CHAT_TOOLS, ctx)).path("content");
        assertThat(c.get(2).path("name").asText()).isEqualTo("mcp:billing/lookup invoice");
        assertThat(c.get(1).path("name").asText()).isEqualTo("get_weather");
    }

    private static JsonNode inputFor(String argumentsJsonString) {
        String json = CHAT_TOOLS.replace("\"{\\\"city\\\":\\\"Lisbon\\\",\\\"unit\\\":\\\"celsius\\\",\\\"days\\\":3}\"", argumentsJsonString);
        return parse(translate(json)).at("/content/1/input");
    }

    @Test
    void emptyArgumentsBecomeAnEmptyObject() {
        assertThat(inputFor("\"\"")).isEqualTo(parse("{}"));
        assertThat(inputFor("\"  \"")).isEqualTo(parse("{}"));
    }

    @Test
    void argumentsThatAreNotAJsonObjectAreKeptUnderRaw() {
        assertThat(inputFor("\"{\\\"city\\\": \\\"Lis\"")).isEqualTo(parse("{\"_raw\":\"{\\\"city\\\": \\\"Lis\"}"));
        assertThat(inputFor("\"Lisbon\"")).isEqualTo(parse("{\"_raw\":\"Lisbon\"}"));
        assertThat(inputFor("\"[1,2]\"")).isEqualTo(parse("{\"_raw\":\"[1,2]\"}"));
        assertThat(inputFor("\"{} {}\"")).isEqualTo(parse("{\"_raw\":\"{} {}\"}"));
    }

    @Test
    void argumentsEncodedTwiceAreUnwrapped() {
        assertThat(inputFor("\"\\\"{\\\\\\\"city\\\\\\\":\\\\\\\"Lisbon\\\\\\\"}\\\"\"")).isEqualTo(parse("{\"city\":\"Lisbon\"}"));
    }

    @Test
    void toolCallIdsAreMadeSafeForAnthropic() {
        JsonNode c = parse(translate(CHAT_TOOLS.replace("call_Xr4QmT2bWv9LkN0pYs7dHa3E", "functions.get_weather:0"))).path("content");
        assertThat(c.get(1).path("id").asText()).isEqualTo("functions_get_weather_0");
    }

    /**
     * Kimi-style ids differ only in a character Anthropic refuses ({@code functions.read:0},
     * {@code functions.read_0}), and a server may repeat one: each tool_use gets an id of its
     * own, the same in the whole reply and its stream, since Claude refuses a history whose ids
     * repeat and a tool result names its call by id.
     */
    @Test
    void toolUseIdsStayDistinctWhenTheVendorsRepeatOrMadeSafeCollide() {
        String calls = "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"kimi-k2\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                + "{\"id\":\"functions.read:0\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{}\"}},"
                + "{\"id\":\"functions.read_0\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{}\"}},"
                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{}\"}},"
                + "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}]}";
        JsonNode c = parse(translate(calls)).path("content");
        assertThat(c.findValuesAsText("id")).containsExactly("functions_read_0", "functions_read_0_2", "call_1", "call_1_2");
        String sse = "data: " + calls.replace("\"message\"", "\"delta\"").replace("chat.completion\"", "chat.completion.chunk\"")
                .replace("{\"id\":\"functions.read:0\"", "{\"index\":0,\"id\":\"functions.read:0\"")
                .replace("{\"id\":\"functions.read_0\"", "{\"index\":1,\"id\":\"functions.read_0\"")
                .replaceFirst("\\{\"id\":\"call_1\"", "{\"index\":2,\"id\":\"call_1\"")
                .replaceFirst("\\{\"id\":\"call_1\"(?=,\"type)", "{\"index\":3,\"id\":\"call_1\"")
                + "\n\ndata: [DONE]\n\n";
        java.util.List<String> events = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        String ids = String.join("", events);
        assertThat(ids).contains("\"functions_read_0\"", "\"functions_read_0_2\"", "\"call_1\"", "\"call_1_2\"");
    }

    /** A message whose content or calls are of no known shape would be lost: an input error at its pointer. */
    @Test
    void aMessagesContentOrToolCallsOfTheWrongTypeAreRefusedAtTheirPointer() {
        String object = chatReply("{\"text\":\"Hello\"}", "stop");
        assertThatThrownBy(() -> Replies.toAnthropic(object, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class)
                .hasMessageContaining("content as a string or a list of parts, not an object")
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/choices/0/message/content"));
        String calls = "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"read\",\"arguments\":\"{}\"}}},\"finish_reason\":\"tool_calls\"}]}";
        assertThatThrownBy(() -> Replies.toAnthropic(calls, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class)
                .satisfies(e -> assertThat(((PromptPortException) e).location().pointer()).isEqualTo("/choices/0/message/tool_calls"));
    }

    /** A stream may split an emoji's surrogate pair between two deltas: the character comes out whole, not as two "?". */
    @Test
    void anEmojiSplitBetweenTwoDeltasComesOutWhole() {
        String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
        String sse = chunk.formatted("Smile \\ud83d", "null") + chunk.formatted("\\ude00 done", "\"stop\"") + "data: [DONE]\n\n";
        String events = String.join("", StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE));
        assertThat(events).contains("\ud83d\ude00 done").doesNotContain("?");
        // and in reasoning text, which DeepSeek streams as reasoning_content
        String thinking = sse.replace("\"content\":", "\"reasoning_content\":");
        String reasoned = String.join("", StreamTranslator.translateAll(thinking, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE));
        assertThat(reasoned).contains("thinking_delta", "\ud83d\ude00 done").doesNotContain("?");
    }

    @Test
    void stopWithToolCallsIsToolUseBecauseClientsRunToolsOnToolUse() {
        JsonNode m = parse(translate(CHAT_TOOLS.replace("\"finish_reason\": \"tool_calls\"", "\"finish_reason\": \"stop\"")));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @ParameterizedTest(name = "finish_reason {0} → {1}")
    @CsvSource({"stop,end_turn", "length,max_tokens", "content_filter,refusal", "tool_calls,end_turn", "function_call,end_turn",
        "something_new,end_turn", "model_length,max_tokens", "max_tokens,max_tokens"})
    void finishReasonsMapToStopReasons(String finish, String stop) {
        JsonNode m = parse(translate(chatReply("\"Partial answer\"", finish)));
        assertThat(m.path("stop_reason").asText()).isEqualTo(stop);
        assertThat(m.path("stop_sequence").isNull()).isTrue();
    }

    /** OpenRouter and Mistral end a reply an error cut short with finish_reason error: it is incomplete, not a turn's end. */
    @Test
    void finishReasonErrorIsAnIncompleteReply() {
        assertThatThrownBy(() -> Replies.toAnthropic(chatReply("\"Partial answer\"", "error"), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE))
                .isInstanceOf(PromptPortException.class)
                .hasMessage("the vendor ended the reply with an error (finish_reason error); the reply is incomplete");
    }

    @Test
    void contentFilterWithNoTextIsARefusalWithEmptyContent() {
        JsonNode m = parse(translate(chatReply("null", "content_filter")));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.path("content")).isEmpty();
    }

    @Test
    void aRefusalMessageBecomesTextWithStopReasonRefusal() {
        JsonNode m = parse(translate(CHAT_REFUSAL));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I'm sorry, I can't help with that request.");
    }

    @Test
    void deepSeekReasoningContentBecomesTheFirstBlockAThinkingBlockWithEmptySignature() {
        JsonNode m = parse(translate(DEEPSEEK_REASONER));
        JsonNode c = m.path("content");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(c.get(0).path("thinking").asText()).startsWith("The customer was charged twice");
        assertThat(c.get(0).path("signature").asText()).isEmpty();
        assertThat(c.get(1).path("type").asText()).isEqualTo("text");
        assertThat(m.path("id").asText()).isEqualTo("msg_5f0c2a9e-8b1d-4c3e-9a7f-2d6b1e0c4f88");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(83);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(128);
    }

    @Test
    void deepSeekCacheHitTokensCountWhenThereAreNoPromptTokenDetails() {
        String json = DEEPSEEK_REASONER.replace("\"prompt_tokens_details\": {\"cached_tokens\": 128},", "");
        JsonNode u = parse(translate(json)).path("usage");
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(128);
        assertThat(u.path("input_tokens").asInt()).isEqualTo(83);
    }

    @Test
    void openRouterReasoningFieldIsThinkingToo() {
        String json = DEEPSEEK_REASONER.replace("reasoning_content", "reasoning");
        assertThat(parse(translate(json)).at("/content/0/type").asText()).isEqualTo("thinking");
    }

    @Test
    void anEmptyReasoningContentDoesNotHideTheReasoningField() {
        // found by the reply fuzz campaign: a gateway filling both fields, one of them empty
        String json = """
                {"id":"chatcmpl-9","object":"chat.completion","model":"m","choices":[{"index":0,
                 "message":{"role":"assistant","content":"42","reasoning_content":"","reasoning":"Six times seven."},
                 "finish_reason":"stop"}]}""";
        JsonNode m = parse(translate(json));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Six times seven.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("42");
    }

    @Test
    void contentAsAListOfPartsIsRead() {
        JsonNode m = parse(translate(chatReply("[{\"type\":\"text\",\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"there\"}]", "stop")));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello there");
    }

    // ------------------------------------------------------------------ prefill

    private static String textWithPrefill(String content, String prefill, ReplyContext.PrefillMode mode) {
        String json = chatReply(AnthropicShape.JSON.valueToTree(content).toString(), "stop");
        return AnthropicShape.text(translate(json, new ReplyContext(null, prefill, Map.of(), mode)));
    }

    @Test
    void prefillIsPutInFrontWhenTheModelDidNotRepeatIt() {
        assertThat(textWithPrefill("\"category\": \"billing\"}", "{", ReplyContext.PrefillMode.PREPEND))
                .isEqualTo("{\"category\": \"billing\"}");
    }

    @Test
    void prefillIsNotDoubledWhenTheModelRepeatedIt() {
        assertThat(textWithPrefill("{\"category\": \"billing\"}", "{", ReplyContext.PrefillMode.PREPEND))
                .isEqualTo("{\"category\": \"billing\"}");
    }

    @Test
    void leadingWhitespaceBeforeARepeatedPrefillIsDropped() {
        assertThat(textWithPrefill("\n  {\"a\": 1}", "{", ReplyContext.PrefillMode.PREPEND)).isEqualTo("{\"a\": 1}");
    }

    @Test
    void aLongerPrefillIsMatchedWholeNotJustItsFirstCharacter() {
        assertThat(textWithPrefill("<answer>42</answer>", "<answer>", ReplyContext.PrefillMode.PREPEND)).isEqualTo("<answer>42</answer>");
        assertThat(textWithPrefill("<ans>42", "<answer>", ReplyContext.PrefillMode.PREPEND)).isEqualTo("<answer><ans>42");
        assertThat(textWithPrefill("42</answer>", "<answer>", ReplyContext.PrefillMode.PREPEND)).isEqualTo("<answer>42</answer>");
    }

    @Test
    void continueModeReturnsOnlyWhatFollowsThePrefillAsClaudesApiDoes() {
        assertThat(textWithPrefill("{\"a\": 1}", "{", ReplyContext.PrefillMode.CONTINUE)).isEqualTo("\"a\": 1}");
        assertThat(textWithPrefill("\"a\": 1}", "{", ReplyContext.PrefillMode.CONTINUE)).isEqualTo("\"a\": 1}");
    }

    @Test
    void prefillGoesIntoTheFirstTextBlockAfterThinking() {
        String json = DEEPSEEK_REASONER.replace("\"content\": \"{\\\"category\\\"", "\"content\": \"\\\"category\\\"");
        ReplyContext ctx = new ReplyContext(null, "{", Map.of());
        JsonNode c = parse(translate(json, ctx)).path("content");
        assertThat(c.get(0).path("type").asText()).isEqualTo("thinking");
        assertThat(c.get(1).path("text").asText()).startsWith("{\"category\": \"billing\"");
    }

    @Test
    void prefillIsNotAddedToAReplyWithoutText() {
        String json = CHAT_TOOLS.replace("\"content\": \"Let me check both cities.\"", "\"content\": null");
        JsonNode c = parse(translate(json, new ReplyContext(null, "{", Map.of()))).path("content");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).path("type").asText()).isEqualTo("tool_use");
    }

    @Test
    void contextFromATranslationCarriesItsPrefillAndToolNames() {
        dev.promptport.Translation t = dev.promptport.PromptPort.translate(
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Classify\"},"
                        + "{\"role\":\"assistant\",\"content\":\"{\"}]}", dev.promptport.Target.of("openai:gpt-4o"));
        ReplyContext ctx = ReplyContext.of(t, "claude-sonnet-4-5");
        assertThat(ctx.prefill()).isEqualTo("{");
        assertThat(ctx.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(ctx.prefillMode()).isEqualTo(ReplyContext.PrefillMode.PREPEND);
        assertThat(ReplyContext.of(null, "m").prefill()).isNull();
        assertThat(ReplyContext.NONE.toolNames()).isEmpty();
    }

    // ------------------------------------------------------------------ unusable input

    @Test
    void invalidJsonIsAPromptPortExceptionWithLineAndColumn() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\n  \"choices\": [,]\n}", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.getMessage()).startsWith("invalid JSON");
                    assertThat(e.location().line()).isEqualTo(2);
                    assertThat(e.location().column()).isEqualTo(15);
                });
    }

    @Test
    void jsonThatIsNotAChatReplyNamesTheMissingField() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"object\":\"list\",\"data\":[]}", ReplyFormat.OPENAI_CHAT, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.location().pointer()).isEqualTo("/choices"));
        assertThatThrownBy(() -> Replies.toAnthropic("{\"choices\":[]}", ReplyFormat.OPENAI_CHAT, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.location().pointer()).isEqualTo("/choices"));
        assertThatThrownBy(() -> Replies.toAnthropic("{\"choices\":[{\"index\":0}]}", ReplyFormat.OPENAI_CHAT, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.location().pointer()).isEqualTo("/choices/0/message"));
        assertThatThrownBy(() -> Replies.toAnthropic("[1]", ReplyFormat.OPENAI_CHAT, null)).isInstanceOf(PromptPortException.class);
        assertThatThrownBy(() -> Replies.toAnthropic("  ", ReplyFormat.OPENAI_CHAT, null)).isInstanceOf(PromptPortException.class);
        assertThatThrownBy(() -> Replies.toAnthropic("{} {}", ReplyFormat.OPENAI_CHAT, null)).isInstanceOf(PromptPortException.class);
    }

    @Test
    void aToolCallWithoutANameIsAPromptPortExceptionNamingIt() {
        String json = CHAT_TOOLS.replace("\"name\": \"mcp__billing__lookup_invoice\", ", "");
        assertThatThrownBy(() -> Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, null))
                .isInstanceOfSatisfying(PromptPortException.class, e ->
                        assertThat(e.location().pointer()).isEqualTo("/choices/0/message/tool_calls/1/function/name"));
    }

    @Test
    void anErrorBodyIsAPromptPortExceptionAtError() {
        assertThatThrownBy(() -> Replies.toAnthropic(ReplyFixtures.CHAT_ERROR_429, ReplyFormat.OPENAI_CHAT, null))
                .isInstanceOfSatisfying(PromptPortException.class, e -> {
                    assertThat(e.location().pointer()).isEqualTo("/error");
                    assertThat(e.getMessage()).contains("rate_limit_error").contains("Rate limit reached");
                });
    }

    @Test
    void replyFormatNamesParse() {
        assertThat(ReplyFormat.parse("openai-chat")).isEqualTo(ReplyFormat.OPENAI_CHAT);
        assertThat(ReplyFormat.parse("openai-responses")).isEqualTo(ReplyFormat.OPENAI_RESPONSES);
        assertThat(ReplyFormat.parse("Gemini")).isEqualTo(ReplyFormat.GEMINI);
        assertThat(ReplyFormat.parse("OPENAI_CHAT")).isEqualTo(ReplyFormat.OPENAI_CHAT);
        assertThatThrownBy(() -> ReplyFormat.parse("anthropic")).isInstanceOf(PromptPortException.class)
                .hasMessageContaining("openai-chat, openai-responses or gemini");
        assertThatThrownBy(() -> ReplyFormat.parse(null)).isInstanceOf(PromptPortException.class);
    }

    @Test
    void customToolCallBecomesToolUseWithItsTextAsInputUnderTheCallersName() {
        JsonNode m = parse(translate("""
                {"id":"c1","object":"chat.completion","model":"gpt-5","choices":[{"index":0,
                  "message":{"role":"assistant","content":null,"tool_calls":[
                    {"id":"call_c1","type":"custom","custom":{"name":"run_sql","input":"SELECT \\"a\\"\\nFROM t"}}]},
                  "finish_reason":"tool_calls"}]}""", new ReplyContext(null, null, Map.of("run_sql", "db:run sql"))));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_c1");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("db:run sql");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"input\":\"SELECT \\\"a\\\"\\nFROM t\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void spokenReplyTranscriptBecomesTextAndItsAudioIsNamed() {
        ReplyTranslation t = Replies.translate("""
                {"id":"c1","object":"chat.completion","model":"gpt-4o-audio-preview","choices":[{"index":0,
                  "message":{"role":"assistant","content":null,"refusal":null,
                    "audio":{"id":"audio_1","data":"UklGRg==","expires_at":1,"transcript":"Hello there."}},
                  "finish_reason":"stop"}]}""", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(AnthropicShape.text(t.json())).isEqualTo("Hello there.");
        assertThat(t.leftOut()).containsExactly(
                "the audio of the spoken reply (message.audio audio_1, 6 bytes): an Anthropic reply holds no audio;"
                        + " its transcript is the reply's text");
    }

    @Test
    void aDeltaBesideTheMessageOfAWholeReplyIsNamedNotDropped() {
        ReplyTranslation t = Replies.translate("""
                {"id":"c1","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Hello"},"delta":{"content":"Hi"},
                  "finish_reason":"stop"}]}""", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(AnthropicShape.text(t.json())).isEqualTo("Hello");
        assertThat(t.leftOut()).containsExactly("the delta a whole reply's choice held beside its message (the message was read)");
    }

    @Test
    void contentFilterCarriesWhatAzuresFilterFlaggedInStopDetails() {
        JsonNode m = parse(translate("""
                {"id":"chatcmpl-az","object":"chat.completion","model":"gpt-4o","choices":[{"index":0,
                  "message":{"role":"assistant","content":"Partial"},"finish_reason":"content_filter",
                  "content_filter_results":{"hate":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"high"},
                    "protected_material_text":{"filtered":true,"detected":true}}}]}"""));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.path("stop_details").toString()).isEqualTo("{\"type\":\"refusal\",\"category\":null,\"explanation\":"
                + "\"the vendor's content filter stopped the reply (finish_reason content_filter;"
                + " filtered: violence (severity high), protected_material_text)\"}");
        assertThat(parse(translate(chatReply("null", "content_filter"))).at("/stop_details/explanation").asText())
                .isEqualTo("the vendor's content filter stopped the reply (finish_reason content_filter)");
        assertThat(parse(translate(CHAT_REFUSAL)).has("stop_details")).isFalse();
    }

    @ParameterizedTest(name = "service_tier {0} → {1}")
    @CsvSource({"default,standard", "priority,priority"})
    void serviceTierBecomesAnthropicsWhereItMeansTheSame(String openAi, String anthropic) {
        ReplyTranslation t = Replies.translate(chatReply("\"Hi\"", "stop").replace("\"choices\"", "\"service_tier\":\"" + openAi + "\",\"choices\""),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(parse(t.json()).at("/usage/service_tier").asText()).isEqualTo(anthropic);
        assertThat(t.leftOut()).isEmpty();
    }

    @Test
    void aServiceTierAnthropicHasNoneLikeIsNamed() {
        ReplyTranslation t = Replies.translate(chatReply("\"Hi\"", "stop").replace("\"choices\"", "\"service_tier\":\"flex\",\"choices\""),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(parse(t.json()).path("usage").has("service_tier")).isFalse();
        assertThat(t.leftOut()).containsExactly(
                "the vendor's service tier flex (service_tier): Anthropic's usage.service_tier names only standard, priority and batch");
    }
}
