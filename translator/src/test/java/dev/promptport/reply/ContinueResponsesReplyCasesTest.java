package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;


import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replayed;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continue's cases for reading OpenAI Responses replies and streams (continuedev/continue
 * {@code packages/openai-adapters/src/test/openai-responses.vitest.ts}: "fromResponsesChunk"
 * and "responseToChatCompletion"). Continue turns them into OpenAI Chat chunks; here the same
 * events and reply are read into Claude's shape.
 */
class ContinueResponsesReplyCasesTest {

    private static final String COMPLETED = "\"response\":{\"id\":\"resp_123\",\"object\":\"response\",\"model\":\"gpt-5-preview\","
            + "\"created_at\":1710000000,\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"output\":[],\"usage\":"
            + "{\"input_tokens\":12,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":9,\"output_tokens_details\":"
            + "{\"reasoning_tokens\":0},\"total_tokens\":21}}";

    private static JsonNode stream(String sse) {
        return replayed(sse, ReplyFormat.OPENAI_RESPONSES);
    }

    /**
     * "emits incremental assistant content and finish_reason from Responses text deltas": two
     * deltas are the text, the completed response ends the turn and gives the usage (12 in, 9 out).
     */
    @Test
    void textDeltasAreTheTextAndCompletedGivesTheUsage() {
        JsonNode m = stream(rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[]}")
                + rev("response.output_text.delta", 2, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hello\",\"logprobs\":[]")
                + rev("response.output_text.delta", 3, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\" world\",\"logprobs\":[]")
                + rev("response.output_item.done", 4, "\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                        + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hello world\"}]}")
                + rev("response.completed", 5, COMPLETED));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello world");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(12);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(9);
    }

    /**
     * "tracks streaming tool call arguments and surfaces tool_calls deltas": the call's two
     * argument pieces, its arguments done and its item done are one tool_use with the call_id as
     * id, and the turn ends with tool_use. Continue's events stop after the item; a Responses
     * stream ends with response.completed, added here (without it the stream is taken as cut).
     */
    @Test
    void streamedCallArgumentsAreOneToolUse() {
        String item = "\"id\":\"tool_item_1\",\"type\":\"function_call\",\"call_id\":\"call_99\",\"name\":\"searchDocs\"";
        JsonNode m = stream(rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{" + item + ",\"arguments\":\"\",\"status\":\"in_progress\"}")
                + rev("response.function_call_arguments.delta", 2, "\"item_id\":\"tool_item_1\",\"output_index\":0,\"delta\":\"{\\\"query\\\":\\\"vit\"")
                + rev("response.function_call_arguments.delta", 3, "\"item_id\":\"tool_item_1\",\"output_index\":0,\"delta\":\"est\\\"}\"")
                + rev("response.function_call_arguments.done", 4, "\"item_id\":\"tool_item_1\",\"output_index\":0,\"arguments\":\"{\\\"query\\\":\\\"vitest\\\"}\"")
                + rev("response.output_item.done", 5, "\"output_index\":0,\"item\":{" + item + ",\"arguments\":\"{\\\"query\\\":\\\"vitest\\\"}\","
                        + "\"status\":\"completed\"}")
                + rev("response.completed", 6, COMPLETED));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_99");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("searchDocs");
        assertThat(m.at("/content/0/input/query").asText()).isEqualTo("vitest");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "emits reasoning deltas when reasoning items stream": a reasoning_text delta is thinking.
     * Continue passes it on as Chat's reasoning; here it is a thinking block before the answer.
     */
    @Test
    void aReasoningTextDeltaIsThinking() {
        JsonNode m = stream(rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"reason_1\",\"type\":\"reasoning\","
                + "\"summary\":[],\"content\":[]}")
                + rev("response.reasoning_text.delta", 2, "\"item_id\":\"reason_1\",\"output_index\":0,\"content_index\":0,"
                        + "\"delta\":\"First, inspect the repository structure.\"")
                + rev("response.output_item.added", 3, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")
                + rev("response.output_text.delta", 4, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Done.\",\"logprobs\":[]")
                + rev("response.completed", 5, COMPLETED));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("First, inspect the repository structure.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Done.");
    }

    /**
     * "converts a completed Responses payload into a ChatCompletion summary": reasoning, a call
     * and text, in that order, are a thinking block, a tool_use and the text, in the same order,
     * ending with tool_use; of the 100 input tokens 4 were cached (a cache read beside 96), and
     * the 42 output tokens hold the 10 of reasoning.
     */
    @Test
    void aWholeReplyKeepsItsItemsInOrder() {
        ReplyTranslation t = Replies.translate("{\"id\":\"resp_final\",\"object\":\"response\",\"model\":\"gpt-5-mini\",\"created_at\":1710000001,"
                + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"usage\":{\"input_tokens\":100,\"input_tokens_details\":"
                + "{\"cached_tokens\":4},\"output_tokens\":42,\"output_tokens_details\":{\"reasoning_tokens\":10},\"total_tokens\":142},"
                + "\"output\":[{\"id\":\"reason_final\",\"type\":\"reasoning\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\","
                + "\"text\":\"Identify missing unit tests first.\"}]},{\"id\":\"tool_item_final\",\"type\":\"function_call\",\"call_id\":"
                + "\"call_final\",\"name\":\"searchDocs\",\"arguments\":\"{\\\"query\\\":\\\"unit tests\\\"}\",\"status\":\"completed\"},"
                + "{\"id\":\"msg_final\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":"
                + "\"Triggering searchDocs tool with the provided query.\"}]}]}", ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE, null);
        assertMessage(t.json());
        JsonNode m = parse(t.json());
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Identify missing unit tests first.");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_final");
        assertThat(m.at("/content/1/input/query").asText()).isEqualTo("unit tests");
        assertThat(m.at("/content/2/text").asText()).isEqualTo("Triggering searchDocs tool with the provided query.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(96);
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(4);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(42);
    }
}
