package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.Limits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.outline;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * llm-gemini's cases for reading Gemini replies and streams (simonw/llm-gemini
 * {@code tests/test_gemini.py} and its recorded cassettes {@code tests/cassettes/test_gemini/}:
 * {@code test_prompt.yaml}, {@code test_tools.yaml}, {@code test_tools_with_gemini_3_thought_signatures.yaml},
 * {@code test_tools_with_nested_pydantic_models.yaml}, {@code test_prompt_with_pydantic_schema.yaml},
 * and, from earlier commits, {@code test_stream_events_tool_calls.yaml}, {@code test_parts_text.yaml}
 * and {@code test_cli_gemini_generate_with_multiple_attachments.yaml}; the unit cases
 * {@code test_thought_part_yields_reasoning_stream_event}, {@code test_empty_thought_part_yields_no_stream_event},
 * {@code test_native_server_tool_call_and_response_events}, {@code test_native_code_execution_events_share_generated_id},
 * {@code test_empty_text_part_retains_thought_signature} and
 * {@code test_google_search_grounding_metadata_is_raw_and_text_is_unchanged}). The cassettes hold
 * real {@code streamGenerateContent} replies, a JSON array of chunks (no {@code alt=sse}); here
 * each is that array with its chunks restated one a line (thought signatures shortened), read as
 * Claude's events, and the unit cases' parts are whole Gemini replies.
 */
class LlmGeminiReplyCasesTest {

    /** Gemini's {@code streamGenerateContent} array: one chunk a line, as Google writes it. */
    private static String array(String... chunks) {
        return "[" + String.join("\n,\n", chunks) + "\n]\n";
    }

    private static String chunk(String parts, String finish, String usage, String model, String id) {
        return "{\"candidates\":[{\"content\":{\"parts\":" + parts + ",\"role\":\"model\"}," + (finish == null ? "" : finish + ",")
                + "\"index\":0}],\"usageMetadata\":" + usage + ",\"modelVersion\":\"" + model + "\",\"responseId\":\"" + id + "\"}";
    }

    private static List<String> stream(String body) {
        List<String> out = StreamTranslator.translateAll(body, ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    private static ReplyTranslation whole(String json) {
        ReplyTranslation t = Replies.translate(json, ReplyFormat.GEMINI, ReplyContext.NONE, Limits.DEFAULTS);
        assertMessage(t.json());
        return t;
    }

    /**
     * test_prompt.yaml (gemini-flash-latest, which answered as gemini-3.6-flash, with
     * includeThoughts): a thought summary, the name, then an empty text part that carries only
     * the thought signature with STOP. The thought is a thinking block, the name the one text
     * block, the signature kept; the output counts the thoughts (2 + 291).
     */
    @Test
    void aRecordedThinkingReplyIsThinkingThenTheNameWithTheSignatureKept() {
        String usage1 = "{\"promptTokenCount\":11,\"totalTokenCount\":11,\"serviceTier\":\"standard\"}";
        String usage2 = "{\"promptTokenCount\":11,\"candidatesTokenCount\":2,\"totalTokenCount\":304,\"thoughtsTokenCount\":291,\"serviceTier\":\"standard\"}";
        String model = "gemini-3.6-flash";
        List<String> out = stream(array(
                chunk("[{\"text\":\"**Considering the Constraint**\\n\\nI'm focusing on the \\\"just the name\\\" constraint.\\n\\n\\n\",\"thought\":true}]",
                        null, usage1, model, "IopyaseNCL-s-8YP7urOoAY"),
                chunk("[{\"text\":\"Scoop\"}]", null, usage2, model, "IopyaseNCL-s-8YP7urOoAY"),
                chunk("[{\"text\":\"\",\"thoughtSignature\":\"Eq0JCqoJARFNMg+W/PqAbyHOY74C\"}]", "\"finishReason\":\"STOP\"", usage2, model,
                        "IopyaseNCL-s-8YP7urOoAY")));
        JsonNode m = parse(replay(out));
        assertThat(m.path("model").asText()).isEqualTo("gemini-3.6-flash");
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).startsWith("**Considering the Constraint**");
        assertThat(m.path("content").findValuesAsText("text")).containsExactly("Scoop");
        assertThat(m.toString()).contains("Eq0JCqoJARFNMg+W/PqAbyHOY74C");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(11);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(293);
    }

    /**
     * test_tools.yaml, first reply (gemini-2.5-flash): a thought chunk, then a call with no id
     * and no arguments, signed, whose candidate ends with STOP and "Model generated function
     * call(s)." The turn stops for tool use; the call is a tool_use with an id Claude takes and
     * an empty input, after the thinking.
     */
    @Test
    void aRecordedCallEndingWithStopIsAToolUseTurn() {
        String usage = "{\"promptTokenCount\":32,\"candidatesTokenCount\":12,\"totalTokenCount\":86,\"thoughtsTokenCount\":42,\"serviceTier\":\"standard\"}";
        List<String> out = stream(array(
                chunk("[{\"text\":\"**Generating Pelican Names**\\n\\nI should use the `pelican_name_generator` tool, twice.\\n\\n\\n\",\"thought\":true}]",
                        null, "{\"promptTokenCount\":32,\"totalTokenCount\":74,\"thoughtsTokenCount\":42}", "gemini-2.5-flash", "OYpyaqycKd2V_uMP65TsgA0"),
                chunk("[{\"functionCall\":{\"name\":\"pelican_name_generator\",\"args\":{}},\"thoughtSignature\":\"ClgBEU0yD8z3tYzbgjZ1jc6l\"}]",
                        "\"finishReason\":\"STOP\",\"finishMessage\":\"Model generated function call(s).\"", usage, "gemini-2.5-flash",
                        "OYpyaqycKd2V_uMP65TsgA0")));
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        JsonNode call = m.path("content").get(m.path("content").size() - 1);
        assertThat(call.path("type").asText()).isEqualTo("tool_use");
        assertThat(call.path("name").asText()).isEqualTo("pelican_name_generator");
        assertThat(call.path("id").asText()).matches("^[a-zA-Z0-9_-]+$");
        assertThat(call.path("input").toString()).isEqualTo("{}");
        assertThat(m.toString()).contains("ClgBEU0yD8z3tYzbgjZ1jc6l");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(54);
    }

    /**
     * test_tools.yaml, third reply: after two tool results the text comes in two chunks, "How"
     * and " about Charles and Sammy?"; one text block, end_turn, 137 in and 6 out.
     */
    @Test
    void aRecordedAnswerInTwoChunksIsOneTextBlock() {
        List<String> out = stream(array(
                chunk("[{\"text\":\"How\"}]", null, "{\"promptTokenCount\":137,\"candidatesTokenCount\":1,\"totalTokenCount\":138}",
                        "gemini-2.5-flash", "O4pyaoO6FrXO_uMPga2X6QY"),
                chunk("[{\"text\":\" about Charles and Sammy?\"}]", "\"finishReason\":\"STOP\"",
                        "{\"promptTokenCount\":137,\"candidatesTokenCount\":6,\"totalTokenCount\":143}", "gemini-2.5-flash", "O4pyaoO6FrXO_uMPga2X6QY")));
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "delta:0", "stop:0", "message_delta", "message_stop");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("How about Charles and Sammy?");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(137);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(6);
    }

    /**
     * test_stream_events_tool_calls.yaml (gemini-3-flash-preview): a call with Gemini's own id
     * and arguments the declaration never listed ({@code type: funny}), then a closing chunk of
     * an empty text part with STOP. The call keeps Gemini's id and its arguments; the empty text
     * opens no block; the turn stops for tool use, and the output counts the thoughts (19 + 248).
     */
    @Test
    void aRecordedGemini3CallKeepsItsIdAndTheEmptyClosingTextOpensNoBlock() {
        String usage = "{\"promptTokenCount\":28,\"candidatesTokenCount\":19,\"totalTokenCount\":295,\"thoughtsTokenCount\":248}";
        List<String> out = stream(array(
                chunk("[{\"functionCall\":{\"name\":\"pelican_name_generator\",\"args\":{\"type\":\"funny\"},\"id\":\"c9bjmkfz\"},"
                        + "\"thoughtSignature\":\"EosJCogJAb4+9vvm5UYUGfJL\"}]", null, usage, "gemini-3-flash-preview", "znLSafGoDoPUjMcPwMnh0AE"),
                chunk("[{\"text\":\"\"}]", "\"finishReason\":\"STOP\"", usage, "gemini-3-flash-preview", "znLSafGoDoPUjMcPwMnh0AE")));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content").findValuesAsText("type")).doesNotContain("text");
        JsonNode call = m.path("content").get(m.path("content").size() - 1);
        assertThat(call.path("id").asText()).isEqualTo("c9bjmkfz");
        assertThat(call.path("input").toString()).isEqualTo("{\"type\":\"funny\"}");
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(267);
    }

    /**
     * test_parts_text.yaml and test_empty_text_part_retains_thought_signature: "Hello", then an
     * empty text part with only a thought signature. The text stays "Hello" alone, and the
     * signature is kept for the next turn rather than dropped with the empty part.
     */
    @Test
    void anEmptySignedTextPartAddsNoTextButKeepsTheSignature() {
        String usage = "{\"promptTokenCount\":4,\"candidatesTokenCount\":1,\"totalTokenCount\":63,\"thoughtsTokenCount\":58}";
        List<String> out = stream(array(
                chunk("[{\"text\":\"Hello\"}]", null, usage, "gemini-3-flash-preview", "wXLSafLFIfuI-sAPoNOEqQE"),
                chunk("[{\"text\":\"\",\"thoughtSignature\":\"ErgCCrUCAb4+9vuE3OBR\"}]", "\"finishReason\":\"STOP\"", usage,
                        "gemini-3-flash-preview", "wXLSafLFIfuI-sAPoNOEqQE")));
        JsonNode m = parse(replay(out));
        assertThat(m.path("content").findValuesAsText("text")).containsExactly("Hello");
        assertThat(m.toString()).contains("ErgCCrUCAb4+9vuE3OBR");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(59);
    }

    /**
     * test_prompt_with_pydantic_schema.yaml: a JSON reply to a schema, cut over three chunks
     * after a thought chunk; the text block is the whole JSON object, which parses with the
     * three fields the schema asked for.
     */
    @Test
    void aRecordedSchemaReplyInChunksIsOneParseableTextBlock() {
        String model = "gemini-3.6-flash";
        String id = "J4pyara8ILKa_uMP0oWIwA8";
        List<String> out = stream(array(
                chunk("[{\"text\":\"**Defining the Core Dog**\\n\\nI'm prioritizing adherence to the JSON structure.\\n\\n\\n\",\"thought\":true}]", null,
                        "{\"promptTokenCount\":5,\"totalTokenCount\":5}", model, id),
                chunk("[{\"text\":\"{\\\"name\\\":\\\"Zephyr The Rocket Barkington\\\",\\\"age\\\":4,\\\"bio\\\":\\\"A skateboarding Border Collie\"}]", null,
                        "{\"promptTokenCount\":5,\"candidatesTokenCount\":20,\"thoughtsTokenCount\":453}", model, id),
                chunk("[{\"text\":\" who wears aviator sunglasses\"}]", null, "{\"promptTokenCount\":5,\"candidatesTokenCount\":44,\"thoughtsTokenCount\":453}",
                        model, id),
                chunk("[{\"text\":\" in mid-air.\\\"}\"}]", null, "{\"promptTokenCount\":5,\"candidatesTokenCount\":50,\"thoughtsTokenCount\":453}", model, id),
                chunk("[{\"text\":\"\",\"thoughtSignature\":\"EsIPCr8PARFNMg/fuE6O\"}]", "\"finishReason\":\"STOP\"",
                        "{\"promptTokenCount\":5,\"candidatesTokenCount\":50,\"thoughtsTokenCount\":453}", model, id)));
        JsonNode m = parse(replay(out));
        List<String> texts = m.path("content").findValuesAsText("text");
        assertThat(texts).hasSize(1);
        JsonNode dog = parse(texts.get(0));
        assertThat(dog.path("name").asText()).isEqualTo("Zephyr The Rocket Barkington");
        assertThat(dog.path("age").asInt()).isEqualTo(4);
        assertThat(dog.path("bio").asText()).isEqualTo("A skateboarding Border Collie who wears aviator sunglasses in mid-air.");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(503);
    }

    /**
     * test_tools_with_gemini_3_thought_signatures.yaml, first reply: a Gemini 3 call with no id,
     * nested after an empty text part. The call gets an id Claude takes; its arguments are as
     * Gemini gave them, in one piece.
     */
    @Test
    void aRecordedGemini3CallWithoutAnIdGetsOne() {
        List<String> out = stream(array(chunk("[{\"text\":\"\"},{\"functionCall\":{\"name\":\"multiply\",\"args\":{\"y\":3,\"x\":5}},"
                        + "\"thoughtSignature\":\"Et0BCtoBAXLI2nwMB4mo\"}]", "\"finishReason\":\"STOP\"",
                "{\"promptTokenCount\":60,\"candidatesTokenCount\":18,\"totalTokenCount\":108,\"thoughtsTokenCount\":30}", "gemini-3-flash-preview",
                "r0")));
        JsonNode m = parse(replay(out));
        JsonNode call = m.path("content").get(m.path("content").size() - 1);
        assertThat(call.path("name").asText()).isEqualTo("multiply");
        assertThat(call.path("id").asText()).matches("^[a-zA-Z0-9_-]+$").isNotEmpty();
        assertThat(call.at("/input/x").asInt()).isEqualTo(5);
        assertThat(call.at("/input/y").asInt()).isEqualTo(3);
        assertThat(lastDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_tools_with_nested_pydantic_models.yaml (gemini-3.6-flash): a call whose arguments
     * hold a nested address object; the tool_use input keeps the nesting.
     */
    @Test
    void aRecordedCallsNestedArgumentsStayNested() {
        JsonNode m = parse(whole(array(chunk("[{\"functionCall\":{\"name\":\"add_person\",\"args\":{\"age\":30,\"name\":\"Alice\","
                        + "\"address\":{\"street\":\"123 Main St\",\"city\":\"San Francisco\",\"zipcode\":\"94102\"}},\"id\":\"whZntcQw\"},"
                        + "\"thoughtSignature\":\"EsYFCsMFARFNMg\"}]", "\"finishReason\":\"STOP\"",
                "{\"promptTokenCount\":201,\"candidatesTokenCount\":34,\"thoughtsTokenCount\":200}", "gemini-3.6-flash", "r1"))).json());
        JsonNode call = m.path("content").get(m.path("content").size() - 1);
        assertThat(call.path("id").asText()).isEqualTo("whZntcQw");
        assertThat(call.at("/input/address/street").asText()).isEqualTo("123 Main St");
        assertThat(call.at("/input/address/zipcode").asText()).isEqualTo("94102");
        assertThat(call.at("/input/age").asInt()).isEqualTo(30);
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * test_cli_gemini_generate_with_multiple_attachments.yaml (gemini-2.0-flash-exp-image-generation):
     * a text part and a PNG the model made. A Claude reply holds no image, so the text is the
     * reply and the image is named as left out.
     */
    @Test
    void aGeneratedImageIsNamedAsLeftOutAndTheTextKept() {
        ReplyTranslation t = whole("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I will create a new image with the solid red rectangle "
                + "on the left and the solid blue rectangle on the right.\\n\"},{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"iVBORw0KGgoAAAANSUhEUgAAAAQ=\"}}],"
                + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":523,\"candidatesTokenCount\":1319,"
                + "\"totalTokenCount\":1842,\"candidatesTokensDetails\":[{\"modality\":\"IMAGE\",\"tokenCount\":1290}]},"
                + "\"modelVersion\":\"gemini-2.0-flash-exp-image-generation\"}");
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).startsWith("I will create a new image");
        assertThat(m.at("/usage/output_tokens").asInt()).isEqualTo(1319);
        assertThat(t.leftOut()).singleElement().asString().contains("image/png");
    }

    /**
     * test_thought_part_yields_reasoning_stream_event and test_empty_thought_part_yields_no_stream_event:
     * a thought part with text is a thinking block; an empty one opens none.
     */
    @Test
    void aThoughtPartIsThinkingAndAnEmptyOneOpensNoBlock() {
        JsonNode m = parse(whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"thought\":true,\"text\":\"I should inspect the table first.\"},"
                + "{\"text\":\"Done.\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":2,\"thoughtsTokenCount\":7}}").json());
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).isEqualTo("I should inspect the table first.");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("Done.");
        List<String> out = stream("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"thought\":true,\"text\":\"\"},{\"text\":\"Done.\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":2}}\n\n");
        assertThat(outline(out)).containsExactly("message_start", "start:text:0", "delta:0", "stop:0", "message_delta", "message_stop");
    }

    /**
     * test_native_server_tool_call_and_response_events: a Google Search the server ran, as
     * {@code toolCall} and {@code toolResponse} parts (tool combination, Gemini 3), then text.
     * llm-gemini shows them as server-executed calls; Claude's shape has no block for Gemini's
     * search call, so they are named as left out, never turned into a tool_use the client would
     * have to answer, and the text stays.
     */
    @Test
    void aServerRunSearchIsNamedAsLeftOutAndNeverAToolUse() {
        ReplyTranslation t = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"thoughtSignature\":\"signature-123\",\"toolCall\":"
                + "{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"args\":{\"queries\":[\"latest pelican research\"]},\"id\":\"search-123\"}},"
                + "{\"thoughtSignature\":\"signature-456\",\"toolResponse\":{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"response\":{\"search_suggestions\":"
                + "[{\"title\":\"Pelican research\",\"url\":\"https://example.com/\"}]},\"id\":\"search-123\"}},{\"text\":\"Pelicans are studied widely.\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5}}");
        JsonNode m = parse(t.json());
        assertThat(m.path("content").findValuesAsText("type")).doesNotContain("tool_use");
        assertThat(m.path("content").findValuesAsText("text")).containsExactly("Pelicans are studied widely.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(t.leftOut()).hasSize(2);
        assertThat(String.join("\n", t.leftOut())).contains("toolCall").contains("toolResponse");
    }

    /**
     * test_native_code_execution_events_share_generated_id: code Gemini ran and its result are
     * Claude's server_tool_use and code_execution_tool_result, sharing one id, the output kept.
     */
    @Test
    void codeGeminiRanAndItsResultShareOneId() {
        JsonNode m = parse(whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"print(6 * 7)\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"42\\n\"}},{\"text\":\"The answer is 42.\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":5}}").json());
        assertThat(m.at("/content/0/type").asText()).isEqualTo("server_tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("code_execution");
        assertThat(m.at("/content/0/input/code").asText()).isEqualTo("print(6 * 7)");
        assertThat(m.at("/content/1/tool_use_id").asText()).isEqualTo(m.at("/content/0/id").asText()).isNotEmpty();
        assertThat(m.at("/content/1/content/stdout").asText()).isEqualTo("42\n");
        assertThat(m.at("/content/2/text").asText()).isEqualTo("The answer is 42.");
    }

    /**
     * test_google_search_grounding_metadata_is_raw_and_text_is_unchanged: a grounded reply's text
     * is unchanged; the grounding (the source, the query Gemini ran, the search suggestions) is
     * named as left out.
     */
    @Test
    void aGroundedReplysTextIsUnchangedAndTheGroundingNamed() {
        ReplyTranslation t = whole("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Pelicans live worldwide.\"}]},\"finishReason\":\"STOP\","
                + "\"groundingMetadata\":{\"groundingChunks\":[{\"web\":{\"title\":\"Example source\",\"uri\":\"https://example.com/source\"}}],"
                + "\"groundingSupports\":[{\"segment\":{\"startIndex\":0,\"endIndex\":24,\"text\":\"Pelicans live worldwide.\"},\"groundingChunkIndices\":[0],"
                + "\"confidenceScores\":[0.98]}],\"webSearchQueries\":[\"where pelicans live\"],\"searchEntryPoint\":{\"renderedContent\":"
                + "\"<a href=\\\"https://example.com/search\\\"><span>Latest pelican research</span></a>\"}}}],"
                + "\"usageMetadata\":{\"promptTokenCount\":3,\"candidatesTokenCount\":5}}");
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Pelicans live worldwide.");
        String left = String.join("\n", t.leftOut());
        assertThat(left).contains("https://example.com/source").contains("where pelicans live").contains("searchEntryPoint");
    }
}
