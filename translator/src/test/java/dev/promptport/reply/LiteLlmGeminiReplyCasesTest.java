package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteLLM's cases for reading Gemini replies and streams (BerriAI/litellm
 * {@code tests/test_litellm/llms/vertex_ai/gemini/}: {@code test_gemini_contentless_candidate.py},
 * {@code test_gemini_streaming_tool_call_finish_reason.py}, {@code test_gemini_token_usage.py},
 * {@code test_function_call_args_serialization.py}, {@code test_code_execution.py},
 * {@code test_context_circulation.py}, {@code test_vertex_and_google_ai_studio_gemini.py}; and
 * {@code tests/test_litellm/llms/gemini/test_gemini_streaming_finish_reason.py}). LiteLLM turns
 * them into OpenAI Chat; here they become Claude's shape.
 */
class LiteLlmGeminiReplyCasesTest {

    private static String whole(String candidate, String usage) {
        return "{\"candidates\":[" + candidate + "],\"usageMetadata\":" + usage + ",\"modelVersion\":\"gemini-2.5-flash\"}";
    }

    private static String call(String name, String args) {
        return "{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"" + name + "\"" + args + "}}]},"
                + "\"finishReason\":\"STOP\",\"index\":0}";
    }

    private static final String USAGE = "{\"promptTokenCount\":50,\"candidatesTokenCount\":20,\"totalTokenCount\":70}";

    private static JsonNode reply(String json) {
        return AnthropicShape.message(json, ReplyFormat.GEMINI);
    }

    private static List<String> stream(String... chunks) {
        StringBuilder sse = new StringBuilder();
        for (String c : chunks) {
            sse.append("data: ").append(c).append("\n\n");
        }
        List<String> out = StreamTranslator.translateAll(sse.toString(), ReplyFormat.GEMINI, ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static JsonNode lastDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    private static final String STOP_ONLY = "{\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":" + USAGE + "}";

    /**
     * contentless_candidate "..._contentless_candidate" (NO_IMAGE, no content): LiteLLM keeps an
     * empty choice with content_filter, which its Anthropic adapter turns into refusal. For
     * promptport a turn Gemini failed with nothing in it is an api_error (README), so a failover
     * client tries again: the model refused nothing. Translating it alone throws that error.
     */
    @Test
    void aCandidateWithNoImageAndNoContentIsAnApiError() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"candidates\":[{\"finishReason\":\"NO_IMAGE\",\"index\":0}],\"usageMetadata\":"
                + "{\"promptTokenCount\":15,\"candidatesTokenCount\":0,\"totalTokenCount\":15}}", ReplyFormat.GEMINI, ReplyContext.NONE))
                .hasMessageContaining("(api_error)").hasMessageContaining("NO_IMAGE");
    }

    /** contentless_candidate "..._other_contentless_finish_reasons" (MALFORMED_FUNCTION_CALL, no content): LiteLLM says stop; an api_error here, as above. */
    @Test
    void aMalformedCallWithNoContentIsAnApiError() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"candidates\":[{\"finishReason\":\"MALFORMED_FUNCTION_CALL\",\"index\":0}]}",
                ReplyFormat.GEMINI, ReplyContext.NONE)).hasMessageContaining("(api_error)").hasMessageContaining("MALFORMED_FUNCTION_CALL");
    }

    /** contentless_candidate "test_streaming_contentless_candidate_iterator": the same NO_IMAGE chunk streamed ends with an error event. */
    @Test
    void aStreamedCandidateWithNoImageAndNoContentEndsInAnError() {
        List<String> out = StreamTranslator.translateAll("data: {\"candidates\":[{\"finishReason\":\"NO_IMAGE\",\"index\":0}]}\n\n",
                ReplyFormat.GEMINI, ReplyContext.NONE);
        AnthropicShape.assertFailedStream(out);
        assertThat(String.join("", out)).contains("NO_IMAGE");
    }

    /**
     * streaming_tool_call_finish_reason "..._is_tool_calls" (and gemini/test_gemini_streaming_finish_reason
     * "..._overridden_to_tool_calls"): a call in one chunk, STOP with no content in the next; the
     * turn ends for the call, as Gemini says STOP for calls too.
     */
    @Test
    void aStreamedCallThenABareStopEndsForTheCall() {
        List<String> out = stream("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_current_weather\","
                + "\"args\":{\"location\":\"Boston, MA\"}}}],\"role\":\"model\"},\"index\":0}]}", STOP_ONLY);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_current_weather");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("Boston, MA");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(50);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(20);
    }

    /** streaming_tool_call_finish_reason "..._no_tool_calls_finish_reason_is_stop": text, then a bare STOP, is end_turn. */
    @Test
    void streamedTextThenABareStopIsEndTurn() {
        List<String> out = stream("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello! How can I help?\"}],\"role\":\"model\"},"
                + "\"index\":0}]}", "{\"candidates\":[{\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":"
                + "{\"promptTokenCount\":10,\"candidatesTokenCount\":8,\"totalTokenCount\":18}}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello! How can I help?");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(8);
    }

    /** streaming_tool_call_finish_reason "..._multiple_tool_calls_finish_reason": two calls in one chunk are two tool_use blocks, ids apart. */
    @Test
    void twoCallsInOneChunkAreTwoToolUsesAndEndForTheCalls() {
        List<String> out = stream("{\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"get_weather\",\"args\":"
                + "{\"location\":\"NYC\"}}},{\"functionCall\":{\"name\":\"get_time\",\"args\":{\"timezone\":\"EST\"}}}],\"role\":\"model\"},"
                + "\"index\":0}]}", STOP_ONLY);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/name").asText()).isEqualTo("get_weather");
        assertThat(m.at("/content/0/input/location").asText()).isEqualTo("NYC");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("get_time");
        assertThat(m.at("/content/1/input/timezone").asText()).isEqualTo("EST");
        assertThat(m.at("/content/0/id").asText()).isNotEqualTo(m.at("/content/1/id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** streaming_tool_call_finish_reason "..._content_filter_finish_reason_preserved": SAFETY with nothing said is a refusal. */
    @Test
    void aStreamedSafetyStopWithNoContentIsARefusal() {
        List<String> out = stream("{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0}]}");
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).isEmpty();
        assertThat(m.path("stop_reason").asText()).isEqualTo("refusal");
    }

    /**
     * token_usage "..._flash_preview_token_usage_fallback" and "..._standard_response": output is
     * candidatesTokenCount whether or not Gemini breaks it down by modality; input is the prompt.
     */
    @Test
    void outputTokensAreTheCandidatesCountWithOrWithoutItsBreakdown() {
        String text = "{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},\"finishReason\":\"STOP\",\"index\":0}";
        JsonNode plain = reply(whole(text, "{\"promptTokenCount\":2145,\"candidatesTokenCount\":509,\"totalTokenCount\":2654}"));
        assertThat(plain.at("/usage/input_tokens").asInt()).isEqualTo(2145);
        assertThat(plain.at("/usage/output_tokens").asInt()).isEqualTo(509);
        JsonNode detailed = reply(whole(text, "{\"promptTokenCount\":100,\"candidatesTokenCount\":50,\"totalTokenCount\":150,"
                + "\"candidatesTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":40},{\"modality\":\"IMAGE\",\"tokenCount\":10}]}"));
        assertThat(detailed.at("/usage/input_tokens").asInt()).isEqualTo(100);
        assertThat(detailed.at("/usage/output_tokens").asInt()).isEqualTo(50);
    }

    /**
     * args_serialization "test_normal_dict_args", "..._with_special_characters",
     * "..._with_nested_structures", "..._as_empty_dict": the arguments object is the input as
     * Gemini sent it, quotes, new lines, nesting and all.
     */
    @Test
    void callArgumentsAreTheInputAsSent() {
        JsonNode special = reply(whole(call("get_weather", ",\"args\":{\"location\":\"Boston, MA \\\"downtown\\\"\",\"note\":\"Line 1\\nLine 2\"}"),
                USAGE));
        assertThat(special.at("/content/0/input/location").asText()).isEqualTo("Boston, MA \"downtown\"");
        assertThat(special.at("/content/0/input/note").asText()).isEqualTo("Line 1\nLine 2");
        assertThat(special.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode nested = reply(whole(call("complex_function", ",\"args\":{\"nested\":{\"key\":\"value\"},\"list\":[1,2,3],"
                + "\"mixed\":[{\"a\":1},{\"b\":2}]}"), USAGE));
        assertThat(nested.at("/content/0/input").toString()).isEqualTo("{\"nested\":{\"key\":\"value\"},\"list\":[1,2,3],\"mixed\":[{\"a\":1},{\"b\":2}]}");
        assertThat(reply(whole(call("get_weather", ",\"args\":{}"), USAGE)).at("/content/0/input").toString()).isEqualTo("{}");
    }

    /**
     * args_serialization "test_none_args" and "test_args_missing_key" (LiteLLM raises a KeyError
     * for the latter): a call with arguments null or absent is a call with input {}, as Claude
     * sends for a tool that takes nothing.
     */
    @Test
    void aCallWithNullOrNoArgumentsHasAnEmptyInput() {
        assertThat(reply(whole(call("get_weather", ",\"args\":null"), USAGE)).at("/content/0/input").toString()).isEqualTo("{}");
        assertThat(reply(whole(call("get_weather", ""), USAGE)).at("/content/0/input").toString()).isEqualTo("{}");
    }

    /**
     * args_serialization "test_args_as_string_valid_json": arguments sent as a JSON string of an
     * object (LiteLLM passes them on encoded twice) are read as that object, as promptport
     * repairs arguments encoded twice (README).
     */
    @Test
    void argumentsSentAsAJsonStringAreReadAsTheObject() {
        JsonNode m = reply(whole(call("get_weather", ",\"args\":\"{\\\"location\\\": \\\"Boston\\\"}\""), USAGE));
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{\"location\":\"Boston\"}");
    }

    /**
     * args_serialization "..._invalid_json_concatenated", "test_args_as_array" and
     * "..._list_of_strings_that_look_like_json": arguments that are no one JSON object are kept
     * as text under input._raw, and the call is named in leftOut() (README); LiteLLM passes them
     * on as they are, which no Claude client can take as a tool's input.
     */
    @Test
    void argumentsThatAreNoOneObjectAreKeptAsRawText() {
        for (String args : new String[] {"\"{\\\"x\\\":\\\"x\\\"}{\\\"a\\\":\\\"a\\\"}\"", "[{\"x\":\"x\"},{\"a\":\"a\"}]",
                "[\"{\\\"x\\\":\\\"x\\\"}\",\"{\\\"a\\\":\\\"a\\\"}\"]"}) {
            ReplyTranslation t = Replies.translate(whole(call("get_weather", ",\"args\":" + args), USAGE), ReplyFormat.GEMINI, ReplyContext.NONE, null);
            assertMessage(t.json());
            JsonNode input = parse(t.json()).at("/content/0/input");
            assertThat(input.fieldNames()).toIterable().as(args).containsExactly("_raw");
            assertThat(t.leftOut()).as(args).isNotEmpty();
        }
    }

    /**
     * code_execution "test_handles_multiple_execution_rounds": code, result, code, result stay
     * in order as two runs with their outputs.
     */
    @Test
    void twoCodeRunsStayInOrderWithTheirOutputs() {
        JsonNode m = reply(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"print(1)\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"1\\n\"}},{\"executableCode\":{\"language\":\"PYTHON\","
                + "\"code\":\"print(2)\"}},{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"2\\n\"}}]},\"finishReason\":\"STOP\","
                + "\"index\":0}", USAGE));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText())
                .containsExactly("server_tool_use", "code_execution_tool_result", "server_tool_use", "code_execution_tool_result");
        assertThat(m.at("/content/0/input/code").asText()).isEqualTo("print(1)");
        assertThat(m.at("/content/1/content/stdout").asText()).isEqualTo("1\n");
        assertThat(m.at("/content/2/input/code").asText()).isEqualTo("print(2)");
        assertThat(m.at("/content/3/content/stdout").asText()).isEqualTo("2\n");
        assertThat(m.at("/content/3/tool_use_id").asText()).isEqualTo(m.at("/content/2/id").asText());
    }

    /**
     * code_execution "test_handles_failed_execution" and "test_missing_fields_do_not_raise": a
     * failed run keeps its error output, as stderr with a non-zero return code; a run without a
     * language and a result without output are still a run and a result.
     */
    @Test
    void aFailedRunKeepsItsErrorAndMissingFieldsAreNoFailure() {
        JsonNode failed = reply(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"1/0\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_FAILED\",\"output\":\"ZeroDivisionError: division by zero\"}}]},"
                + "\"finishReason\":\"STOP\",\"index\":0}", USAGE));
        assertThat(failed.at("/content/1/content/stderr").asText()).contains("ZeroDivisionError");
        assertThat(failed.at("/content/1/content/return_code").asInt()).isNotZero();
        JsonNode sparse = reply(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"executableCode\":{\"code\":\"print(1)\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\"}}]},\"finishReason\":\"STOP\",\"index\":0}", USAGE));
        assertThat(sparse.at("/content/0/input/code").asText()).isEqualTo("print(1)");
        assertThat(sparse.at("/content/1/type").asText()).isEqualTo("code_execution_tool_result");
        assertThat(sparse.at("/content/1/content/stdout").asText()).isEmpty();
    }

    /** code_execution "test_streaming_chunk_carries_code_execution": the text, run, result and text of one streamed chunk all arrive, in order. */
    @Test
    void aStreamedChunkWithACodeRunKeepsTextRunResultAndText() {
        List<String> out = stream("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Let me compute this with Python.\"},"
                + "{\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"import numpy as np\\nprint(np.linalg.solve(A, B))\"}},"
                + "{\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"x = 13.835714\\ny = -6.000000\\n\"}},"
                + "{\"text\":\"The exact solution is x = 13.84, y = -6.00.\"}]},\"index\":0}]}", STOP_ONLY);
        JsonNode m = parse(replay(out));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText())
                .containsExactly("text", "server_tool_use", "code_execution_tool_result", "text");
        assertThat(m.at("/content/2/content/stdout").asText()).isEqualTo("x = 13.835714\ny = -6.000000\n");
        assertThat(m.at("/content/3/text").asText()).isEqualTo("The exact solution is x = 13.84, y = -6.00.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /**
     * context_circulation "test_extracts_tool_call_and_response": Gemini's record of a search it
     * ran itself (toolCall and toolResponse parts) has no Claude block to go in; LiteLLM keeps it
     * in its own field, promptport names both parts in leftOut() and keeps the answer's text.
     */
    @Test
    void aServerSideSearchIsNamedAndTheAnswerKept() {
        ReplyTranslation t = Replies.translate(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"thoughtSignature\":\"sig_call_1\","
                + "\"toolCall\":{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"id\":\"abc123\",\"args\":{\"queries\":[\"weather Buenos Aires\"]}}},"
                + "{\"thoughtSignature\":\"sig_resp_1\",\"toolResponse\":{\"toolType\":\"GOOGLE_SEARCH_WEB\",\"id\":\"abc123\",\"response\":"
                + "{\"weather\":\"Sunny, 20\u00b0C\"}}},{\"text\":\"The weather in Buenos Aires is sunny.\"}]},\"finishReason\":\"STOP\",\"index\":0}", USAGE),
                ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertMessage(t.json());
        JsonNode m = parse(t.json());
        assertThat(m.path("content")).filteredOn(b -> b.path("type").asText().equals("text"))
                .extracting(b -> b.path("text").asText()).containsExactly("The weather in Buenos Aires is sunny.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(String.join("\n", t.leftOut())).contains("toolCall").contains("toolResponse");
    }

    /**
     * vertex_and_google_ai_studio_gemini "test_vertex_ai_candidate_token_count_inclusive" (both
     * rows) and "..._usage_metadata_with_image_tokens_in_prompt" / "..._with_image_tokens":
     * Gemini counts the thoughts apart from the candidates (prompt + candidates + thoughts =
     * total), but some Vertex models count them inside (prompt + candidates = total). Output is
     * the candidates and the thoughts once either way: 10 and 10, 1337 and 1442 + 158. Before,
     * the thoughts were added to a count that already held them (15, 1554).
     */
    @Test
    void thoughtsAlreadyInsideTheCandidatesCountAreNotAddedTwice() {
        String text = "{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"ok\"}]},\"finishReason\":\"STOP\",\"index\":0}";
        String[][] rows = {
            {"{\"promptTokenCount\":10,\"candidatesTokenCount\":10,\"totalTokenCount\":20,\"thoughtsTokenCount\":5}", "10"},
            {"{\"promptTokenCount\":10,\"candidatesTokenCount\":5,\"totalTokenCount\":20,\"thoughtsTokenCount\":5}", "10"},
            {"{\"promptTokenCount\":533,\"candidatesTokenCount\":1337,\"totalTokenCount\":1870,\"thoughtsTokenCount\":217,"
                + "\"candidatesTokensDetails\":[{\"modality\":\"IMAGE\",\"tokenCount\":1120}]}", "1337"},
            {"{\"promptTokenCount\":14,\"candidatesTokenCount\":1442,\"totalTokenCount\":1614,\"thoughtsTokenCount\":158,"
                + "\"candidatesTokensDetails\":[{\"modality\":\"IMAGE\",\"tokenCount\":1120},{\"modality\":\"TEXT\",\"tokenCount\":322}]}", "1600"}};
        for (String[] row : rows) {
            assertThat(reply(whole(text, row[0])).at("/usage/output_tokens").asText()).as(row[0]).isEqualTo(row[1]);
        }
    }

    /**
     * vertex_and_google_ai_studio_gemini "test_streaming_chunk_includes_reasoning_tokens": a
     * streamed chunk whose 7 candidate tokens already hold its 3 thought tokens (5 + 7 = 12).
     */
    @Test
    void aStreamedChunksThoughtsInsideItsCandidatesCountOnce() {
        List<String> out = stream("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello\"}]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":7,\"totalTokenCount\":12,\"thoughtsTokenCount\":3}}");
        assertThat(lastDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(5);
        assertThat(lastDelta(out).at("/usage/output_tokens").asInt()).isEqualTo(7);
    }

    /**
     * vertex_and_google_ai_studio_gemini "..._with_tool_calls_and_thought_includes_reasoning_content"
     * and "..._with_tool_calls_no_thought_no_reasoning_content": a thought part is a thinking
     * block with its text; a signature on the call is no reasoning: it is kept (a thinking block
     * with no text before the call, as the README says) so the call can go back to Gemini signed.
     */
    @Test
    void aThoughtIsThinkingTextAndASignatureAloneIsNone() {
        String call = "{\"functionCall\":{\"name\":\"get_current_time\",\"args\":{\"timezone\":\"America/New_York\"}},"
                + "\"thoughtSignature\":\"EsEDCr4DAdHtim\"}";
        String usage = "{\"promptTokenCount\":68,\"candidatesTokenCount\":120,\"totalTokenCount\":188}";
        JsonNode thought = parse(replay(stream("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Let me think about how to get the time...\","
                + "\"thought\":true}," + call + "]},\"finishReason\":\"STOP\"}],\"usageMetadata\":" + usage + "}")));
        assertThat(thought.at("/content/0/thinking").asText()).isEqualTo("Let me think about how to get the time...");
        assertThat(thought.at("/content/1/name").asText()).isEqualTo("get_current_time");
        assertThat(thought.path("stop_reason").asText()).isEqualTo("tool_use");
        JsonNode signed = parse(replay(stream("{\"candidates\":[{\"content\":{\"parts\":[" + call + "]},\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":" + usage + "}")));
        assertThat(signed.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(signed.at("/content/0/thinking").asText()).isEmpty();
        assertThat(signed.at("/content/0/signature").asText()).isEqualTo("promptport:gemini:EsEDCr4DAdHtim");
        assertThat(signed.at("/content/1/input/timezone").asText()).isEqualTo("America/New_York");
    }

    /**
     * vertex_and_google_ai_studio_gemini "test_vertex_ai_transform_parts" (case 7): text, a call,
     * text, a call, text stay in that order, each call a tool_use with an id of its own.
     */
    @Test
    void textAndCallsInterleavedKeepTheirOrder() {
        JsonNode m = reply(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Before function call\"},{\"functionCall\":{\"name\":"
                + "\"function_a\",\"args\":{\"param\":\"value_a\"}}},{\"text\":\"Between function calls\"},{\"functionCall\":{\"name\":\"function_b\","
                + "\"args\":{\"param\":\"value_b\"}}},{\"text\":\"After function calls\"}]},\"finishReason\":\"STOP\",\"index\":0}", USAGE));
        assertThat(m.path("content")).extracting(b -> b.path("type").asText()).containsExactly("text", "tool_use", "text", "tool_use", "text");
        assertThat(m.at("/content/1/input/param").asText()).isEqualTo("value_a");
        assertThat(m.at("/content/3/input/param").asText()).isEqualTo("value_b");
        assertThat(m.at("/content/1/id").asText()).isNotEqualTo(m.at("/content/3/id").asText());
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * vertex_and_google_ai_studio_gemini "test_vertex_ai_process_candidates_with_grounding_metadata":
     * the text is the reply; the page Google Search found, the query it ran and the search
     * suggestions Google requires apps to show have no place in Claude's shape and are named.
     */
    @Test
    void groundingIsNamedAndTheTextKept() {
        ReplyTranslation t = Replies.translate(whole("{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\" rain during the day.\"}]},"
                + "\"finishReason\":\"STOP\",\"groundingMetadata\":{\"webSearchQueries\":[\"weather San Francisco today\"],\"searchEntryPoint\":"
                + "{\"renderedContent\":\"<div class=\\\"container\\\">chip</div>\"},\"groundingChunks\":[{\"web\":{\"uri\":"
                + "\"https://www.google.com/search?q=weather+in+San Francisco,+CA\",\"title\":\"Weather information for locality: San Francisco\","
                + "\"domain\":\"google.com\"}}],\"groundingSupports\":[{\"segment\":{\"endIndex\":20,\"text\":\"rain during the day.\"},"
                + "\"groundingChunkIndices\":[0],\"confidenceScores\":[0.6749268]}],\"retrievalMetadata\":{}},\"index\":0}", USAGE),
                ReplyFormat.GEMINI, ReplyContext.NONE, null);
        assertMessage(t.json());
        assertThat(parse(t.json()).at("/content/0/text").asText()).isEqualTo(" rain during the day.");
        String left = String.join("\n", t.leftOut());
        assertThat(left).contains("https://www.google.com/search?q=weather+in+San Francisco,+CA").contains("weather San Francisco today")
                .contains("searchEntryPoint");
    }
}
