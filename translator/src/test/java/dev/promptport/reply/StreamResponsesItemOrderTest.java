package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the order in which the events of a Responses stream's output items arrive, each item
 * gives its block once, whole, and a reasoning item's signature stays on its own thinking block.
 */
class StreamResponsesItemOrderTest {

    private static final String CREATED = rev("response.created", 0,
            "\"response\":{\"id\":\"resp_o\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"o3\",\"output\":[],\"usage\":null}");
    private static final String COMPLETED = rev("response.completed", 99,
            "\"response\":{\"id\":\"resp_o\",\"object\":\"response\",\"status\":\"completed\",\"model\":\"o3\",\"output\":[],"
                    + "\"usage\":{\"input_tokens\":5,\"output_tokens\":6,\"total_tokens\":11}}");

    private static final List<String> REASONING = List.of(
            rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}"),
            rev("response.reasoning_summary_text.delta", 2, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\"Plan.\""),
            rev("response.reasoning_summary_text.delta", 3, "\"item_id\":\"rs_1\",\"output_index\":0,\"summary_index\":0,\"delta\":\" More.\""),
            rev("response.output_item.done", 4, "\"output_index\":0,\"item\":{\"id\":\"rs_1\",\"type\":\"reasoning\","
                    + "\"summary\":[{\"type\":\"summary_text\",\"text\":\"Plan. More.\"}],\"encrypted_content\":\"ENC\"}"));

    private static final List<String> CALL = List.of(
            rev("response.output_item.added", 5, "\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                    + "\"status\":\"in_progress\",\"arguments\":\"\",\"call_id\":\"call_1\",\"name\":\"f\"}"),
            rev("response.function_call_arguments.delta", 6, "\"item_id\":\"fc_1\",\"output_index\":1,\"delta\":\"{\\\"a\\\":1}\""),
            rev("response.output_item.done", 7, "\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                    + "\"status\":\"completed\",\"arguments\":\"{\\\"a\\\":1}\",\"call_id\":\"call_1\",\"name\":\"f\"}"));

    private static final List<String> MESSAGE = List.of(
            rev("response.output_item.added", 5, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}"),
            rev("response.output_text.delta", 6, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\"Sunny\""),
            rev("response.output_text.delta", 7, "\"item_id\":\"msg_1\",\"output_index\":1,\"content_index\":0,\"delta\":\" today.\""),
            rev("response.output_item.done", 8, "\"output_index\":1,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"output_text\",\"text\":\"Sunny today.\",\"annotations\":[]}]}"));

    private static JsonNode replayed(String sse) {
        return AnthropicShape.replayed(sse, ReplyFormat.OPENAI_RESPONSES);
    }

    @Test
    void reasoningThatGoesOnAfterACallBeganIsOneSignedBlockAndTheCallOneBlock() {
        JsonNode c = replayed(QuirkFixtures.RESPONSES_INTERLEAVED_SSE).path("content");
        assertThat(c).hasSize(2);
        assertThat(c.at("/0/type").asText()).isEqualTo("thinking");
        assertThat(c.at("/0/thinking").asText()).isEqualTo("Plan. More.");
        assertThat(c.at("/0/signature").asText()).isEqualTo("promptport:openai:rs_1:ENC");
        assertThat(c.at("/1/id").asText()).isEqualTo("call_1");
        assertThat(c.at("/1/input")).isEqualTo(parse("{\"a\":1}"));
    }

    @Test
    void everyInterleavingOfReasoningAndACallGivesTheSameTwoBlocks() {
        JsonNode expected = replayed(CREATED + String.join("", REASONING) + String.join("", CALL) + COMPLETED).path("content");
        assertThat(expected).hasSize(2);
        for (List<String> events : interleavings(REASONING, CALL)) {
            JsonNode c = replayed(CREATED + String.join("", events) + COMPLETED).path("content");
            assertThat(c).as("%s", events).isEqualTo(expected);
        }
    }

    @Test
    void everyInterleavingOfReasoningAndTextGivesTheSameTwoBlocks() {
        JsonNode expected = replayed(CREATED + String.join("", REASONING) + String.join("", MESSAGE) + COMPLETED).path("content");
        assertThat(expected.at("/1/text").asText()).isEqualTo("Sunny today.");
        for (List<String> events : interleavings(REASONING, MESSAGE)) {
            JsonNode c = replayed(CREATED + String.join("", events) + COMPLETED).path("content");
            assertThat(c).as("%s", events).isEqualTo(expected);
            Set<String> kinds = new HashSet<>();
            c.forEach(b -> assertThat(kinds.add(b.path("type").asText())).as("one block per item").isTrue());
        }
    }

    /**
     * Every merge of the two items' events that keeps each item's own order, the first item
     * announced first (OpenAI numbers items in the order they begin).
     */
    private static List<List<String>> interleavings(List<String> first, List<String> second) {
        List<List<String>> all = new ArrayList<>();
        merge(first.subList(1, first.size()), second, new ArrayList<>(List.of(first.get(0))), all);
        return all;
    }

    private static void merge(List<String> a, List<String> b, List<String> sofar, List<List<String>> all) {
        if (a.isEmpty() && b.isEmpty()) {
            all.add(List.copyOf(sofar));
            return;
        }
        for (List<String> from : List.of(a, b)) {
            if (!from.isEmpty()) {
                sofar.add(from.get(0));
                merge(from == a ? a.subList(1, a.size()) : a, from == b ? b.subList(1, b.size()) : b, sofar, all);
                sofar.remove(sofar.size() - 1);
            }
        }
    }
}
