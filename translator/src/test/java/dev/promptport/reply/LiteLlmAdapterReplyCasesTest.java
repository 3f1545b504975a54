package dev.promptport.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.promptport.PromptPortException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.promptport.reply.AnthropicShape.assertCompleteStream;
import static dev.promptport.reply.AnthropicShape.assertFailedStream;
import static dev.promptport.reply.AnthropicShape.assertMessage;
import static dev.promptport.reply.AnthropicShape.events;
import static dev.promptport.reply.AnthropicShape.parse;
import static dev.promptport.reply.AnthropicShape.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * LiteLLM's cases for its Anthropic Messages adapter, reply side: an OpenAI Chat reply or stream
 * translated back into Claude's shape (BerriAI/litellm
 * {@code tests/test_litellm/llms/anthropic/experimental_pass_through/adapters/}). LiteLLM's
 * tests feed its own parsed chunk objects; here each is re-expressed as the wire JSON an
 * OpenAI-compatible server sends.
 */
class LiteLlmAdapterReplyCasesTest {

    private static final String TRANSFORMATION = "test_anthropic_experimental_pass_through_adapters_transformation.py";

    private static String reply(String message, String finish, String usage) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
                + "\"message\":" + message + ",\"finish_reason\":" + finish + "}],\"usage\":" + usage + "}";
    }

    private static final String SMALL_USAGE = "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}";

    private static JsonNode whole(String json) {
        return whole(json, ReplyContext.NONE);
    }

    private static JsonNode whole(String json, ReplyContext ctx) {
        String out = Replies.toAnthropic(json, ReplyFormat.OPENAI_CHAT, ctx);
        assertMessage(out);
        return parse(out);
    }

    private static JsonNode usage(String usage) {
        return whole(reply("{\"role\":\"assistant\",\"content\":\"Test response\"}", "\"stop\"", usage)).path("usage");
    }

    private static String chunk(String delta, String finish) {
        return chunk(delta, finish, "");
    }

    private static String chunk(String delta, String finish, String more) {
        return "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gemini-2.0-flash\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finish + "}]" + more + "}\n\n";
    }

    private static List<String> stream(String... chunks) {
        List<String> out = StreamTranslator.translateAll(String.join("", chunks) + "data: [DONE]\n\n", ReplyFormat.OPENAI_CHAT,
                ReplyContext.NONE);
        assertCompleteStream(out);
        return out;
    }

    private static List<String> blockStarts(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("content_block_start"))
                .map(e -> e.data().at("/content_block/type").asText()).toList();
    }

    private static JsonNode lastMessageDelta(List<String> out) {
        return events(out).stream().filter(e -> e.name().equals("message_delta")).reduce((a, b) -> b).orElseThrow().data();
    }

    /** TRANSFORMATION test_translate_openai_content_to_anthropic_empty_function_arguments. */
    @Test
    void aToolCallWithEmptyArgumentsHasAnEmptyInput() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_empty_args\",\"type\":\"function\","
                + "\"function\":{\"name\":\"test_function\",\"arguments\":\"\"}}]}", "\"tool_calls\"", SMALL_USAGE));
        assertThat(m.path("content")).hasSize(1);
        assertThat(m.at("/content/0/id").asText()).isEqualTo("call_empty_args");
        assertThat(m.at("/content/0/input").toString()).isEqualTo("{}");
    }

    /**
     * TRANSFORMATION test_translate_openai_content_to_anthropic_text_and_tool_calls and
     * test_translate_openai_response_to_anthropic_text_and_tool_calls: the text first, then the call.
     */
    @Test
    void textBesideToolCallsComesFirstAndTheTurnEndsForToolUse() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"Let me grab the current weather.\",\"tool_calls\":[{\"id\":"
                + "\"call_tool_combo\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"location\\\": \\\"Paris\\\"}\"}}]}",
                "\"tool_calls\"", SMALL_USAGE));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Let me grab the current weather.");
        assertThat(m.at("/content/1/type").asText()).isEqualTo("tool_use");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("call_tool_combo");
        assertThat(m.at("/content/1/input/location").asText()).isEqualTo("Paris");
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** TRANSFORMATION test_translate_openai_content_to_anthropic_sanitizes_colon_dot_tool_call_ids (Kimi-style ids). */
    @Test
    void aCallIdClaudeWouldRefuseBecomesOneItTakes() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"functions.Bash:0\",\"type\":\"function\","
                + "\"function\":{\"name\":\"Bash\",\"arguments\":\"{\\\"command\\\": \\\"ls\\\"}\"}}]}", "\"tool_calls\"", SMALL_USAGE));
        assertThat(m.at("/content/0/id").asText()).isEqualTo("functions_Bash_0");
    }

    /**
     * TRANSFORMATION test_translate_openai_content_to_anthropic_reasoning_content_without_thinking_blocks and
     * test_translate_openai_response_to_anthropic_with_reasoning_content_only. LiteLLM leaves the
     * signature null; promptport writes "", the value Claude's Message shape allows for a string.
     */
    @Test
    void reasoningContentBecomesAThinkingBlockBeforeTheText() {
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":\"There are **3** \\\"r\\\"s in the word strawberry.\","
                + "\"reasoning_content\":\"**Considering Letter Frequency**\\n\\nI've homed in on the specifics.\"}", "\"stop\"",
                "{\"prompt_tokens\":13,\"completion_tokens\":138,\"total_tokens\":151}"));
        assertThat(m.path("content")).hasSize(2);
        assertThat(m.at("/content/0/type").asText()).isEqualTo("thinking");
        assertThat(m.at("/content/0/thinking").asText()).contains("Considering Letter Frequency");
        assertThat(m.at("/content/1/text").asText()).isEqualTo("There are **3** \"r\"s in the word strawberry.");
        assertThat(m.path("stop_reason").asText()).isEqualTo("end_turn");
    }

    /** TRANSFORMATION test_translate_openai_response_restores_tool_names: the name sent for a long one is mapped back. */
    @Test
    void aShortenedToolNameIsMappedBackToTheCallersName() {
        String original = "a_very_long_tool_name_that_needs_truncation_for_openai_api_compatibility";
        String sent = "a_very_long_tool_name_that_needs_truncation_for_op_1234abcd";
        JsonNode m = whole(reply("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_123\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + sent + "\",\"arguments\":\"{\\\"arg\\\": \\\"value\\\"}\"}}]}", "\"tool_calls\"",
                "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}"), new ReplyContext(null, null, Map.of(sent, original)));
        assertThat(m.at("/content/0/name").asText()).isEqualTo(original);
    }

    /**
     * TRANSFORMATION ..._input_tokens_excludes_cached_tokens, ..._input_tokens_no_cache,
     * ..._cache_tokens_from_prompt_tokens_details, ..._cache_creation_from_prompt_tokens_details,
     * ..._cache_tokens_from_usage_fields and ..._cache_tokens_from_dict_details_with_integral_floats:
     * Claude's input_tokens leave out what was read from or written to the cache.
     */
    @Test
    void cachedAndWrittenTokensAreTakenOutOfTheInputCount() {
        JsonNode u = usage("{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150,\"prompt_tokens_details\":{\"cached_tokens\":30}}");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(70);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(50);
        assertThat(usage("{\"prompt_tokens\":100,\"completion_tokens\":50,\"total_tokens\":150}").path("input_tokens").asInt()).isEqualTo(100);
        for (String details : List.of("{\"cached_tokens\":30,\"cache_creation_tokens\":20}", "{\"cached_tokens\":30.0,\"cache_write_tokens\":20.0}")) {
            u = usage("{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,\"prompt_tokens_details\":" + details + "}");
            assertThat(u.path("input_tokens").asInt()).as(details).isEqualTo(70);
            assertThat(u.path("cache_read_input_tokens").asInt()).as(details).isEqualTo(30);
            assertThat(u.path("cache_creation_input_tokens").asInt()).as(details).isEqualTo(20);
        }
        u = usage("{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,\"cache_read_input_tokens\":30,\"cache_creation_input_tokens\":20}");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(70);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(20);
    }

    /**
     * TRANSFORMATION test_translate_openai_usage_to_anthropic_ignores_fractional_cache_tokens and
     * ..._ignores_bool_cache_tokens: a count that is no whole number is no count at all, so
     * nothing is taken out of the prompt for it.
     */
    @Test
    void aFractionalOrTrueCacheCountIsNoCount() {
        JsonNode u = usage("{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":30.5,\"cache_creation_tokens\":20.25}}");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(120);
        assertThat(u.path("cache_read_input_tokens").asInt()).isZero();
        assertThat(u.path("cache_creation_input_tokens").asInt()).isZero();
        u = usage("{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,\"cache_read_input_tokens\":true,"
                + "\"cache_creation_input_tokens\":true}");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(120);
        assertThat(u.path("cache_read_input_tokens").asInt()).isZero();
    }

    /**
     * test_streaming_iterator_empty_choices.py test_translate_openai_response_handles_empty_choices_on_non_streaming.
     * LiteLLM makes an empty Message of it; promptport refuses: a reply with no choice holds no
     * answer, and an empty end_turn Message would tell the caller the model chose to say nothing.
     */
    @Test
    void aWholeReplyWithNoChoicesIsAnErrorNotAnEmptyAnswer() {
        assertThatThrownBy(() -> Replies.toAnthropic("{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}}", ReplyFormat.OPENAI_CHAT,
                ReplyContext.NONE)).isInstanceOf(PromptPortException.class).hasMessageContaining("no choices");
    }

    /**
     * TRANSFORMATION TestAnthropicStreamWrapperToolArgs (the arguments arrive in the chunk that
     * opens the call) and test_translate_streaming_openai_chunk_to_anthropic_content_block (the
     * tool_use block starts with an empty input).
     */
    @Test
    void aCallsArgumentsInItsFirstChunkAreKept() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Let me check\"}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_123\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"arguments\":\"{\\\"city\\\": \\\"Tokyo\\\"}\"}}]}", "null"),
                chunk("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}"));
        assertThat(blockStarts(out)).containsExactly("text", "tool_use");
        JsonNode start = events(out).stream().filter(e -> e.name().equals("content_block_start")).toList().get(1).data();
        assertThat(start.at("/content_block/input").toString()).isEqualTo("{}");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/1/input/city").asText()).isEqualTo("Tokyo");
        // the call ended the turn although the finish said stop
        assertThat(m.path("stop_reason").asText()).isEqualTo("tool_use");
    }

    /** TRANSFORMATION test_streaming_chunk_with_both_text_and_tool_calls_issue_18238: text and call in one chunk, neither lost. */
    @Test
    void textAndACallInOneChunkAreBothKept() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Here is some text for litellm\",\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"toolu_bdrk_013xRVejhv3ybmLEGCoZib2b\",\"type\":\"function\",\"function\":{\"name\":\"Bash\","
                + "\"arguments\":\"{\\\"cmd\\\": \\\"init\\\"}\"}}]}", "null"), chunk("{}", "\"tool_calls\""));
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Here is some text for litellm");
        assertThat(m.at("/content/1/name").asText()).isEqualTo("Bash");
        assertThat(m.at("/content/1/id").asText()).isEqualTo("toolu_bdrk_013xRVejhv3ybmLEGCoZib2b");
        assertThat(m.at("/content/1/input/cmd").asText()).isEqualTo("init");
    }

    /**
     * TRANSFORMATION test_streaming_chunk_with_text_and_empty_tool_calls_returns_text_delta (vLLM
     * sends tool_calls: []) and ..._reasoning_content_only_content_block (reasoning_content with no
     * thinking_blocks opens a thinking block); streaming_iterator cache tokens from
     * prompt_tokens_details in the last chunk.
     */
    @Test
    void emptyToolCallsAreTextAndReasoningContentOpensAThinkingBlock() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Hello from vLLM\",\"tool_calls\":[]}", "null"),
                chunk("{\"reasoning_content\":\"Let me think\"}", "null"),
                chunk("{}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":50,\"total_tokens\":170,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":30,\"cache_creation_tokens\":20}}"));
        assertThat(blockStarts(out)).containsExactly("text", "thinking");
        JsonNode m = parse(replay(out));
        assertThat(m.at("/content/0/text").asText()).isEqualTo("Hello from vLLM");
        assertThat(m.at("/content/1/thinking").asText()).isEqualTo("Let me think");
        JsonNode u = lastMessageDelta(out).path("usage");
        assertThat(u.path("input_tokens").asInt()).isEqualTo(70);
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(30);
        assertThat(u.path("cache_creation_input_tokens").asInt()).isEqualTo(20);
    }

    /** test_streaming_iterator_stop_reason.py test_content_filter_without_refusal_text: a filtered reply with no text is a refusal. */
    @Test
    void aContentFilterWithNoTextEndsAsARefusalWithItsUsage() {
        for (String[] c : new String[][] {{"content_filter", "refusal"}, {"stop", "end_turn"}}) {
            List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"),
                    chunk("{}", "\"" + c[0] + "\"", ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":0,\"total_tokens\":12}"));
            assertThat(events(out).stream().filter(e -> e.name().equals("message_delta"))).hasSize(1);
            assertThat(lastMessageDelta(out).at("/delta/stop_reason").asText()).as(c[0]).isEqualTo(c[1]);
            assertThat(lastMessageDelta(out).at("/usage/input_tokens").asInt()).isEqualTo(12);
            assertThat(events(out).get(events(out).size() - 1).name()).isEqualTo("message_stop");
        }
    }

    /**
     * test_streaming_iterator_mid_stream_error.py: a stream that breaks off after some text ends
     * with Claude's error event, not a dropped connection; an error chunk keeps its message and
     * its status's type (529 overloaded).
     */
    @Test
    void aStreamThatBreaksOffEndsWithAnErrorEvent() {
        List<String> cut = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"content\":\"Creating a file\"}", "null"),
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertFailedStream(cut);
        List<AnthropicShape.Event> ev = events(cut);
        assertThat(ev.get(0).name()).isEqualTo("message_start");
        assertThat(ev.get(ev.size() - 1).name()).isEqualTo("error");
        assertThat(ev.get(ev.size() - 1).data().at("/error/type").asText()).isEqualTo("api_error");

        List<String> failed = StreamTranslator.translateAll(chunk("{\"role\":\"assistant\",\"content\":\"Creating a file\"}", "null")
                + "data: {\"error\":{\"message\":\"upstream failed\",\"type\":\"server_error\",\"code\":529}}\n\n",
                ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertFailedStream(failed);
        JsonNode err = events(failed).get(events(failed).size() - 1).data();
        assertThat(err.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(err.at("/error/message").asText()).contains("upstream failed");
    }

    /** test_streaming_iterator_empty_choices.py: usage-only and metadata chunks with no choices do not break the stream. */
    @Test
    void chunksWithNoChoicesAreSkipped() {
        String empty = "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[]}\n\n";
        List<String> out = stream(empty, chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null"), empty, chunk("{}", "\"stop\""));
        assertThat(parse(replay(out)).at("/content/0/text").asText()).isEqualTo("Hi");
    }

    private static List<String> deltas(List<String> out, String type, String field) {
        return events(out).stream().filter(e -> e.name().equals("content_block_delta") && e.data().at("/delta/type").asText().equals(type))
                .map(e -> e.data().at("/delta/" + field).asText()).toList();
    }

    /**
     * test_streaming_iterator_first_delta.py (issue 30014): text that resumes after a call keeps
     * its first token, an empty content chunk adds no empty delta, the call's arguments are kept.
     * LiteLLM streams the resumed text after the call; promptport holds a Chat stream's calls
     * until the finish (several calls' arguments can interleave) and sends them after the text,
     * the order of the whole reply, where content and tool_calls are separate fields. The call
     * ends the turn for tool_use, as Claude's would.
     */
    @Test
    void textAfterACallKeepsItsFirstTokenAndNoEmptyDeltaIsSent() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Let me check.\"}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"arguments\":\"{\\\"city\\\":\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\" \\\"NY\\\"}\"}}]}", "null"),
                chunk("{\"content\":\"The weather is nice.\"}", "null"), chunk("{\"content\":\"\"}", "null"),
                chunk("{\"content\":\" Bye.\"}", "null"), chunk("{}", "\"stop\""));
        assertThat(deltas(out, "text_delta", "text")).containsExactly("Let me check.", "The weather is nice.", " Bye.");
        assertThat(String.join("", deltas(out, "input_json_delta", "partial_json"))).isEqualTo("{\"city\": \"NY\"}");
        assertThat(lastMessageDelta(out).at("/delta/stop_reason").asText()).isEqualTo("tool_use");
    }

    /**
     * The same file's thinking-first cases: a role-only lead chunk (with tool_calls: []) opens no
     * text block, so the thinking block is at index 0; reasoning and text in one chunk split into
     * a thinking and a text block; reasoning, text and a call in one chunk are each one block, in
     * Claude's order.
     */
    @Test
    void reasoningFirstOpensThinkingAtIndexZeroAndAMixedChunkSplits() {
        List<String> lead = stream(chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[]}", "null"),
                chunk("{\"reasoning_content\":\"Let me think\"}", "null"), chunk("{\"reasoning_content\":\"about it.\"}", "null"),
                chunk("{\"content\":\"42\"}", "null"), chunk("{\"content\":null}", "\"stop\""));
        assertThat(blockStarts(lead)).containsExactly("thinking", "text");
        assertThat(deltas(lead, "thinking_delta", "thinking")).containsExactly("Let me think", "about it.");
        assertThat(deltas(lead, "text_delta", "text")).containsExactly("42");

        List<String> mixed = stream(chunk("{\"content\":null,\"reasoning_content\":\"First thought.\"}", "null"),
                chunk("{\"content\":\"Answer.\",\"reasoning_content\":\" Last thought.\"}", "\"stop\""));
        assertThat(blockStarts(mixed)).containsExactly("thinking", "text");
        assertThat(deltas(mixed, "thinking_delta", "thinking")).containsExactly("First thought.", " Last thought.");
        assertThat(events(mixed).stream().filter(e -> e.name().equals("message_delta"))).hasSize(1);

        List<String> all = stream(chunk("{\"content\":\"Answer.\",\"reasoning_content\":\"Thought.\",\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\": \\\"NY\\\"}\"}}]}",
                "\"tool_calls\""));
        assertThat(blockStarts(all)).containsExactly("thinking", "text", "tool_use");
        assertThat(deltas(all, "input_json_delta", "partial_json")).containsExactly("{\"city\": \"NY\"}");
    }

    /**
     * The same file's refusal cases. Both end with stop reason refusal, and a length finish wins
     * over a refusal (max_tokens). LiteLLM moves the refusal's words into stop_details and streams
     * no text; promptport streams them as the reply's text, where a client of Claude shows what the
     * model said, as the whole reply's refusal field is translated too.
     */
    @Test
    void aRefusalEndsWithStopReasonRefusalAndALengthFinishWins() {
        List<String> refused = stream(chunk("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I cannot fulfill this request.\"}", "null"),
                chunk("{}", "\"stop\""));
        assertThat(lastMessageDelta(refused).at("/delta/stop_reason").asText()).isEqualTo("refusal");
        assertThat(parse(replay(refused)).at("/content/0/text").asText()).isEqualTo("I cannot fulfill this request.");
        List<String> cut = stream(chunk("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"Partial refusal\"}", "null"),
                chunk("{}", "\"length\""));
        assertThat(lastMessageDelta(cut).at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(lastMessageDelta(cut).path("delta").has("stop_details")).isFalse();
    }

    /**
     * test_streaming_iterator_tool_args.py: a call whose name comes first and arguments in a
     * later chunk (OpenAI's way) gets one input_json_delta with the arguments, right after its
     * block starts, and no empty one for the chunk that opened it.
     */
    @Test
    void argumentsAfterTheCallsNameAreOneDeltaRightAfterItsStart() {
        List<String> out = stream(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_xyz789\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"arguments\":\"\"}}]}", "null"),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"location\\\": \\\"NYC\\\"}\"}}]}", "null"),
                chunk("{}", "\"tool_calls\""));
        List<AnthropicShape.Event> ev = events(out);
        int start = -1;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.get(i).name().equals("content_block_start") && ev.get(i).data().at("/content_block/type").asText().equals("tool_use")) {
                start = i;
            }
        }
        assertThat(ev.get(start + 1).data().at("/delta/type").asText()).isEqualTo("input_json_delta");
        assertThat(deltas(out, "input_json_delta", "partial_json")).containsExactly("{\"location\": \"NYC\"}");
    }

    /**
     * messages/test_content_after_stop_reason.py: the finish chunk carries the usage and more
     * text follows it. The message ends once, with the finish's stop reason and the usage, its
     * blocks closed first; the late text is kept, as a block of its own, not dropped.
     */
    @Test
    void textAfterTheFinishIsKeptAndTheMessageEndsOnceWithTheUsage() {
        List<String> out = StreamTranslator.translateAll(chunk("{\"content\":\"Hello\"}", "null") + chunk("{\"content\":\" world\"}", "null")
                + chunk("{\"content\":\"\"}", "\"stop\"", ",\"usage\":{\"prompt_tokens\":230,\"completion_tokens\":65,\"total_tokens\":295}")
                + chunk("{\"content\":\" Additional content\"}", "null"), ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        List<String> names = events(out).stream().map(AnthropicShape.Event::name).toList();
        assertThat(names.stream().filter("message_delta"::equals)).hasSize(1);
        assertThat(names.lastIndexOf("content_block_stop")).isLessThan(names.indexOf("message_delta"));
        JsonNode d = lastMessageDelta(out);
        assertThat(d.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(d.at("/usage/input_tokens").asInt()).isEqualTo(230);
        assertThat(d.at("/usage/output_tokens").asInt()).isEqualTo(65);
        assertThat(String.join("", deltas(out, "text_delta", "text"))).isEqualTo("Hello world Additional content");
    }

    /**
     * test_streaming_iterator_cache_tokens.py (OpenRouter in front of Claude) and
     * test_streaming_iterator_message_id.py: the usage comes in a chunk of its own after the
     * finish, its cache reads count apart from the input; the streamed id is Claude-shaped. With
     * no cache hit LiteLLM leaves cache_read_input_tokens out; promptport writes 0, as Claude's
     * own usage has the field.
     */
    @Test
    void theUsageAfterTheFinishKeepsItsCacheReadsApart() {
        String id = "\"id\":\"chatcmpl-lit6825\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"kimi-k2\"";
        List<String> out = StreamTranslator.translateAll("data: {" + id + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                + "\"content\":\"OK\"},\"finish_reason\":null}]}\n\ndata: {" + id + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {" + id + ",\"choices\":[],\"usage\":{\"prompt_tokens\":7009,\"completion_tokens\":4,\"total_tokens\":7013,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":7001}}}\n\ndata: [DONE]\n\n", ReplyFormat.OPENAI_CHAT, ReplyContext.NONE);
        assertCompleteStream(out);
        assertThat(events(out).get(0).data().at("/message/id").asText()).startsWith("msg_");
        JsonNode u = lastMessageDelta(out).path("usage");
        assertThat(u.path("cache_read_input_tokens").asInt()).isEqualTo(7001);
        assertThat(u.path("input_tokens").asInt()).isEqualTo(8);
        assertThat(u.path("output_tokens").asInt()).isEqualTo(4);
    }
}
