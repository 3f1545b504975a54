package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Options;
import dev.promptport.PromptPortException;
import dev.promptport.PromptPort;
import dev.promptport.Target;
import dev.promptport.Translation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertError;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Firebase Genkit's cases for reading Gemini candidates (firebase/genkit
 * {@code js/plugins/google-genai/tests/common/converters_test.ts}: "fromGeminiCandidate",
 * "fromGeminiParts" and "fromGeminiFunctionCall partial tool requests"). Genkit reads a candidate
 * into its own message type; here each candidate is a whole Gemini reply read into Claude's
 * shape, and the streamed call a Gemini stream.
 */
class GenkitGeminiReplyCasesTest {

    private static String reply(String parts, String finish) {
        return "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[" + parts + "]}"
                + (finish == null ? "" : ",\"finishReason\":\"" + finish + "\"") + "}],"
                + "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":8,\"totalTokenCount\":20},\"modelVersion\":\"gemini-2.5-flash\"}";
    }

    private static ReplyTranslation read(String json) {
        ReplyTranslation t = Replies.translate(json, ReplyFormat.GEMINI, ReplyContext.NONE, dev.promptport.Limits.DEFAULTS);
        assertMessage(t.json());
        return t;
    }

    private static List<String> types(JsonNode message) {
        List<String> t = new ArrayList<>();
        message.path("content").forEach(b -> t.add(b.path("type").asText()));
        return t;
    }

    /** "gemini candidate to genkit candidate (text parts)": the text is one block, STOP is end_turn; safety ratings that blocked nothing are no loss. */
    @Test
    void textWithHarmlessSafetyRatingsIsOneTextBlockEndingTheTurn() {
        String json = "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Why did the dog go to the bank?\\n\\nTo get his bones cashed!\"}]},"
                + "\"finishReason\":\"STOP\",\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_HATE_SPEECH\",\"probability\":\"NEGLIGIBLE\"}]}],"
                + "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":8,\"totalTokenCount\":20},\"modelVersion\":\"gemini-2.5-flash\"}";
        ReplyTranslation t = read(json);
        JsonNode m = parse(t.json());
        assertThat(types(m)).containsExactly("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Why did the dog go to the bank?\n\nTo get his bones cashed!");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(m.at("/usage/input_tokens").asInt()).isEqualTo(12);
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(8);
        assertThat(t.leftOut()).isEmpty();
    }

    /** "should ignore empty parts": an empty part before the text adds no block and loses nothing. */
    @Test
    void anEmptyPartIsIgnored() {
        ReplyTranslation t = read(reply("{},{\"text\":\"Why did the dog go to the bank?\"}", "STOP"));
        JsonNode m = parse(t.json());
        assertThat(types(m)).containsExactly("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Why did the dog go to the bank?");
    }

    /**
     * "gemini candidate with thoughtSignature": the text stays the answer's one text block and the
     * signature is kept, marked as Gemini's, in a thinking block of its own, so the next request
     * can give it back to Gemini.
     */
    @Test
    void aSignedTextKeepsItsSignatureInAThinkingBlockAfterIt() {
        JsonNode m = parse(read(reply("{\"text\":\"I have a thought.\",\"thoughtSignature\":\"xyz-789\"}", "STOP")).json());
        assertThat(types(m)).containsExactly("text", "thinking");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("I have a thought.");
        assertThat(m.at("/content/1/thinking").asText()).isEmpty();
        assertThat(m.at("/content/1/signature").asText()).isEqualTo("promptport:gemini:xyz-789");
    }

    /** "gemini candidate … (thought parts)": a thought with only a signature and one with text are two thinking blocks, each with its signature. */
    @Test
    void thoughtPartsAreThinkingBlocksWithTheirSignatures() {
        JsonNode m = parse(read(reply("{\"thought\":true,\"thoughtSignature\":\"abc123\"},"
                + "{\"thought\":true,\"text\":\"thought with text\",\"thoughtSignature\":\"def456\"}", "STOP")).json());
        assertThat(types(m)).containsExactly("thinking", "thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEmpty();
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:abc123");
        assertThat(m.at("/content/1/thinking").asText()).isEqualTo("thought with text");
        assertThat(m.at("/content/1/signature").asText()).isEqualTo("promptport:gemini:def456");
    }

    /**
     * "gemini candidate … (function call parts)": two calls are two tool_use blocks with their
     * arguments as input and stop reason tool_use; a name with "__" that the request did not
     * rename comes back as Gemini wrote it, and each call gets an id Claude takes.
     */
    @Test
    void functionCallsAreToolUsesAndUnmappedNamesStayAsWritten() {
        JsonNode m = parse(read(reply("{\"functionCall\":{\"name\":\"tellAFunnyJoke\",\"args\":{\"topic\":\"dog\"}}},"
                + "{\"functionCall\":{\"name\":\"my__tool__name\",\"args\":{\"param\":\"value\"}}}", "STOP")).json());
        assertThat(types(m)).containsExactly("tool_use", "tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("tellAFunnyJoke");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"topic\":\"dog\"}");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("my__tool__name");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"param\":\"value\"}");
        assertThat(m.at("/content/0/id").asText()).isNotEqualTo(m.at("/content/1/id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "toGeminiTool … should replace slashes in tool names" read back: the request sent
     * "my/tool/name" under a name Gemini takes, and the call Gemini makes with that name comes back
     * under the caller's own name.
     */
    @Test
    void aToolRenamedForGeminiComesBackUnderItsOwnName() {
        String request = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"tools\":[{\"name\":\"my/tool/name\",\"description\":\"tool with slashes\","
                + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"param\":{\"type\":\"string\"}}}}],\"messages\":[{\"role\":\"user\",\"content\":\"Go\"}]}";
        Translation sent = PromptPort.translate(request, dev.promptport.InputFormat.ANTHROPIC, Target.of("gemini:gemini-2.5-flash"), Options.DEFAULT);
        String wireName = parse(sent.json()).at("/tools/0/functionDeclarations/0/name").asText();
        assertThat(wireName).doesNotContain("/");
        String json = reply("{\"functionCall\":{\"name\":\"" + wireName + "\",\"args\":{\"param\":\"value\"}}}", "STOP");
        JsonNode m = parse(Replies.toAnthropic(json, ReplyFormat.GEMINI, ReplyContext.of(sent, "claude-sonnet-4-5")));
        assertThat(m.at("/content/0/name").asText()).isEqualTo("my/tool/name");
    }

    /**
     * "gemini candidate (inlineData)" and "(fileData)": a model's image or file has no place in a
     * Claude message; each is named as left out, never turned into text, and the reply's text stays.
     */
    @Test
    void imagesAndFilesTheModelMadeAreNamedAsLeftOut() {
        ReplyTranslation t = read(reply("{\"text\":\"Here it is.\"},{\"inlineData\":{\"mimeType\":\"image/jpeg\",\"data\":\"SHORTENED_BASE64_DATA\"}},"
                + "{\"fileData\":{\"mimeType\":\"image/png\",\"fileUri\":\"gs://bucket/image.png\"}}", "STOP"));
        JsonNode m = parse(t.json());
        assertThat(types(m)).containsExactly("text");
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Here it is.");
        assertThat(t.json()).doesNotContain("SHORTENED_BASE64_DATA").doesNotContain("gs://bucket");
        assertThat(t.leftOut()).hasSize(2);
        assertThat(String.join("\n", t.leftOut())).contains("inlineData").contains("fileData");
    }

    /**
     * "gemini candidate (executableCode)" and "(codeExecutionResult)": code Gemini ran itself is
     * Claude's own record of code execution, a server_tool_use and its result that names it, the
     * output as stdout.
     */
    @Test
    void codeGeminiRanIsAServerToolUseAndItsResult() {
        JsonNode m = parse(read(reply("{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"print(1+1)\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"2\"}},{\"text\":\"The answer is 2.\"}", "STOP")).json());
        assertThat(types(m)).containsExactly("server_tool_use", "code_execution_tool_result", "text");
        assertThat(m.at("/content/0/input/code").asText()).isEqualTo("print(1+1)");
        assertThat(m.at("/content/1/tool_use_id").asText()).isEqualTo(m.at("/content/0/id").asText());
        assertThat(m.at("/content/1/content/stdout").asText()).isEqualTo("2");
        assertThat(m.at("/content/1/content/return_code").asInt()).isZero();
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /** "handle various finish reasons": MAX_TOKENS is max_tokens, SAFETY and RECITATION are refusals. */
    @Test
    void finishReasonsMapToClaudesStopReasons() {
        assertThat(parse(read(reply("{\"text\":\"Once upon a\"}", "MAX_TOKENS")).json()).path("stop_reason").asText()).isEqualTo("max_tokens");
        for (String reason : new String[] {"SAFETY", "RECITATION"}) {
            JsonNode m = parse(read(reply("", reason)).json());
            assertThat(m.path("stop_reason").asText()).as(reason).isEqualTo("refusal");
            assertThat(m.at("/stop_details/type").asText()).isEqualTo("refusal");
        }
    }

    /**
     * "handle OTHER finish reason": a turn that stopped for no stated reason with nothing in it is
     * no answer; it is an api_error, so a failover client tries again rather than taking an empty
     * reply as the answer.
     */
    @Test
    void anEmptyTurnStoppedForOtherReasonsIsAnApiError() {
        assertThatThrownBy(() -> Replies.toAnthropic(reply("", "OTHER"), ReplyFormat.GEMINI, ReplyContext.NONE))
                .isInstanceOfSatisfying(PromptPortException.class, e -> assertThat(e.getMessage()).contains("(api_error)").contains("OTHER"));
        assertError(AnthropicErrors.fromVendor(0, reply("", "OTHER"), ReplyFormat.GEMINI), "api_error");
    }

    /**
     * "fromGeminiParts": Gemini 3's own search call and its response (toolCall, toolResponse, each
     * signed) have no Claude block and are named as left out; the function call after them is a
     * tool_use with Gemini's id, and every signature is kept before it.
     */
    @Test
    void geminisOwnSearchPartsAreNamedAndTheFunctionCallKeepsItsId() {
        String json = "{\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":["
                + "{\"thoughtSignature\":\"AAAAA=\",\"toolCall\":{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"args\":{\"queries\":[\"northernmost city in Canada\"]},\"id\":\"a111\"}},"
                + "{\"thoughtSignature\":\"BBBBB=\",\"toolResponse\":{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"response\":{\"search_suggestions\":\"<tags>stuff</tags>\\n\"},\"id\":\"a111\"}},"
                + "{\"functionCall\":{\"name\":\"getWeather\",\"args\":{\"location\":\"Iqaluit, NU\"},\"id\":\"b222\"},\"thoughtSignature\":\"CCCCC=\"}]},"
                + "\"finishReason\":\"STOP\"}],\"modelVersion\":\"gemini-3-pro-preview\"}";
        ReplyTranslation t = read(json);
        JsonNode m = parse(t.json());
        List<String> types = types(m);
        assertThat(types.get(types.size() - 1)).isEqualTo("tool_use");
        JsonNode call = m.path("content").get(types.size() - 1);
        assertThat(call.path("id").asText()).isEqualTo("b222");
        assertThat(call.path("name").asText()).isEqualTo("getWeather");
        assertThat(call.path("input").toString()).isEqualTo("{\"location\":\"Iqaluit, NU\"}");
        assertThat(t.json()).contains("promptport:gemini:CCCCC=");
        assertThat(m.toString().indexOf("CCCCC=")).isLessThan(m.toString().indexOf("b222"));
        assertThat(String.join("\n", t.leftOut())).contains("toolCall").contains("toolResponse");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * "fromGeminiFunctionCall partial tool requests / should handle streaming function calls": the
     * call opens with its name and id, its arguments arrive one jsonPath at a time, and an empty
     * functionCall ends it: one tool_use whose input holds both arguments. As in Genkit's case,
     * the opening piece carries an empty {@code "args": {}} and the third an empty name, which
     * proto-JSON writers put for unset fields: neither starts a call of its own.
     */
    @Test
    void aCallStreamedPieceByPieceIsOneToolUseWithEveryArgument() {
        String head = "data: {\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[";
        String tail = "]}}],\"modelVersion\":\"gemini-3-pro-preview\"}\n\n";
        String sse = head + "{\"functionCall\":{\"name\":\"getWeather\",\"id\":\"1234\",\"args\":{},\"willContinue\":true},\"thoughtSignature\":\"thoughtSignature1234\"}" + tail
                + head + "{\"functionCall\":{\"partialArgs\":[{\"jsonPath\":\"$.location\",\"stringValue\":\"Paris, France\"}],\"willContinue\":true}}" + tail
                + head + "{\"functionCall\":{\"name\":\"\",\"partialArgs\":[{\"jsonPath\":\"$.unit\",\"stringValue\":\"celsius\"}],\"willContinue\":true}}" + tail
                + head + "{\"functionCall\":{}}" + tail
                + "data: {\"candidates\":[{\"index\":0,\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":10,\"totalTokenCount\":30},\"modelVersion\":\"gemini-3-pro-preview\"}\n\n";
        List<String> out = StreamTranslator.translateAll(sse, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        JsonNode m = parse(replay(out));
        // the same chunks saved as the JSON array of a streamed reply read whole
        String array = "[" + String.join(",", sse.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList()) + "]";
        assertThat(parse(Replies.toAnthropic(array, ReplyFormat.GEMINI, ReplyContext.NONE)).path("content"))
                .isEqualTo(m.path("content"));
        List<String> types = types(m);
        assertThat(types).containsExactly("thinking", "tool_use");
        assertThat(m.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:thoughtSignature1234");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("1234");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("getWeather");
        assertThat(m.at("/content/1/input").toString()).isEqualTo("{\"location\":\"Paris, France\",\"unit\":\"celsius\"}");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }
}
