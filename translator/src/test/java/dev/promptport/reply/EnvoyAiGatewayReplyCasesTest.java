package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Envoy AI Gateway's cases for its Anthropic Messages endpoint over an OpenAI Chat backend, reply
 * side (envoyproxy/ai-gateway {@code internal/translator/anthropic_openai_test.go}:
 * {@code TestAnthropicToOpenAITranslator_ResponseBody_*} and {@code _ResponseError}), and the
 * reasoning shapes Envoy itself writes when it serves Claude (through Bedrock or Vertex) as an
 * OpenAI Chat endpoint ({@code internal/apischema/openai/openai.go} {@code ReasoningContentUnion},
 * {@code StreamReasoningContent}; {@code openai_gcpanthropic_test.go} thinking and redacted
 * thinking replies), which a client of promptport reaches when it points an OpenAI-compatible
 * target at such a gateway.
 */
class EnvoyAiGatewayReplyCasesTest {

    private static ReplyTranslation whole(String message, String finish, String usage) {
        String json = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":\"" + finish + "\"}],\"usage\":" + usage + "}";
        ReplyTranslation t = Replies.translate(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertMessage(t.json());
        return t;
    }

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    /** ResponseBody_NonStreaming "text content is converted to Anthropic format": the vendor's id and model are kept. */
    @Test
    void aTextReplyKeepsItsIdModelAndUsage() {
        JsonNode m = parse(whole("{\"role\":\"assistant\",\"content\":\"Hello from OpenAI!\"}", "stop",
                "{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}").json());
        assertThat(m.path("id").asText()).isEqualTo("msg_chatcmpl-123");
        assertThat(m.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello from OpenAI!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(20);
    }

    /**
     * "model falls back to request model when absent in response" and "model override is used as
     * fallback". Envoy reports the vendor's model and falls back to the requested one; promptport
     * reports the model the caller gives in its reply context, and "unknown" when neither says one.
     */
    @Test
    void aReplyWithoutAModelReportsTheCallersModel() {
        String json = "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"content\":\"Hi!\"}}]}";
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, new ReplyContext("claude-3-haiku", null, Map.of()));
        assertMessage(out);
        assertThat(parse(out).path("model").asText()).isEqualTo("claude-3-haiku");
        assertThat(parse(Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ReplyContext.NONE)).path("model").asText()).isEqualTo("unknown");
    }

    /** "tool call response converted to tool_use blocks" (the call has no type, as Envoy's own struct writes it). */
    @Test
    void aToolCallBecomesAToolUseBlock() {
        JsonNode m = parse(whole("{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call-abc\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"location\\\":\\\"NYC\\\"}\"}}]}", "tool_calls",
                "{\"prompt_tokens\":15,\"completion_tokens\":8,\"total_tokens\":23}").json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call-abc");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"NYC\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * ResponseBody_NonStreaming_Thinking: LiteLLM's {@code thinking_blocks} without
     * {@code reasoning_content}. The text was lost (only its signature was named as left out);
     * it is now the thinking block before the text. The signature is Anthropic's and only
     * Anthropic can check it, so the block's is empty and the signature is named.
     */
    @Test
    void thinkingBlocksAloneBecomeTheThinkingBlock() {
        ReplyTranslation t = whole("{\"role\":\"assistant\",\"content\":\"The answer is 42.\",\"thinking_blocks\":[{\"type\":\"thinking\","
                + "\"thinking\":\"Let me calculate...\",\"signature\":\"sig_calc\"}]}", "stop", "{\"prompt_tokens\":10,\"completion_tokens\":20}");
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me calculate...");
        assertThat(m.at("/content/0/signature").asText()).isEmpty();
        assertThat(m.at("/content/1/text").asText()).isEqualTo("The answer is 42.");
        assertThat(t.leftOut()).containsExactly(LeftOut.signedReasoning("thinking_blocks"));
    }

    /** With both, as LiteLLM sends them, the text is the same and is written once. */
    @Test
    void thinkingBlocksBesideReasoningContentAreNotWrittenTwice() {
        JsonNode m = parse(whole("{\"role\":\"assistant\",\"content\":\"42.\",\"reasoning_content\":\"Let me calculate...\","
                + "\"thinking_blocks\":[{\"type\":\"thinking\",\"thinking\":\"Let me calculate...\",\"signature\":\"sig_calc\"}]}", "stop",
                "{\"prompt_tokens\":10,\"completion_tokens\":20}").json());
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me calculate...");
    }

    /**
     * Envoy's whole reply for Claude's thinking (openai_gcpanthropic_test.go "response with
     * thinking content"): {@code reasoning_content} is Bedrock's reasoning block, an object. Its
     * text was dropped without a word; it is the thinking block now, and the signature named.
     */
    @Test
    void bedrocksReasoningBlockInReasoningContentBecomesTheThinkingBlock() {
        ReplyTranslation t = whole("{\"role\":\"assistant\",\"content\":\"Paris.\",\"reasoning_content\":{\"reasoningContent\":"
                + "{\"reasoningText\":{\"text\":\"Let me think about this...\",\"signature\":\"signature_123\"}}}}", "stop",
                "{\"prompt_tokens\":13,\"completion_tokens\":30,\"total_tokens\":43,\"prompt_tokens_details\":{\"cached_tokens\":3}}");
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Let me think about this...");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Paris.");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(3);
        assertThat(t.leftOut()).containsExactly(LeftOut.signedReasoning("reasoning_content"));
    }

    /** "response with redacted thinking content": no readable text, so no thinking block; the redacted reasoning is named. */
    @Test
    void redactedReasoningInReasoningContentIsNamed() {
        ReplyTranslation t = whole("{\"role\":\"assistant\",\"content\":\"Done.\",\"reasoning_content\":{\"reasoningContent\":"
                + "{\"redactedContent\":\"cmVkYWN0ZWRfZGF0YV9jb250ZW50\"}}}", "stop", "{\"prompt_tokens\":13,\"completion_tokens\":18}");
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Done.");
        assertThat(t.leftOut()).containsExactly(LeftOut.signedReasoning("reasoning_content"));
    }

    /** ResponseBody_Streaming: the six events, the text delta and the closing message_delta as Envoy lists them. */
    @Test
    void aTextStreamIsSixEventsWithTheUsageAtTheEnd() {
        List<String> out = stream("data: {\"id\":\"chatcmpl-xyz\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hello!\"}}],"
                + "\"model\":\"gpt-4o\"}\n\n"
                + "data: {\"id\":\"chatcmpl-xyz\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"chatcmpl-xyz\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}\n\n"
                + "data: [DONE]\n\n");
        List<AnthropicShape.Event> events = events(out).stream().filter(e -> !e.name().equals("ping")).toList();
        assertThat(events).extracting(AnthropicShape.Event::name).containsExactly("message_start", "content_block_start",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(events.get(0).data().at("/message/model").asText()).isEqualTo("gpt-4o");
        assertThat(events.get(2).data().toString()).isEqualTo("{\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello!\"}}");
        JsonNode delta = events.get(4).data();
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/delta/stop_sequence").isNull()).isTrue();
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /**
     * ResponseBody_Streaming_Thinking: the delta's {@code reasoning_content} as the object Envoy
     * wrote up to its 1.0 release ({@code {"text": …}}). The thinking was dropped and the stream
     * opened with the text; now a thinking block comes first.
     */
    @Test
    void reasoningContentAsAnObjectInAStreamOpensAThinkingBlock() {
        List<String> out = stream("data: {\"id\":\"chatcmpl-sr\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"reasoning_content\":{\"text\":\"Thinking...\"}}}],\"model\":\"gpt-4o\"}\n\n"
                + "data: {\"id\":\"chatcmpl-sr\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":{\"text\":\" more\",\"signature\":\"s1\"}}}]}\n\n"
                + "data: {\"id\":\"chatcmpl-sr\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Answer\"}}]}\n\n"
                + "data: {\"id\":\"chatcmpl-sr\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"chatcmpl-sr\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}\n\n"
                + "data: [DONE]\n\n");
        assertThat(events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().at("/content_block/type").asText())).containsExactly("thinking", "text");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Thinking... more");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Answer");
    }

    /**
     * ResponseError. The types agree for 400, 401, 403, 404, 413, 429 and 529. Envoy's 500
     * "internal_server_error" and 503 "service_unavailable_error" are not types Claude's API
     * sends, so a client written for it would not know them: promptport says api_error for 500
     * and any unknown status, and overloaded_error for 503 (OpenAI and Gemini say 503 when the
     * model is overloaded). The message keeps the vendor's text after the format and status.
     */
    @Test
    void errorRepliesBecomeClaudesErrorTypes() {
        String json = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Bad request\",\"param\":null,\"code\":400}}";
        String out = AnthropicErrors.fromVendor(400, json, ReplyFormat.OPENAI_CHAT);
        assertError(out, "invalid_request_error");
        assertThat(parse(out).at("/error/message").asText()).isEqualTo("openai-chat 400: Bad request");
        // the numeric code in the body decides when the status is not known
        assertError(AnthropicErrors.fromVendor(0, json, ReplyFormat.OPENAI_CHAT), "invalid_request_error");
        String[][] cases = {{"400", "invalid_request_error"}, {"401", "authentication_error"}, {"403", "permission_error"},
            {"404", "not_found_error"}, {"413", "request_too_large"}, {"429", "rate_limit_error"}, {"500", "api_error"},
            {"503", "overloaded_error"}, {"529", "overloaded_error"}, {"599", "api_error"}};
        for (String[] c : cases) {
            String e = AnthropicErrors.fromVendor(Integer.parseInt(c[0]), "Plain text " + c[0], ReplyFormat.OPENAI_CHAT);
            assertError(e, c[1]);
            assertThat(parse(e).at("/error/message").asText()).as(c[0]).isEqualTo("openai-chat " + c[0] + ": Plain text " + c[0]);
        }
    }
}
