package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_STREAM_REASONING_TEXT;
import static dev.promptport.reply.ReplyFixtures.RESPONSES_STREAM_TOOLS;
import static dev.promptport.reply.ReplyFixtures.rev;
import static org.assertj.core.api.Assertions.assertThat;

class StreamResponsesTest {

    /** The end of a stream whose response lists no items, so that only the events before it give the reply. */
    private static final String COMPLETED_EMPTY =
            "event:response.completed\ndata:{\"type\":\"response.completed\",\"response\":{\"output\":[]}}\n\n";

    private static List<String> translate(String sse, ReplyContext ctx) {
        return StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_RESPONSES, ctx);
    }

    private static List<String> translate(String sse) {
        return translate(sse, ReplyContext.NONE);
    }

    private static JsonNode first(List<String> out, String name) {
        return events(out).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().data();
    }

    @Test
    void argumentPiecesTheFinishedArgumentsDoNotHoldStandAsTheyCame() {
        // found by the reply fuzz campaign: a corrupted done event must not wipe out what streamed
        String sse = "data:{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\"}}\n\n"
                + "data:{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"{\\\"city\\\":\\\"Paris\\\"}\"}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":\"{\\\"town\\\":\\\"Lyon\\\"}\"}}\n\n";
        JsonNode m = parse(replay(translate(sse)));
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Paris");
    }

    @Test
    void finishedArgumentsThatFallShortOfNothingStreamedStandForTheCall() {
        // a server that streams only the start of the arguments: the done event's whole arguments stand
        String sse = "data:{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\"}}\n\n"
                + "data:{\"type\":\"response.function_call_arguments.delta\",\"output_index\":0,\"delta\":\"{\\\"ci\"}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}\n\n";
        JsonNode m = parse(replay(translate(sse)));
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Paris");
    }

    @Test
    void aCallDoneAtTheIndexOfAMessageDoneBeforeItIsAnotherItemByItsId() {
        // found by the reply fuzz campaign: two items finished at one output index, each with its
        // own id; the call read as the message given before, and its arguments went nowhere
        String sse = "data:{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"msg_1\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Only in done.\"}]}}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":\"fc_1\","
                + "\"type\":\"function_call\",\"arguments\":\"{\\\"a\\\":1}\",\"call_id\":\"call_D\",\"name\":\"f\"}}\n\n"
                + COMPLETED_EMPTY;
        JsonNode m = parse(replay(translate(sse)));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Only in done.");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_D");
        assertThat(m.at("/content/1/input/a").asInt()).isEqualTo(1);
        // the same message again under its id, as response.completed lists it, is not sent twice
        String again = sse.replace("\"output\":[]", "\"output\":[{\"id\":\"msg_1\",\"type\":\"message\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"Only in done.\"}]}]");
        assertThat(parse(replay(translate(again))).path("content")).hasSize(2);
    }

    @Test
    void aCallDoneWithoutItsOutputIndexIsTheOpenCallOfItsId() {
        // found by the reply fuzz campaign: the done event had lost its output_index, and the
        // arguments only it carried went nowhere
        String sse = "data:{\"type\":\"response.output_item.added\",\"output_index\":4,\"item\":{\"type\":\"function_call\","
                + "\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"weather\"}}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"item\":{\"type\":\"function_call\",\"id\":\"fc_1\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}\n\n"
                + COMPLETED_EMPTY;
        JsonNode m = parse(replay(translate(sse)));
        assertThat(m.at("/content/0/input/city").asText()).isEqualTo("Paris");
    }

    @Test
    void theArgumentsOfACallDoneWithNeitherPlaceNorIdAreNamedNotDropped() {
        // found by the reply fuzz campaign: after a call with no place and no id went out, a
        // finished call with neither reads as that one given before, its block already closed
        String sse = "data:{\"type\":\"response.output_item.added\",\"item\":{\"type\":\"function_call\",\"call_id\":\"c1\","
                + "\"name\":\"weather\"}}\n\n"
                + "data:{\"type\":\"response.output_text.delta\",\"delta\":\"Checking.\"}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"item\":{\"type\":\"function_call\",\"arguments\":\"{\\\"a\\\":17}\"}}\n\n"
                + COMPLETED_EMPTY;
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        t.acceptAll(sse);
        t.finish();
        assertThat(t.leftOut()).contains(BlockSink.ORPHAN_ARGUMENTS);
    }

    @Test
    void aNamelessCallAfterAMessageWithNeitherPlaceNorIdEndsTheStreamWithAnErrorNotInSilence() {
        // found by the reply fuzz campaign: a message's text never stands for a call, so this call
        // is new, and a call with no name has no tool_use to become (an empty id is no id either)
        for (String id : new String[] {"", null}) {
            String sse = "data:{\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"content\":[]}}\n\n"
                    + "data:{\"type\":\"response.output_item.done\",\"item\":{" + (id == null ? "" : "\"id\":\"\",")
                    + "\"type\":\"function_call\",\"arguments\":\"1\"}}\n\n"
                    + COMPLETED_EMPTY;
            List<String> out = translate(sse);
            assertFailedStream(out);
            assertThat(first(out, "error").at("/error/message").asText()).contains("tool call without a function name");
        }
    }

    @Test
    void aPlacedCallNeverStreamedArrivesWholeAfterAnItemWithNeitherPlaceNorId() {
        String sse = "data:{\"type\":\"response.output_item.done\",\"item\":{\"type\":\"message\",\"content\":"
                + "[{\"type\":\"output_text\",\"text\":\"Checking.\"}]}}\n\n"
                + "data:{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\","
                + "\"call_id\":\"call_1\",\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}\n\n"
                + COMPLETED_EMPTY;
        JsonNode m = parse(replay(translate(sse)));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Checking.");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("weather");
        assertThat(m.at("/content/1/input/city").asText()).isEqualTo("Paris");
    }

    @Test
    void reasoningSummaryAndTextStreamAsThinkingAndText() {
        List<String> out = translate(RESPONSES_STREAM_REASONING_TEXT);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("id").asText()).isEqualTo("msg_resp_68d5d0a1");
        assertThat(m.path("model").asText()).isEqualTo("o4-mini-2025-04-16");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("**Classifying** billing.\n\n**Urgency** 3.");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:openai:rs_1:gAAAAABo1cHl9kQ2");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("{\"category\":\"billing\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        JsonNode u = first(out, "message_delta").path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(168);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(1152);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(412);
    }

    @Test
    void theStreamedReplyMatchesTheWholeReply() {
        JsonNode streamed = parse(replay(translate(RESPONSES_STREAM_REASONING_TEXT)));
        String whole = Replies.toAnthropic(ReplyFixtures.RESPONSES_REASONING_TEXT
                .replace("**Classifying the ticket**\\n\\nDouble charge, refund requested.", "**Classifying** billing.")
                .replace("**Choosing urgency**\\n\\nDeadline Friday: urgency 3.", "**Urgency** 3.")
                .replace("gAAAAABo1cHl9kQ2x_Zc1vR8", "gAAAAABo1cHl9kQ2")
                .replace("rs_68d5c1e5a1b08190b3c4d5e6f7a8b9c0", "rs_1")
                .replace("{\\\"category\\\":\\\"billing\\\",\\\"urgency\\\":3}", "{\\\"category\\\":\\\"billing\\\"}")
                // the streamed fixture names no service tier
                .replace("\"service_tier\": \"default\",", ""),
                ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        assertThat(streamed.path("content")).isEqualTo(parse(whole).path("content"));
        assertThat(streamed.path("usage")).isEqualTo(parse(whole).path("usage"));
    }

    @Test
    void functionCallArgumentsArriveAsOneInputJsonDeltaPerCallAndTheDoneEventsAddNothing() {
        List<String> out = translate(RESPONSES_STREAM_TOOLS, new ReplyContext(null, null, Map.of("get_weather", "weather.get")));
        assertCompleteStream(out);
        List<String> pieces = events(out).stream().filter(e -> e.name().equals("content_block_delta"))
                .map(e -> e.data().at("/delta/partial_json").asText()).toList();
        assertThat(pieces).containsExactly("{\"city\":\"Lisbon\"}", "{\"city\":\"Porto\"}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_k2Lm9Nq4Rs7Tu1Vw3Xy5Za8B");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("weather.get");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"city\":\"Porto\"}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void argumentsOnlyInTheDoneEventAreStillSent() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-4.1\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_item.added", 1, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":\"\",\"call_id\":\"call_1\",\"name\":\"f\"}")
                + rev("response.function_call_arguments.done", 2, "\"item_id\":\"fc_1\",\"output_index\":0,\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"")
                + rev("response.output_item.done", 3, "\"output_index\":0,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":\"{\\\"a\\\":1}\",\"call_id\":\"call_1\",\"name\":\"f\"}")
                + rev("response.completed", 4, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[],\"usage\":null}");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/input")).isEqualTo(parse("{\"a\":1}"));
    }

    @Test
    void incompleteEndsWithMaxTokens() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_2\",\"model\":\"gpt-4.1\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Step one\"")
                + rev("response.incomplete", 2, "\"response\":{\"id\":\"resp_2\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"output\":[],"
                        + "\"usage\":{\"input_tokens\":10,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":5,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":15}}");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(first(out, "message_delta").at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(first(out, "message_delta").at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    /** LiteLLM's stream test: response.completed whose response says incomplete, with no incomplete_details. */
    @Test
    void aCompletedEventWithStatusIncompleteEndsWithMaxTokens() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_3\",\"model\":\"gpt-5.5\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Step one\"")
                + rev("response.completed", 2, "\"response\":{\"id\":\"resp_3\",\"status\":\"incomplete\",\"output\":[]}");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(first(out, "message_delta").at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void refusalDeltasAreTextWithStopReasonRefusal() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_3\",\"model\":\"gpt-4o\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.refusal.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"I can't help.\"")
                + rev("response.completed", 2, "\"response\":{\"id\":\"resp_3\",\"status\":\"completed\",\"output\":[],\"usage\":null}");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(first(out, "message_delta").at("/delta/stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void aFailedResponseEndsWithAnErrorEvent() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_4\",\"model\":\"o3\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\"")
                + rev("response.failed", 2, "\"response\":{\"id\":\"resp_4\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The model failed.\"},\"output\":[]}");
        List<String> out = translate(sse);
        assertFailedStream(out);
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).contains("The model failed.");
    }

    @Test
    void anErrorEventKeepsItsKind() {
        String sse = rev("error", 0, "\"code\":\"rate_limit_exceeded\",\"message\":\"Rate limit reached\",\"param\":null");
        List<String> out = translate(sse);
        assertThat(names(out)).containsExactly("error");
        assertThat(events(out).get(0).data().at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void aStreamWithoutResponseCompletedIsCutAndEndsWithAnError() {
        String cut = RESPONSES_STREAM_REASONING_TEXT.substring(0, RESPONSES_STREAM_REASONING_TEXT.indexOf("event: response.completed"));
        List<String> out = translate(cut);
        assertFailedStream(out);
        assertThat(names(out)).doesNotContain("message_stop");
    }

    @Test
    void separateTextPartsBecomeSeparateTextBlocks() {
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_5\",\"model\":\"gpt-4o\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"One\"")
                + rev("response.output_text.delta", 2, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":1,\"delta\":\"Two\"")
                + rev("response.completed", 3, "\"response\":{\"id\":\"resp_5\",\"status\":\"completed\",\"output\":[],\"usage\":null}");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).path("content")).hasSize(2);
    }

    @Test
    void streamedCustomToolCallBecomesToolUseWithItsTextAsInput() {
        String item = "{\"type\":\"custom_tool_call\",\"id\":\"ctc_1\",\"call_id\":\"call_2\",\"name\":\"run_sql\",\"input\":\"%s\"}";
        String sse = rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_item.added", 1, "\"output_index\":0,\"item\":" + item.formatted(""))
                + rev("response.custom_tool_call_input.delta", 2, "\"item_id\":\"ctc_1\",\"output_index\":0,\"delta\":\"SELECT \"")
                + rev("response.custom_tool_call_input.delta", 3, "\"item_id\":\"ctc_1\",\"output_index\":0,\"delta\":\"1\"")
                + rev("response.custom_tool_call_input.done", 4, "\"item_id\":\"ctc_1\",\"output_index\":0,\"input\":\"SELECT 1\"")
                + rev("response.output_item.done", 5, "\"output_index\":0,\"item\":" + item.formatted("SELECT 1"))
                + rev("response.completed", 6, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[" + item.formatted("SELECT 1") + "]}");
        List<String> out = translate(sse, new ReplyContext(null, null, Map.of("run_sql", "db:run sql")));
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("db:run sql");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"input\":\"SELECT 1\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    private static final String ANNOTATED_ITEM = "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Sunny.\",\"annotations\":[{\"type\":\"url_citation\","
            + "\"url\":\"https://w.example/paris\",\"start_index\":0,\"end_index\":5}]}]}";
    private static final String PLAIN_ITEM = ANNOTATED_ITEM.replaceAll("\\[\\{\"type\":\"url_citation.*\\}\\]\\}\\]\\}$", "[]}]}");

    private static List<String> annotatedStream(String annotationEvent, String doneItem, String completedItem) {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        List<String> out = t.acceptAll(rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\",\"status\":\"in_progress\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Sunny.\"")
                + annotationEvent
                + rev("response.output_item.done", 3, "\"output_index\":0,\"item\":" + doneItem)
                + rev("response.completed", 4, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[" + completedItem + "]}"));
        assertCompleteStream(out);
        assertThat(AnthropicShape.text(replay(out))).isEqualTo("Sunny.");
        return t.leftOut();
    }

    @Test
    void annotationsThatArriveOnlyWithTheFinishedItemOrResponseAreNamedOnce() {
        String named = "1 web citation on the reply's text (annotations): https://w.example/paris";
        assertThat(PLAIN_ITEM).doesNotContain("url_citation");
        assertThat(annotatedStream("", ANNOTATED_ITEM, PLAIN_ITEM)).containsExactly(named);
        assertThat(annotatedStream("", PLAIN_ITEM, ANNOTATED_ITEM)).containsExactly(named);
        String added = rev("response.output_text.annotation.added", 2, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,"
                + "\"annotation_index\":0,\"annotation\":{\"type\":\"url_citation\",\"url\":\"https://w.example/paris\",\"start_index\":0,\"end_index\":5}");
        assertThat(annotatedStream(added, ANNOTATED_ITEM, ANNOTATED_ITEM)).containsExactly(named);
    }

    private static StreamTranslator tiered(String createdTier, String completedTier, List<String> out) {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_RESPONSES, ReplyContext.NONE);
        out.addAll(t.acceptAll(rev("response.created", 0, "\"response\":{\"id\":\"resp_1\",\"model\":\"gpt-5\","
                        + "\"status\":\"in_progress\",\"service_tier\":\"" + createdTier + "\",\"output\":[]}")
                + rev("response.output_text.delta", 1, "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi.\"")
                + rev("response.completed", 2, "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\","
                        + "\"service_tier\":\"" + completedTier + "\",\"output\":[]}")));
        assertCompleteStream(out);
        return t;
    }

    @Test
    void aServiceTierTheResponseInProgressNamesGoesInMessageStartsUsage() {
        List<String> out = new java.util.ArrayList<>();
        StreamTranslator t = tiered("priority", "priority", out);
        assertThat(first(out, "message_start").at("/message/usage/service_tier").asText()).isEqualTo("priority");
        assertThat(parse(replay(out)).at("/usage/service_tier").asText()).isEqualTo("priority");
        assertThat(t.leftOut()).isEmpty();
    }

    @Test
    void aServiceTierOnlyTheCompletedResponseNamesIsNamedAsLeftOut() {
        // a response in progress says auto, the tier asked for; Anthropic's message_delta usage has no service_tier
        List<String> out = new java.util.ArrayList<>();
        StreamTranslator t = tiered("auto", "default", out);
        assertThat(first(out, "message_start").at("/message/usage").has("service_tier")).isFalse();
        assertThat(first(out, "message_delta").at("/usage").has("service_tier")).isFalse();
        assertThat(t.leftOut()).containsExactly("the vendor's service tier default (service_tier): it came after the stream's"
                + " message_start, which holds the tier");
    }
}
