package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vercel AI SDK's cases for reading Gemini replies and streams (vercel/ai
 * {@code packages/google/src/__fixtures__/google-*.chunks.txt} and {@code .json}, recorded from
 * Gemini 3 and Vertex, and the inline streams of {@code google-language-model.test.ts}), read
 * here into Claude's shape. The recordings are restated with their thought signatures
 * shortened and, for the long nested one, fewer list items of the same shape.
 */
class VercelAiGoogleReplyCasesTest {

    /** One recorded chunk: the candidate's parts, an optional finish reason and the usage. */
    private static String chunk(String parts, String finish, String usage) {
        return "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}"
                + (finish == null ? "" : ",\"finishReason\":\"" + finish + "\"") + "}],\"usageMetadata\":" + usage
                + ",\"modelVersion\":\"gemini-3-flash-preview\",\"responseId\":\"_vr4aYiWEJnYodAPkujX0QM\"}\n\n";
    }

    private static final String TRAFFIC = "{\"trafficType\":\"PROVISIONED_THROUGHPUT\"}";

    private static String piece(String parts) {
        return chunk(parts, null, TRAFFIC);
    }

    private static String partial(String path, String value, boolean more) {
        return piece("{\"functionCall\":{\"partialArgs\":[{\"jsonPath\":\"" + path + "\"," + value + (more ? ",\"willContinue\":true" : "")
                + "}],\"willContinue\":true}}");
    }

    private static String stringArg(String path, String value) {
        return partial(path, "\"stringValue\":\"" + value + "\"", true) + partial(path, "\"stringValue\":\"\"", false);
    }

    private static String open(String name, String signature) {
        return piece("{\"functionCall\":{\"name\":\"" + name + "\",\"willContinue\":true}"
                + (signature == null ? "" : ",\"thoughtSignature\":\"" + signature + "\"") + "}");
    }

    private static final String END_CALL = piece("{\"functionCall\":{}}");

    private static List<String> stream(String sse) {
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    private static List<String> types(JsonNode message) {
        List<String> t = new ArrayList<>();
        message.path("content").forEach(b -> t.add(b.path("type").asText()));
        return t;
    }

    /**
     * google-text.chunks.txt: two pieces of text, then an empty text part that carries only the
     * signature and STOP. The text is one block; the signature is a thinking block of its own
     * after it (README), kept for the next request to Gemini. Output counts the thoughts too
     * (23 + 185), as Claude's output_tokens count its thinking.
     */
    @Test
    void textWithATrailingSignatureIsOneTextBlockAndASignedThinkingBlock() {
        String usage = "{\"promptTokenCount\":9,\"candidatesTokenCount\":%d,\"totalTokenCount\":%d,\"thoughtsTokenCount\":185}";
        List<String> out = stream(chunk("{\"text\":\"There are **3**\"}", null, usage.formatted(5, 199))
                + chunk("{\"text\":\" \\\"r\\\"s in strawberry.\\n\\nst**r**awbe**rr**y\"}", null, usage.formatted(23, 217))
                + chunk("{\"text\":\"\",\"thoughtSignature\":\"EqsFCqgFAb4\"}", "STOP", usage.formatted(23, 217)));
        JsonNode m = parse(replay(out));
        assertThat(types(m)).containsExactly("text", "thinking");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("There are **3** \"r\"s in strawberry.\n\nst**r**awbe**rr**y");
        assertThat(m.at("/content/1/thinking").asText()).isEmpty();
        assertThat(m.at("/content/1/signature").asText()).isEqualTo("promptport:gemini:EqsFCqgFAb4");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(9);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(208);
    }

    /**
     * google-stream-no-args-tool-call.chunks.txt: a thought, a call without arguments carrying
     * the signature, then three calls whose one argument streams as partialArgs, each ended by an
     * empty functionCall. Four tool_use blocks after the signed thinking block, the first with
     * input {}; the turn ends for the calls although Gemini says STOP.
     */
    @Test
    void aCallWithoutArgumentsAndThreeStreamedCallsAreFourToolUses() {
        StringBuilder sse = new StringBuilder(piece("{\"text\":\"**Processing User Requests**\\n\\nReading the theme, then screens A, B and C.\","
                + "\"thought\":true}"));
        sse.append(piece("{\"functionCall\":{\"name\":\"read_theme\"},\"thoughtSignature\":\"AY89a18a8\"}"));
        for (String id : new String[] {"A", "B", "C"}) {
            sse.append(open("read_screen", null)).append(stringArg("$.id", id)).append(END_CALL);
        }
        sse.append(chunk("{\"text\":\"\"}", "STOP", "{\"promptTokenCount\":249,\"candidatesTokenCount\":58,\"totalTokenCount\":490,"
                + "\"thoughtsTokenCount\":183}"));
        List<String> out = stream(sse.toString());
        JsonNode m = parse(replay(out));
        assertThat(types(m)).containsExactly("thinking", "tool_use", "tool_use", "tool_use", "tool_use");
        assertThat(m.at("/content/0/thinking").asText()).startsWith("**Processing User Requests**");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:AY89a18a8");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("read_theme");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{}");
        for (int i = 0; i < 3; i++) {
            assertThat(m.at("/content/" + (i + 2) + "/name").asText()).isEqualTo("read_screen");
            assertThat(m.at("/content/" + (i + 2) + "/input/id").asText()).isEqualTo(String.valueOf((char) ('A' + i)));
        }
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(241);
    }

    /** google-stream-tool-call-arguments.chunks.txt: two parallel getWeather calls, their locations streamed, the second ended by the STOP chunk. */
    @Test
    void twoStreamedCallsKeepTheirOwnArguments() {
        String sse = open("getWeather", "CiMBjz1rX25K") + stringArg("$.location", "Boston") + END_CALL
                + open("getWeather", null) + stringArg("$.location", "San Francisco")
                + chunk("{\"functionCall\":{}}", "STOP", "{\"promptTokenCount\":26,\"candidatesTokenCount\":23,\"thoughtsTokenCount\":132}");
        JsonNode m = parse(replay(stream(sse)));
        assertThat(types(m)).containsExactly("thinking", "tool_use", "tool_use");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"location\":\"Boston\"}");
        assertThat(m.at("/content/2/input").toString()).isEqualTo("{\"location\":\"San Francisco\"}");
        assertThat(m.at("/content/1/id").asText()).isNotEqualTo(m.at("/content/2/id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * google-stream-tool-call-array-arguments-missing-terminal-function-call.chunks.txt: the
     * arguments fill a list of objects, strings and numbers, and the last piece has no
     * willContinue in place of an empty functionCall; the call is whole when the STOP chunk comes.
     */
    @Test
    void aCallWhoseLastPieceEndsItHasItsWholeList() {
        StringBuilder sse = new StringBuilder(open("writeItems", "AY89a19ZkXSM"));
        String[][] items = {{"add", "Fresh red apple", "apple_001", "0.5"}, {"add", "Ripe yellow banana", "banana_001", "0.3"}};
        for (int i = 0; i < items.length; i++) {
            String at = "$.operations[" + i + "].";
            sse.append(stringArg(at + "action", items[i][0])).append(stringArg(at + "description", items[i][1]))
                    .append(stringArg(at + "itemid", items[i][2]));
            sse.append(i == 0 ? partial(at + "price", "\"numberValue\":" + items[i][3], false)
                    : piece("{\"functionCall\":{\"partialArgs\":[{\"jsonPath\":\"" + at + "price\",\"numberValue\":" + items[i][3] + "}]}}"));
        }
        sse.append(chunk("{\"text\":\"\"}", "STOP", "{\"promptTokenCount\":54,\"candidatesTokenCount\":74,\"thoughtsTokenCount\":121}"));
        JsonNode m = parse(replay(stream(sse.toString())));
        assertThat(types(m)).containsExactly("thinking", "tool_use");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"operations\":["
                + "{\"action\":\"add\",\"description\":\"Fresh red apple\",\"itemid\":\"apple_001\",\"price\":0.5},"
                + "{\"action\":\"add\",\"description\":\"Ripe yellow banana\",\"itemid\":\"banana_001\",\"price\":0.3}]}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * google-vertex-stream-tool-call-arguments-nested.1.chunks.txt (two of its ten ingredients and
     * two of its steps): paths two levels deep into lists, with bare {"willContinue": true}
     * function calls between the list items, become one nested object.
     */
    @Test
    void nestedPathsBecomeOneNestedObject() {
        StringBuilder sse = new StringBuilder(open("cookRecipe", "CmIBjz1rX0OQ"));
        String[][] ingredients = {{"16 oz", "Lasagna noodles"}, {"1 lb", "Ground beef"}};
        for (int i = 0; i < ingredients.length; i++) {
            sse.append(stringArg("$.recipe.ingredients[" + i + "].amount", ingredients[i][0]))
                    .append(stringArg("$.recipe.ingredients[" + i + "].name", ingredients[i][1]))
                    .append(piece("{\"functionCall\":{\"willContinue\":true}}"));
        }
        sse.append(stringArg("$.recipe.name", "Lasagna"));
        sse.append(stringArg("$.recipe.steps[0]", "Preheat oven to 375°F (190°C)."));
        sse.append(stringArg("$.recipe.steps[1]", "Let stand for 15 minutes before serving."));
        sse.append(chunk("{\"functionCall\":{}}", "STOP", "{\"promptTokenCount\":31,\"candidatesTokenCount\":684,\"thoughtsTokenCount\":1026}"));
        JsonNode m = parse(replay(stream(sse.toString())));
        assertThat(m.at("/content/1/name").asText()).isEqualTo("cookRecipe");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"recipe\":{\"ingredients\":["
                + "{\"amount\":\"16 oz\",\"name\":\"Lasagna noodles\"},{\"amount\":\"1 lb\",\"name\":\"Ground beef\"}],"
                + "\"name\":\"Lasagna\",\"steps\":[\"Preheat oven to 375°F (190°C).\",\"Let stand for 15 minutes before serving.\"]}}");
    }

    /**
     * google-tool-call.json and google-tool-call-gemini3.chunks.txt: a call whose arguments come
     * whole, with its signature, and finishReason STOP with finishMessage "Model generated function
     * call(s)."; streamed, an empty text part ends it. A tool_use after its signed thinking block;
     * a STOP finish message is no loss and is not named.
     */
    @Test
    void aWholeCallWithItsSignatureIsAToolUseAfterItsSignature() {
        String call = "{\"functionCall\":{\"name\":\"weather\",\"args\":{\"location\":\"San Francisco\"}},\"thoughtSignature\":\"EskgCsYgAb4\"}";
        ReplyTranslation whole = Replies.translate("{\"candidates\":[{\"content\":{\"parts\":[" + call + "],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\",\"index\":0,\"finishMessage\":\"Model generated function call(s).\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":29,\"candidatesTokenCount\":15,\"totalTokenCount\":937,\"thoughtsTokenCount\":893},"
                + "\"modelVersion\":\"gemini-3-pro-preview\",\"responseId\":\"m36LaZGyCLz1xs0PtNSB-QU\"}", ReplyFormat.GEMINI, ReplyContext.NONE,
                dev.promptport.Limits.DEFAULTS);
        assertMessage(whole.json());
        assertThat(whole.leftOut()).isEmpty();
        List<String> out = stream(chunk(call, null, "{\"promptTokenCount\":29,\"candidatesTokenCount\":15}")
                + chunk("{\"text\":\"\"}", "STOP", "{\"promptTokenCount\":29,\"candidatesTokenCount\":15,\"thoughtsTokenCount\":804}"));
        for (JsonNode m : new JsonNode[] {parse(whole.json()), parse(replay(out))}) {
            assertThat(types(m)).containsExactly("thinking", "tool_use");
            assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:EskgCsYgAb4");
            assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"location\":\"San Francisco\"}");
            assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        }
        assertThat(parse(whole.json()).at("/usage/output_tokens").asInt()).isEqualTo(908);
    }

    /**
     * "should stream reasoning parts separately from text parts": two thought parts, then two
     * text parts, are one thinking block and one text block.
     */
    @Test
    void thoughtsAndTextAreOneBlockEach() {
        String u = "{\"promptTokenCount\":14,\"totalTokenCount\":84,\"thoughtsTokenCount\":70}";
        List<String> out = stream(chunk("{\"text\":\"I need to think about this carefully. The user wants a simple explanation.\",\"thought\":true}", null, u)
                + chunk("{\"text\":\"Let me organize my thoughts and provide a clear answer.\",\"thought\":true}", null, u)
                + chunk("{\"text\":\"Here is a simple explanation: \"}", null, u)
                + chunk("{\"text\":\"The concept works because of basic principles.\"}", "STOP",
                        "{\"promptTokenCount\":14,\"candidatesTokenCount\":18,\"totalTokenCount\":174,\"thoughtsTokenCount\":142}"));
        JsonNode m = parse(replay(out));
        assertThat(types(m)).containsExactly("thinking", "text");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("I need to think about this carefully. The user wants a simple explanation."
                + "Let me organize my thoughts and provide a clear answer.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Here is a simple explanation: The concept works because of basic principles.");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(160);
    }

    /**
     * "should stream thought signatures with reasoning and text parts": the thought keeps its own
     * signature; the text's, which cannot sign the thought again, is a signed thinking block
     * before the text, the same streamed or whole.
     */
    @Test
    void aSignedThoughtAndSignedTextKeepBothSignatures() {
        String thought = "{\"text\":\"I need to think about this.\",\"thought\":true,\"thoughtSignature\":\"reasoning_sig1\"}";
        String text = "{\"text\":\"Here is the answer.\",\"thoughtSignature\":\"text_sig1\"}";
        JsonNode streamed = parse(replay(stream(chunk(thought, null, "{}") + chunk(text, "STOP", "{}"))));
        JsonNode whole = parse(Replies.toAnthropic("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + thought + "," + text + "]},"
                + "\"finishReason\":\"STOP\"}]}", ReplyFormat.GEMINI, ReplyContext.NONE));
        for (JsonNode m : new JsonNode[] {streamed, whole}) {
            assertThat(types(m)).containsExactly("thinking", "thinking", "text");
            assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:reasoning_sig1");
            assertThat(m.at("/content/1/signature").asText()).isEqualTo("promptport:gemini:text_sig1");
            assertThat(m.at("/content/2/text").asText()).isEqualTo("Here is the answer.");
        }
    }

    /** "should set finishReason to tool-calls when chunk contains functionCall": text, then a call in the STOP chunk. */
    @Test
    void aCallInTheStopChunkEndsTheTurnForTheCall() {
        List<String> out = stream(chunk("{\"text\":\"Initial text response\"}", null, "{}")
                + chunk("{\"functionCall\":{\"name\":\"test-tool\",\"args\":{\"value\":\"example value\"}}}", "STOP",
                        "{\"promptTokenCount\":10,\"candidatesTokenCount\":20,\"totalTokenCount\":30}"));
        JsonNode m = parse(replay(out));
        assertThat(types(m)).containsExactly("text", "tool_use");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("test-tool");
        assertThat(m.at("/content/1/input/value").asText()).isEqualTo("example value");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "should expose PromptFeedback in provider metadata on finish": the AI SDK keeps the
     * feedback as metadata; in Claude's shape a PROHIBITED_CONTENT stop is a refusal that says why.
     */
    @Test
    void aProhibitedContentStopIsARefusalThatSaysWhy() {
        List<String> out = stream("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"No\"}],\"role\": \"model\"},"
                + "\"finishReason\": \"PROHIBITED_CONTENT\",\"index\": 0}],\"promptFeedback\": {\"blockReason\": \"PROHIBITED_CONTENT\","
                + "\"safetyRatings\": [{\"category\": \"HARM_CATEGORY_SEXUALLY_EXPLICIT\",\"probability\": \"NEGLIGIBLE\"},"
                + "{\"category\": \"HARM_CATEGORY_HATE_SPEECH\",\"probability\": \"NEGLIGIBLE\"}]}}\n\n");
        JsonNode d = lastDelta(out);
        assertThat(d.at("/delta/stop_reason").asText()).isEqualTo("refusal");
        assertThat(d.at("/delta/stop_details/explanation").asText()).contains("PROHIBITED_CONTENT");
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("No");
    }

    /**
     * "should stream code execution tool calls and results" and "... with missing output field":
     * the code Gemini ran and its outcome are Claude's server_tool_use and
     * code_execution_tool_result blocks; no output is empty stdout. The turn ends (end_turn), as
     * the AI SDK's "stop" for a provider-executed tool.
     */
    @Test
    void codeGeminiRanIsClaudesCodeExecutionBlocks() {
        String[][] cases = {{"print(\\\"hello\\\")", ",\"output\":\"hello\\n\"", "print(\"hello\")", "hello\n"},
            {"img = PIL.Image.open('input.png')\\nimg.save('output.png')\\n", "", "img = PIL.Image.open('input.png')\nimg.save('output.png')\n", ""}};
        for (String[] c : cases) {
            JsonNode m = parse(replay(stream("data: {\"candidates\":[{\"content\":{\"parts\":[{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\""
                    + c[0] + "\"}}]}}]}\n\ndata: {\"candidates\":[{\"content\":{\"parts\":[{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\"" + c[1]
                    + "}}]},\"finishReason\":\"STOP\"}]}\n\n")));
            assertThat(types(m)).containsExactly("server_tool_use", "code_execution_tool_result");
            assertThat(m.at("/content/0/name").asText()).isEqualTo("code_execution");
            assertThat(m.at("/content/0/input/code").asText()).isEqualTo(c[2]);
            assertThat(m.at("/content/1/tool_use_id").asText()).isEqualTo(m.at("/content/0/id").asText());
            assertThat(m.at("/content/1/content/stdout").asText()).isEqualTo(c[3]);
            assertThat(m.at("/content/1/content/return_code").asInt()).isZero();
            assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        }
    }

    /**
     * "should read serviceTier from chunk usageMetadata": the tier that served the reply is
     * Claude's usage.service_tier, in message_start as Claude streams it, and in a whole reply's
     * usage; a tier Claude has no name for (flex) is named as left out.
     */
    @Test
    void theTierThatServedTheReplyIsTheUsagesServiceTier() {
        String body = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Blue\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":1,\"totalTokenCount\":11,\"serviceTier\":\"%s\"}}";
        List<String> out = stream("data: " + body.formatted("priority") + "\n\n");
        assertThat(events(out).get(0).data().at("/message/usage/service_tier").asText()).isEqualTo("priority");
        assertThat(parse(Replies.toAnthropic(body.formatted("standard"), ReplyFormat.GEMINI, ReplyContext.NONE)).at("/usage/service_tier").asText())
                .isEqualTo("standard");
        ReplyTranslation flex = Replies.translate(body.formatted("flex"), ReplyFormat.GEMINI, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertThat(parse(flex.json()).at("/usage").has("service_tier")).isFalse();
        assertThat(flex.leftOut()).anySatisfy(l -> assertThat(l).contains("flex").contains("usageMetadata.serviceTier"));
    }
}
