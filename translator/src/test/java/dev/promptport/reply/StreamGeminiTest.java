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
import static dev.promptport.reply.ReplyFixtures.GEMINI_STREAM_TEXT;
import static dev.promptport.reply.ReplyFixtures.GEMINI_STREAM_TOOLS;
import static dev.promptport.reply.ReplyFixtures.G_USAGE_EARLY;
import static dev.promptport.reply.ReplyFixtures.G_USAGE_FINAL;
import static dev.promptport.reply.ReplyFixtures.gchunk;
import static org.assertj.core.api.Assertions.assertThat;

class StreamGeminiTest {

    private static List<String> translate(String sse, ReplyContext ctx) {
        return StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ctx);
    }

    private static List<String> translate(String sse) {
        return translate(sse, ReplyContext.NONE);
    }

    private static JsonNode first(List<String> out, String name) {
        return events(out).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().data();
    }

    @Test
    void thoughtsThenTextStreamAsThinkingThenTextWithTheSignature() {
        List<String> out = translate(GEMINI_STREAM_TEXT);
        assertCompleteStream(out);
        assertThat(names(out)).containsExactly("message_start", "ping",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
                "content_block_start", "content_block_delta", "content_block_delta", "content_block_delta", "content_block_stop",
                "message_delta", "message_stop");
        assertThat(events(out).get(4).data().at("/delta/type").asText()).isEqualTo("signature_delta");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("**Checking the invoice**\nTwo charges.");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:Cs0BAdHtim9Q");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Your October invoice was charged twice. A refund is on its way.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.path("id").asText()).isEqualTo("msg_kP3aaL-8Ccmz7IPm6fX0Aw");
    }

    @Test
    void messageStartHasThePromptTokensAndMessageDeltaTheFinalUsage() {
        List<String> out = translate(GEMINI_STREAM_TEXT);
        assertThat(first(out, "message_start").at("/message/usage/input_tokens").asInt()).isEqualTo(812);
        JsonNode u = first(out, "message_delta").path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(300);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(512);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(57 + 232);
    }

    @Test
    void functionCallsArriveWholeAsOneInputJsonDeltaEachAndStopIsToolUse() {
        List<String> out = translate(GEMINI_STREAM_TOOLS, new ReplyContext("claude-sonnet-4-5", null,
                Map.of("mcp__billing__lookup_invoice", "billing/lookup")));
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(m.path("content")).hasSize(4);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Checking both.");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/1/signature").asText()).isEqualTo("promptport:gemini:CiQB0e2K");
        assertThat(m.at("/content/2/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/2/input")).isEqualTo(parse("{\"city\":\"Lisbon\"}"));
        assertThat(m.at("/content/3/name").asText()).isEqualTo("billing/lookup");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        long jsonDeltas = events(out).stream().filter(e -> e.data().at("/delta/type").asText().equals("input_json_delta")).count();
        assertThat(jsonDeltas).isEqualTo(2);
    }

    @Test
    void safetyMidStreamEndsWithRefusal() {
        String sse = gchunk("[{\"text\": \"Here is how\"}]", null, G_USAGE_EARLY) + gchunk("[{\"text\": \"\"}]", "SAFETY", G_USAGE_FINAL);
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(first(out, "message_delta").at("/delta/stop_reason").asText()).isEqualTo("refusal");
    }

    @Test
    void maxTokensEndsWithMaxTokens() {
        String sse = gchunk("[{\"text\": \"Step one\"}]", "MAX_TOKENS", G_USAGE_FINAL);
        assertThat(first(translate(sse), "message_delta").at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
    }

    @Test
    void aBlockedPromptStreamsAnEmptyRefusal() {
        String sse = "data: {\"promptFeedback\": {\"blockReason\": \"SAFETY\",\"safetyRatings\": []},\"usageMetadata\": "
                + "{\"promptTokenCount\": 97,\"totalTokenCount\": 97},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"b3\"}\r\n\r\n";
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(names(out)).containsExactly("message_start", "ping", "message_delta", "message_stop");
        assertThat(first(out, "message_delta").at("/delta/stop_reason").asText()).isEqualTo("refusal");
        assertThat(first(out, "message_start").at("/message/usage/input_tokens").asInt()).isEqualTo(97);
    }

    @Test
    void aStreamWithoutAFinishReasonIsCutAndEndsWithAnError() {
        String sse = gchunk("[{\"text\": \"Your October\"}]", null, G_USAGE_EARLY);
        List<String> out = translate(sse);
        assertFailedStream(out);
        assertThat(events(out).get(out.size() - 1).data().at("/error/message").asText()).contains("no finishReason");
    }

    @Test
    void anErrorChunkBecomesAnErrorEvent() {
        String sse = gchunk("[{\"text\": \"Your\"}]", null, G_USAGE_EARLY)
                + "data: {\"error\": {\"code\": 503, \"message\": \"The model is overloaded.\", \"status\": \"UNAVAILABLE\"}}\r\n\r\n";
        List<String> out = translate(sse);
        assertFailedStream(out);
        JsonNode err = events(out).get(out.size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(err.at("/error/message").asText()).contains("UNAVAILABLE").contains("The model is overloaded.");
    }

    @Test
    void theStreamedAndTheWholeReplyGiveTheSameContent() {
        String whole = Replies.toAnthropic(ReplyFixtures.GEMINI_TEXT, ReplyFormat.GEMINI, ReplyContext.NONE);
        String sse = gchunk("[{\"text\": \"Your October invoice was charged twice. \"}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \"A refund is on its way.\"}]", "STOP", G_USAGE_FINAL);
        JsonNode streamed = parse(replay(translate(sse)));
        assertThat(streamed.path("content")).isEqualTo(parse(whole).path("content"));
        assertThat(streamed.path("usage")).isEqualTo(parse(whole).path("usage"));
    }

    @Test
    void prefillIsRestoredInTheGeminiStream() {
        String sse = gchunk("[{\"text\": \"{\\\"ok\"}]", null, G_USAGE_EARLY) + gchunk("[{\"text\": \"\\\": true}\"}]", "STOP", G_USAGE_FINAL);
        List<String> out = translate(sse, new ReplyContext(null, "{\"ok", Map.of()));
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("{\"ok\": true}");
        out = translate(sse.replace("{\\\"ok", "\\\"ok"), new ReplyContext(null, "{", Map.of()));
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("{\"ok\": true}");
    }

    @Test
    void aStreamStoppedForSafetyOrABlockedPromptCarriesTheReasonInStopDetails() {
        String sse = gchunk("[{\"text\": \"Here is how\"}]", null, G_USAGE_EARLY)
                + gchunk("[]", "SAFETY", G_USAGE_FINAL).replace("\"index\": 0",
                        "\"index\": 0,\"safetyRatings\": [{\"category\": \"HARM_CATEGORY_DANGEROUS_CONTENT\",\"probability\": \"HIGH\",\"blocked\": true}]");
        List<String> out = translate(sse);
        assertCompleteStream(out);
        assertThat(first(out, "message_delta").at("/delta/stop_details/explanation").asText())
                .isEqualTo("Gemini stopped the reply (finishReason SAFETY; blocked for HARM_CATEGORY_DANGEROUS_CONTENT, probability HIGH)");
        List<String> blocked = translate("data: {\"promptFeedback\": {\"blockReason\": \"SAFETY\",\"safetyRatings\": []},\"usageMetadata\": "
                + "{\"promptTokenCount\": 97,\"totalTokenCount\": 97},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"b3\"}\r\n\r\n");
        assertCompleteStream(blocked);
        assertThat(first(blocked, "message_delta").at("/delta/stop_details").toString())
                .isEqualTo("{\"type\":\"refusal\",\"category\":null,\"explanation\":\"Gemini blocked the prompt (promptFeedback.blockReason SAFETY)\"}");
    }

    /**
     * streamGenerateContent without ?alt=sse streams one JSON array, each chunk spread over
     * lines (louter's captured test data): its items translate as the events' chunks would.
     */
    @Test
    void geminisJsonArrayStreamTranslatesItemByItem() {
        String array = "[{\n  \"candidates\": [\n    {\n      \"content\": {\n        \"parts\": [{\"text\": \"Use {braces} and \\\"[x]\\\"\"}],\n"
                + "        \"role\": \"model\"\n      },\n      \"index\": 0\n    }\n  ],\n  \"responseId\": \"wnkh\"\n}\n,\r\n"
                + "{\n  \"candidates\": [{\"content\": {\"parts\": [{\"text\": \" here.\"}], \"role\": \"model\"}, \"finishReason\": \"STOP\", \"index\": 0}],\n"
                + "  \"usageMetadata\": {\"promptTokenCount\": 14, \"candidatesTokenCount\": 20, \"thoughtsTokenCount\": 48}\n}\n]";
        List<String> out = translate(array);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Use {braces} and \"[x]\" here.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(first(out, "message_delta").at("/usage/output_tokens").asInt()).isEqualTo(68);
        StreamTranslator lines = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> byLine = new java.util.ArrayList<>();
        for (String l : array.split("\n")) {
            byLine.addAll(lines.accept(l));
        }
        byLine.addAll(lines.finish());
        assertThat(parse(replay(byLine)).path("content")).isEqualTo(m.path("content"));
        assertFailedStream(translate("[{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}]}, \"index\": 0}]}"));
    }
    @Test
    void aChunkCutFromItsDataFieldByAStrayCarriageReturnIsNamedAsInNoEvent() {
        // SSE ends a line at a lone CR too: "data:" is then empty, and the chunk is a line of
        // its own that no field names, which every SSE reader ignores
        String cut = GEMINI_STREAM_TEXT.replace("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" was charged",
                "data:\r{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" was charged");
        assertThat(cut).isNotEqualTo(GEMINI_STREAM_TEXT);
        StreamTranslator t = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        List<String> out = new java.util.ArrayList<>(t.accept(cut));
        out.addAll(t.finish());
        assertThat(parse(replay(out)).at("/content/1/text").asText()).doesNotContain("charged twice");
        assertThat(t.leftOut()).singleElement().asString()
                .matches("line \\d+ of the stream \\(\\d+ characters\\), which is no server-sent event field and so in no event");
        // a stray line before the first data: line is named once the stream begins
        StreamTranslator early = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        early.accept("{\"cut\": true}\n\n" + GEMINI_STREAM_TEXT);
        early.finish();
        assertThat(early.leftOut()).singleElement().asString().startsWith("line 1 of the stream (13 characters)");
        // the fields SSE defines, and comments, are not named
        StreamTranslator plain = new StreamTranslator(ReplyFormat.GEMINI, ReplyContext.NONE);
        plain.accept("id: 7\nretry: 3000\n: keep-alive\n" + GEMINI_STREAM_TEXT);
        plain.finish();
        assertThat(plain.leftOut()).isEmpty();
    }

    /** Gemini 3 streaming a call's arguments (Vertex's streamFunctionCallArguments), as Vercel AI's fixtures captured it. */
    @Test
    void functionCallArgumentsStreamedInPiecesBuildEachCallsInput() {
        String sse = gchunk("[{\"functionCall\": {\"name\": \"getWeather\",\"willContinue\": true},\"thoughtSignature\": \"CiMBjz1r\"}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.location\",\"stringValue\": \"Bos\",\"willContinue\": true}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.location\",\"stringValue\": \"ton\",\"willContinue\": true}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.location\",\"stringValue\": \"\"}],\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"name\": \"cookRecipe\",\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.recipe.ingredients[0].amount\",\"stringValue\": \"16 oz\","
                        + "\"willContinue\": true}],\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.recipe.ingredients[0].amount\",\"stringValue\": \"\"}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.recipe.ingredients[1].amount\",\"stringValue\": \"1 lb\"}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.recipe.servings\",\"numberValue\": 6},"
                        + "{\"jsonPath\": \"$.recipe.vegetarian\",\"boolValue\": false},{\"jsonPath\": \"$.recipe.note\",\"nullValue\": null}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \"\"}]", "STOP", G_USAGE_FINAL);
        List<String> out = translate(sse);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(3);
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:CiMBjz1r");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("getWeather");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{\"location\":\"Boston\"}"));
        assertThat(m.at("/content/2/name").asText()).isEqualTo("cookRecipe");
        assertThat(m.at("/content/2/input")).isEqualTo(parse("{\"recipe\":{\"ingredients\":[{\"amount\":\"16 oz\"},{\"amount\":\"1 lb\"}],"
                + "\"servings\":6,\"vegetarian\":false,\"note\":null}}"));
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** Vercel AI's fixture of a streamed call whose last piece ends it, with no empty functionCall after. */
    @Test
    void aStreamedCallEndsAtAPieceThatSaysNothingMoreFollows() {
        String sse = gchunk("[{\"functionCall\": {\"name\": \"writeItems\",\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.operations[0].action\",\"stringValue\": \"add\"}],"
                        + "\"willContinue\": true}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"partialArgs\": [{\"jsonPath\": \"$.operations[1].price\",\"numberValue\": 0.3}]}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"functionCall\": {\"name\": \"read_theme\"}}]", null, G_USAGE_EARLY)
                + gchunk("[{\"text\": \"Done.\"}]", "STOP", G_USAGE_FINAL);
        List<String> out = translate(sse);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/input")).isEqualTo(parse("{\"operations\":[{\"action\":\"add\"},{\"price\":0.3}]}"));
        assertThat(m.at("/content/1/name").asText()).isEqualTo("read_theme");
        assertThat(m.at("/content/1/input")).isEqualTo(parse("{}"));
        assertThat(m.at("/content/2/text").asText()).isEqualTo("Done.");
    }
}
