package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain's cases for reading OpenAI replies and streams (langchain-ai/langchain
 * {@code libs/partners/openai/tests/unit_tests/chat_models/}: {@code test_responses_stream.py},
 * {@code test_responses_tool_args_annotations.py}, {@code test_reasoning_extraction.py}).
 * LangChain builds its events with the OpenAI SDK's types; here they are restated as the
 * stream's JSON and read into Claude's shape.
 */
class LangChainOpenAiReplyCasesTest {

    private static final String CREATED = "\"response\":{\"id\":\"resp_123\",\"object\":\"response\",\"created_at\":1749734255,\"status\":\"in_progress\","
            + "\"error\":null,\"incomplete_details\":null,\"model\":\"o4-mini-2025-04-16\",\"output\":[],\"service_tier\":\"auto\",\"usage\":null}";

    /** One reasoning item's events: added, each summary part's added, delta(s), done, and the item's done. */
    private static int reasoning(StringBuilder sse, int seq, int out, String id, String[][] parts) {
        sse.append(rev("response.output_item.added", seq++, "\"output_index\":" + out + ",\"item\":{\"id\":\"" + id + "\",\"type\":\"reasoning\","
                + "\"summary\":[],\"encrypted_content\":null}"));
        List<String> done = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String at = "\"item_id\":\"" + id + "\",\"output_index\":" + out + ",\"summary_index\":" + i;
            sse.append(rev("response.reasoning_summary_part.added", seq++, at + ",\"part\":{\"type\":\"summary_text\",\"text\":\"\"}"));
            for (String d : parts[i]) {
                sse.append(rev("response.reasoning_summary_text.delta", seq++, at + ",\"delta\":\"" + d + "\""));
            }
            String text = String.join("", parts[i]);
            sse.append(rev("response.reasoning_summary_text.done", seq++, at + ",\"text\":\"" + text + "\""));
            sse.append(rev("response.reasoning_summary_part.done", seq++, at + ",\"part\":{\"type\":\"summary_text\",\"text\":\"" + text + "\"}"));
            done.add("{\"type\":\"summary_text\",\"text\":\"" + text + "\"}");
        }
        sse.append(rev("response.output_item.done", seq++, "\"output_index\":" + out + ",\"item\":{\"id\":\"" + id + "\",\"type\":\"reasoning\","
                + "\"summary\":[" + String.join(",", done) + "],\"encrypted_content\":null}"));
        return seq;
    }

    /** One message item's events with two output_text parts. */
    private static int message(StringBuilder sse, int seq, int out, String id, String[][] parts) {
        sse.append(rev("response.output_item.added", seq++, "\"output_index\":" + out + ",\"item\":{\"id\":\"" + id + "\",\"type\":\"message\","
                + "\"content\":[],\"role\":\"assistant\",\"status\":\"in_progress\"}"));
        List<String> done = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String at = "\"item_id\":\"" + id + "\",\"output_index\":" + out + ",\"content_index\":" + i;
            sse.append(rev("response.content_part.added", seq++, at + ",\"part\":{\"type\":\"output_text\",\"annotations\":[],\"text\":\"\"}"));
            for (String d : parts[i]) {
                sse.append(rev("response.output_text.delta", seq++, at + ",\"delta\":\"" + d + "\",\"logprobs\":[]"));
            }
            String text = String.join("", parts[i]);
            sse.append(rev("response.output_text.done", seq++, at + ",\"text\":\"" + text + "\",\"logprobs\":[]"));
            String part = "{\"type\":\"output_text\",\"annotations\":[],\"text\":\"" + text + "\"}";
            sse.append(rev("response.content_part.done", seq++, at + ",\"part\":" + part));
            done.add(part);
        }
        sse.append(rev("response.output_item.done", seq++, "\"output_index\":" + out + ",\"item\":{\"id\":\"" + id + "\",\"type\":\"message\","
                + "\"content\":[" + String.join(",", done) + "],\"role\":\"assistant\",\"status\":\"completed\"}"));
        return seq;
    }

    /**
     * test_responses_stream's responses_stream: a reasoning item of two summary parts, a message
     * of two text parts, and the same again. Each reasoning item is a thinking block before the
     * text it led to, holding both its summary parts; each text part is a text block, as in
     * LangChain's expected content. Usage
     * comes from response.completed, the reasoning tokens counted in output as Claude counts its
     * thinking.
     */
    @Test
    void reasoningAndMessagesInTurnKeepTheirOrder() {
        StringBuilder sse = new StringBuilder(rev("response.created", 0, CREATED)).append(rev("response.in_progress", 1, CREATED));
        int seq = reasoning(sse, 2, 0, "rs_123", new String[][] {{"reasoning block", " one"}, {"another reasoning", " block"}});
        seq = message(sse, seq, 1, "msg_123", new String[][] {{"text block", " one"}, {"another text", " block"}});
        seq = reasoning(sse, seq, 2, "rs_234", new String[][] {{"more reasoning"}, {"still more reasoning"}});
        seq = message(sse, seq, 3, "msg_234", new String[][] {{"more"}, {"text"}});
        sse.append(rev("response.completed", seq, "\"response\":{\"id\":\"resp_123\",\"object\":\"response\",\"created_at\":1749734255,"
                + "\"status\":\"completed\",\"model\":\"o4-mini-2025-04-16\",\"output\":[],\"service_tier\":\"default\",\"usage\":{\"input_tokens\":13,"
                + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":71,\"output_tokens_details\":{\"reasoning_tokens\":64},\"total_tokens\":84}}"));
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        List<String> types = new ArrayList<>();
        m.path("content").forEach(b -> types.add(b.path("type").asText()));
        assertThat(types).containsExactly("thinking", "text", "text", "thinking", "text", "text");
        assertThat(m.at("/content/0/thinking").asText()).contains("reasoning block one").contains("another reasoning block");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("text block one");
        assertThat(m.at("/content/2/text").asText()).isEqualTo("another text block");
        assertThat(m.at("/content/3/thinking").asText()).contains("more reasoning").contains("still more reasoning");
        assertThat(m.at("/content/4/text").asText()).isEqualTo("more");
        assertThat(m.at("/content/5/text").asText()).isEqualTo("text");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(13);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(71);
    }

    /**
     * test_responses_tool_args_annotations (langchain #32562): an annotation event between
     * pieces of a call's arguments does not split the call; it is one tool_use with input
     * {"param": "value"}.
     */
    @Test
    void anAnnotationBetweenArgumentPiecesDoesNotSplitTheCall() {
        String at = "\"output_index\":1,\"item_id\":\"item_123\"";
        String sse = rev("response.output_item.added", 1, "\"output_index\":1,\"item\":{\"type\":\"function_call\",\"name\":\"test_function\","
                + "\"arguments\":\"\",\"call_id\":\"call_123\",\"id\":\"item_123\"}")
                + rev("response.function_call_arguments.delta", 2, at + ",\"delta\":\"{\\\"param\"")
                + rev("response.function_call_arguments.delta", 3, at + ",\"delta\":\"\\\": \\\"valu\"")
                + rev("response.output_text.annotation.added", 4, "\"output_index\":1,\"content_index\":0,\"annotation\":{\"type\":\"file_citation\","
                        + "\"file_id\":\"file_123\"}")
                + rev("response.function_call_arguments.delta", 5, at + ",\"delta\":\"e\\\"}\"")
                + rev("response.completed", 6, "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"o4-mini\","
                        + "\"output\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":2}}");
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_123");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("test_function");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"param\":\"value\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    private static String chatChunk(String delta, String finish) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private static JsonNode chatStream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        return parse(replay(out));
    }

    /**
     * reasoning_extraction "test_reasoning_content_takes_precedence": a delta with both
     * reasoning_content and reasoning (the same reasoning under two names) gives the
     * reasoning_content text once, not both.
     */
    @Test
    void reasoningContentWinsOverReasoningInOneDelta() {
        JsonNode m = chatStream(chatChunk("{\"role\":\"assistant\",\"reasoning_content\":\"From reasoning_content\",\"reasoning\":\"From reasoning\"}", null),
                chatChunk("{\"content\":\"Hello\"}", "stop"));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("From reasoning_content");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Hello");
    }

    /** reasoning_extraction "test_none_reasoning_content_ignored" and "test_empty_string_reasoning_content": null or "" reasoning makes no thinking block. */
    @Test
    void nullOrEmptyReasoningMakesNoThinkingBlock() {
        JsonNode m = chatStream(chatChunk("{\"role\":\"assistant\",\"content\":\"Hello\",\"reasoning_content\":null}", null),
                chatChunk("{\"content\":\"\",\"reasoning_content\":\"\"}", "stop"));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello");
    }

    /**
     * reasoning_extraction "test_reasoning_with_tool_calls" and "test_reasoning_with_function_call":
     * reasoning in the same delta as a call (or an older function_call) is the thinking block
     * before the call.
     */
    @Test
    void reasoningBesideACallInOneDeltaComesBeforeIt() {
        JsonNode tools = chatStream(chatChunk("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"index\":0,\"id\":\"call_123\",\"function\":"
                + "{\"name\":\"search\",\"arguments\":\"{\\\"q\\\": \\\"test\\\"}\"}}],\"reasoning\":\"Need to search...\"}", null), chatChunk("{}", "tool_calls"));
        assertThat(tools.at("/content/0/thinking").asText()).isEqualTo("Need to search...");
        assertThat(tools.at("/content/1/id").asText()).isEqualTo("call_123");
        assertThat(tools.at("/content/1/input/q").asText()).isEqualTo("test");
        JsonNode legacy = chatStream(chatChunk("{\"role\":\"assistant\",\"content\":\"\",\"function_call\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"city\\\": \\\"SF\\\"}\"},\"reasoning_content\":\"User wants weather info...\"}", null), chatChunk("{}", "function_call"));
        assertThat(legacy.at("/content/0/thinking").asText()).isEqualTo("User wants weather info...");
        assertThat(legacy.at("/content/1/name").asText()).isEqualTo("get_weather");
        assertThat(legacy.at("/content/1/input/city").asText()).isEqualTo("SF");
        assertThat(legacy.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** reasoning_extraction "test_unicode_in_reasoning" and "test_long_reasoning_content": the text comes through whole. */
    @Test
    void unicodeAndLongReasoningComeThroughWhole() {
        String longText = "x".repeat(10000);
        JsonNode m = chatStream(chatChunk("{\"role\":\"assistant\",\"reasoning_content\":\"思考中... 🤔\"}", null),
                chatChunk("{\"reasoning_content\":\"" + longText + "\"}", null), chatChunk("{\"content\":\"ok\"}", "stop"));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("思考中... 🤔" + longText);
    }
}
