package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.names;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static dev.promptport.reply.ReplyFixtures.CHAT_STREAM_TEXT;
import static dev.promptport.reply.ReplyFixtures.CHAT_STREAM_TOOLS;
import static dev.promptport.reply.ReplyFixtures.DEEPSEEK_STREAM;
import static dev.promptport.reply.ReplyFixtures.chunk;
import static dev.promptport.reply.ReplyFixtures.deltaChunk;
import static org.assertj.core.api.Assertions.assertThat;

class StreamOpenAiChatTest {

    private static List<String> translate(String sse, ReplyContext ctx) {
        return StreamTranslator.translateAll(sse, ReplyFormat.OPENAI_CHAT, ctx);
    }

    private static List<String> translate(String sse) {
        return translate(sse, ReplyContext.NONE);
    }

    private static List<JsonNode> data(List<String> events, String name) {
        return events(events).stream().filter(e -> e.name().equals(name)).map(AnthropicShape.Event::data).toList();
    }

    @Test
    void textStreamBecomesAnthropicsEventSequence() {
        List<String> out = translate(CHAT_STREAM_TEXT);
        assertCompleteStream(out);
        assertThat(names(out)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(out.get(0)).startsWith("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_chatcmpl-CK6s1\"");
        assertThat(out.get(3)).isEqualTo("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Your October\"}}\n\n");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Your October invoice was charged twice.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void messageStartCarriesZeroUsageAndMessageDeltaTheUsageOfTheLastChunk() {
        List<String> out = translate(CHAT_STREAM_TEXT);
        JsonNode start = data(out, "message_start").get(0).at("/message/usage");
        assertThat(start.path("input_tokens").asInt()).isZero();
        assertThat(start.path("output_tokens").asInt()).isZero();
        JsonNode delta = data(out, "message_delta").get(0);
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(93);
        assertThat(delta.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(1024);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(46);
        assertThat(delta.at("/delta/stop_sequence").isNull()).isTrue();
    }

    @Test
    void anEventWhoseJsonSpansSeveralDataLinesReadsAsTheSameEventOnOne() {
        // SSE joins an event's data lines with line breaks, which JSON reads as blanks
        String oneLine = "data: {\"id\":\"c1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi \\\"you\\\"\"}}]}\n\n"
                + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        String spread = oneLine.replace("\"model\":", "\ndata: \"model\":").replace("\"choices\":[{\"index\":0,\"delta\":{}", "\ndata: \"choices\":[{\"index\":0,\"delta\":{}");
        assertThat(spread).contains("\ndata: \"model\"");
        List<String> one = translate(oneLine);
        assertCompleteStream(one);
        assertThat(translate(spread)).isEqualTo(one);
        assertThat(parse(replay(one)).at("/content/0/text").asText()).isEqualTo("Hi \"you\"");
    }

    @Test
    void textIsForwardedAsSoonAsEachChunkArrives() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        String[] lines = CHAT_STREAM_TEXT.split("\n", -1);
        List<String> afterSecondChunk = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            afterSecondChunk.addAll(t.accept(lines[i]));
        }
        assertThat(names(afterSecondChunk)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta");
    }

    @Test
    void severalToolCallsArrivingInPiecesBecomeToolUseBlocksWithTheirArgumentsInOneDeltaEach() {
        List<String> out = translate(CHAT_STREAM_TOOLS, new ReplyContext(null, null, Map.of("mcp__billing__lookup_invoice", "billing.lookup")));
        assertCompleteStream(out);
        List<JsonNode> starts = data(out, "content_block_start");
        assertThat(starts).hasSize(2);
        assertThat(starts.get(0).at("/content_block/id").asText()).isEqualTo("call_Xr4QmT2bWv9LkN0pYs7dHa3E");
        assertThat(starts.get(0).at("/content_block/name").asText()).isEqualTo("get_weather");
        assertThat(starts.get(1).at("/index").asInt()).isEqualTo(1);
        assertThat(starts.get(1).at("/content_block/name").asText()).isEqualTo("billing.lookup");
        List<String> pieces = data(out, "content_block_delta").stream().map(d -> d.at("/delta/partial_json").asText()).toList();
        assertThat(pieces).containsExactly("{\"city\":\"Lisbon\"}", "{\"invoice_id\":\"INV-2025-0881\"}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/input")).isEqualTo(parse("{\"city\":\"Lisbon\"}"));
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"invoice_id\":\"INV-2025-0881\"}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void toolCallsAfterTextCloseTheTextBlock() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Checking.\"}", null)
                + deltaChunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}", null)
                + deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(names(out)).containsExactly("message_start", "ping", "content_block_start", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    }

    @Test
    void toolCallsThatAllSayIndexZeroButCarryNewIdsAreSeparateBlocks() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\"}}]}", null)
                + deltaChunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{\\\"y\\\":2}\"}}]}", null)
                + deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/1/name").asText()).isEqualTo("g");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"y\":2}"));
    }

    @Test
    void interleavedArgumentsOfParallelCallsAreCollectedByIndexAndBecomeBlocksInIndexOrder() {
        String sse = deltaChunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}]}", null)
                + deltaChunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}", null)
                + deltaChunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]}", null)
                + deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_a");
        assertThat(m.at("/content/0/input")).isEqualTo(parse("{\"x\":1}"));
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_b");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void twoCallsOpenedInOneChunkWithTheirArgumentsInTheNextGiveTwoBlocks() {
        List<String> out = translate(QuirkFixtures.CHAT_INTERLEAVED_SSE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input")).isEqualTo(parse("{\"location\":\"Paris\"}"));
        assertThat(m.at("/content/1/name").asText()).isEqualTo("get_time");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"tz\":\"CET\"}"));
    }

    @Test
    void toolCallsBecomeBlocksOnlyWhenTheFinishReasonArrives() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> beforeFinish = new ArrayList<>();
        String calls = CHAT_STREAM_TOOLS.substring(0, CHAT_STREAM_TOOLS.indexOf("data: {", CHAT_STREAM_TOOLS.indexOf("INV-2025-0881")));
        for (String l : calls.split("\n", -1)) {
            beforeFinish.addAll(t.accept(l));
        }
        assertThat(names(beforeFinish)).containsExactly("message_start", "ping");
        List<String> out = new ArrayList<>(beforeFinish);
        for (String l : CHAT_STREAM_TOOLS.substring(calls.length()).split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        out.addAll(t.finish());
        assertCompleteStream(out);
        assertThat(data(out, "content_block_start")).hasSize(2);
    }

    @Test
    void argumentsForACallThatNeverStartedEndWithAnError() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]}", null)
                + deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertFailedStream(out);
        assertThat(out.get(out.size() - 1)).contains("without a function name");
    }

    @Test
    void deepSeekReasoningContentBecomesAThinkingBlockBeforeTheText() {
        List<String> out = translate(DEEPSEEK_STREAM);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("Charged twice for October: billing.");
        assertThat(m.at("/content/0/signature").asText()).isEmpty();
        assertThat(m.at("/content/1/text").asText()).isEqualTo("{\"category\": \"billing\"}");
        assertThat(m.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(128);
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(83);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(138);
    }

    @Test
    void finishReasonInAChunkThatAlsoCarriesContentKeepsTheContent() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"All \"}", null)
                + deltaChunk("{\"content\":\"done.\"}", "stop") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("All done.");
    }

    @Test
    void contentFilterEndsWithStopReasonRefusal() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"I\"}", null) + deltaChunk("{}", "content_filter") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(data(out, "message_delta").get(0).at("/delta/stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void lengthEndsWithMaxTokens() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Step one\"}", null) + deltaChunk("{}", "length") + "data: [DONE]\n\n";
        assertThat(data(translate(sse), "message_delta").get(0).at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
    }

    /** OpenRouter's stream when the provider failed after the reply began, without an error object. */
    @Test
    void finishReasonErrorEndsWithAnApiErrorInsteadOfAStop() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Partial\"}", null) + deltaChunk("{\"content\":\"\"}", "error")
                + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertFailedStream(out);
        assertThat(data(out, "error").get(0).at("/error/message").asText()).contains("finish_reason error");
    }

    @Test
    void refusalDeltasAreTextWithStopReasonRefusal() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't\"}", null)
                + deltaChunk("{\"refusal\":\" help with that.\"}", null) + deltaChunk("{}", "stop") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I can't help with that.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
    }

    // ------------------------------------------------------------------ prefill

    private static String streamedText(String prefill, String... pieces) {
        StringBuilder sse = new StringBuilder(deltaChunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String p : pieces) {
            sse.append(deltaChunk("{\"content\":" + AnthropicShape.JSON.valueToTree(p) + "}", null));
        }
        sse.append(deltaChunk("{}", "stop")).append("data: [DONE]\n\n");
        List<String> out = translate(sse.toString(), new ReplyContext(null, prefill, Map.of()));
        assertCompleteStream(out);
        return parse(replay(out)).at("/content/0/text").asText();
    }

    @Test
    void prefillIsEmittedFirstWhenTheModelDoesNotRepeatIt() {
        assertThat(streamedText("{", "\"category\"", ": \"billing\"}")).isEqualTo("{\"category\": \"billing\"}");
    }

    @Test
    void prefillIsNotDoubledWhenTheModelRepeatsItEvenAcrossChunks() {
        assertThat(streamedText("{", "{\"category\"", ": \"billing\"}")).isEqualTo("{\"category\": \"billing\"}");
        assertThat(streamedText("<answer>", "<an", "sw", "er>42</answer>")).isEqualTo("<answer>42</answer>");
        assertThat(streamedText("<answer>", "<an", "swer", "ed>")).isEqualTo("<answer><answered>");
        assertThat(streamedText("{", "\n", " {\"a\":1}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void prefillHoldsBackOnlyAsMuchTextAsItNeedsToDecide() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, new ReplyContext(null, "<answer>", Map.of()));
        List<String> out = new ArrayList<>();
        for (String l : (deltaChunk("{\"role\":\"assistant\",\"content\":\"<ans\"}", null)).split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(names(out)).as("undecided: nothing of the text yet").containsExactly("message_start", "ping");
        out.clear();
        for (String l : (deltaChunk("{\"content\":\"wer>4\"}", null)).split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(out).hasSize(2);
        assertThat(events(out).get(1).data().at("/delta/text").asText()).isEqualTo("<answer>4");
        out.clear();
        for (String l : (deltaChunk("{\"content\":\"2\"}", null)).split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(events(out).get(0).data().at("/delta/text").asText()).isEqualTo("2");
    }

    @Test
    void aPrefillStillUndecidedWhenTheTextEndsIsPutInFront() {
        assertThat(streamedText("<answer>", "<an")).isEqualTo("<answer><an");
    }

    // ------------------------------------------------------------------ broken upstreams

    @Test
    void aStreamCutMidWayEndsWithAnApiErrorInsteadOfAStop() {
        String cut = deltaChunk("{\"role\":\"assistant\",\"content\":\"Your October\"}", null)
                + deltaChunk("{\"content\":\" invoice\"}", null);
        List<String> out = translate(cut);
        assertFailedStream(out);
        assertThat(names(out)).doesNotContain("message_stop", "message_delta");
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).contains("ended before the reply was complete");
    }

    @Test
    void anEmptyUpstreamIsAnError() {
        List<String> out = translate("");
        assertThat(names(out)).containsExactly("error");
    }

    @Test
    void aFinishReasonWithoutDoneEndsNormallyWhenTheBodyEnds() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null) + deltaChunk("{}", "stop");
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = new ArrayList<>();
        for (String l : sse.split("\n", -1)) {
            out.addAll(t.accept(l));
        }
        assertThat(names(out)).doesNotContain("message_delta");
        out.addAll(t.finish());
        assertCompleteStream(out);
        assertThat(t.finish()).isEmpty();
        assertThat(t.done()).isTrue();
    }

    @Test
    void malformedJsonInADataLineIsAnErrorEventNamingTheLineAndTheStreamStops() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null)
                + "data: {\"id\":\"chatcmpl-CK6s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"\n\n"
                + deltaChunk("{\"content\":\" more\"}", null) + deltaChunk("{}", "stop") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertFailedStream(out);
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("api_error");
        assertThat(err.at("/error/message").asText()).contains("not JSON on line 3");
        assertThat(String.join("", out)).doesNotContain(" more");
    }

    @Test
    void dataThatIsNotJsonIsScrubbedBeforeItsErrorMessageClipsIt() {
        String secret = "sk-" + "Q".repeat(90);
        String junk = "p".repeat(150) + " key=" + secret + " " + "-".repeat(100);
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE, null,
                s -> s.replace(secret, "[masked]"));

        List<String> out = t.acceptAll(deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null)
                + "data: " + junk + "\n\n");

        assertFailedStream(out);
        String message = events(out).get(out.size() - 1).data().at("/error/message").asText();
        assertThat(message).contains("not JSON", "key=[masked]").doesNotContain("QQQQQQQQ");
    }

    @Test
    void anUpstreamErrorChunkBecomesAnErrorEventOfTheRightType() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null)
                + "data: {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}\n\n";
        List<String> out = translate(sse);
        assertFailedStream(out);
        assertThat(events(out).get(out.size() - 1).data().at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void crlfLineEndsCommentsAndUnknownFieldsAreHandled() {
        String sse = (": keep-alive\n\n" + "retry: 3000\n" + CHAT_STREAM_TEXT).replace("\n", "\r\n");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Your October invoice was charged twice.");
    }

    @Test
    void aLastEventWithoutItsBlankLineIsStillHandled() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", null) + "data: [DONE]";
        assertThat(names(translate(sse))).contains("message_stop");
    }

    @Test
    void choicesOtherThanTheFirstAreIgnored() {
        String sse = chunk("[{\"index\":0,\"delta\":{\"content\":\"A\"},\"finish_reason\":null},"
                + "{\"index\":1,\"delta\":{\"content\":\"B\"},\"finish_reason\":null}]", "null")
                + deltaChunk("{}", "stop") + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("A");
    }

    @Test
    void theStreamedAndTheWholeReplyGiveTheSameMessage() {
        JsonNode streamed = parse(replay(translate(CHAT_STREAM_TOOLS)));
        String whole = Replies.toAnthropic(ReplyFixtures.CHAT_TOOLS.replace("\"content\": \"Let me check both cities.\"", "\"content\": null")
                        .replace("\"{\\\"city\\\":\\\"Lisbon\\\",\\\"unit\\\":\\\"celsius\\\",\\\"days\\\":3}\"", "\"{\\\"city\\\":\\\"Lisbon\\\"}\"")
                        .replace("\"{\\\"invoice_id\\\":\\\"INV-2025-0881\\\",\\\"amount\\\":1490.10,\\\"ref\\\":12345678901234567890}\"",
                                "\"{\\\"invoice_id\\\":\\\"INV-2025-0881\\\"}\"")
                        .replace("\"completion_tokens\": 61", "\"completion_tokens\": 61"),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        JsonNode w = parse(whole);
        assertThat(streamed.path("content")).isEqualTo(w.path("content"));
        assertThat(streamed.path("stop_reason")).isEqualTo(w.path("stop_reason"));
        assertThat(streamed.path("usage")).isEqualTo(w.path("usage"));
    }

    @Test
    void streamedCustomToolCallBecomesToolUseWithItsTextAsInput() {
        List<String> out = translate(chunk("[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                        + "\"id\":\"call_c1\",\"type\":\"custom\",\"custom\":{\"name\":\"run_sql\",\"input\":\"\"}}]},\"finish_reason\":null}]", "null")
                + chunk("[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"custom\":{\"input\":\"SELECT \"}}]},\"finish_reason\":null}]", "null")
                + chunk("[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"custom\":{\"input\":\"1\"}}]},\"finish_reason\":null}]", "null")
                + deltaChunk("{}", "tool_calls") + "data: [DONE]\n\n", new ReplyContext(null, null, Map.of("run_sql", "db:run sql")));
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("db:run sql");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"input\":\"SELECT 1\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    @Test
    void streamedSpokenReplyTranscriptBecomesTextAndItsAudioIsNamed() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = t.acceptAll(deltaChunk("{\"role\":\"assistant\",\"audio\":{\"id\":\"audio_1\",\"transcript\":\"Hello \"}}", null)
                + deltaChunk("{\"audio\":{\"data\":\"UklGRg==\",\"transcript\":\"there.\"}}", null)
                + deltaChunk("{\"audio\":{\"data\":\"UklGRg==\"}}", null)
                + deltaChunk("{\"audio\":{\"expires_at\":1}}", "stop") + "data: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(AnthropicShape.text(replay(out))).isEqualTo("Hello there.");
        assertThat(t.leftOut()).containsExactly(
                "the audio of the spoken reply (message.audio audio_1, 12 bytes): an Anthropic reply holds no audio;"
                        + " its transcript is the reply's text");
    }

    @Test
    void contentFilterInAStreamCarriesWhatAzuresFilterFlaggedInStopDetails() {
        String sse = deltaChunk("{\"role\":\"assistant\",\"content\":\"I\"}", null)
                + chunk("[{\"index\":0,\"delta\":{},\"finish_reason\":\"content_filter\","
                        + "\"content_filter_results\":{\"violence\":{\"filtered\":true,\"severity\":\"medium\"}}}]", "null")
                + "data: [DONE]\n\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(data(out, "message_delta").get(0).at("/delta/stop_details/explanation").asText())
                .isEqualTo("the vendor's content filter stopped the reply (finish_reason content_filter; filtered: violence (severity medium))");
    }

    @Test
    void theServiceTierGoesInMessageStartsUsage() {
        // every chunk of the fixture says service_tier default
        List<String> out = translate(CHAT_STREAM_TEXT);
        assertCompleteStream(out);
        assertThat(data(out, "message_start").get(0).at("/message/usage/service_tier").asText()).isEqualTo("standard");
        assertThat(parse(replay(out)).at("/usage/service_tier").asText()).isEqualTo("standard");
    }

    @Test
    void aChunkWhoseTextIsInAMessageBesideAnEmptyDeltaKeepsTheText() {
        // found by the reply fuzz campaign: a server that sends a whole reply's choice as a chunk,
        // with an empty delta beside it, lost the message's text
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = t.acceptAll("data: {\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},"
                + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(AnthropicShape.text(replay(out))).isEqualTo("Hello");
        assertThat(t.leftOut()).isEmpty();
    }

    @Test
    void aChunkWithBothADeltaAndAMessageReadsTheDeltaAndNamesTheMessage() {
        StreamTranslator t = new StreamTranslator(ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        List<String> out = t.acceptAll("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},"
                + "\"message\":{\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        assertCompleteStream(out);
        assertThat(AnthropicShape.text(replay(out))).isEqualTo("Hi");
        assertThat(t.leftOut()).containsExactly("the message a stream chunk held beside its delta (the delta was read)");
    }
}
