package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.outline;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiteLLM's cases for its Anthropic Messages to OpenAI Responses adapter, reply side: a Responses
 * reply or stream back in Claude's shape (BerriAI/litellm
 * {@code tests/test_litellm/llms/anthropic/experimental_pass_through/responses_adapters/}:
 * {@code test_responses_adapters_transformation.py} TestTranslateResponse, here RESPONSES, and
 * {@code test_responses_adapters_streaming_iterator.py}, here STREAM). LiteLLM's tests build the
 * SDK's objects or bare event dicts; here each is the JSON OpenAI sends.
 */
class LiteLlmResponsesAdapterReplyCasesTest {

    private static JsonNode whole(String status, String output) {
        String json = "{\"id\":\"resp_001\",\"object\":\"response\",\"created_at\":1,\"model\":\"gpt-4o\",\"status\":\"" + status + "\","
                + "\"output\":" + output + ",\"usage\":{\"input_tokens\":200,\"output_tokens\":75,\"total_tokens\":275}}";
        return AnthropicShape.message(json, ReplyFormat.OPENAI_RESPONSES);
    }

    private static String message(String... texts) {
        StringBuilder parts = new StringBuilder();
        for (String t : texts) {
            parts.append(parts.isEmpty() ? "" : ",").append("{\"type\":\"output_text\",\"text\":\"").append(t).append("\",\"annotations\":[]}");
        }
        return "{\"type\":\"message\",\"id\":\"m1\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[" + parts + "]}";
    }

    private static String call(String callId, String name, String arguments) {
        return "{\"type\":\"function_call\",\"id\":\"fc_" + callId + "\",\"call_id\":\"" + callId + "\",\"name\":\"" + name
                + "\",\"arguments\":\"" + arguments.replace("\"", "\\\"") + "\",\"status\":\"completed\"}";
    }

    private static String reasoning(String summary) {
        return "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"" + summary + "\"}]}";
    }

    /** RESPONSES test_output_text_message_becomes_text_block, test_multiple_text_parts, test_model_and_id_preserved, test_usage_mapped_correctly. */
    @Test
    void eachOutputTextPartIsATextBlockWithTheRepliesUsage() {
        JsonNode m = whole("completed", "[" + message("Part 1", "Part 2") + "]");
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Part 1");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Part 2");
        assertThat(m.path("role").asText()).isEqualTo("assistant");
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("model").asText()).isEqualTo("gpt-4o");
        // Claude's ids start msg_; the vendor's id stays in it
        assertThat(m.path("id").asText()).isEqualTo("msg_resp_001");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(200);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(75);
    }

    /** RESPONSES test_incomplete_status_sets_max_tokens and test_empty_output_list. */
    @Test
    void anIncompleteReplyHitMaxTokensAndAnEmptyOneEndsItsTurn() {
        assertThat(whole("incomplete", "[" + message("Truncated...") + "]").path("stop_reason").asText()).isEqualTo("max_tokens");
        JsonNode empty = whole("completed", "[]");
        assertThat(empty.path("content")).isEmpty();
        assertThat(empty.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * RESPONSES test_function_call_becomes_tool_use, ..._sets_stop_reason_tool_use,
     * test_reasoning_item_becomes_thinking_block, test_empty_reasoning_summary_skipped and
     * test_mixed_reasoning_text_and_tool_use.
     */
    @Test
    void reasoningTextAndACallBecomeThinkingTextAndToolUse() {
        JsonNode m = whole("completed", "[" + reasoning("Thinking...") + "," + message("Here is my answer.") + ","
                + call("call_mix", "lookup", "{\"id\": 1}") + "]");
        assertThat(m.path("content").findValuesAsText("type")).containsExactly("thinking", "text", "tool_use");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Thinking...");
        assertThat(m.at("/content/2/id").asText()).isEqualTo("call_mix");
        assertThat(m.at("/content/2/input/id").asInt()).isEqualTo(1);
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(whole("completed", "[" + reasoning("") + "]").path("content")).isEmpty();
    }

    /**
     * RESPONSES test_function_call_with_invalid_json_arguments. LiteLLM gives an empty input;
     * promptport keeps what the model wrote under "_raw", so the caller sees the broken call.
     */
    @Test
    void brokenCallArgumentsAreKeptAsText() {
        JsonNode m = whole("completed", "[" + call("call_bad", "broken_tool", "not-valid-json") + "]");
        assertThat(m.at("/content/0/input/_raw").asText()).isEqualTo("not-valid-json");
    }

    private static String ev(String type, String body) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\"" + (body.isEmpty() ? "" : "," + body) + "}\n\n";
    }

    private static final String CREATED = ev("response.created", "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,"
            + "\"model\":\"gpt-5\",\"status\":\"in_progress\",\"output\":[]}");
    private static final String COMPLETED = ev("response.completed", "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,"
            + "\"model\":\"gpt-5\",\"status\":\"completed\",\"output\":[],\"usage\":{\"input_tokens\":4017,\"input_tokens_details\":"
            + "{\"cached_tokens\":4004,\"cache_write_tokens\":10},\"output_tokens\":5,\"total_tokens\":4022}}");

    /** The turn TestReasoningItemWithoutSummaryText streams: a reasoning item with these summary deltas, then "Hello". */
    private static List<String> gptTurn(String... summaryDeltas) {
        StringBuilder sse = new StringBuilder(CREATED)
                .append(ev("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}"));
        for (String d : summaryDeltas) {
            sse.append(ev("response.reasoning_summary_text.delta", "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"" + d + "\""));
        }
        sse.append(ev("response.output_item.done", "\"output_index\":0,\"item\":{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}"))
                .append(ev("response.output_item.added", "\"output_index\":1,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
                        + "\"status\":\"in_progress\",\"content\":[]}"))
                .append(ev("response.output_text.delta", "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Hello\""))
                .append(ev("response.output_item.done", "\"output_index\":1,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
                        + "\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"Hello\",\"annotations\":[]}]}"))
                .append(COMPLETED);
        return translate(sse.toString());
    }

    private static List<String> translate(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    /**
     * STREAM TestReasoningItemWithoutSummaryText: a reasoning item whose summary never has text
     * opens no thinking block (an empty one would be refused when the transcript is sent back to
     * Claude); one with text does, and no stand-in signature is streamed. Also
     * TestMessageStartEmittedExactlyOnce.
     */
    @Test
    void aReasoningItemOpensAThinkingBlockOnlyForSummaryText() {
        for (List<String> out : List.of(gptTurn(), gptTurn("", ""))) {
            assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "stop:0", "message_delta", "message_stop");
        }
        List<String> out = gptTurn("Weigh", "ing options");
        assertThat(outline(out)).containsExactly("message_start", "start:thinking:0", "delta:0", "delta:0", "stop:0",
                "start:text:1", "delta:1", "stop:1", "message_delta", "message_stop");
        assertThat(parse(replay(out)).at("/content/0/thinking").asText()).isEqualTo("Weighing options");
        assertThat(events(out).stream().filter(e -> e.data().at("/delta/type").asText().equals("signature_delta"))).isEmpty();
    }

    /**
     * STREAM TestToolUseBlockClosedExactlyOnce (issue 37273): a done event for a message item
     * that never opened a block closes nothing, so the call is one block, closed once.
     */
    @Test
    void aDoneEventForAnItemThatOpenedNoBlockClosesNothing() {
        List<String> out = translate(CREATED
                + ev("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"function_call\",\"id\":\"call_1\",\"call_id\":\"call_1\","
                        + "\"name\":\"get_weather\",\"arguments\":\"\"}")
                + ev("response.function_call_arguments.delta", "\"item_id\":\"call_1\",\"output_index\":0,\"delta\":\"{\\\"city\\\": \\\"\"")
                + ev("response.function_call_arguments.delta", "\"item_id\":\"call_1\",\"output_index\":0,\"delta\":\"Tokyo\\\"}\"")
                + ev("response.function_call_arguments.done", "\"item_id\":\"call_1\",\"output_index\":0,\"arguments\":\"{\\\"city\\\": \\\"Tokyo\\\"}\"")
                + ev("response.output_item.done", "\"output_index\":0,\"item\":{\"type\":\"function_call\",\"id\":\"call_1\",\"call_id\":\"call_1\","
                        + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"Tokyo\\\"}\",\"status\":\"completed\"}")
                + ev("response.output_item.done", "\"output_index\":1,\"item\":{\"type\":\"message\",\"id\":\"chatcmpl-123\",\"role\":\"assistant\","
                        + "\"status\":\"completed\",\"content\":[]}")
                + COMPLETED);
        List<String> names = outline(out);
        assertThat(names.stream().filter(n -> n.startsWith("start:"))).containsExactly("start:tool_use:0");
        assertThat(names.stream().filter(n -> n.startsWith("stop:"))).containsExactly("stop:0");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_1");
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Tokyo");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** STREAM TestProcessEventTextDeltaWithoutOutputItemAdded (LM Studio): text deltas with no item added still open a text block at 0. */
    @Test
    void textDeltasWithNoItemAddedOpenATextBlock() {
        List<String> out = translate(ev("response.output_text.delta", "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hel\"")
                + ev("response.output_text.delta", "\"item_id\":\"i1\",\"output_index\":0,\"content_index\":0,\"delta\":\"lo\"")
                + COMPLETED);
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "delta:0", "stop:0", "message_delta", "message_stop");
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hello");
    }

    /** STREAM TestResponseCompletedUsage: cache reads and writes are their own counts and out of input_tokens. */
    @Test
    void theCompletedUsageSplitsOutTheCache() {
        JsonNode u = events(gptTurn()).stream().filter(e -> e.name().equals("message_delta")).findFirst().orElseThrow().data().path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(3);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(5);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(10);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(4004);
    }

    /**
     * STREAM TestRefusalStreamEvents. Both end with stop reason refusal. LiteLLM moves the refusal's
     * words into stop_details.explanation and streams an empty block; promptport keeps them as the
     * reply's text, where a client of Claude shows what the model said.
     */
    @Test
    void aRefusalEndsWithStopReasonRefusalAndKeepsItsWords() {
        List<String> out = translate(CREATED
                + ev("response.output_item.added", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
                        + "\"status\":\"in_progress\",\"content\":[]}")
                + ev("response.refusal.delta", "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"I cannot fulfill this.\"")
                + ev("response.output_item.done", "\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\","
                        + "\"status\":\"completed\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"I cannot fulfill this.\"}]}")
                + ev("response.completed", "\"response\":{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1,\"model\":\"gpt-5\","
                        + "\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\","
                        + "\"content\":[{\"type\":\"refusal\",\"refusal\":\"I cannot fulfill this.\"}]}]}"));
        JsonNode m = parse(replay(out));
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I cannot fulfill this.");
    }
}
